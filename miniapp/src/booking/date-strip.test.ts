import { allDaysFull, buildDateStrip, initialDate } from './date-strip'
import type { Availability } from './types'

const now = new Date('2026-05-06T02:00:00.000Z') // 10:00 on Wednesday 6 May in China

const availability = (days: Array<[string, number]>): Availability => ({
  stationId: 's1',
  days: days.map(([date, free]) => ({ date, free })),
  overflow: null,
})

describe('buildDateStrip', () => {
  test("uses the availability's days, sorted, with labels and free counts", () => {
    const chips = buildDateStrip(now, 14, availability([['2026-05-07', 0], ['2026-05-06', 3], ['2026-05-09', 5]]))
    expect(chips.map((c) => c.date)).toEqual(['2026-05-06', '2026-05-07', '2026-05-09'])
    expect(chips[0]).toMatchObject({ dayLabel: '今天', dateLabel: '5月6日', free: 3, full: false })
    expect(chips[1]).toMatchObject({ dayLabel: '明天', free: 0, full: true })
    expect(chips[2]).toMatchObject({ dayLabel: '周六' })
  })

  test('without availability, covers the horizon from today with unknown counts (never "full")', () => {
    const chips = buildDateStrip(now, 14, null)
    expect(chips).toHaveLength(14)
    expect(chips[0]!.date).toBe('2026-05-06')
    expect(chips[13]!.date).toBe('2026-05-19')
    expect(chips.every((c) => c.free === null && !c.full)).toBe(true)
  })

  test('a China evening after 16:00 UTC starts the strip on the China date', () => {
    const lateEvening = new Date('2026-05-06T16:30:00.000Z') // 00:30 on 7 May in China
    expect(buildDateStrip(lateEvening, 3, null).map((c) => c.date)).toEqual(['2026-05-07', '2026-05-08', '2026-05-09'])
  })

  test('a broken horizon still gives one day, and never more than 31', () => {
    expect(buildDateStrip(now, 0, null)).toHaveLength(1)
    expect(buildDateStrip(now, Number.NaN, null)).toHaveLength(1)
    expect(buildDateStrip(now, 400, null)).toHaveLength(31)
  })
})

describe('initialDate', () => {
  const chips = buildDateStrip(now, 14, availability([['2026-05-06', 0], ['2026-05-07', 0], ['2026-05-08', 2]]))

  test('opens on the first day with a free slot', () => {
    expect(initialDate(chips)).toBe('2026-05-08')
  })

  test('a preferred date on the strip wins (e.g. the overflow first free date), one off the strip does not', () => {
    expect(initialDate(chips, '2026-05-07')).toBe('2026-05-07')
    expect(initialDate(chips, '2030-01-01')).toBe('2026-05-08')
  })

  test('all full → the first day; nothing → null', () => {
    const full = buildDateStrip(now, 14, availability([['2026-05-06', 0], ['2026-05-07', 0]]))
    expect(initialDate(full)).toBe('2026-05-06')
    expect(allDaysFull(full)).toBe(true)
    expect(allDaysFull(chips)).toBe(false)
    expect(initialDate([])).toBeNull()
  })
})
