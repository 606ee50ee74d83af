import { ApiError, networkError } from '../services/errors'
import { memoryStore } from '../test-support/memory-store'
import {
  KEEP_RESULTS_DAYS, MAX_KEPT_RESULTS, OUTBOX_STORAGE_KEY, RESULTS_STORAGE_KEY, WAITING_MESSAGE,
  classifySendError, createOutbox, newAttemptKey, type Submission, type SubmissionInput,
} from './outbox'
import type { AssessmentResult } from './types'

function resultFor(submission: Pick<Submission, 'code' | 'answers'>): AssessmentResult {
  const total = submission.answers.reduce((a, b) => a + b, 0)
  return {
    code: submission.code, version: '1.0.0', total, scoreLabel: '总分', band: null, subscales: [], urgent: false,
    crisis: false, next: [], disclaimer: '自测结果只是筛查参考，不是诊断。',
  }
}

function input(attemptKey: string, overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return { attemptKey, code: 'phq9', version: '1.0.0', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], localCrisisItems: [9], ...overrides }
}

/** An outbox whose network is a switch; every send is recorded with its key. */
function setup(store = memoryStore()) {
  let clock = Date.parse('2026-11-23T23:30:00Z')
  let online = true
  let refuseWith: ApiError | null = null
  const sent: Array<{ key: string; answers: number[] }> = []
  const outbox = createOutbox({
    store,
    now: () => new Date(clock),
    async send(submission) {
      sent.push({ key: submission.attemptKey, answers: submission.answers })
      if (!online) throw networkError()
      if (refuseWith) throw refuseWith
      return resultFor(submission)
    },
    classify: classifySendError,
  })
  return {
    store, outbox, sent,
    goOffline: () => { online = false },
    goOnline: () => { online = true },
    refuse: (error: ApiError | null) => { refuseWith = error },
    tick: (ms: number) => { clock += ms },
  }
}

