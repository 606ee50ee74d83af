/**
 * Saves the listening position while a track plays: at most once per interval (~10 s) during playback, and at
 * once on pause, hide, end or the sleep timer (flush). One request at a time; a position that comes in while
 * one is on its way is sent right after it (only the latest). Failures are quiet: the next save carries a newer
 * position anyway. Pure: clock and senders are injected.
 */

export const SYNC_INTERVAL_MS = 10_000

export interface PositionSyncDeps {
  now(): number
  /** Saves on the phone (synchronous, cheap). */
  saveLocal(trackId: string, positionSec: number): void
  /** Saves on the server; called only when `canSaveRemote()` is true. */
  saveRemote(trackId: string, positionSec: number): Promise<void>
  canSaveRemote(): boolean
  intervalMs?: number
}

export interface PositionSync {
  /** During playback (e.g. on every timeupdate): saves when the interval has passed. */
  report(trackId: string, positionSec: number): void
  /** Pause / hide / end / sleep timer: saves now (unless this exact position was just saved). */
  flush(trackId: string, positionSec: number): Promise<void>
}

interface Saved {
  trackId: string
  positionSec: number
}

export function createPositionSync(deps: PositionSyncDeps): PositionSync {
  const interval = deps.intervalMs ?? SYNC_INTERVAL_MS
  let lastSaveAt = -Infinity
  let lastSaved: Saved | null = null
  let lastSent: Saved | null = null
  let inFlight: Promise<void> | null = null
  let queued: Saved | null = null

  const same = (a: Saved | null, b: Saved) => a !== null && a.trackId === b.trackId && Math.abs(a.positionSec - b.positionSec) < 1

  function sendRemote(entry: Saved): Promise<void> {
    if (!deps.canSaveRemote() || same(lastSent, entry)) return inFlight ?? Promise.resolve()
    if (inFlight) {
      queued = entry
      return inFlight
    }
    inFlight = deps
      .saveRemote(entry.trackId, entry.positionSec)
      .then(
        () => {
          lastSent = entry
        },
        () => {
          // Quiet: the next save carries a newer position.
        },
      )
      .finally(() => {
        inFlight = null
        const next = queued
        queued = null
        if (next) void sendRemote(next)
      })
    return inFlight
  }

  function save(trackId: string, positionSec: number): Promise<void> {
    const entry = { trackId, positionSec: Math.max(0, Math.floor(positionSec)) }
    lastSaveAt = deps.now()
    if (!same(lastSaved, entry)) {
      deps.saveLocal(entry.trackId, entry.positionSec)
      lastSaved = entry
    }
    return sendRemote(entry)
  }

  return {
    report(trackId, positionSec) {
      // The first ticks after a (re)start can read 0 before the resume point applies; never let them overwrite it.
      if (!Number.isFinite(positionSec) || positionSec < 1) return
      const trackChanged = lastSaved !== null && lastSaved.trackId !== trackId
      if (!trackChanged && deps.now() - lastSaveAt < interval) return
      void save(trackId, positionSec)
    },
    flush(trackId, positionSec) {
      if (!Number.isFinite(positionSec)) return Promise.resolve()
      return save(trackId, positionSec)
    },
  }
}
