export interface LockoutPolicy {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

/**
 * When is the account locked until, given its recent failed logins (any order) and the time now?
 * Locked when `maxFailures` failures fall within `windowMinutes`; the lock lasts `lockMinutes` from the last of them.
 * Pure, with the clock passed in.
 */
export function lockedUntil(failures: readonly Date[], now: Date, policy: LockoutPolicy): Date | null {
  const times = failures.map((d) => d.getTime()).sort((a, b) => a - b);
  let until = 0;
  for (let i = policy.maxFailures - 1; i < times.length; i++) {
    if (times[i]! - times[i - policy.maxFailures + 1]! <= policy.windowMinutes * 60_000) {
      until = Math.max(until, times[i]! + policy.lockMinutes * 60_000);
    }
  }
  return until > now.getTime() ? new Date(until) : null;
}

/** How far back failures can matter to `lockedUntil` at `now`. */
export function lockoutLookbackMs(policy: LockoutPolicy): number {
  return (policy.windowMinutes + policy.lockMinutes) * 60_000;
}
