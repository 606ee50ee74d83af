/**
 * The one HTTP client. Pages call the typed functions below, never Taro.request directly.
 * Adds the resident token, turns error envelopes into ApiError with a Chinese message.
 */
import Taro from '@tarojs/taro'
import { API_BASE_URL } from '../env'
import { parseAssessmentResult, parseDefinition, parseScaleList } from '../selftest/definition'
import type { AssessmentResult, ScaleDefinition, ScaleList } from '../selftest/types'
import { ApiError, messageForCode, networkError, toApiError } from './errors'
import { STORAGE_KEYS, taroStore } from './storage'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  method?: Method
  data?: Record<string, unknown>
  /** Send the stored token as `Authorization: Bearer`. Default true. */
  auth?: boolean
  /** Extra request headers (e.g. Idempotency-Key). */
  header?: Record<string, string>
}

const TIMEOUT_MS = 15_000

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', data, auth = true } = options
  const header: Record<string, string> = { ...options.header, 'Content-Type': 'application/json' }
  const token = auth ? taroStore.get(STORAGE_KEYS.token) : null
  if (token) header.Authorization = `Bearer ${token}`

  let response: Taro.request.SuccessCallbackResult<Record<string, unknown> | string>
  try {
    response = await Taro.request<Record<string, unknown> | string>({
      url: `${API_BASE_URL}${path}`,
      method,
      data,
      header,
      timeout: TIMEOUT_MS,
      dataType: 'json',
    })
  } catch {
    // Taro.request rejects only when no HTTP response arrived (offline, DNS, timeout).
    throw networkError()
  }
  if (response.statusCode >= 200 && response.statusCode < 300) {
    return response.data as unknown as T
  }
  throw toApiError(response.statusCode, response.data)
}

export interface AuthResult {
  token: string
  user: { id: string }
}

export interface Me {
  id: string
  createdAt: string
}

function assertAuthResult(body: unknown): AuthResult {
  const candidate = body as Partial<AuthResult> | null
  if (typeof candidate?.token !== 'string' || typeof candidate.user?.id !== 'string') {
    throw new ApiError(200, 'INTERNAL', messageForCode('INTERNAL'))
  }
  return { token: candidate.token, user: { id: candidate.user.id } }
}

/** POST /auth/wechat: exchange a wx.login code for a resident token. */
export async function loginWithWeChat(code: string): Promise<AuthResult> {
  return assertAuthResult(await request<unknown>('/auth/wechat', { method: 'POST', data: { code }, auth: false }))
}

/** POST /auth/dev-login: H5/test sign-in with a made-up openid (404 in production). */
export async function devLogin(openid: string): Promise<AuthResult> {
  return assertAuthResult(await request<unknown>('/auth/dev-login', { method: 'POST', data: { openid }, auth: false }))
}

/** GET /me: the signed-in resident. */
export function getMe(): Promise<Me> {
  return request<Me>('/me')
}

/** A 200 whose body the app cannot use is reported like a server fault (the caller may retry). */
function readable<T>(parse: (body: unknown) => T, body: unknown): T {
  try {
    return parse(body)
  } catch {
    throw new ApiError(200, 'INTERNAL', messageForCode('INTERNAL'))
  }
}

/** GET /scales: the self-tests residents can take. Public. */
export async function listScales(): Promise<ScaleList> {
  return readable(parseScaleList, await request<unknown>('/scales', { auth: false }))
}

/** GET /scales/:code: everything needed to show the test. Public. */
export async function getScale(code: string): Promise<ScaleDefinition> {
  return readable(parseDefinition, await request<unknown>(`/scales/${encodeURIComponent(code)}`, { auth: false }))
}

/**
 * POST /scales/:code/assessments: scores the answers. Sent WITHOUT the resident token: a self-test is
 * anonymous whether or not the person is signed in. The same idempotencyKey on a resend is counted once.
 */
export async function submitAssessment(code: string, answers: readonly number[], idempotencyKey: string): Promise<AssessmentResult> {
  const body = await request<unknown>(`/scales/${encodeURIComponent(code)}/assessments`, {
    method: 'POST',
    data: { answers: [...answers] },
    auth: false,
    header: { 'Idempotency-Key': idempotencyKey },
  })
  return readable(parseAssessmentResult, body)
}
