/**
 * The app's view of the content API (articles, relaxation audio, videos, favorites, listening positions).
 * Shapes follow the issue-3 contract; parsers.ts turns raw bodies into these.
 */

/** The 12 fixed article categories, in the order the API lists them. */
export const ARTICLE_CATEGORIES = [
  '情绪与压力',
  '焦虑',
  '抑郁',
  '睡眠',
  '人际关系',
  '亲子与家庭',
  '青少年与学生',
  '老年',
  '职场',
  '孕产与女性',
  '危机与求助',
  '心理健康素养',
] as const

/** The 6 fixed audio categories, in display order. */
export const AUDIO_CATEGORIES = ['呼吸练习', '身体扫描', '正念冥想', '助眠', '自然声音', '音乐放松'] as const

/** The category the "现在睡不着？" shortcut plays from. */
export const SLEEP_CATEGORY = '助眠'

export interface ArticleCard {
  id: string
  slug: string
  title: string
  summary: string
  category: string
  audience: string[]
  tags: string[]
  cover: string | null
  readingMinutes: number
  publishedAt: string
}

export interface ArticlePage {
  items: ArticleCard[]
  total: number
  page: number
  pageSize: number
}

export interface ArticleCategory {
  name: string
  count: number
}

export interface Reference {
  text: string
  url: string | null
}

export interface ArticleDetail extends ArticleCard {
  html: string
  references: Reference[]
  reviewedBy: string
  reviewedAt: string | null
  views: number
  related: ArticleCard[]
}

export interface Track {
  id: string
  title: string
  category: string
  durationSec: number
  url: string
  cover: string | null
  description: string
  guided: boolean
}

export interface TrackDetail extends Track {
  transcript: string | null
  plays: number
}

export interface Video {
  id: string
  title: string
  durationSec: number
  url: string
  cover: string | null
  description: string
}

export type FavoriteKind = 'article' | 'track'

export interface Favorite {
  kind: FavoriteKind
  /** The id used in PUT/DELETE /me/favorites/:kind/:id. */
  id: string
  title: string
  subtitle: string
  /** Where to open it: the slug for an article, the track id for a track. */
  target: string
  createdAt: string
}

export interface ListeningPosition {
  trackId: string
  positionSec: number
  updatedAt: string
}
