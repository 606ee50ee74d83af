/**
 * The one HTTP client. Pages call the typed functions below, never Taro.request directly.
 * Adds the resident token, turns error envelopes into ApiError with a Chinese message.
 */
import Taro from '@tarojs/taro'
import { API_BASE_URL } from '../env'
import { parseAssessmentResult, parseDefinition, parseScaleList } from '../selftest/definition'
import type { AssessmentResult, ScaleDefinition, ScaleList } from '../selftest/types'
import {
  POLICY_VERSION,
  type Consent,
  type ConsentPurpose,
  type ReferralCreated,
  type ReferralInput,
  type ReferralSummary,
  type SavedAssessmentList,
  type Station,
} from '../me/types'
import { articlesQuery, PAGE_SIZE, type ArticleFilter } from '../content/article-list'
import {
  parseArticleDetail,
  parseArticlePage,
  parseCategories,
  parseFavorites,
  parseListening,
  parseTrackDetail,
  parseTrackList,
  parseVideoList,
} from '../content/parsers'
import type {
  ArticleCategory,
  ArticleDetail,
  ArticlePage,
  Favorite,
  FavoriteKind,
  ListeningPosition,
  Track,
  TrackDetail,
  Video,
} from '../content/types'
import {
  DELETE_CONFIRM_WORD,
  parseAccountDeleted,
  parseExport,
  type AccountDeleted,
  type MyDataExport,
} from '../pages/me/privacy/account-data'
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

// ---- Signed-in resident: consents, saved self-tests, referrals (all with the resident token) ----

/** GET /me/consents: what the resident has agreed to. */
export async function listConsents(): Promise<Consent[]> {
  return (await request<{ items: Consent[] }>('/me/consents')).items ?? []
}

/** POST /me/consents: agree to a purpose under the current policy version. */
export async function grantConsent(purpose: ConsentPurpose): Promise<void> {
  await request<unknown>('/me/consents', { method: 'POST', data: { purpose, policyVersion: POLICY_VERSION } })
}

/** DELETE /me/consents/:purpose. Withdrawing store_results deletes every saved result at once. */
export async function withdrawConsent(purpose: ConsentPurpose): Promise<void> {
  await request<unknown>(`/me/consents/${purpose}`, { method: 'DELETE' })
}

/** POST /me/assessments: scores and keeps the result (403 CONSENT_REQUIRED without store_results). */
export async function saveAssessment(code: string, answers: readonly number[], idempotencyKey: string): Promise<{ id: string }> {
  return request<{ id: string }>('/me/assessments', {
    method: 'POST',
    data: { code, answers: [...answers] },
    header: { 'Idempotency-Key': idempotencyKey },
  })
}

/** GET /me/assessments: saved results (newest first) and a trend per scale. */
export async function listSavedAssessments(): Promise<SavedAssessmentList> {
  const body = await request<Partial<SavedAssessmentList>>('/me/assessments')
  return { items: body.items ?? [], total: body.total ?? 0, trends: body.trends ?? [] }
}

