import { awaitsStation, isUpcoming, splitBookings, statusHint, statusLabel, statusTone, STATUS_LABELS } from './status'
import type { BookingStatus } from './types'

describe('status labels', () => {
  test('every state has the Chinese label the resident sees', () => {
    expect(STATUS_LABELS).toEqual({
      pending: '待确认',
      confirmed: '已确认',
      checked_in: '已签到',
      completed: '已完成',
      no_show: '未到',
      cancelled_by_resident: '已取消',
      cancelled_by_station: '已取消',
    })
    expect(statusLabel('something_new')).toBe('处理中')
    expect(statusHint('pending')).toContain('确认')
    expect(statusTone('confirmed')).toBe('good')
    expect(statusTone('pending')).toBe('waiting')
  })
})

describe('splitBookings', () => {
  const now = new Date('2026-05-06T02:00:00.000Z')
  const b = (id: string, status: BookingStatus, start: string, end: string) => ({ id, status, start, end })
  const items = [
    b('later', 'confirmed', '2026-05-08T01:00:00.000Z', '2026-05-08T01:50:00.000Z'),
    b('soon', 'pending', '2026-05-07T01:00:00.000Z', '2026-05-07T01:50:00.000Z'),
    b('now', 'checked_in', '2026-05-06T01:30:00.000Z', '2026-05-06T02:20:00.000Z'),
    b('cancelled', 'cancelled_by_resident', '2026-05-09T01:00:00.000Z', '2026-05-09T01:50:00.000Z'),
    b('overdue', 'confirmed', '2026-05-05T01:00:00.000Z', '2026-05-05T01:50:00.000Z'),
    b('done', 'completed', '2026-05-01T01:00:00.000Z', '2026-05-01T01:50:00.000Z'),
  ]

  test('upcoming = pending/confirmed/checked_in not yet over, soonest first; the rest past, latest first', () => {
    const { upcoming, past } = splitBookings(items, now)
    expect(upcoming.map((x) => x.id)).toEqual(['now', 'soon', 'later'])
    expect(past.map((x) => x.id)).toEqual(['cancelled', 'overdue', 'done'])
  })

  test('isUpcoming ends at the end time, and pending means the station has to act', () => {
    expect(isUpcoming(items[2]!, new Date('2026-05-06T02:20:00.000Z'))).toBe(false)
    expect(awaitsStation(items)).toBe(true)
    expect(awaitsStation([items[0]!])).toBe(false)
  })
})
