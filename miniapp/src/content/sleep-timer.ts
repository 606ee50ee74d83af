/**
 * The player's sleep timer: stop playback after 15, 30 or 60 minutes. Wall-clock based (an end time, not a
 * countdown of ticks), so a phone that slept or a throttled background timer still stops on time: whoever
 * looks next (the timeout, a timeupdate, the page coming back) sees it is due. Pure.
 */

export const SLEEP_TIMER_MINUTES = [15, 30, 60] as const
export type SleepTimerMinutes = (typeof SLEEP_TIMER_MINUTES)[number]

export type SleepTimer =
  | { kind: 'off' }
  | { kind: 'running'; minutes: SleepTimerMinutes; endsAt: number }

export const SLEEP_TIMER_OFF: SleepTimer = { kind: 'off' }

export function isSleepTimerMinutes(value: unknown): value is SleepTimerMinutes {
  return SLEEP_TIMER_MINUTES.includes(value as SleepTimerMinutes)
}

export function startSleepTimer(minutes: number, nowMs: number): SleepTimer {
  if (!isSleepTimerMinutes(minutes)) throw new RangeError(`sleep timer: ${minutes} is not one of ${SLEEP_TIMER_MINUTES.join('/')}`)
  return { kind: 'running', minutes, endsAt: nowMs + minutes * 60_000 }
}

/** Milliseconds left (0 when due), null when off. */
export function remainingMs(timer: SleepTimer, nowMs: number): number | null {
  return timer.kind === 'running' ? Math.max(0, timer.endsAt - nowMs) : null
}

export function isDue(timer: SleepTimer, nowMs: number): boolean {
  return timer.kind === 'running' && nowMs >= timer.endsAt
}

/** "14:59 后停止播放", rounded up so it never says 00:00 while still playing. */
export function remainingText(timer: SleepTimer, nowMs: number): string | null {
  const left = remainingMs(timer, nowMs)
  if (left === null) return null
  const seconds = Math.ceil(left / 1000)
  const mm = Math.floor(seconds / 60)
  const ss = seconds % 60
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')} 后停止播放`
}

/** Which option to show as selected (null = 不定时). */
export function selectedMinutes(timer: SleepTimer): SleepTimerMinutes | null {
  return timer.kind === 'running' ? timer.minutes : null
}
