/**
 * What keeps working offline: the last ~10 articles read (whole bodies), the first page of each article list
 * the reader opened, the track list, and the track being listened to. Kept in the app's key-value storage:
 * one key per article body (wx limits one key to 1 MB) plus a small index in most-recent-first order.
 *
 * Storage can be full or refuse a write; the cache then just holds less: reading never throws and a failed
 * write never breaks the page that tried it. Pure: the store is injected.
 */
import type { KeyValueStore } from '../services/storage'
import { ApiError, NETWORK_ERROR_CODE } from '../services/errors'
import { parseArticleDetail, parseArticlePage, parseTrack, parseTrackList } from './parsers'
import type { ArticleDetail, ArticlePage, Track } from './types'

export const MAX_CACHED_ARTICLES = 10
/** Article lists are cached per filter key; only the first page, and only this many filters. */
export const MAX_CACHED_LISTS = 14

export const OFFLINE_NOTE = '当前离线，显示的是上次保存的内容'

export interface ContentCacheKeys {
  articleIndex: string
  articlePrefix: string
  articleLists: string
  tracks: string
  currentTrack: string
}

export interface Cached<T> {
  value: T
  savedAt: string
}

export interface ContentCache {
  saveArticle(article: ArticleDetail): void
  article(slug: string): Cached<ArticleDetail> | null
  /** Slugs of cached articles, most recently read first. */
  articleSlugs(): string[]
  saveArticleList(key: string, page: ArticlePage): void
  articleList(key: string): Cached<ArticlePage> | null
  saveTracks(tracks: Track[]): void
  tracks(): Cached<Track[]> | null
  saveCurrentTrack(track: Track): void
  currentTrack(): Cached<Track> | null
}

/** True for a failure with no HTTP answer at all: the case where showing the saved copy is right. */
export function isOfflineError(error: unknown): boolean {
  return error instanceof ApiError && error.code === NETWORK_ERROR_CODE
}

function readJson(store: KeyValueStore, key: string): unknown {
  try {
    const raw = store.get(key)
    return raw === null ? null : (JSON.parse(raw) as unknown)
  } catch {
    return null
  }
}

function writeJson(store: KeyValueStore, key: string, value: unknown): boolean {
  try {
    store.set(key, JSON.stringify(value))
    return true
  } catch {
    return false
  }
}

function readCached<T>(raw: unknown, parse: (value: unknown) => T): Cached<T> | null {
  if (typeof raw !== 'object' || raw === null) return null
  const { value, savedAt } = raw as { value?: unknown; savedAt?: unknown }
  try {
    return { value: parse(value), savedAt: typeof savedAt === 'string' ? savedAt : '' }
  } catch {
    return null
  }
}

const stringArray = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

export function createContentCache(store: KeyValueStore, keys: ContentCacheKeys, now: () => Date = () => new Date()): ContentCache {
  const stamp = <T>(value: T): Cached<T> => ({ value, savedAt: now().toISOString() })
  const bodyKey = (slug: string) => `${keys.articlePrefix}${slug}`

  function articleSlugs(): string[] {
    return stringArray(readJson(store, keys.articleIndex))
  }

  function saveArticle(article: ArticleDetail): void {
    const previous = articleSlugs().filter((slug) => slug !== article.slug)
    if (!writeJson(store, bodyKey(article.slug), stamp(article))) return
    const index = [article.slug, ...previous]
    for (const dropped of index.slice(MAX_CACHED_ARTICLES)) {
      try {
        store.remove(bodyKey(dropped))
      } catch {
        // A body we failed to remove is only wasted space; the index no longer points at it.
      }
    }
    writeJson(store, keys.articleIndex, index.slice(0, MAX_CACHED_ARTICLES))
  }

  function article(slug: string): Cached<ArticleDetail> | null {
    if (!articleSlugs().includes(slug)) return null
    return readCached(readJson(store, bodyKey(slug)), parseArticleDetail)
  }

  function listMap(): Record<string, unknown> {
    const raw = readJson(store, keys.articleLists)
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  }

  function saveArticleList(key: string, page: ArticlePage): void {
    const entries = Object.entries(listMap()).filter(([k]) => k !== key)
    // Newest last; the oldest filters fall off the front.
    const kept = [...entries, [key, stamp(page)] as const].slice(-MAX_CACHED_LISTS)
    writeJson(store, keys.articleLists, Object.fromEntries(kept))
  }

  function articleList(key: string): Cached<ArticlePage> | null {
    return readCached(listMap()[key], parseArticlePage)
  }

  function parseTrackOrThrow(value: unknown): Track {
    const track = parseTrack(value)
    if (!track) throw new Error('bad cached track')
    return track
  }

  return {
    saveArticle,
    article,
    articleSlugs,
    saveArticleList,
    articleList,
    saveTracks: (tracks) => void writeJson(store, keys.tracks, stamp({ items: tracks })),
    tracks: () => readCached(readJson(store, keys.tracks), parseTrackList),
    saveCurrentTrack: (track) => void writeJson(store, keys.currentTrack, stamp(track)),
    currentTrack: () => readCached(readJson(store, keys.currentTrack), parseTrackOrThrow),
  }
}

export type Loaded<T> = { value: T; offline: false } | { value: T; offline: true; savedAt: string }

/**
 * Online first: a fresh answer is returned (and saved); when there was no answer at all (offline), the saved
 * copy is returned marked offline. Any other failure, or offline with nothing saved, throws the original error.
 */
export async function loadWithCache<T>(fetch: () => Promise<T>, save: (value: T) => void, cached: () => Cached<T> | null): Promise<Loaded<T>> {
  try {
    const value = await fetch()
    try {
      save(value)
    } catch {
      // Not being able to save for later must not cost the reader what just arrived.
    }
    return { value, offline: false }
  } catch (error) {
    if (!isOfflineError(error)) throw error
    const copy = cached()
    if (!copy) throw error
    return { value: copy.value, offline: true, savedAt: copy.savedAt }
  }
}
