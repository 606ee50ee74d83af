import { isDue, remainingMs, remainingText, selectedMinutes, SLEEP_TIMER_OFF, startSleepTimer } from './sleep-timer'

const T0 = Date.parse('2026-03-21T14:00:00Z')

describe('sleep timer', () => {
  test.each([15, 30, 60])('%i minutes ends exactly that long after starting', (minutes) => {
    const timer = startSleepTimer(minutes, T0)
    expect(remainingMs(timer, T0)).toBe(minutes * 60_000)
    expect(isDue(timer, T0 + minutes * 60_000 - 1)).toBe(false)
    expect(isDue(timer, T0 + minutes * 60_000)).toBe(true)
    expect(selectedMinutes(timer)).toBe(minutes)
  })

  test('only 15, 30 and 60 are offered', () => {
    expect(() => startSleepTimer(45, T0)).toThrow(RangeError)
    expect(() => startSleepTimer(0, T0)).toThrow(RangeError)
  })

  test('a phone that slept past the end still sees it due (wall clock, not ticks)', () => {
    const timer = startSleepTimer(15, T0)
    expect(isDue(timer, T0 + 3 * 60 * 60_000)).toBe(true)
    expect(remainingMs(timer, T0 + 3 * 60 * 60_000)).toBe(0)
  })

  test('remaining text rounds up and never reads 00:00 while running', () => {
    const timer = startSleepTimer(15, T0)
    expect(remainingText(timer, T0)).toBe('15:00 后停止播放')
    expect(remainingText(timer, T0 + 1)).toBe('15:00 后停止播放')
    expect(remainingText(timer, T0 + 15 * 60_000 - 200)).toBe('00:01 后停止播放')
  })

  test('off: nothing due, nothing shown', () => {
    expect(isDue(SLEEP_TIMER_OFF, T0)).toBe(false)
    expect(remainingMs(SLEEP_TIMER_OFF, T0)).toBeNull()
    expect(remainingText(SLEEP_TIMER_OFF, T0)).toBeNull()
    expect(selectedMinutes(SLEEP_TIMER_OFF)).toBeNull()
  })
})
