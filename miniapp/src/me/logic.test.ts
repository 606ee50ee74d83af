import { formatDate, groupStations, MIN_BAR_PERCENT, nameError, newestFirst, phoneError, referralStatusLabel, trendBars } from './logic'
import type { SavedAssessment, Station } from './types'

describe('phoneError', () => {
  test.each(['13800138000', ' 19912345678 ', '010-12345678', '0755-1234567', '02112345678'])('accepts %s', (phone) => {
    expect(phoneError(phone)).toBeNull()
  })
  test('empty asks for a number', () => {
    expect(phoneError('  ')).toContain('请填写')
  })
  test.each(['12800138000', '1380013800', '138001380001', '+8613800138000', '010-123456', 'abc', '138 0013 8000'])('rejects %s with a Chinese message', (phone) => {
    expect(phoneError(phone)).toMatch(/请填写正确的手机号/)
  })
})

test('nameError limits the optional name to 20 characters', () => {
  expect(nameError('')).toBeNull()
  expect(nameError('张'.repeat(20))).toBeNull()
  expect(nameError('张'.repeat(21))).toBe('称呼最多 20 个字')
})

const station = (id: string, name: string, level: Station['level']): Station =>
  ({ id, name, level, parentId: null, address: '', phone: '', openingHours: '', intro: '' })

test('groupStations: district, street, community; empty levels left out', () => {
  const groups = groupStations([station('c', '乙社区', 'community'), station('d', '区中心', 'district'), station('e', '甲社区', 'community')])
  expect(groups.map((g) => g.level)).toEqual(['district', 'community'])
  expect(groups[0]!.label).toBe('区级驿站')
  expect(groups[1]!.stations.map((s) => s.id)).toHaveLength(2)
  expect(groupStations([])).toEqual([])
})

describe('trendBars', () => {
  test('heights proportional to the totals, the highest is 100%', () => {
    const bars = trendBars({ code: 'gad7', title: 'GAD-7', points: [{ at: 'a', total: 5 }, { at: 'b', total: 20 }, { at: 'c', total: 10 }] })
    expect(bars.map((b) => b.percent)).toEqual([25, 100, 50])
    expect(bars.map((b) => b.total)).toEqual([5, 20, 10])
  })
  test('a zero still shows a sliver; all zero does not divide by zero', () => {
    expect(trendBars({ code: 'x', title: 'x', points: [{ at: 'a', total: 0 }, { at: 'b', total: 10 }] })[0]!.percent).toBe(MIN_BAR_PERCENT)
    expect(trendBars({ code: 'x', title: 'x', points: [{ at: 'a', total: 0 }] })[0]!.percent).toBe(MIN_BAR_PERCENT)
    expect(trendBars({ code: 'x', title: 'x', points: [] })).toEqual([])
  })
  test('keeps only the latest points', () => {
    const points = Array.from({ length: 12 }, (_, i) => ({ at: String(i), total: i }))
    expect(trendBars({ code: 'x', title: 'x', points }, 8).map((b) => b.at)).toEqual(['4', '5', '6', '7', '8', '9', '10', '11'])
  })
})

test('formatDate: month and day this year, with the year otherwise', () => {
  const now = new Date(2026, 10, 23)
  expect(formatDate(new Date(2026, 0, 5, 12).toISOString(), now)).toBe('1月5日')
  expect(formatDate(new Date(2025, 11, 31, 12).toISOString(), now)).toBe('2025年12月31日')
  expect(formatDate('nope', now)).toBe('')
})

test('newestFirst', () => {
  const item = (id: string, createdAt: string) => ({ id, createdAt }) as SavedAssessment
  expect(newestFirst([item('a', '2026-01-01'), item('b', '2026-03-01')]).map((i) => i.id)).toEqual(['b', 'a'])
})

test('referralStatusLabel', () => {
  expect(referralStatusLabel('new')).toBe('已提交，等待站点联系')
  expect(referralStatusLabel('contacted')).toBe('站点已联系')
  expect(referralStatusLabel('something-else')).toBe('处理中')
})
