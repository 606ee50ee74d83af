// The station list as a tree: subtree membership and indented choices for selects. Pure.
import type { Station } from '../../../services/stations';

/** The station and every station under it (ids). Unknown root → empty set. */
export function subtreeIds(stations: readonly Pick<Station, 'id' | 'parentId'>[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const s of stations) {
    if (s.parentId) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s.id]);
  }
  const out = new Set<string>();
  if (!stations.some((s) => s.id === rootId)) return out;
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue; // a cycle in bad data must not loop forever
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/**
 * Stations in tree order (parent before its children, siblings by name) with their depth. Stations whose
 * parent is not in the list (station_staff see only their subtree) are treated as roots.
 */
export function treeOrder<T extends Pick<Station, 'id' | 'parentId' | 'name'>>(stations: readonly T[]): { station: T; depth: number }[] {
  const ids = new Set(stations.map((s) => s.id));
  const byParent = new Map<string | null, T[]>();
  for (const s of stations) {
    const parent = s.parentId && ids.has(s.parentId) ? s.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), s]);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const out: { station: T; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const s of byParent.get(parent) ?? []) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      out.push({ station: s, depth });
      walk(s.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Options for an antd Select, indented with full-width spaces so the tree reads at a glance. */
export function stationOptions(stations: readonly Pick<Station, 'id' | 'parentId' | 'name'>[]): { value: string; label: string }[] {
  return treeOrder(stations).map(({ station, depth }) => ({ value: station.id, label: `${'　'.repeat(depth)}${station.name}` }));
}
