import { ApiError, networkError } from '../services/errors'
import { memoryStore } from '../test-support/memory-store'
import { createContentCache, isOfflineError, loadWithCache, MAX_CACHED_ARTICLES, MAX_CACHED_LISTS } from './offline-cache'
import type { ArticleDetail, Track } from './types'

const KEYS = { articleIndex: 'idx', articlePrefix: 'art.', articleLists: 'lists', tracks: 'tracks', currentTrack: 'current' }

const article = (n: number): ArticleDetail => ({
  id: `id${n}`,
  slug: `slug-${n}`,
  title: `文章${n}`,
  summary: '',
  category: '睡眠',
  audience: [],
  tags: [],
  cover: null,
  readingMinutes: 5,
  publishedAt: '',
  html: `<p>正文${n}</p>`,
  references: [],
  reviewedBy: '王医生',
  reviewedAt: null,
  views: 0,
  related: [],
})

const track: Track = { id: 't1', title: '海浪', category: '助眠', durationSec: 300, url: '/api/v1/media/m', cover: null, description: '', guided: false }

function setup() {
  const store = memoryStore()
  const cache = createContentCache(store, KEYS, () => new Date('2026-03-21T12:00:00Z'))
  return { store, cache }
}

describe('recently read articles', () => {
  test('keeps the last 10 bodies, most recent first, and removes the bodies that fell off', () => {
    const { store, cache } = setup()
    for (let n = 1; n <= 12; n++) cache.saveArticle(article(n))
    expect(cache.articleSlugs()).toHaveLength(MAX_CACHED_ARTICLES)
    expect(cache.articleSlugs()[0]).toBe('slug-12')
    expect(cache.article('slug-1')).toBeNull()
    expect(store.data.has('art.slug-1')).toBe(false)
    expect(store.data.has('art.slug-2')).toBe(false)
    expect(cache.article('slug-3')?.value.html).toBe('<p>正文3</p>')
    expect(cache.article('slug-12')?.savedAt).toBe('2026-03-21T12:00:00.000Z')
  })

  test('reading an article again moves it to the front instead of duplicating it', () => {
    const { cache } = setup()
    cache.saveArticle(article(1))
    cache.saveArticle(article(2))
    cache.saveArticle(article(1))
    expect(cache.articleSlugs()).toEqual(['slug-1', 'slug-2'])
  })

  test('full storage: the save is skipped, nothing throws, earlier copies stay readable', () => {
    const { store, cache } = setup()
    cache.saveArticle(article(1))
    store.failWrites = true
    expect(() => cache.saveArticle(article(2))).not.toThrow()
    expect(cache.articleSlugs()).toEqual(['slug-1'])
    expect(cache.article('slug-1')).not.toBeNull()
  })

  test('corrupt stored data reads as nothing cached', () => {
    const { store, cache } = setup()
    store.set('idx', '{not json')
    expect(cache.articleSlugs()).toEqual([])
    store.set('idx', JSON.stringify(['slug-9']))
    store.set('art.slug-9', JSON.stringify({ value: { title: 'no html' }, savedAt: 'x' }))
    expect(cache.article('slug-9')).toBeNull()
  })
})

describe('lists and tracks', () => {
  test('article lists are kept per filter key, the oldest dropped past the limit', () => {
    const { cache } = setup()
    for (let n = 0; n < MAX_CACHED_LISTS + 2; n++) cache.saveArticleList(`k${n}`, { items: [article(n)], total: 1, page: 1, pageSize: 10 })
    expect(cache.articleList('k0')).toBeNull()
    expect(cache.articleList('k1')).toBeNull()
    expect(cache.articleList(`k${MAX_CACHED_LISTS + 1}`)?.value.items[0]?.slug).toBe(`slug-${MAX_CACHED_LISTS + 1}`)
  })

  test('the track list and the current track round-trip', () => {
    const { cache } = setup()
    expect(cache.tracks()).toBeNull()
    cache.saveTracks([track])
    cache.saveCurrentTrack(track)
    expect(cache.tracks()?.value).toEqual([track])
    expect(cache.currentTrack()?.value).toEqual(track)
  })
})

describe('loadWithCache', () => {
  const copy = { value: 'saved', savedAt: '2026-03-20T00:00:00Z' }

  test('online: returns and saves the fresh value', async () => {
    const save = jest.fn()
    await expect(loadWithCache(async () => 'fresh', save, () => copy)).resolves.toEqual({ value: 'fresh', offline: false })
    expect(save).toHaveBeenCalledWith('fresh')
  })

  test('a failing save does not lose the fresh value', async () => {
    await expect(loadWithCache(async () => 'fresh', () => { throw new Error('full') }, () => null)).resolves.toMatchObject({ value: 'fresh' })
  })

  test('offline (no response): the saved copy, marked offline', async () => {
    await expect(loadWithCache(() => Promise.reject(networkError()), jest.fn(), () => copy)).resolves.toEqual({
      value: 'saved',
      offline: true,
      savedAt: copy.savedAt,
    })
  })

  test('offline with nothing saved, or a real answer like 404: the error is passed on', async () => {
    await expect(loadWithCache(() => Promise.reject(networkError()), jest.fn(), () => null)).rejects.toMatchObject({ code: 'NETWORK' })
    const notFound = new ApiError(404, 'ARTICLE_NOT_FOUND', '没有找到这篇文章')
    await expect(loadWithCache(() => Promise.reject(notFound), jest.fn(), () => copy)).rejects.toBe(notFound)
  })

  test('only a missing response counts as offline', () => {
    expect(isOfflineError(networkError())).toBe(true)
    expect(isOfflineError(new ApiError(500, 'INTERNAL', 'x'))).toBe(false)
    expect(isOfflineError(new Error('x'))).toBe(false)
  })
})
