import {
  addDays,
  chinaDateOf,
  chinaHour,
  chinaToday,
  daysBetween,
  formatClock,
  formatDateTime,
  formatDay,
  formatMonthDay,
  formatSession,
  isChinaDate,
  relativeDayLabel,
  weekdayOf,
} from './china-time'

describe('China time (fixed UTC+8, independent of the phone time zone)', () => {
  test('16:00 UTC is already the next day in China; 15:59 UTC is not', () => {
    expect(chinaDateOf('2026-05-05T16:00:00.000Z')).toBe('2026-05-06')
    expect(chinaDateOf('2026-05-05T15:59:59.999Z')).toBe('2026-05-05')
    expect(chinaToday(new Date('2026-12-31T16:30:00.000Z'))).toBe('2027-01-01')
  })

  test('09:00 in China is 01:00 UTC', () => {
    expect(formatClock('2026-05-06T01:00:00.000Z')).toBe('09:00')
    expect(chinaHour('2026-05-06T01:00:00.000Z')).toBe(9)
    expect(formatClock('2026-05-05T16:05:00.000Z')).toBe('00:05')
  })

  test('an unreadable instant gives empty text, never "NaN"', () => {
    expect(chinaDateOf('not a date')).toBe('')
    expect(formatClock('')).toBe('')
    expect(formatSession('nope', 'nope')).toBe('')
  })

  test('addDays crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('garbage', 1)).toBe('')
  })

  test('daysBetween and weekdays (1 = Monday … 7 = Sunday)', () => {
    expect(daysBetween('2026-05-06', '2026-05-20')).toBe(14)
    expect(daysBetween('2026-05-06', '2026-05-05')).toBe(-1)
    expect(weekdayOf('2026-05-04')).toBe(1)
    expect(weekdayOf('2026-05-10')).toBe(7)
  })

  test('isChinaDate rejects impossible dates and other shapes', () => {
    expect(isChinaDate('2026-02-28')).toBe(true)
    expect(isChinaDate('2026-02-30')).toBe(false)
    expect(isChinaDate('2026-2-3')).toBe(false)
    expect(isChinaDate('2026-05-06T00:00:00Z')).toBe(false)
  })

  test('relative day labels are counted in China days', () => {
    // 23:30 in China on 5 May.
    const now = new Date('2026-05-05T15:30:00.000Z')
    expect(relativeDayLabel('2026-05-05', now)).toBe('今天')
    expect(relativeDayLabel('2026-05-06', now)).toBe('明天')
    expect(relativeDayLabel('2026-05-07', now)).toBe('后天')
    expect(relativeDayLabel('2026-05-08', now)).toBe('周五')
  })

  test('formats a session as the resident reads it', () => {
    expect(formatSession('2026-05-06T01:00:00.000Z', '2026-05-06T01:50:00.000Z')).toBe('5月6日 周三 09:00–09:50')
    expect(formatDay('2026-05-05T16:00:00.000Z')).toBe('5月6日 周三')
    expect(formatDateTime('2026-05-06T01:00:00.000Z')).toBe('5月6日 09:00')
  })

  test('shows the year only when it is not this (China) year', () => {
    const now = new Date('2026-12-31T12:00:00.000Z')
    expect(formatMonthDay('2026-05-06', now)).toBe('5月6日')
    expect(formatMonthDay('2027-01-02', now)).toBe('2027年1月2日')
  })
})
