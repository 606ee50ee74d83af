/** Display text for content: clock times, article meta lines, dates. Pure. */
import { chinaDateOf } from '@xinan/content/china-time'
import type { ArticleCard, ArticleDetail } from './types'

/** "mm:ss" (minutes keep counting past 59: a 75-minute track reads 75:03). Bad input reads 00:00. */
export function formatClock(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0
  const mm = Math.floor(total / 60)
  const ss = total % 60
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`
}

/** "03:12 / 10:00" as the player shows it. */
export function formatProgress(currentSec: number, durationSec: number): string {
  return `${formatClock(currentSec)} / ${formatClock(durationSec)}`
}

/**
 * YYYY-MM-DD in China time (the service is for one Chinese district), whatever the device's zone, so the same
 * article shows the same review date everywhere. '' for a missing or bad date.
 */
export function formatDay(iso: string | null | undefined): string {
  return chinaDateOf(iso)
}

/** "约6分钟". */
export function readingTime(minutes: number): string {
  return `约${Math.max(1, Math.round(minutes))}分钟`
}

/** Card meta: "睡眠 · 约6分钟". */
export function cardMeta(card: Pick<ArticleCard, 'category' | 'readingMinutes'>): string {
  return [card.category, readingTime(card.readingMinutes)].filter(Boolean).join(' · ')
}

/** Article meta: "睡眠 · 约6分钟 · 审核：王医生 2026-03-21" (the review part only when there is a reviewer). */
export function articleMeta(article: Pick<ArticleDetail, 'category' | 'readingMinutes' | 'reviewedBy' | 'reviewedAt'>): string {
  const parts = [cardMeta(article)]
  const reviewer = article.reviewedBy.trim()
  if (reviewer) parts.push(`审核：${[reviewer, formatDay(article.reviewedAt)].filter(Boolean).join(' ')}`)
  return parts.join(' · ')
}

/** "3分钟" / "45秒" for a track card's spoken length (the card also shows mm:ss). */
export function durationWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  return s >= 60 ? `${Math.round(s / 60)}分钟` : `${s}秒`
}