/** DELETE /me/assessments/:id */
export async function deleteSavedAssessment(id: string): Promise<void> {
  await request<unknown>(`/me/assessments/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

/** DELETE /me/assessments: every saved result. */
export async function deleteAllSavedAssessments(): Promise<void> {
  await request<unknown>('/me/assessments', { method: 'DELETE' })
}

/** GET /stations */
export async function listStations(): Promise<Station[]> {
  return (await request<{ items: Station[] }>('/stations')).items ?? []
}

/** POST /me/referrals: ask a station to call; consent is given on the form itself. */
export async function createReferral(input: ReferralInput, idempotencyKey: string): Promise<ReferralCreated> {
  return request<ReferralCreated>('/me/referrals', {
    method: 'POST',
    data: { ...input, consent: true, policyVersion: POLICY_VERSION },
    header: { 'Idempotency-Key': idempotencyKey },
  })
}

/** GET /me/referrals */
export async function listReferrals(): Promise<ReferralSummary[]> {
  return (await request<{ items: ReferralSummary[] }>('/me/referrals')).items ?? []
}

export interface Reminder {
  id: string
  code: string
  dueAt: string
}

/** POST /me/reminders: after the resident accepted the subscribe message, ask for a retest reminder in 14 days. */
export async function createReminder(code: string): Promise<Reminder> {
  return request<Reminder>('/me/reminders', { method: 'POST', data: { code } })
}

// ---- Content: articles, relaxation audio, videos (public), favorites and listening positions (resident) ----
// Public reads go out without the token: the same answer for everyone, which keeps them cacheable (ETag).

const contentPath = (segment: string) => encodeURIComponent(segment)

/** GET /articles/categories: the 12 categories with their counts, in order. */
export async function listArticleCategories(): Promise<ArticleCategory[]> {
  return readable(parseCategories, await request<unknown>('/articles/categories', { auth: false }))
}

/** GET /articles?category=&q=&page=&pageSize=: published articles, newest first. */
export async function listArticles(filter: ArticleFilter, page: number, pageSize = PAGE_SIZE): Promise<ArticlePage> {
  return readable(parseArticlePage, await request<unknown>(`/articles?${articlesQuery(filter, page, pageSize)}`, { auth: false }))
}

/** GET /articles/:slug: the article with its html, references and related articles (404 ARTICLE_NOT_FOUND). */
export async function getArticle(slug: string): Promise<ArticleDetail> {
  return readable(parseArticleDetail, await request<unknown>(`/articles/${contentPath(slug)}`, { auth: false }))
}

/** POST /articles/:slug/views: counts one reading (the token, when signed in, lets the server count a reader once a day). */
export async function recordArticleView(slug: string): Promise<void> {
  await request<unknown>(`/articles/${contentPath(slug)}/views`, { method: 'POST', data: {} })
}

/** GET /audio?category=: relaxation tracks. */
export async function listTracks(category?: string): Promise<Track[]> {
  const query = category ? `?category=${encodeURIComponent(category)}` : ''
  return readable(parseTrackList, await request<unknown>(`/audio${query}`, { auth: false }))
}

/** GET /audio/:id: one track with its transcript. */
export async function getTrack(id: string): Promise<TrackDetail> {
  return readable(parseTrackDetail, await request<unknown>(`/audio/${contentPath(id)}`, { auth: false }))
}

/** POST /audio/:id/plays: counts one play (the token, when signed in, lets the server count a listener once a day). */
export async function recordTrackPlay(id: string): Promise<void> {
  await request<unknown>(`/audio/${contentPath(id)}/plays`, { method: 'POST', data: {} })
}

/** GET /videos: the short relaxation videos. */
export async function listVideos(): Promise<Video[]> {
  return readable(parseVideoList, await request<unknown>('/videos', { auth: false }))
}

/** GET /me/favorites?kind=: the resident's favorites of one kind. */
export async function listFavorites(kind: FavoriteKind): Promise<Favorite[]> {
  return readable(parseFavorites, await request<unknown>(`/me/favorites?kind=${kind}`))
}

/** PUT /me/favorites/:kind/:id (idempotent). */
export async function addFavorite(kind: FavoriteKind, id: string): Promise<void> {
  await request<unknown>(`/me/favorites/${kind}/${contentPath(id)}`, { method: 'PUT', data: {} })
}

/** DELETE /me/favorites/:kind/:id */
export async function removeFavorite(kind: FavoriteKind, id: string): Promise<void> {
  await request<unknown>(`/me/favorites/${kind}/${contentPath(id)}`, { method: 'DELETE' })
}

/** GET /me/listening: where the resident stopped in each track. */
export async function listListening(): Promise<ListeningPosition[]> {
  return readable(parseListening, await request<unknown>('/me/listening'))
}

/** PUT /me/listening/:trackId { positionSec } */
export async function saveListening(trackId: string, positionSec: number): Promise<void> {
  await request<unknown>(`/me/listening/${contentPath(trackId)}`, { method: 'PUT', data: { positionSec: Math.max(0, Math.floor(positionSec)) } })
}

/** GET /me/export: everything the service holds about the resident, as one JSON document (PIPL copy right). */
export async function exportMyData(): Promise<MyDataExport> {
  return readable(parseExport, await request<unknown>('/me/export'))
}

/**
 * DELETE /me {confirm: '注销'}: deletes the account. Upcoming bookings and registrations are cancelled, past bookings
 * anonymized, everything else deleted; the stored token is useless afterwards (the caller signs in afresh).
 */
export async function deleteMyAccount(): Promise<AccountDeleted> {
  return readable(parseAccountDeleted, await request<unknown>('/me', { method: 'DELETE', data: { confirm: DELETE_CONFIRM_WORD } }))
}
