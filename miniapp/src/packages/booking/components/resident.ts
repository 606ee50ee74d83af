/**
 * Booking pages and the resident's session: booking needs a signed-in resident (the same session the self-test
 * pages use, started at launch), and a token that expired while the page was open is renewed once, silently.
 */
import Taro from '@tarojs/taro'
import { session } from '../../../services/app-session'
import { callPhone } from '../../../services/phone'
import { bookingErrorMessage, isSignInError } from '../../../booking/errors'

/** Resolves true once signed in (starting a new sign-in when the last one failed). */
export async function ensureSignedIn(): Promise<boolean> {
  const state = session.getState()
  if (state.status === 'ready') return true
  const next = await session.start()
  return next.status === 'ready'
}

/**
 * Runs a resident call; on 401 (token expired or revoked) signs in again and runs it once more. Idempotent
 * requests pass the same key both times, so the retry can never create a second booking.
 */
export async function asResident<T>(call: () => Promise<T>): Promise<T> {
  if (!(await ensureSignedIn())) throw new SignInFailed(session.getState().error)
  try {
    return await call()
  } catch (error) {
    if (!isSignInError(error)) throw error
    const next = await session.start()
    if (next.status !== 'ready') throw new SignInFailed(next.error)
    return call()
  }
}

export class SignInFailed extends Error {
  constructor(message: string | null) {
    super(message ?? '暂时无法登录，请稍后再试')
    this.name = 'SignInFailed'
    Object.setPrototypeOf(this, SignInFailed.prototype)
  }
}

/** Taro.showModal as a yes/no; confirmText at most 4 Chinese characters (WeChat and Taro H5 refuse longer). */
export async function confirmDialog(title: string, content: string, confirmText: string, cancelText = '再想想'): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText, confirmColor: '#2f7d6d' })
    return res.confirm
  } catch {
    return false
  }
}

export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 })
}

/** Calls the station (the app's one dialer: WeChat's call sheet, or a tel: link on H5). */
export function callStation(phone: string): void {
  const digits = phone.replace(/[^\d+-]/g, '')
  if (digits) callPhone(digits)
}

/** The message for anything a booking page's call threw (a failed sign-in says so in its own words). */
export function errorText(error: unknown): string {
  return error instanceof SignInFailed ? error.message : bookingErrorMessage(error)
}
