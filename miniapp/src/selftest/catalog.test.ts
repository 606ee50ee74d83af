import { ALL_FILTER, audienceFilters, groupScales, scaleMeta } from './catalog'
import type { ScaleSummary } from './types'

function scale(code: string, topic: string, tags: string[], itemCount = 9, minutes = 3): ScaleSummary {
  return { code, abbreviation: code.toUpperCase(), title: { zh: `${code} 中文`, en: code }, purpose: '', audience: { zh: '', tags }, topic, minutes, itemCount }
}

const LIST = [
  scale('phq9', 'mood', ['adult', 'elderly'], 9),
  scale('gad7', 'anxiety', ['adult', 'elderly'], 7, 2),
  scale('gds15', 'mood', ['elderly'], 15),
  scale('scared', 'anxiety', ['youth'], 41, 10),
  scale('phq2', 'mood', ['adult', 'elderly'], 2, 1),
  scale('who5', 'wellbeing', ['adult', 'elderly', 'youth'], 5, 2),
  scale('odd', 'astrology', ['martian'], 3),
]

describe('groupScales', () => {
  test('全部: each scale once, under its topic, topics in a fixed order, unknown topics last, shorter tests first', () => {
    const sections = groupScales(LIST)
    expect(sections.map((s) => s.label)).toEqual(['情绪与抑郁', '焦虑', '幸福感、自尊与韧性', '其他'])
    expect(sections[0]!.scales.map((s) => s.code)).toEqual(['phq2', 'phq9', 'gds15'])
    expect(sections.flatMap((s) => s.scales)).toHaveLength(LIST.length)
  })

  test('an audience filter keeps the topic sections but only scales tagged for that audience', () => {
    const sections = groupScales(LIST, 'youth')
    expect(sections.map((s) => s.label)).toEqual(['焦虑', '幸福感、自尊与韧性'])
    expect(sections.flatMap((s) => s.scales.map((x) => x.code))).toEqual(['scared', 'who5'])
  })

  test('a filter with no scales gives no sections (the page shows its empty state)', () => {
    expect(groupScales(LIST, 'perinatal')).toEqual([])
    expect(groupScales([], ALL_FILTER)).toEqual([])
  })

  test('does not reorder the caller\'s list', () => {
    const copy = LIST.slice()
    groupScales(copy)
    expect(copy.map((s) => s.code)).toEqual(LIST.map((s) => s.code))
  })
})

describe('audienceFilters', () => {
  test('全部 first, then only the known audiences present', () => {
    expect(audienceFilters(LIST).map((f) => f.label)).toEqual(['全部', '成年人', '老年人', '青少年'])
  })
})

describe('scaleMeta', () => {
  test('minutes and item count in Chinese', () => {
    expect(scaleMeta({ minutes: 3, itemCount: 9 })).toBe('约 3 分钟 · 9 题')
    expect(scaleMeta({ minutes: 0.5, itemCount: 2 })).toBe('约 1 分钟 · 2 题')
  })
})
