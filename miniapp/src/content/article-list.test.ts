import {
  ALL_CATEGORIES,
  articlesQuery,
  footerText,
  hasMore,
  initialListState,
  normalizeQuery,
  receiveError,
  receivePage,
  startFirstPage,
  startNextPage,
  type ArticleListState,
  type PageRequest,
} from './article-list'
import type { ArticleCard, ArticlePage } from './types'

const card = (n: number): ArticleCard => ({
  id: `id${n}`,
  slug: `s${n}`,
  title: `文章${n}`,
  summary: '',
  category: '睡眠',
  audience: [],
  tags: [],
  cover: null,
  readingMinutes: 3,
  publishedAt: '',
})
const page = (from: number, count: number, total: number, n = 1): ArticlePage => ({
  items: Array.from({ length: count }, (_, i) => card(from + i)),
  total,
  page: n,
  pageSize: 10,
})

function firstPage(state = initialListState(), filter = { category: ALL_CATEGORIES, q: '' }): [ArticleListState, PageRequest] {
  return startFirstPage(state, filter)
}

describe('query string', () => {
  test('全部 sends no category, empty search no q; words are trimmed and encoded', () => {
    expect(articlesQuery({ category: ALL_CATEGORIES, q: '  ' }, 1)).toBe('page=1&pageSize=10')
    expect(articlesQuery({ category: '睡眠', q: ' 失眠  早醒 ' }, 2)).toBe(
      `category=${encodeURIComponent('睡眠')}&q=${encodeURIComponent('失眠 早醒')}&page=2&pageSize=10`,
    )
    expect(articlesQuery({ category: '焦虑', q: 'a&b=c' }, 1)).toContain('q=a%26b%3Dc')
  })

  test('search words are cut to 40 characters', () => {
    expect(normalizeQuery('很'.repeat(100))).toHaveLength(40)
  })
})

describe('paging', () => {
  test('loads 10 at a time and stops at total', () => {
    let [state, req] = firstPage()
    expect(req).toMatchObject({ page: 1, pageSize: 10 })
    state = receivePage(state, req, page(1, 10, 23))
    expect(hasMore(state)).toBe(true)
    expect(footerText(state)).toBe('继续往下滑，加载更多')

    let step = startNextPage(state)!
    ;[state, req] = step
    expect(req.page).toBe(2)
    expect(state.status).toBe('loading-more')
    // A second scroll event while loading does not start another request.
    expect(startNextPage(state)).toBeNull()
    state = receivePage(state, req, page(11, 10, 23, 2))

    step = startNextPage(state)!
    ;[state, req] = step
    state = receivePage(state, req, page(21, 3, 23, 3))
    expect(state.items).toHaveLength(23)
    expect(hasMore(state)).toBe(false)
    expect(startNextPage(state)).toBeNull()
    expect(footerText(state)).toBe('已经到底了')
  })

  test('cards already shown are not repeated when a new article shifts the pages', () => {
    let [state, req] = firstPage()
    state = receivePage(state, req, page(1, 10, 20))
    const [next, req2] = startNextPage(state)!
    state = receivePage(next, req2, page(10, 10, 21, 2))
    expect(state.items.map((a) => a.id).filter((id) => id === 'id10')).toHaveLength(1)
    expect(state.items).toHaveLength(19)
  })

  test('a page that adds nothing ends the list even if total claims more', () => {
    let [state, req] = firstPage()
    state = receivePage(state, req, page(1, 10, 50))
    const [next, req2] = startNextPage(state)!
    state = receivePage(next, req2, page(1, 10, 50, 2))
    expect(hasMore(state)).toBe(false)
  })

  test('an answer for an older filter never lands in the new list', () => {
    const [loadingAll, reqAll] = firstPage()
    const [loadingSleep, reqSleep] = startFirstPage(loadingAll, { category: '睡眠', q: '' })
    const afterLate = receivePage(loadingSleep, reqAll, page(1, 10, 40))
    expect(afterLate).toBe(loadingSleep)
    expect(receiveError(loadingSleep, reqAll, 'x')).toBe(loadingSleep)
    const done = receivePage(loadingSleep, reqSleep, page(100, 2, 2))
    expect(done.items.map((a) => a.id)).toEqual(['id100', 'id101'])
    expect(done.filter.category).toBe('睡眠')
  })

  test('an empty result is ready with no items (the page shows the empty state)', () => {
    const [state, req] = firstPage(undefined, { category: ALL_CATEGORIES, q: '没有这个词' })
    const done = receivePage(state, req, { items: [], total: 0, page: 1, pageSize: 10 })
    expect(done.status).toBe('ready')
    expect(done.items).toEqual([])
    expect(footerText(done)).toBeNull()
  })
})

describe('failures', () => {
  test('a failed first page is the error state; retry starts over', () => {
    const [state, req] = firstPage()
    const failed = receiveError(state, req, '网络不太稳定')
    expect(failed).toMatchObject({ status: 'error', error: '网络不太稳定' })
    const [retry] = startFirstPage(failed, failed.filter)
    expect(retry.status).toBe('loading')
  })

  test('a failed next page keeps the list and offers retry in the footer', () => {
    let [state, req] = firstPage()
    state = receivePage(state, req, page(1, 10, 30))
    const [next, req2] = startNextPage(state)!
    const failed = receiveError(next, req2, '网络不太稳定')
    expect(failed.items).toHaveLength(10)
    expect(failed.status).toBe('more-error')
    expect(footerText(failed)).toBe('没有加载出来，点此重试')
    expect(startNextPage(failed)?.[1].page).toBe(2)
  })

  test('pull-to-refresh keeps the list while loading and after a failure', () => {
    let [state, req] = firstPage()
    state = receivePage(state, req, page(1, 10, 30))
    const [refreshing, req2] = startFirstPage(state, state.filter, true)
    expect(refreshing.status).toBe('refreshing')
    expect(refreshing.items).toHaveLength(10)
    const failed = receiveError(refreshing, req2, '网络不太稳定')
    expect(failed).toMatchObject({ status: 'ready', error: '网络不太稳定' })
    expect(failed.items).toHaveLength(10)
  })

  test('an offline copy has no further pages', () => {
    const [state, req] = firstPage()
    const offline = receivePage(state, req, page(1, 10, 30), true)
    expect(offline.offline).toBe(true)
    expect(hasMore(offline)).toBe(false)
    expect(startNextPage(offline)).toBeNull()
  })
})
