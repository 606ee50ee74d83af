import { articleMeta, cardMeta, formatClock, formatDay, formatProgress, readingTime } from './format'

describe('format', () => {
  test.each([
    [0, '00:00'],
    [5.9, '00:05'],
    [65, '01:05'],
    [600, '10:00'],
    [4503, '75:03'],
    [-3, '00:00'],
    [NaN, '00:00'],
    [Infinity, '00:00'],
  ])('formatClock(%p) = %s', (input, expected) => {
    expect(formatClock(input)).toBe(expected)
  })

  test('progress reads current / total', () => {
    expect(formatProgress(192, 600)).toBe('03:12 / 10:00')
  })

  test('dates are China dates whatever the device zone (late UTC evening is the next day in Beijing)', () => {
    expect(formatDay('2026-03-20T17:30:00.000Z')).toBe('2026-03-21')
    expect(formatDay('2026-03-20T02:00:00Z')).toBe('2026-03-20')
    expect(formatDay('not a date')).toBe('')
    expect(formatDay(null)).toBe('')
  })

  test('reading time and meta lines', () => {
    expect(readingTime(0)).toBe('约1分钟')
    expect(cardMeta({ category: '睡眠', readingMinutes: 6 })).toBe('睡眠 · 约6分钟')
    expect(articleMeta({ category: '睡眠', readingMinutes: 6, reviewedBy: '王医生', reviewedAt: '2026-03-20T02:00:00Z' })).toBe(
      '睡眠 · 约6分钟 · 审核：王医生 2026-03-20',
    )
    expect(articleMeta({ category: '睡眠', readingMinutes: 6, reviewedBy: ' ', reviewedAt: null })).toBe('睡眠 · 约6分钟')
  })
})
