import { groupTracks, sleepTrack } from './relax'
import type { Track } from './types'

const t = (id: string, category: string, over: Partial<Track> = {}): Track => ({
  id,
  title: id,
  category,
  durationSec: 200,
  url: `/api/v1/media/${id}`,
  cover: null,
  description: '',
  guided: false,
  ...over,
})

describe('relax tab arrangement', () => {
  test('sections follow the fixed category order; unknown categories come last; empty ones are left out', () => {
    const sections = groupTracks([t('rain', '自然声音'), t('new', '冥想新类'), t('478', '呼吸练习'), t('sleep', '助眠')])
    expect(sections.map((s) => s.category)).toEqual(['呼吸练习', '助眠', '自然声音', '冥想新类'])
  })

  test('the sleep shortcut opens the first 助眠 track, or nothing', () => {
    expect(sleepTrack([t('a', '呼吸练习'), t('s1', '助眠'), t('s2', '助眠')])?.id).toBe('s1')
    expect(sleepTrack([t('a', '呼吸练习')])).toBeNull()
  })
})
