/** Rating a completed session: 1–5 and an optional comment (≤ 500, as the API allows). Pure. */
import { charLength } from './form'

export const COMMENT_MAX = 500

export const SCORE_LABELS = ['', '不太满意', '一般', '还可以', '满意', '非常满意'] as const

export function scoreLabel(score: number): string {
  return SCORE_LABELS[score] ?? ''
}

export function ratingError(score: number, comment: string): string | null {
  if (!Number.isInteger(score) || score < 1 || score > 5) return '请先点星星打个分（1–5 星）'
  if (charLength(comment.trim()) > COMMENT_MAX) return `评价最多 ${COMMENT_MAX} 个字`
  return null
}

/** Body of POST /me/bookings/:id/rating; an empty comment is left out. */
export function ratingBody(score: number, comment: string): { score: number; comment?: string } {
  const text = comment.trim()
  return text ? { score, comment: text } : { score }
}
