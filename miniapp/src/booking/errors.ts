/**
 * Booking error codes → warm Chinese messages and what the page should do next. The general codes (network,
 * validation, login) keep their messages from services/errors.ts. Pure.
 */
import { ApiError, userMessage } from '../services/errors'

export const SLOT_TAKEN_MESSAGE = '这个时段刚刚被别人约走了，请换一个时间'

export const BOOKING_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  BOOKING_SLOT_TAKEN: SLOT_TAKEN_MESSAGE,
  BOOKING_SLOT_UNAVAILABLE: '这个时间现在约不了了（可能离开始太近，或咨询师的安排有了变化），请换一个时间',
  BOOKING_LIMIT_REACHED: '你还没进行的预约已经到上限了。可以在「我的预约」里取消一个用不上的，或等咨询结束后再来约',
  BOOKING_OVERLAP: '这个时间和你已有的一个预约重叠了，请换一个时间',
  BOOKING_IN_PROGRESS: '上一次提交还在处理中，请稍等几秒再点一次',
  BOOKING_CANCEL_WINDOW_PASSED: '离开始的时间太近了，线上已经不能取消或改期。请直接打电话给驿站，说一声就好',
  BOOKING_INVALID_TRANSITION: '这个预约的状态已经变了，请刷新后再看看',
  BOOKING_STATE_CHANGED: '这个预约刚刚有了变化，请刷新后再试',
  BOOKING_NOT_FOUND: '没有找到这个预约，可能已经被取消了',
  STATION_NOT_FOUND: '没有找到这个驿站，请回到列表重新选择',
  COUNSELOR_NOT_FOUND: '没有找到这位咨询师，可以换一位，或选择「不限」',
  RATING_NOT_ALLOWED: '咨询完成后才能评价',
  RATING_EXISTS: '你已经评价过这次咨询了，谢谢你',
  WAITLIST_DATE_INVALID: '这一天已经不能登记候补了，请换一天',
  WAITLIST_NOT_FOUND: '没有找到这条候补登记',
  ACTIVITY_FULL: '这个活动的名额已经满了，可以看看其他活动',
  ACTIVITY_CLOSED: '这个活动已经开始或取消了，不能再报名',
  ACTIVITY_NOT_FOUND: '没有找到这个活动，可能已经取消了',
  REGISTRATION_NOT_FOUND: '没有找到这条报名记录',
  MESSAGE_NOT_FOUND: '没有找到这条消息',
  IDEMPOTENCY_KEY_REQUIRED: '提交出了点小问题，请再点一次',
  TOKEN_EXPIRED: '登录已过期，请再点一次，我们会帮你重新登录',
}

function codeOf(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null
}

/** The message to show for anything a booking call threw. */
export function bookingErrorMessage(error: unknown): string {
  const code = codeOf(error)
  return (code && BOOKING_ERROR_MESSAGES[code]) || userMessage(error)
}

export type BookingErrorAction =
  /** The chosen time is gone: go back to the slots and reload them. */
  | 'choose_another_slot'
  /** Limits on the resident's own bookings: point to 我的预约. */
  | 'open_my_bookings'
  /** Sign in again, then the same submit may be retried with the same key. */
  | 'sign_in'
  /** Nothing reached a decision (network, server fault, still running): retry with the same Idempotency-Key. */
  | 'retry'
  /** A definite refusal the form cannot fix by itself. */
  | 'show'

export function bookingErrorAction(error: unknown): BookingErrorAction {
  if (!(error instanceof ApiError)) return 'retry'
  switch (error.code) {
    case 'BOOKING_SLOT_TAKEN':
    case 'BOOKING_SLOT_UNAVAILABLE':
    case 'COUNSELOR_NOT_FOUND':
      return 'choose_another_slot'
    case 'BOOKING_LIMIT_REACHED':
    case 'BOOKING_OVERLAP':
      return 'open_my_bookings'
    case 'UNAUTHENTICATED':
    case 'TOKEN_EXPIRED':
      return 'sign_in'
    case 'BOOKING_IN_PROGRESS':
      return 'retry'
    default:
      return error.status === 0 || error.status >= 500 ? 'retry' : 'show'
  }
}

/**
 * Whether the next tap may reuse the Idempotency-Key: yes while the outcome is unknown (it may have been booked —
 * the replay then returns that booking instead of a second one), no after a definite refusal, so a changed
 * situation (e.g. another booking cancelled meanwhile) is judged afresh.
 */
export function keepsIdempotencyKey(error: unknown): boolean {
  const action = bookingErrorAction(error)
  return action === 'retry' || action === 'sign_in'
}

export function isSignInError(error: unknown): boolean {
  return bookingErrorAction(error) === 'sign_in'
}
