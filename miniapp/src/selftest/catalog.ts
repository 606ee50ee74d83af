/**
 * The 自测 tab's list: scales grouped by who they are for, from the scales' own audience tags. Pure.
 * A scale is listed once, under its first (main) audience; the filter chips show every scale that carries a tag.
 */
import type { ScaleSummary } from './types'

/** Section order and names. Tags the app does not know yet go last under 其他. */
export const AUDIENCES: ReadonlyArray<{ tag: string; label: string; lead: string }> = [
  { tag: 'adult', label: '成年人', lead: '情绪、压力、睡眠和生活习惯' },
  { tag: 'elderly', label: '老年人', lead: '也适合陪家里的长辈一起做' },
  { tag: 'youth', label: '青少年', lead: '给孩子和年轻人' },
  { tag: 'perinatal', label: '孕产期', lead: '怀孕和产后的妈妈' },
  { tag: 'informant', label: '家人代答', lead: '由熟悉情况的家人回答' },
]
const OTHER = { tag: 'other', label: '其他', lead: '' }

export const ALL_FILTER = 'all'

export interface ScaleSection {
  tag: string
  label: string
  lead: string
  scales: ScaleSummary[]
}

function audienceOf(tag: string) {
  return AUDIENCES.find((a) => a.tag === tag) ?? OTHER
}

/** Chips for the audiences present in the list, in section order, after 全部. */
export function audienceFilters(scales: readonly ScaleSummary[]): Array<{ tag: string; label: string }> {
  const present = new Set(scales.flatMap((s) => s.audience.tags))
  const known = AUDIENCES.filter((a) => present.has(a.tag)).map(({ tag, label }) => ({ tag, label }))
  return [{ tag: ALL_FILTER, label: '全部' }, ...known]
}

/**
 * Sections to show. With the 全部 filter each scale appears once, under its main audience; with an audience
 * filter, one section with every scale tagged for it. Within a section, the shorter tests come first.
 */
export function groupScales(scales: readonly ScaleSummary[], filter: string = ALL_FILTER): ScaleSection[] {
  const byLength = (a: ScaleSummary, b: ScaleSummary) =>
    a.itemCount - b.itemCount || a.minutes - b.minutes || a.code.localeCompare(b.code)
  if (filter !== ALL_FILTER) {
    const matching = scales.filter((s) => s.audience.tags.includes(filter)).sort(byLength)
    return matching.length ? [{ ...audienceOf(filter), scales: matching }] : []
  }
  const sections = new Map<string, ScaleSection>()
  for (const scale of scales) {
    const main = audienceOf(scale.audience.tags[0] ?? OTHER.tag)
    const section = sections.get(main.tag) ?? { ...main, scales: [] }
    section.scales.push(scale)
    sections.set(main.tag, section)
  }
  const order = [...AUDIENCES.map((a) => a.tag), OTHER.tag]
  return [...sections.values()]
    .sort((a, b) => order.indexOf(a.tag) - order.indexOf(b.tag))
    .map((section) => ({ ...section, scales: section.scales.sort(byLength) }))
}

/** "约 3 分钟 · 9 题" */
export function scaleMeta(scale: Pick<ScaleSummary, 'minutes' | 'itemCount'>): string {
  return `约 ${Math.max(1, Math.round(scale.minutes))} 分钟 · ${scale.itemCount} 题`
}
