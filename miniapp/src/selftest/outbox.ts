/**
 * The submission outbox: finished self-tests wait here, persisted, until the server has scored them.
 * A submission is written to storage BEFORE it is sent, and leaves the outbox only when the server answered
 * (a result, or a refusal that resending cannot fix). Every resend carries the attempt's one Idempotency-Key,
 * so the server counts it once however often the network fails. Sent again on app launch, on network
 * return, and when a page asks (retry button).
 * Pure: storage, clock, sender and error classifier are injected.
 */
import { ApiError } from '../services/errors'
import type { KeyValueStore } from '../services/storage'
import type { AssessmentResult } from './types'

export const OUTBOX_STORAGE_KEY = 'xinan.selftest.outbox'
export const RESULTS_STORAGE_KEY = 'xinan.selftest.results'
/** Results kept on the device for the result page and the 自测 tab's "结果已出" notice. */
export const MAX_KEPT_RESULTS = 10
export const KEEP_RESULTS_DAYS = 30

export interface SubmissionInput {
  attemptKey: string
  code: string
  version: string
  answers: number[]
  /** Critical items found on the device at submit time (selftest/crisis.ts). */
  localCrisisItems: number[]
}

export interface Submission extends SubmissionInput {
  createdAt: string
  attempts: number
  lastTriedAt: string | null
  /** pending: will be (re)sent; failed: the server refused it for good (e.g. the scale changed). */
  status: 'pending' | 'failed'
  /** Chinese message for the last failure, if any. */
  error: string | null
}

export interface DeliveredResult {
  attemptKey: string
  code: string
  localCrisisItems: number[]
  /** The answers, kept on the device only so the result page can offer 保存这次结果 (never sent by itself). */
  answers?: number[]
  result: AssessmentResult
  deliveredAt: string
  /** The result page has shown it. */
  seen: boolean
}

export interface OutboxState {
  submissions: readonly Submission[]
  delivered: readonly DeliveredResult[]
  /** Attempt key being sent right now, if any. */
  sendingKey: string | null
}

export type SubmissionStatus =
  | { kind: 'pending'; submission: Submission; sending: boolean }
  | { kind: 'failed'; submission: Submission }
  | { kind: 'delivered'; delivered: DeliveredResult }
  | { kind: 'unknown' }

export interface FailureVerdict {
  /** true: keep it and send again later (no response, 5xx, 429, unreadable answer). */
  retry: boolean
  message: string
}

export interface OutboxDeps {
  store: KeyValueStore
  now(): Date
  send(submission: Submission): Promise<AssessmentResult>
  classify(error: unknown): FailureVerdict
}

function parseList<T>(raw: string | null, isItem: (v: unknown) => v is T): T[] {
  if (raw === null) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return []
  }
  return Array.isArray(parsed) ? parsed.filter(isItem) : []
}

function isSubmission(v: unknown): v is Submission {
  if (typeof v !== 'object' || v === null) return false
  const s = v as Partial<Submission>
  return typeof s.attemptKey === 'string' && typeof s.code === 'string' && typeof s.version === 'string'
    && Array.isArray(s.answers) && s.answers.every((a) => typeof a === 'number')
    && Array.isArray(s.localCrisisItems) && typeof s.createdAt === 'string'
    && (s.status === 'pending' || s.status === 'failed')
}

function isDelivered(v: unknown): v is DeliveredResult {
  if (typeof v !== 'object' || v === null) return false
  const d = v as Partial<DeliveredResult>
  return typeof d.attemptKey === 'string' && typeof d.code === 'string' && typeof d.deliveredAt === 'string'
    && typeof d.result === 'object' && d.result !== null && Array.isArray(d.localCrisisItems)
}

