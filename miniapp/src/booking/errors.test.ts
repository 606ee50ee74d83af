import { ApiError, FALLBACK_MESSAGE, networkError, toApiError } from '../services/errors'
import { BOOKING_ERROR_MESSAGES, bookingErrorAction, bookingErrorMessage, keepsIdempotencyKey, SLOT_TAKEN_MESSAGE } from './errors'

const conflict = (code: string) => toApiError(409, { error: { code, message: 'server text' } })

describe('booking error messages', () => {
  test('a taken slot says so plainly and asks for another time', () => {
    expect(bookingErrorMessage(conflict('BOOKING_SLOT_TAKEN'))).toBe('这个时段刚刚被别人约走了，请换一个时间')
    expect(SLOT_TAKEN_MESSAGE).toBe(BOOKING_ERROR_MESSAGES.BOOKING_SLOT_TAKEN)
  })

  test.each(['BOOKING_SLOT_UNAVAILABLE', 'BOOKING_LIMIT_REACHED', 'BOOKING_OVERLAP', 'BOOKING_CANCEL_WINDOW_PASSED', 'BOOKING_STATE_CHANGED', 'RATING_EXISTS', 'WAITLIST_DATE_INVALID', 'ACTIVITY_FULL'])(
    '%s has its own Chinese message (not the server text)',
    (code) => {
      const message = bookingErrorMessage(conflict(code))
      expect(message).toMatch(/[\u4e00-\u9fff]/)
      expect(message).not.toBe('server text')
    },
  )

  test('other codes keep the general mapping or the server message; anything else the fallback', () => {
    expect(bookingErrorMessage(toApiError(401, { error: { code: 'UNAUTHENTICATED' } }))).toBe('登录已失效，请重新登录')
    expect(bookingErrorMessage(conflict('SOMETHING_NEW'))).toBe('server text')
    expect(bookingErrorMessage(new Error('boom'))).toBe(FALLBACK_MESSAGE)
  })
})

describe('what to do after an error', () => {
  test.each([
    ['BOOKING_SLOT_TAKEN', 'choose_another_slot', false],
    ['BOOKING_SLOT_UNAVAILABLE', 'choose_another_slot', false],
    ['BOOKING_LIMIT_REACHED', 'open_my_bookings', false],
    ['BOOKING_OVERLAP', 'open_my_bookings', false],
    ['BOOKING_IN_PROGRESS', 'retry', true],
    ['VALIDATION_FAILED', 'show', false],
  ])('%s → %s (keep key: %s)', (code, action, keep) => {
    const error = conflict(code)
    expect(bookingErrorAction(error)).toBe(action)
    expect(keepsIdempotencyKey(error)).toBe(keep)
  })

  test('no answer or a server fault: retry with the same key (it may already be booked)', () => {
    expect(bookingErrorAction(networkError())).toBe('retry')
    expect(keepsIdempotencyKey(networkError())).toBe(true)
    expect(keepsIdempotencyKey(toApiError(502, '<html>'))).toBe(true)
    expect(keepsIdempotencyKey(new TypeError('x'))).toBe(true)
  })

  test('an expired token: sign in again, same key', () => {
    const expired = new ApiError(401, 'TOKEN_EXPIRED', '登录已过期')
    expect(bookingErrorAction(expired)).toBe('sign_in')
    expect(keepsIdempotencyKey(expired)).toBe(true)
  })
})
