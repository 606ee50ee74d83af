/** The 放松 tab's arrangement of tracks: sections by category, the "现在睡不着？" pick. Pure. */
import { AUDIO_CATEGORIES, SLEEP_CATEGORY, type Track } from './types'

export interface TrackSection {
  category: string
  tracks: Track[]
}

/** Sections in the fixed category order; a category the app does not know yet comes last, empty ones not at all. */
export function groupTracks(tracks: readonly Track[]): TrackSection[] {
  const order: string[] = [...AUDIO_CATEGORIES]
  for (const t of tracks) if (!order.includes(t.category)) order.push(t.category)
  return order
    .map((category) => ({ category: category || '其他', tracks: tracks.filter((t) => t.category === category) }))
    .filter((section) => section.tracks.length > 0)
}

/** The track the "现在睡不着？" shortcut opens: the first 助眠 track in the library's order; null when there is none. */
export function sleepTrack(tracks: readonly Track[]): Track | null {
  return tracks.find((t) => t.category === SLEEP_CATEGORY) ?? null
}