export function createOutbox(deps: OutboxDeps) {
  let state: OutboxState | null = null
  const listeners = new Set<(state: OutboxState) => void>()
  let running: Promise<void> | null = null
  let rerun = false

  function current(): OutboxState {
    if (!state) {
      state = {
        submissions: parseList(deps.store.get(OUTBOX_STORAGE_KEY), isSubmission),
        delivered: parseList(deps.store.get(RESULTS_STORAGE_KEY), isDelivered),
        sendingKey: null,
      }
    }
    return state
  }

  function keptResults(delivered: readonly DeliveredResult[]): DeliveredResult[] {
    const oldest = deps.now().getTime() - KEEP_RESULTS_DAYS * 24 * 60 * 60 * 1000
    return delivered
      .filter((d) => Date.parse(d.deliveredAt) >= oldest)
      .sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt))
      .slice(0, MAX_KEPT_RESULTS)
  }

  /**
   * Applies a change in memory, tells the listeners, then writes what changed to storage. Results are written
   * before submissions, so a crash between the two writes leaves a harmless idempotent resend, never a loss.
   * Storage errors propagate (the memory state stays right for this session; the next write tries again).
   */
  function commit(next: Partial<OutboxState>): void {
    const merged: OutboxState = { ...current(), ...next }
    if (next.delivered) merged.delivered = keptResults(next.delivered)
    state = merged
    for (const listener of listeners) listener(merged)
    if (next.delivered) deps.store.set(RESULTS_STORAGE_KEY, JSON.stringify(merged.delivered))
    if (next.submissions) deps.store.set(OUTBOX_STORAGE_KEY, JSON.stringify(merged.submissions))
  }

  async function sendOne(submission: Submission): Promise<void> {
    const key = submission.attemptKey
    commit({ sendingKey: key })
    const triedAt = deps.now().toISOString()
    let result: AssessmentResult
    try {
      result = await deps.send(submission)
    } catch (error) {
      const verdict = deps.classify(error)
      commit({
        sendingKey: null,
        submissions: current().submissions.map((s) => (s.attemptKey === key ? {
          ...s,
          attempts: s.attempts + 1,
          lastTriedAt: triedAt,
          status: verdict.retry ? 'pending' as const : 'failed' as const,
          error: verdict.message,
        } : s)),
      })
      return
    }
    const delivered: DeliveredResult = {
      attemptKey: key,
      code: submission.code,
      localCrisisItems: submission.localCrisisItems,
      answers: submission.answers.slice(),
      result,
      deliveredAt: deps.now().toISOString(),
      seen: false,
    }
    commit({
      sendingKey: null,
      delivered: [delivered, ...current().delivered.filter((d) => d.attemptKey !== key)],
      submissions: current().submissions.filter((s) => s.attemptKey !== key),
    })
  }

  /**
   * One try for every pending submission, oldest first. A failure does not stop the run: a submission the
   * server keeps refusing with 5xx must not hold back the others, and there are only ever a few.
   */
  async function flushOnce(): Promise<void> {
    const queue = current().submissions.filter((s) => s.status === 'pending')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    for (const submission of queue) {
      // Still pending? (a page may have dismissed it meanwhile)
      const live = current().submissions.find((s) => s.attemptKey === submission.attemptKey && s.status === 'pending')
      if (live) await sendOne(live)
    }
  }

  return {
    getState: current,

    subscribe(listener: (state: OutboxState) => void): () => void {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },

    /**
     * Saves a finished attempt for sending. The same attempt key twice is one submission (a double tap, or a
     * resubmit after the app was killed mid-send). Throws if storage refuses it.
     */
    enqueue(input: SubmissionInput): Submission | DeliveredResult {
      const { submissions, delivered } = current()
      const known = submissions.find((s) => s.attemptKey === input.attemptKey)
        ?? delivered.find((d) => d.attemptKey === input.attemptKey)
      if (known) return known
      const submission: Submission = {
        ...input,
        answers: input.answers.slice(),
        localCrisisItems: input.localCrisisItems.slice(),
        createdAt: deps.now().toISOString(),
        attempts: 0,
        lastTriedAt: null,
        status: 'pending',
        error: null,
      }
      const next = [...submissions, submission]
      // Written first and on its own: if storage refuses, nothing changed and the caller keeps its answers.
      deps.store.set(OUTBOX_STORAGE_KEY, JSON.stringify(next))
      commit({ submissions: next })
      return submission
    },

    /**
     * Sends every pending submission, oldest first. Concurrent calls share one run (plus one rerun). Send
     * failures are recorded on the submission, not thrown; rejects only when storage refuses a write.
     */
    flush(): Promise<void> {
      if (running) {
        rerun = true
        return running
      }
      running = (async () => {
        do {
          rerun = false
          await flushOnce()
        } while (rerun)
      })().finally(() => {
        running = null
      })
      return running
    },

    status(attemptKey: string): SubmissionStatus {
      const { submissions, delivered, sendingKey } = current()
      const d = delivered.find((x) => x.attemptKey === attemptKey)
      if (d) return { kind: 'delivered', delivered: d }
      const s = submissions.find((x) => x.attemptKey === attemptKey)
      if (!s) return { kind: 'unknown' }
      return s.status === 'failed' ? { kind: 'failed', submission: s } : { kind: 'pending', submission: s, sending: sendingKey === attemptKey }
    },

    markSeen(attemptKey: string): void {
      const { delivered } = current()
      if (!delivered.some((d) => d.attemptKey === attemptKey && !d.seen)) return
      commit({ delivered: delivered.map((d) => (d.attemptKey === attemptKey ? { ...d, seen: true } : d)) })
    },

    /** Removes a submission the server refused for good, once the person has seen why. */
    dismissFailed(attemptKey: string): void {
      const { submissions } = current()
      if (!submissions.some((s) => s.attemptKey === attemptKey && s.status === 'failed')) return
      commit({ submissions: submissions.filter((s) => s.attemptKey !== attemptKey) })
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>

/**
 * A fresh attempt key for the Idempotency-Key header: 24 characters of [A-Za-z0-9] (the API accepts 8–64 of
 * [A-Za-z0-9_-]). `randomBytes(n)` is injected (crypto.getRandomValues in the app).
 */
export function newAttemptKey(randomBytes: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const bytes = randomBytes(24)
  // 248 = 4 × 62: drop bytes ≥ 248 instead of taking them mod 62, so every character is equally likely.
  let key = ''
  for (const b of bytes) if (b < 248) key += alphabet[b % 62]
  while (key.length < 24) {
    const [b = 0] = randomBytes(1)
    if (b < 248) key += alphabet[b % 62]
  }
  return key
}

/** Shown while a submission waits for the network. */
export const WAITING_MESSAGE = '网络连接不上，答案已经保存在本机，联网后会自动提交'

/**
 * Resend or give up? No response, a timeout, a rate limit or a server error may pass: keep and resend.
 * Any other refusal (400 answers no longer match the scale, 404 the scale was withdrawn) will not pass by
 * resending: stop, with the server's message.
 */
export function classifySendError(error: unknown): FailureVerdict {
  if (error instanceof ApiError) {
    const transient = error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500
      || error.code === 'INTERNAL' // includes a 200 whose body could not be read
    return transient
      ? { retry: true, message: error.status === 0 ? WAITING_MESSAGE : `${error.message}。答案已经保存在本机，稍后会自动重新提交` }
      : { retry: false, message: error.message }
  }
  // Anything else (an unreadable 200, a bug in the sender) is not the answers' fault: keep them and resend.
  return { retry: true, message: WAITING_MESSAGE }
}
