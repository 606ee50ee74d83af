/**
 * Where the resident stopped listening. Kept on the phone for every track (so resume works signed out and
 * offline) and, when signed in, on the server (so it follows them to another device). The newer of the two
 * wins. Pure: the store is injected.
 */
import type { KeyValueStore } from '../services/storage'
import type { ListeningPosition } from './types'

/** Tracks remembered on the phone; the least recently played fall off. */
export const MAX_LOCAL_POSITIONS = 30
/** Closer than this to the end counts as finished: the next play starts from the beginning. */
export const FINISHED_MARGIN_SEC = 5
/** Less than this is not worth a "continue from" note. */
export const MIN_RESUME_SEC = 3

export interface LocalListening {
  get(trackId: string): ListeningPosition | null
  set(trackId: string, positionSec: number): void
  all(): ListeningPosition[]
}

function readAll(store: KeyValueStore, key: string): ListeningPosition[] {
  try {
    const raw = store.get(key)
    const list: unknown = raw ? JSON.parse(raw) : []
    if (!Array.isArray(list)) return []
    return list.filter(
      (p): p is ListeningPosition =>
        typeof p === 'object' && p !== null && typeof p.trackId === 'string' && typeof p.positionSec === 'number' && Number.isFinite(p.positionSec) && typeof p.updatedAt === 'string',
    )
  } catch {
    return []
  }
}

export function createLocalListening(store: KeyValueStore, key: string, now: () => Date = () => new Date()): LocalListening {
  return {
    get: (trackId) => readAll(store, key).find((p) => p.trackId === trackId) ?? null,
    all: () => readAll(store, key),
    set(trackId, positionSec) {
      const entry: ListeningPosition = { trackId, positionSec: Math.max(0, Math.floor(positionSec)), updatedAt: now().toISOString() }
      const rest = readAll(store, key).filter((p) => p.trackId !== trackId)
      try {
        store.set(key, JSON.stringify([entry, ...rest].slice(0, MAX_LOCAL_POSITIONS)))
      } catch {
        // Storage full: resume falls back to the server copy or the start. Nothing else depends on it.
      }
    },
  }
}

const timeOf = (p: ListeningPosition | null | undefined) => {
  const ms = p ? Date.parse(p.updatedAt) : NaN
  return Number.isNaN(ms) ? -Infinity : ms
}

/** The newer of the phone's and the server's position (server wins a tie: it may come from another device). */
export function newerPosition(local: ListeningPosition | null, remote: ListeningPosition | null): ListeningPosition | null {
  if (!local) return remote
  if (!remote) return local
  return timeOf(local) > timeOf(remote) ? local : remote
}

/**
 * Second to start from: the saved position, unless it is too small to matter, at or past the end
 * (finished: start over), or nonsense.
 */
export function resumeFrom(position: ListeningPosition | null, durationSec: number): number {
  if (!position) return 0
  const at = Math.floor(position.positionSec)
  if (!Number.isFinite(at) || at < MIN_RESUME_SEC) return 0
  if (durationSec > 0 && at >= durationSec - FINISHED_MARGIN_SEC) return 0
  return at
}
