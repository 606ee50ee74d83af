/**
 * The 自测 tab's list: scales grouped by topic (what they are about), with audience chips (who they are for)
 * to narrow the list. Pure. Each scale appears once, under its topic.
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

/** Section order and names, from the scales' `topic`. Topics the app does not know yet go last under 其他. */
export const TOPICS: ReadonlyArray<{ tag: string; label: string; lead: string }> = [
  { tag: 'mood', label: '情绪与抑郁', lead: '最近心情怎么样' },
  { tag: 'anxiety', label: '焦虑', lead: '紧张、担心、坐立不安' },
  { tag: 'stress', label: '压力与身心困扰', lead: '压力大、身体不舒服' },
  { tag: 'sleep', label: '睡眠', lead: '睡不着、睡不好' },
  { tag: 'trauma', label: '创伤后的反应', lead: '经历过很难的事之后' },
  { tag: 'alcohol', label: '饮酒', lead: '看看喝酒的习惯' },
  { tag: 'wellbeing', label: '幸福感、自尊与韧性', lead: '了解自己的力量' },
  { tag: 'cognition', label: '记忆与认知', lead: '由家人帮长辈回答' },
]

export const ALL_FILTER = 'all'

export interface ScaleSection {
  tag: string
  label: string
  lead: string
  scales: ScaleSummary[]
}

/** Chips for the audiences present in the list, in section order, after 全部. */
export function audienceFilters(scales: readonly ScaleSummary[]): Array<{ tag: string; label: string }> {
  const present = new Set(scales.flatMap((s) => s.audience.tags))
  const known = AUDIENCES.filter((a) => present.has(a.tag)).map(({ tag, label }) => ({ tag, label }))
  return [{ tag: ALL_FILTER, label: '全部' }, ...known]
}

/**
 * Sections to show: by topic, in a fixed order; with an audience filter, only the scales tagged for it.
 * Within a section, the shorter tests come first. An empty result means the page shows its empty state.
 */
export function groupScales(scales: readonly ScaleSummary[], filter: string = ALL_FILTER): ScaleSection[] {
  const byLength = (a: ScaleSummary, b: ScaleSummary) =>
    a.itemCount - b.itemCount || a.minutes - b.minutes || a.code.localeCompare(b.code)
  const shown = filter === ALL_FILTER ? scales : scales.filter((s) => s.audience.tags.includes(filter))
  const sections = new Map<string, ScaleSection>()
  for (const scale of shown) {
    const topic = TOPICS.find((t) => t.tag === scale.topic) ?? OTHER
    const section = sections.get(topic.tag) ?? { ...topic, scales: [] }
    section.scales.push(scale)
    sections.set(topic.tag, section)
  }
  const order = [...TOPICS.map((t) => t.tag), OTHER.tag]
  return [...sections.values()]
    .sort((a, b) => order.indexOf(a.tag) - order.indexOf(b.tag))
    .map((section) => ({ ...section, scales: [...section.scales].sort(byLength) }))
}

/** "约 3 分钟 · 9 题" */
export function scaleMeta(scale: Pick<ScaleSummary, 'minutes' | 'itemCount'>): string {
  return `约 ${Math.max(1, Math.round(scale.minutes))} 分钟 · ${scale.itemCount} 题`
}