describe('outbox', () => {
  test('a submission is in storage before it is sent', async () => {
    const t = setup()
    t.outbox.enqueue(input('key-aaaaaaaa'))
    expect(t.sent).toEqual([])
    expect(JSON.parse(t.store.get(OUTBOX_STORAGE_KEY) ?? '[]')).toHaveLength(1)
  })

  test('online: delivered, the result kept, the submission gone from storage', async () => {
    const t = setup()
    t.outbox.enqueue(input('key-aaaaaaaa'))
    await t.outbox.flush()
    const status = t.outbox.status('key-aaaaaaaa')
    expect(status.kind).toBe('delivered')
    expect(status.kind === 'delivered' && status.delivered.result.total).toBe(1)
    expect(status.kind === 'delivered' && status.delivered.localCrisisItems).toEqual([9])
    // Kept with the result so the page can offer 保存这次结果 with the same answers.
    expect(status.kind === 'delivered' && status.delivered.answers).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1])
    expect(JSON.parse(t.store.get(OUTBOX_STORAGE_KEY) ?? 'null')).toEqual([])
    expect(JSON.parse(t.store.get(RESULTS_STORAGE_KEY) ?? '[]')).toHaveLength(1)
  })

  test('offline: the submission stays, waiting, with the local crisis items and a Chinese message', async () => {
    const t = setup()
    t.goOffline()
    t.outbox.enqueue(input('key-aaaaaaaa'))
    await t.outbox.flush()
    const status = t.outbox.status('key-aaaaaaaa')
    expect(status.kind).toBe('pending')
    if (status.kind !== 'pending') throw new Error('unreachable')
    expect(status.submission.attempts).toBe(1)
    expect(status.submission.error).toBe(WAITING_MESSAGE)
    expect(status.submission.localCrisisItems).toEqual([9])
    expect(status.sending).toBe(false)
  })

  test('when the network returns, it is resent with the same Idempotency-Key and the same answers', async () => {
    const t = setup()
    t.goOffline()
    t.outbox.enqueue(input('key-aaaaaaaa'))
    await t.outbox.flush()
    await t.outbox.flush()
    t.goOnline()
    await t.outbox.flush()
    expect(t.sent.map((s) => s.key)).toEqual(['key-aaaaaaaa', 'key-aaaaaaaa', 'key-aaaaaaaa'])
    expect(new Set(t.sent.map((s) => JSON.stringify(s.answers))).size).toBe(1)
    expect(t.outbox.status('key-aaaaaaaa').kind).toBe('delivered')
  })

  test('an app restart (new outbox on the same storage) resends what was left', async () => {
    const first = setup()
    first.goOffline()
    first.outbox.enqueue(input('key-aaaaaaaa'))
    await first.outbox.flush()

    const relaunched = setup(first.store)
    expect(relaunched.outbox.status('key-aaaaaaaa').kind).toBe('pending')
    await relaunched.outbox.flush()
    expect(relaunched.sent.map((s) => s.key)).toEqual(['key-aaaaaaaa'])
    expect(relaunched.outbox.status('key-aaaaaaaa').kind).toBe('delivered')
  })

  test('the same attempt key twice is one submission (double tap on 提交)', async () => {
    const t = setup()
    t.outbox.enqueue(input('key-aaaaaaaa'))
    t.outbox.enqueue(input('key-aaaaaaaa', { answers: [3, 3, 3, 3, 3, 3, 3, 3, 3] }))
    expect(t.outbox.getState().submissions).toHaveLength(1)
    await t.outbox.flush()
    t.outbox.enqueue(input('key-aaaaaaaa'))
    await t.outbox.flush()
    expect(t.sent).toHaveLength(1)
  })

  test('concurrent flushes send each submission once', async () => {
    const t = setup()
    t.outbox.enqueue(input('key-aaaaaaaa'))
    t.outbox.enqueue(input('key-bbbbbbbb'))
    await Promise.all([t.outbox.flush(), t.outbox.flush(), t.outbox.flush()])
    expect(t.sent.map((s) => s.key).sort()).toEqual(['key-aaaaaaaa', 'key-bbbbbbbb'])
  })

  test('a submission added during a flush is sent by the same run', async () => {
    const t = setup()
    t.outbox.enqueue(input('key-aaaaaaaa'))
    const running = t.outbox.flush()
    t.outbox.enqueue(input('key-bbbbbbbb'))
    await t.outbox.flush()
    await running
    expect(t.outbox.status('key-bbbbbbbb').kind).toBe('delivered')
  })

  test('each run tries every pending submission once, oldest first', async () => {
    const t = setup()
    t.outbox.enqueue(input('key-bbbbbbbb'))
    t.tick(1000)
    t.outbox.enqueue(input('key-aaaaaaaa'))
    t.goOffline()
    await t.outbox.flush()
    expect(t.sent.map((s) => s.key)).toEqual(['key-bbbbbbbb', 'key-aaaaaaaa'])
    const waiting = t.outbox.getState().submissions
    expect(waiting.map((s) => [s.status, s.attempts])).toEqual([['pending', 1], ['pending', 1]])
  })

  test('a submission the server keeps failing (503) does not hold back a later one', async () => {
    let calls = 0
    const store = memoryStore()
    const outbox = createOutbox({
      store,
      now: () => new Date(Date.parse('2026-11-23T23:30:00Z') + calls),
      async send(submission) {
        calls++
        if (submission.code === 'broken') throw new ApiError(503, 'INTERNAL', '服务器开了个小差，请稍后再试')
        return resultFor(submission)
      },
      classify: classifySendError,
    })
    outbox.enqueue(input('key-aaaaaaaa', { code: 'broken' }))
    calls++
    outbox.enqueue(input('key-bbbbbbbb'))
    await outbox.flush()
    expect(outbox.status('key-aaaaaaaa').kind).toBe('pending')
    expect(outbox.status('key-bbbbbbbb').kind).toBe('delivered')
  })

  test('a 400 (answers no longer fit the scale) fails for good and is not resent; the others still go', async () => {
    const t = setup()
    t.outbox.enqueue(input('key-aaaaaaaa'))
    t.refuse(new ApiError(400, 'VALIDATION_FAILED', '填写的内容有误，请检查后再试'))
    await t.outbox.flush()
    t.refuse(null)
    t.outbox.enqueue(input('key-bbbbbbbb'))
    await t.outbox.flush()
    const failed = t.outbox.status('key-aaaaaaaa')
    expect(failed.kind).toBe('failed')
    expect(failed.kind === 'failed' && failed.submission.localCrisisItems).toEqual([9])
    expect(t.sent.map((s) => s.key)).toEqual(['key-aaaaaaaa', 'key-bbbbbbbb'])
    t.outbox.dismissFailed('key-aaaaaaaa')
    expect(t.outbox.status('key-aaaaaaaa').kind).toBe('unknown')
  })

  test('a 503 stays pending and is resent later', async () => {
    const t = setup()
    t.refuse(new ApiError(503, 'INTERNAL', '服务器开了个小差，请稍后再试'))
    t.outbox.enqueue(input('key-aaaaaaaa'))
    await t.outbox.flush()
    expect(t.outbox.status('key-aaaaaaaa').kind).toBe('pending')
    t.refuse(null)
    await t.outbox.flush()
    expect(t.outbox.status('key-aaaaaaaa').kind).toBe('delivered')
  })

  test('enqueue throws and keeps nothing when storage refuses the write (the caller keeps its answers)', () => {
    const t = setup()
    t.store.failWrites = true
    expect(() => t.outbox.enqueue(input('key-aaaaaaaa'))).toThrow(/storage/)
    expect(t.outbox.getState().submissions).toEqual([])
  })

  test('listeners hear the sending state and the delivery', async () => {
    const t = setup()
    const seen: Array<string | null> = []
    const stop = t.outbox.subscribe((state) => seen.push(state.sendingKey))
    t.outbox.enqueue(input('key-aaaaaaaa'))
    await t.outbox.flush()
    stop()
    expect(seen).toContain('key-aaaaaaaa')
    expect(seen[seen.length - 1]).toBeNull()
  })

  test('markSeen marks a delivered result once', async () => {
    const t = setup()
    t.outbox.enqueue(input('key-aaaaaaaa'))
    await t.outbox.flush()
    t.outbox.markSeen('key-aaaaaaaa')
    const status = t.outbox.status('key-aaaaaaaa')
    expect(status.kind === 'delivered' && status.delivered.seen).toBe(true)
  })

  test(`keeps at most ${MAX_KEPT_RESULTS} results, none older than ${KEEP_RESULTS_DAYS} days`, async () => {
    const t = setup()
    for (let i = 0; i < MAX_KEPT_RESULTS + 2; i++) {
      t.tick(1000)
      t.outbox.enqueue(input(`key-${String(i).padStart(8, '0')}`))
      await t.outbox.flush()
    }
    expect(t.outbox.getState().delivered).toHaveLength(MAX_KEPT_RESULTS)
    expect(t.outbox.status('key-00000000').kind).toBe('unknown')
    t.tick((KEEP_RESULTS_DAYS + 1) * 24 * 60 * 60 * 1000)
    t.outbox.enqueue(input('key-later000'))
    await t.outbox.flush()
    expect(t.outbox.getState().delivered.map((d) => d.attemptKey)).toEqual(['key-later000'])
  })

  test('unreadable storage starts empty instead of crashing the app', () => {
    const t = setup(memoryStore({ [OUTBOX_STORAGE_KEY]: '{broken', [RESULTS_STORAGE_KEY]: JSON.stringify([{ nope: 1 }]) }))
    expect(t.outbox.getState().submissions).toEqual([])
    expect(t.outbox.getState().delivered).toEqual([])
  })
})

