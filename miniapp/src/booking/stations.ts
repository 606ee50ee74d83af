/** Station lists for "near me" and "by area", distances, and the overflow offer. Pure. */
import { formatMonthDay } from './china-time'
import type { Overflow, StationLevel, StationTreeNode, StationView } from './types'

export const LEVEL_LABELS: Readonly<Record<StationLevel, string>> = {
  district: '区级驿站',
  street: '街道驿站',
  community: '社区驿站',
}

export function levelLabel(level: string): string {
  return LEVEL_LABELS[level as StationLevel] ?? '驿站'
}

/** 0.8 → '800 米', 1.24 → '1.2 公里', 12.6 → '13 公里'; '' when unknown. */
export function formatDistance(km: number | undefined | null): string {
  if (typeof km !== 'number' || !Number.isFinite(km) || km < 0) return ''
  if (km < 1) return `${Math.max(100, Math.round(km * 10) * 100)} 米`
  if (km < 10) return `${(Math.round(km * 10) / 10).toFixed(1).replace(/\.0$/, '')} 公里`
  return `${Math.round(km)} 公里`
}

export interface AreaSection {
  key: string
  title: string
  stations: StationView[]
}

function stripChildren(node: StationTreeNode): StationView {
  const { children: _children, ...station } = node
  return station
}

function descendants(node: StationTreeNode): StationView[] {
  const out: StationView[] = []
  const walk = (n: StationTreeNode) => {
    for (const child of [...n.children].sort(byName)) {
      out.push(stripChildren(child))
      walk(child)
    }
  }
  walk(node)
  return out
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN')

/**
 * "By area": each district station on its own first, then one section per street holding the street station and
 * the communities under it — how residents think of where they live (街道 → 社区).
 */
export function areaSections(roots: readonly StationTreeNode[]): AreaSection[] {
  const sections: AreaSection[] = []
  for (const root of [...roots].sort(byName)) {
    if (root.level !== 'district') {
      sections.push({ key: root.id, title: root.name, stations: [stripChildren(root), ...descendants(root)] })
      continue
    }
    sections.push({ key: root.id, title: levelLabel('district'), stations: [stripChildren(root)] })
    for (const street of [...root.children].sort(byName)) {
      sections.push({ key: street.id, title: street.name, stations: [stripChildren(street), ...descendants(street)] })
    }
  }
  return sections
}

/** Sections narrowed to stations whose name or address contains the search text; empty sections dropped. */
export function filterSections(sections: readonly AreaSection[], query: string): AreaSection[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...sections]
  return sections
    .map((s) => ({
      ...s,
      stations: s.stations.filter((st) => st.name.toLowerCase().includes(q) || st.address.toLowerCase().includes(q) || s.title.toLowerCase().includes(q)),
    }))
    .filter((s) => s.stations.length > 0)
}

/** Near me: nearest first, stations without a location last (the API sorts the same way; this keeps it so). */
export function nearestFirst(stations: readonly StationView[]): StationView[] {
  const far = Number.POSITIVE_INFINITY
  return [...stations].sort((a, b) => (a.distanceKm ?? far) - (b.distanceKm ?? far) || byName(a, b))
}

/** '本站近期已约满，可以预约上级站点：东湖街道社会心理服务站（最早 5月6日）'. */
export function overflowText(overflow: Overflow, now?: Date): string {
  const first = overflow.firstFreeDate ? `（最早 ${formatMonthDay(overflow.firstFreeDate, now)}）` : ''
  return `本站近期已约满，可以预约上级站点：${overflow.name}${first}`
}
