/** Pure helpers for the 我的自测记录 and 请站点联系我 pages (jest-tested, no Taro). */
import type { SavedAssessment, Station, StationLevel, Trend } from './types'

/** Same rule as the API: a mainland mobile (1[3-9] + 9 digits) or a landline with area code (0xx(x)-xxxxxxx(x)). */
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/

/** null when the phone is fine, else the Chinese message to show under the field. */
export function phoneError(raw: string): string | null {
  const phone = raw.trim()
  if (!phone) return '请填写手机号或固定电话，站点才能联系你'
  if (!PHONE_PATTERN.test(phone)) return '请填写正确的手机号（11 位）或带区号的固定电话（如 010-12345678）'
  return null
}

/** Optional name: trimmed, at most 20 characters (the API limit). */
export function nameError(raw: string): string | null {
  return raw.trim().length > 20 ? '称呼最多 20 个字' : null
}

export const LEVEL_LABELS: Readonly<Record<StationLevel, string>> = {
  district: '区级驿站',
  street: '街道驿站',
  community: '社区驿站',
}

const LEVEL_ORDER: readonly StationLevel[] = ['district', 'street', 'community']

export interface StationGroup {
  level: StationLevel
  label: string
  stations: Station[]
}

/** Stations grouped district → street → community, each group sorted by name; empty groups left out. */
export function groupStations(stations: readonly Station[]): StationGroup[] {
  return LEVEL_ORDER.map((level) => ({
    level,
    label: LEVEL_LABELS[level],
    stations: stations.filter((s) => s.level === level).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  })).filter((g) => g.stations.length > 0)
}

/** `2026-11-23T08:05:00Z` → `11月23日` (local date), or `2025年11月23日` when not this year. */
export function formatDate(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const md = `${d.getMonth() + 1}月${d.getDate()}日`
  return d.getFullYear() === now.getFullYear() ? md : `${d.getFullYear()}年${md}`
}

/** Newest first (the API already does this; the page does not rely on it). */
export function newestFirst(items: readonly SavedAssessment[]): SavedAssessment[] {
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

export interface TrendBar {
  at: string
  total: number
  /** Bar height in percent of the chart height, 0–100; a score of 0 still gets a visible sliver. */
  percent: number
}

export const MIN_BAR_PERCENT = 4

/**
 * Bars for one scale, oldest first, heights proportional to the totals (the highest total is 100%). Only the
 * last `limit` points are kept so the bars stay readable on a phone.
 */
export function trendBars(trend: Trend, limit = 8): TrendBar[] {
  const points = trend.points.slice(-limit)
  const max = Math.max(0, ...points.map((p) => p.total))
  return points.map((p) => ({
    at: p.at,
    total: p.total,
    percent: max > 0 ? Math.max(MIN_BAR_PERCENT, Math.round((p.total / max) * 100)) : MIN_BAR_PERCENT,
  }))
}

const REFERRAL_STATUS_LABELS: Readonly<Record<string, string>> = {
  new: '已提交，等待站点联系',
  contacted: '站点已联系',
  closed: '已结束',
}

/** Chinese label for a follow-up request status; an unknown status reads as 处理中. */
export function referralStatusLabel(status: string): string {
  return REFERRAL_STATUS_LABELS[status] ?? '处理中'
}
