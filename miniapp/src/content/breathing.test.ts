import { cycleMs, frameAt, PATTERNS, roundText, SCALE_EMPTY, SCALE_FULL, sessionMs } from './breathing'

const s = (seconds: number) => seconds * 1000

describe('4-7-8 breathing', () => {
  const p = PATTERNS['478']

  test('one cycle is 19 seconds: inhale 4, hold 7, exhale 8', () => {
    expect(cycleMs(p)).toBe(s(19))
    expect(frameAt(p, 0)).toMatchObject({ kind: 'running', label: '吸气', secondsLeft: 4, round: 1, targetScale: SCALE_FULL, transitionMs: s(4) })
    expect(frameAt(p, s(3.9))).toMatchObject({ label: '吸气', secondsLeft: 1 })
    expect(frameAt(p, s(4))).toMatchObject({ label: '屏住', secondsLeft: 7, targetScale: SCALE_FULL, transitionMs: s(7) })
    expect(frameAt(p, s(11))).toMatchObject({ label: '呼气', secondsLeft: 8, targetScale: SCALE_EMPTY, transitionMs: s(8) })
    expect(frameAt(p, s(18.5))).toMatchObject({ label: '呼气', secondsLeft: 1 })
  })

  test('rounds count up and the session ends after the chosen number', () => {
    expect(frameAt(p, s(19))).toMatchObject({ label: '吸气', round: 2, completedRounds: 1 })
    expect(frameAt(p, s(19 * 4) - 1)).toMatchObject({ kind: 'running', round: 4 })
    expect(frameAt(p, s(19 * 4))).toEqual({ kind: 'done', completedRounds: 4 })
    expect(sessionMs(p, 4)).toBe(s(76))
  })

  test('without a round limit it keeps going', () => {
    expect(frameAt(p, s(19 * 100 + 5), null)).toMatchObject({ kind: 'running', round: 101, label: '屏住' })
    expect(sessionMs(p, null)).toBeNull()
  })

  test('bad elapsed time reads as the start', () => {
    expect(frameAt(p, -500)).toMatchObject({ label: '吸气', round: 1 })
    expect(frameAt(p, NaN)).toMatchObject({ label: '吸气', round: 1 })
  })
})

describe('box breathing', () => {
  const p = PATTERNS.box

  test('4-4-4-4: inhale, hold (full), exhale, hold (empty)', () => {
    expect(cycleMs(p)).toBe(s(16))
    const phases = [0, 4, 8, 12].map((t) => frameAt(p, s(t)))
    expect(phases.map((f) => (f.kind === 'running' ? [f.label, f.targetScale] : null))).toEqual([
      ['吸气', SCALE_FULL],
      ['屏住', SCALE_FULL],
      ['呼气', SCALE_EMPTY],
      ['屏住', SCALE_EMPTY],
    ])
  })

  test('round text', () => {
    expect(roundText(frameAt(p, s(17)), 4)).toBe('第 2 轮 / 共 4 轮')
    expect(roundText(frameAt(p, s(17), null), null)).toBe('第 2 轮')
    expect(roundText({ kind: 'idle' }, 4)).toBe('')
  })
})
