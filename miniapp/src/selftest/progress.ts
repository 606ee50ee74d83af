/**
 * In-progress answers, one record per scale, so closing the app midway loses nothing.
 * Kept only on this device (Taro storage) and removed once the answers are handed to the outbox.
 * Pure: the store, the clock and the key generator are injected.
 */
import type { KeyValueStore } from '../services/storage'

export const PROGRESS_KEY_PREFIX = 'xinan.selftest.progress.'

export interface Progress {
  code: string
  /** Definition version the answers belong to; a different version means the items may differ. */
  version: string
  itemCount: number
  /** Idempotency-Key of this attempt: made once when the attempt starts, reused by every resend. */
  attemptKey: string
  /** Raw option values in item order; null = not answered yet. */
  answers: Array<number | null>
  /** 0-based index of the question on screen. */
  index: number
  startedAt: string
  updatedAt: string
}

export type SavedProgress =
  | { kind: 'none' }
  /** An attempt for this version of the scale (`answered` may be 0: started, nothing answered yet). */
  | { kind: 'resumable'; progress: Progress; answered: number }
  /** Saved for another version of the scale (or unreadable): it was dropped, start again. */
  | { kind: 'outdated' }

export interface ProgressDeps {
  store: KeyValueStore
  now(): Date
  newAttemptKey(): string
}

export interface ScaleIdentity {
  code: string
  version: string
  itemCount: number
}

function isProgress(value: unknown): value is Progress {
  if (typeof value !== 'object' || value === null) return false
  const p = value as Partial<Progress>
  return typeof p.code === 'string' && typeof p.version === 'string' && typeof p.itemCount === 'number'
    && typeof p.attemptKey === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(p.attemptKey)
    && Array.isArray(p.answers) && p.answers.every((a) => a === null || (typeof a === 'number' && Number.isInteger(a)))
    && typeof p.index === 'number' && Number.isInteger(p.index)
    && typeof p.startedAt === 'string' && typeof p.updatedAt === 'string'
}

export function answeredCount(progress: Pick<Progress, 'answers'>): number {
  return progress.answers.filter((a) => a !== null).length
}

/** 0-based index of the first unanswered item, or -1 when all are answered. */
export function firstUnanswered(progress: Pick<Progress, 'answers'>): number {
  return progress.answers.findIndex((a) => a === null)
}

export function isComplete(progress: Pick<Progress, 'answers' | 'itemCount'>): boolean {
  return progress.answers.length === progress.itemCount && firstUnanswered(progress) === -1
}

export function createProgressStore(deps: ProgressDeps) {
  const keyOf = (code: string) => `${PROGRESS_KEY_PREFIX}${code}`

  function save(progress: Progress): Progress {
    const saved = { ...progress, updatedAt: deps.now().toISOString() }
    deps.store.set(keyOf(progress.code), JSON.stringify(saved))
    return saved
  }

  return {
    /** What is saved for this scale, checked against the definition now in use. */
    load(scale: ScaleIdentity): SavedProgress {
      const raw = deps.store.get(keyOf(scale.code))
      if (raw === null) return { kind: 'none' }
      let parsed: unknown
      try {
        parsed = JSON.parse(raw)
      } catch {
        parsed = null
      }
      if (!isProgress(parsed) || parsed.code !== scale.code || parsed.version !== scale.version
        || parsed.itemCount !== scale.itemCount || parsed.answers.length !== scale.itemCount) {
        deps.store.remove(keyOf(scale.code))
        return { kind: 'outdated' }
      }
      const answered = answeredCount(parsed)
      const index = Math.min(Math.max(parsed.index, 0), scale.itemCount - 1)
      return { kind: 'resumable', progress: { ...parsed, index }, answered }
    },

    /** A fresh attempt (new Idempotency-Key), saved at once. Replaces anything saved for the scale. */
    start(scale: ScaleIdentity): Progress {
      const at = deps.now().toISOString()
      return save({
        code: scale.code,
        version: scale.version,
        itemCount: scale.itemCount,
        attemptKey: deps.newAttemptKey(),
        answers: Array.from({ length: scale.itemCount }, () => null),
        index: 0,
        startedAt: at,
        updatedAt: at,
      })
    },

    /** Records the answer to the item at `index` (0-based) and saves. */
    answer(progress: Progress, index: number, value: number): Progress {
      if (!Number.isInteger(index) || index < 0 || index >= progress.itemCount) {
        throw new RangeError(`第${index + 1}题不存在`)
      }
      const answers = progress.answers.slice()
      answers[index] = value
      return save({ ...progress, answers, index })
    },

    /** Moves to another question (back / next) and saves the position. */
    moveTo(progress: Progress, index: number): Progress {
      const bounded = Math.min(Math.max(index, 0), progress.itemCount - 1)
      return save({ ...progress, index: bounded })
    },

    clear(code: string): void {
      deps.store.remove(keyOf(code))
    },
  }
}

export type ProgressStore = ReturnType<typeof createProgressStore>
