import { appendPage, markedRead, messageTarget, unreadBadge } from './messages'

describe('messages', () => {
  test('badge text', () => {
    expect(unreadBadge(0)).toBe('')
    expect(unreadBadge(-3)).toBe('')
    expect(unreadBadge(7)).toBe('7')
    expect(unreadBadge(99)).toBe('99')
    expect(unreadBadge(100)).toBe('99+')
  })

  test('a booking message opens the booking; a waitlist message the station; an activity message the activities', () => {
    expect(messageTarget({ kind: 'booking_confirmed', bookingId: 'bk_1', stationId: 's', activityId: null })).toEqual({ route: 'bookingDetail', query: { id: 'bk_1' } })
    expect(messageTarget({ kind: 'waitlist_seat_free', bookingId: null, stationId: 's', activityId: null })).toEqual({ route: 'bookingStation', query: { id: 's' } })
    expect(messageTarget({ kind: 'activity_registered', bookingId: null, stationId: 's', activityId: 'a' })).toEqual({ route: 'bookingActivities', query: { id: 'a' } })
    expect(messageTarget({ kind: 'booking_reminder', bookingId: null, stationId: null, activityId: null })).toBeNull()
  })

  test('markedRead changes only an unread message', () => {
    const items = [{ id: 'a', read: false }, { id: 'b', read: true }]
    expect(markedRead(items, 'a')).toEqual({ items: [{ id: 'a', read: true }, { id: 'b', read: true }], changed: true })
    expect(markedRead(items, 'b').changed).toBe(false)
    expect(markedRead(items, 'zzz').changed).toBe(false)
  })

  test('appendPage skips messages already shown', () => {
    expect(appendPage([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]).map((m) => m.id)).toEqual(['a', 'b', 'c'])
  })
})
