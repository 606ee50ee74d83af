/**
 * The one place API error codes become Chinese messages (see the API's error envelope
 * `{error:{code,message,details?}}`). Pure: jest tests it without Taro.
 */

/** Shown when nothing better is known: no response, or a response we cannot read. */
export const FALLBACK_MESSAGE = '网络不太稳定，请稍后再试'

/** Code used for failures without an HTTP response (offline, DNS, timeout). */
export const NETWORK_ERROR_CODE = 'NETWORK'

export const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  WECHAT_CODE_INVALID: '微信登录凭证已失效，请重新进入小程序',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  WECHAT_USER_BLOCKED: '这个账号暂时无法使用，如有疑问请联系驿站工作人员',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  VALIDATION_FAILED: '填写的内容有误，请检查后再试',
  NOT_FOUND: '没有找到相关内容',
  RATE_LIMITED: '操作有点频繁，请稍等片刻再试',
  INTERNAL: '服务器开了个小差，请稍后再试',
  SCALE_NOT_FOUND: '这份自测暂时无法使用，请换一份试试',
  CONSENT_REQUIRED: '需要先同意保存，才能保存这次结果',
  POLICY_VERSION_OUTDATED: '隐私说明已更新，请重新打开页面后再同意',
  [NETWORK_ERROR_CODE]: FALLBACK_MESSAGE,
}

export class ApiError extends Error {
  /** HTTP status; 0 when there was no response. */
  readonly status: number
  /** Error code from the envelope, or NETWORK / UNKNOWN. */
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    // Keep `instanceof ApiError` working when the bundle down-levels classes to ES5.
    Object.setPrototypeOf(this, ApiError.prototype)
  }
}

/** Chinese message for a code: our mapping, else the server's message, else the fallback. */
export function messageForCode(code: string, serverMessage?: string): string {
  const known = ERROR_MESSAGES[code]
  if (known) return known
  const trimmed = serverMessage?.trim()
  return trimmed ? trimmed : FALLBACK_MESSAGE
}

interface ErrorEnvelope {
  error: { code: string; message?: string }
}

function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false
  const error = (body as { error: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
}

/** Builds the ApiError for a non-2xx response from its status and (possibly unparsed) body. */
export function toApiError(status: number, body: unknown): ApiError {
  let parsed = body
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body)
    } catch {
      parsed = null // not JSON (e.g. a proxy's HTML error page): fall through to the status-based code
    }
  }
  if (isErrorEnvelope(parsed)) {
    const { code, message } = parsed.error
    return new ApiError(status, code, messageForCode(code, message))
  }
  const code = status >= 500 ? 'INTERNAL' : status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'NOT_FOUND' : 'UNKNOWN'
  return new ApiError(status, code, messageForCode(code))
}

/** The ApiError for a request that never got a response. */
export function networkError(): ApiError {
  return new ApiError(0, NETWORK_ERROR_CODE, FALLBACK_MESSAGE)
}

/** A user-facing message for anything a service call may throw. */
export function userMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : FALLBACK_MESSAGE
}
