// The China-time arithmetic itself is tested once, in content/china-time.test.ts; these cover the mini-program's
// wording on top of it.
import { chinaHour, formatDateTime, formatDay, formatMonthDay, formatSession, relativeDayLabel, weekdayLabel } from './china-time'

describe('booking times as residents read them', () => {
  test('formats a session, a day and a moment in China time', () => {
    expect(formatSession('2026-05-06T01:00:00.000Z', '2026-05-06T01:50:00.000Z')).toBe('5月6日 周三 09:00–09:50')
    expect(formatDay('2026-05-05T16:00:00.000Z')).toBe('5月6日 周三')
    expect(formatDateTime('2026-05-06T01:00:00.000Z')).toBe('5月6日 09:00')
    expect(chinaHour('2026-05-05T16:05:00.000Z')).toBe(0)
    expect(chinaHour('2026-05-06T01:00:00.000Z')).toBe(9)
  })

  test('an unreadable instant or date gives empty text, never "NaN" or a crash', () => {
    expect(formatSession('nope', 'nope')).toBe('')
    expect(formatSession('2026-05-06T01:00:00.000Z', 'nope')).toBe('5月6日 周三 09:00')
    expect(formatDay('')).toBe('')
    expect(formatDateTime('not a date')).toBe('')
    expect(formatMonthDay('2026-02-30')).toBe('')
    expect(weekdayLabel('garbage')).toBe('')
    expect(relativeDayLabel('garbage', new Date('2026-05-05T15:30:00.000Z'))).toBe('')
    expect(chinaHour('nope')).toBeNaN()
  })

  test('relative day labels are counted in China days', () => {
    // 23:30 in China on 5 May.
    const now = new Date('2026-05-05T15:30:00.000Z')
    expect(relativeDayLabel('2026-05-05', now)).toBe('今天')
    expect(relativeDayLabel('2026-05-06', now)).toBe('明天')
    expect(relativeDayLabel('2026-05-07', now)).toBe('后天')
    expect(relativeDayLabel('2026-05-08', now)).toBe('周五')
    expect(relativeDayLabel('2026-05-04', now)).toBe('周一')
  })

  test('shows the year only when it is not this (China) year', () => {
    const now = new Date('2026-12-31T12:00:00.000Z')
    expect(formatMonthDay('2026-05-06', now)).toBe('5月6日')
    expect(formatMonthDay('2027-01-02', now)).toBe('2027年1月2日')
    // 00:30 on 1 January in China: already the new year there.
    expect(formatMonthDay('2026-05-06', new Date('2026-12-31T16:30:00.000Z'))).toBe('2026年5月6日')
    expect(formatDateTime('2026-05-06T01:00:00.000Z', now)).toBe('5月6日 09:00')
  })
})