describe('classifySendError', () => {
  test.each([
    ['no response', networkError(), true],
    ['429', new ApiError(429, 'RATE_LIMITED', 'x'), true],
    ['502', new ApiError(502, 'INTERNAL', 'x'), true],
    ['an unreadable 200', new ApiError(200, 'INTERNAL', 'x'), true],
    ['400', new ApiError(400, 'VALIDATION_FAILED', '第3题没有分值为 7 的选项'), false],
    ['404', new ApiError(404, 'SCALE_NOT_FOUND', 'x'), false],
    ['a non-API error', new TypeError('x'), true],
  ])('%s → retry %s', (_what, error, retry) => {
    expect(classifySendError(error).retry).toBe(retry)
  })
})

describe('newAttemptKey', () => {
  test('24 characters the API accepts as Idempotency-Key', () => {
    let seed = 0
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 73 + 41) % 256))
    const key = newAttemptKey(bytes)
    expect(key).toMatch(/^[A-Za-z0-9]{24}$/)
  })

  test('skips biased bytes (≥ 248) and still returns 24 characters', () => {
    let calls = 0
    const key = newAttemptKey((n) => {
      calls++
      return new Uint8Array(n).fill(calls === 1 ? 250 : 5)
    })
    expect(key).toBe('F'.repeat(24))
  })
})
