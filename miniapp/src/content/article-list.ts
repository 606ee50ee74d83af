/**
 * The 科普 list as a small state machine: a filter (category + search words), pages of 10 appended as the
 * reader scrolls, and a request counter so a slow answer for an old filter never lands in a new list. Pure.
 */
import type { ArticleCard, ArticlePage } from './types'

export const PAGE_SIZE = 10
/** The tab that shows every category. */
export const ALL_CATEGORIES = '全部'
/** Longest search text sent (the input also stops there). */
export const MAX_QUERY_LENGTH = 40

export interface ArticleFilter {
  category: string
  q: string
}

export type ListStatus = 'loading' | 'refreshing' | 'ready' | 'loading-more' | 'error' | 'more-error'

export interface ArticleListState {
  filter: ArticleFilter
  items: ArticleCard[]
  total: number
  /** Last page loaded (0 = none yet). */
  page: number
  status: ListStatus
  error: string | null
  /** Shown from the offline cache after a network failure. */
  offline: boolean
  /** Id of the request whose answer the list is waiting for. */
  requestId: number
}

export interface PageRequest {
  requestId: number
  filter: ArticleFilter
  page: number
  pageSize: number
}

/** Search words as sent: trimmed, inner whitespace collapsed, cut to MAX_QUERY_LENGTH. */
export function normalizeQuery(q: string): string {
  return q.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH)
}

export function sameFilter(a: ArticleFilter, b: ArticleFilter): boolean {
  return a.category === b.category && normalizeQuery(a.q) === normalizeQuery(b.q)
}

/** Query string for GET /articles (no empty parameters; 全部 sends no category). */
export function articlesQuery(filter: ArticleFilter, page: number, pageSize = PAGE_SIZE): string {
  const params: Array<[string, string]> = []
  if (filter.category && filter.category !== ALL_CATEGORIES) params.push(['category', filter.category])
  const q = normalizeQuery(filter.q)
  if (q) params.push(['q', q])
  params.push(['page', String(page)], ['pageSize', String(pageSize)])
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
}

export function initialListState(filter: ArticleFilter = { category: ALL_CATEGORIES, q: '' }): ArticleListState {
  return { filter, items: [], total: 0, page: 0, status: 'loading', error: null, offline: false, requestId: 0 }
}

export function hasMore(state: ArticleListState): boolean {
  return !state.offline && state.page > 0 && state.items.length < state.total
}

/** Start over for a (possibly new) filter. `keepItems` = pull-to-refresh: the old list stays until the answer comes. */
export function startFirstPage(state: ArticleListState, filter: ArticleFilter, keepItems = false): [ArticleListState, PageRequest] {
  const requestId = state.requestId + 1
  const keep = keepItems && sameFilter(filter, state.filter) && state.items.length > 0
  const next: ArticleListState = keep
    ? { ...state, status: 'refreshing', error: null, requestId }
    : { filter, items: [], total: 0, page: 0, status: 'loading', error: null, offline: false, requestId }
  return [next, { requestId, filter, page: 1, pageSize: PAGE_SIZE }]
}

/** The next page, or null when there is nothing more to load or a load is already running. */
export function startNextPage(state: ArticleListState): [ArticleListState, PageRequest] | null {
  if (state.status !== 'ready' && state.status !== 'more-error') return null
  if (!hasMore(state)) return null
  const requestId = state.requestId + 1
  return [
    { ...state, status: 'loading-more', error: null, requestId },
    { requestId, filter: state.filter, page: state.page + 1, pageSize: PAGE_SIZE },
  ]
}

/** A page arrived. Answers to superseded requests are ignored. Cards already shown are not repeated. */
export function receivePage(state: ArticleListState, request: PageRequest, result: ArticlePage, offline = false): ArticleListState {
  if (request.requestId !== state.requestId) return state
  const base = request.page === 1 ? [] : state.items
  const seen = new Set(base.map((a) => a.id))
  const fresh: ArticleCard[] = []
  for (const card of result.items) {
    if (seen.has(card.id)) continue
    seen.add(card.id)
    fresh.push(card)
  }
  const items = [...base, ...fresh]
  // A page that adds nothing means the server has no more for us, whatever total it claims.
  const total = request.page > 1 && fresh.length === 0 ? items.length : Math.max(result.total, items.length)
  return { ...state, items, total, page: request.page, status: 'ready', error: null, offline }
}

export function receiveError(state: ArticleListState, request: PageRequest, message: string): ArticleListState {
  if (request.requestId !== state.requestId) return state
  if (request.page > 1) return { ...state, status: 'more-error', error: message }
  // A failed pull-to-refresh keeps the list it had; the page tells the reader in a toast.
  if (state.items.length > 0) return { ...state, status: 'ready', error: message }
  return { ...state, status: 'error', error: message }
}

/** What the list footer says. */
export function footerText(state: ArticleListState): string | null {
  if (state.items.length === 0) return null
  if (state.status === 'loading-more') return '正在加载更多…'
  if (state.status === 'more-error') return '没有加载出来，点此重试'
  if (state.offline) return null
  return hasMore(state) ? '继续往下滑，加载更多' : '已经到底了'
}
