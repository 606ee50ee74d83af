import { memoryStore } from '../test-support/memory-store'
import { PROGRESS_KEY_PREFIX, answeredCount, createProgressStore, firstUnanswered, isComplete } from './progress'

const PHQ9 = { code: 'phq9', version: '1.0.0', itemCount: 9 }

function setup(initial: Record<string, string> = {}) {
  const store = memoryStore(initial)
  let clock = Date.parse('2026-11-23T22:00:00Z')
  let keys = 0
  const progress = createProgressStore({
    store,
    now: () => new Date(clock),
    newAttemptKey: () => `attempt-key-${++keys}`,
  })
  return { store, progress, tick: (ms: number) => { clock += ms } }
}

describe('in-progress answers', () => {
  test('nothing saved: none', () => {
    expect(setup().progress.load(PHQ9)).toEqual({ kind: 'none' })
  })

  test('start saves an empty attempt with a fresh attempt key at once', () => {
    const { progress, store } = setup()
    const started = progress.start(PHQ9)
    expect(started.answers).toEqual(Array(9).fill(null))
    expect(started.attemptKey).toBe('attempt-key-1')
    expect(store.data.has(`${PROGRESS_KEY_PREFIX}phq9`)).toBe(true)
    expect(progress.load(PHQ9)).toMatchObject({ kind: 'resumable', answered: 0 })
  })

  test('answers survive a restart (a new store instance on the same storage) with position and attempt key', () => {
    const first = setup()
    let p = first.progress.start(PHQ9)
    p = first.progress.answer(p, 0, 0)
    p = first.progress.answer(p, 1, 2)
    p = first.progress.moveTo(p, 2)

    const reopened = createProgressStore({ store: first.store, now: () => new Date(), newAttemptKey: () => 'never-used' })
    const saved = reopened.load(PHQ9)
    expect(saved.kind).toBe('resumable')
    if (saved.kind !== 'resumable') throw new Error('unreachable')
    expect(saved.answered).toBe(2)
    expect(saved.progress.answers.slice(0, 3)).toEqual([0, 2, null])
    expect(saved.progress.index).toBe(2)
    expect(saved.progress.attemptKey).toBe('attempt-key-1')
  })

  test('going back and changing an answer keeps the other answers', () => {
    const { progress } = setup()
    let p = progress.start(PHQ9)
    p = progress.answer(p, 0, 1)
    p = progress.answer(p, 1, 1)
    p = progress.moveTo(p, 0)
    p = progress.answer(p, 0, 3)
    expect(p.answers.slice(0, 2)).toEqual([3, 1])
    expect(p.index).toBe(0)
  })

  test('restarting gives a new attempt key and drops the old answers', () => {
    const { progress } = setup()
    const first = progress.answer(progress.start(PHQ9), 0, 2)
    const second = progress.start(PHQ9)
    expect(second.attemptKey).not.toBe(first.attemptKey)
    expect(progress.load(PHQ9)).toMatchObject({ kind: 'resumable', answered: 0 })
  })

  test('updatedAt follows the clock', () => {
    const { progress, tick } = setup()
    const p = progress.start(PHQ9)
    tick(60_000)
    expect(progress.answer(p, 0, 1).updatedAt).toBe('2026-11-23T22:01:00.000Z')
  })

  test('answers saved for another version of the scale are dropped as outdated', () => {
    const { progress, store } = setup()
    progress.answer(progress.start(PHQ9), 0, 1)
    expect(progress.load({ ...PHQ9, version: '1.1.0' })).toEqual({ kind: 'outdated' })
    expect(store.data.has(`${PROGRESS_KEY_PREFIX}phq9`)).toBe(false)
  })

  test('answers saved for a different item count are dropped as outdated', () => {
    const { progress } = setup()
    progress.answer(progress.start(PHQ9), 0, 1)
    expect(progress.load({ ...PHQ9, itemCount: 10 })).toEqual({ kind: 'outdated' })
  })

  test.each([
    ['not JSON', '{oops'],
    ['a wrong shape', JSON.stringify({ code: 'phq9', answers: 'x' })],
    ['a bad attempt key', JSON.stringify({ ...PHQ9, attemptKey: 'bad key!', answers: Array(9).fill(null), index: 0, startedAt: '', updatedAt: '' })],
  ])('unreadable saved progress (%s) is dropped, not shown', (_what, raw) => {
    const { progress } = setup({ [`${PROGRESS_KEY_PREFIX}phq9`]: raw })
    expect(progress.load(PHQ9)).toEqual({ kind: 'outdated' })
  })

  test('a saved position beyond the last item is clamped', () => {
    const { progress, store } = setup()
    const p = progress.start(PHQ9)
    store.set(`${PROGRESS_KEY_PREFIX}phq9`, JSON.stringify({ ...p, index: 42 }))
    const saved = progress.load(PHQ9)
    expect(saved.kind === 'resumable' && saved.progress.index).toBe(8)
  })

  test('answering an item that does not exist throws', () => {
    const { progress } = setup()
    expect(() => progress.answer(progress.start(PHQ9), 9, 1)).toThrow(RangeError)
  })

  test('clear removes the saved attempt', () => {
    const { progress } = setup()
    progress.answer(progress.start(PHQ9), 0, 1)
    progress.clear('phq9')
    expect(progress.load(PHQ9)).toEqual({ kind: 'none' })
  })

  test('progress of one scale does not touch another', () => {
    const { progress } = setup()
    progress.answer(progress.start(PHQ9), 0, 1)
    expect(progress.load({ code: 'gad7', version: '1.0.0', itemCount: 7 })).toEqual({ kind: 'none' })
  })
})

describe('progress helpers', () => {
  test('answeredCount, firstUnanswered and isComplete', () => {
    expect(answeredCount({ answers: [0, null, 2] })).toBe(2)
    expect(firstUnanswered({ answers: [0, null, 2] })).toBe(1)
    expect(firstUnanswered({ answers: [0, 1] })).toBe(-1)
    expect(isComplete({ answers: [0, 1], itemCount: 2 })).toBe(true)
    expect(isComplete({ answers: [0, null], itemCount: 2 })).toBe(false)
    expect(isComplete({ answers: [0], itemCount: 2 })).toBe(false)
  })
})
