/**
 * Checks at the edge for what the content API (or the offline cache) hands the pages. Lists are forgiving:
 * one malformed item is dropped, the rest still show. A single article or track without its essentials is
 * refused (BadContentError), so a page never renders an empty shell as if it were the content. Pure.
 */
import type {
  ArticleCard,
  ArticleCategory,
  ArticleDetail,
  ArticlePage,
  Favorite,
  FavoriteKind,
  ListeningPosition,
  Reference,
  Track,
  TrackDetail,
  Video,
} from './types'

export class BadContentError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BadContentError'
    Object.setPrototypeOf(this, BadContentError.prototype)
  }
}

type Rec = Record<string, unknown>

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback)
const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback)
const strOrNull = (v: unknown): string | null => (isStr(v) ? v : null)
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

function listOf<T>(body: unknown, parseItem: (v: unknown) => T | null): T[] {
  const items = isRec(body) && Array.isArray(body.items) ? body.items : null
  if (!items) throw new BadContentError('列表格式不对')
  return items.map(parseItem).filter((x): x is T => x !== null)
}

export function parseArticleCard(v: unknown): ArticleCard | null {
  if (!isRec(v) || !isStr(v.slug) || !isStr(v.title)) return null
  return {
    id: isStr(v.id) ? v.id : v.slug,
    slug: v.slug,
    title: v.title,
    summary: str(v.summary),
    category: str(v.category),
    audience: strList(v.audience),
    tags: strList(v.tags),
    cover: strOrNull(v.cover),
    readingMinutes: Math.max(1, Math.round(num(v.readingMinutes, 1))),
    publishedAt: str(v.publishedAt),
  }
}

export function parseArticlePage(body: unknown): ArticlePage {
  const items = listOf(body, parseArticleCard)
  const rec = body as Rec
  return {
    items,
    total: Math.max(items.length, Math.floor(num(rec.total, items.length))),
    page: Math.max(1, Math.floor(num(rec.page, 1))),
    pageSize: Math.max(1, Math.floor(num(rec.pageSize, items.length || 10))),
  }
}

export function parseCategories(body: unknown): ArticleCategory[] {
  return listOf(body, (v) => (isRec(v) && isStr(v.name) ? { name: v.name, count: Math.max(0, Math.floor(num(v.count))) } : null))
}

function parseReference(v: unknown): Reference | null {
  if (typeof v === 'string' && v.trim()) return { text: v, url: null }
  if (!isRec(v) || !isStr(v.text)) return null
  const url = isStr(v.url) && /^https?:\/\//i.test(v.url) ? v.url : null
  return { text: v.text, url }
}

export function parseArticleDetail(body: unknown): ArticleDetail {
  const card = parseArticleCard(body)
  const rec = body as Rec
  if (!card || typeof rec.html !== 'string') throw new BadContentError('文章内容不完整')
  return {
    ...card,
    html: rec.html,
    references: Array.isArray(rec.references) ? rec.references.map(parseReference).filter((r): r is Reference => r !== null) : [],
    reviewedBy: str(rec.reviewedBy),
    reviewedAt: strOrNull(rec.reviewedAt),
    views: Math.max(0, Math.floor(num(rec.views))),
    related: Array.isArray(rec.related)
      ? rec.related.map(parseArticleCard).filter((a): a is ArticleCard => a !== null && a.slug !== card.slug).slice(0, 3)
      : [],
  }
}

export function parseTrack(v: unknown): Track | null {
  if (!isRec(v) || !isStr(v.id) || !isStr(v.title) || !isStr(v.url)) return null
  return {
    id: v.id,
    title: v.title,
    category: str(v.category),
    durationSec: Math.max(0, Math.round(num(v.durationSec))),
    url: v.url,
    cover: strOrNull(v.cover),
    description: str(v.description),
    guided: v.guided === true,
  }
}

export function parseTrackList(body: unknown): Track[] {
  return listOf(body, parseTrack)
}

export function parseTrackDetail(body: unknown): TrackDetail {
  const track = parseTrack(body)
  if (!track) throw new BadContentError('音频信息不完整')
  const rec = body as Rec
  return { ...track, transcript: strOrNull(rec.transcript), plays: Math.max(0, Math.floor(num(rec.plays))) }
}

export function parseVideoList(body: unknown): Video[] {
  return listOf(body, (v) => {
    if (!isRec(v) || !isStr(v.id) || !isStr(v.title) || !isStr(v.url)) return null
    return {
      id: v.id,
      title: v.title,
      durationSec: Math.max(0, Math.round(num(v.durationSec))),
      url: v.url,
      cover: strOrNull(v.cover),
      description: str(v.description),
    }
  })
}

const lastPathSegment = (value: string): string => value.split(/[/?#]/).filter(Boolean).pop() ?? value

/**
 * A favorite as listed by GET /me/favorites. Where to open it is read from the first of slug / target / ref /
 * url / path that is present (an URL or path keeps only its last segment), else the id itself.
 */
export function parseFavorite(v: unknown): Favorite | null {
  if (!isRec(v) || !isStr(v.id) || (v.kind !== 'article' && v.kind !== 'track')) return null
  const kind: FavoriteKind = v.kind
  const where = [v.slug, v.target, v.ref, v.url, v.path].find(isStr)
  return {
    kind,
    id: v.id,
    title: isStr(v.title) ? v.title : kind === 'article' ? '一篇文章' : '一段音频',
    subtitle: str(v.subtitle),
    target: where ? lastPathSegment(where) : v.id,
    createdAt: str(v.createdAt),
  }
}

export function parseFavorites(body: unknown): Favorite[] {
  return listOf(body, parseFavorite)
}

export function parseListening(body: unknown): ListeningPosition[] {
  return listOf(body, (v) => {
    if (!isRec(v) || !isStr(v.trackId)) return null
    const positionSec = num(v.positionSec, -1)
    if (positionSec < 0) return null
    return { trackId: v.trackId, positionSec, updatedAt: str(v.updatedAt) }
  })
}
