// Timing helpers for the live preview: wait until typing pauses, and never let an older answer replace a newer one.
// Pure (timers come from the global, which Jest's fake timers replace in tests).

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Drops a pending call (on unmount). */
  cancel(): void;
  /** Runs a pending call now, if there is one. */
  flush(): void;
  pending(): boolean;
}

/** Calls `fn` with the latest arguments once `waitMs` have passed without another call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: A | null = null;

  const run = () => {
    timer = null;
    const args = lastArgs;
    lastArgs = null;
    if (args) fn(...args);
  };

  const debounced = ((...args: A) => {
    lastArgs = args;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  }) as Debounced<A>;
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastArgs = null;
  };
  debounced.flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    run();
  };
  debounced.pending = () => timer !== null;
  return debounced;
}

/**
 * Hands out tickets in order; only the newest ticket is current. A slow preview request that comes back after a
 * newer one has been sent is ignored instead of flashing old text.
 */
export function latestOnly() {
  let latest = 0;
  return {
    next(): number {
      latest += 1;
      return latest;
    },
    isCurrent(ticket: number): boolean {
      return ticket === latest;
    },
  };
}

/** How long the preview waits after the last keystroke. */
export const PREVIEW_DEBOUNCE_MS = 400;
