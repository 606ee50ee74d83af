import { areaSections, filterSections, formatDistance, levelLabel, nearestFirst, overflowText } from './stations'
import type { StationTreeNode, StationView } from './types'

const policies = { minNoticeHours: 2, cancelWindowHours: 2, horizonDays: 14, maxUpcomingPerResident: 2 }
function station(id: string, name: string, level: StationView['level'], extra: Partial<StationView> = {}): StationView {
  return { id, name, level, parentId: null, address: `${name}地址`, phone: '', openingHours: '', intro: '', location: null, services: ['individual'], policies, ...extra }
}
const node = (s: StationView, children: StationTreeNode[] = []): StationTreeNode => ({ ...s, children })

describe('formatDistance', () => {
  test.each([
    [0.04, '100 米'],
    [0.8, '800 米'],
    [1, '1 公里'],
    [1.24, '1.2 公里'],
    [9.96, '10 公里'],
    [12.6, '13 公里'],
  ])('%s km → %s', (km, text) => {
    expect(formatDistance(km)).toBe(text)
  })
  test('unknown or nonsense → empty', () => {
    expect(formatDistance(undefined)).toBe('')
    expect(formatDistance(Number.NaN)).toBe('')
    expect(formatDistance(-1)).toBe('')
  })
})

describe('areaSections', () => {
  const tree = [
    node(station('d', '宝安区心理服务中心', 'district'), [
      node(station('s2', '西乡街道驿站', 'street'), [node(station('c3', '西乡社区', 'community'))]),
      node(station('s1', '新安街道驿站', 'street'), [node(station('c2', '海裕社区', 'community')), node(station('c1', '安乐社区', 'community'))]),
    ]),
  ]

  test('district first, then one section per street with its communities', () => {
    const sections = areaSections(tree)
    expect(sections.map((s) => s.title)).toEqual(['区级驿站', '西乡街道驿站', '新安街道驿站'])
    const xinan = sections.find((s) => s.key === 's1')!
    expect(xinan.stations.map((s) => s.id)).toEqual(['s1', 'c1', 'c2'])
    expect('children' in xinan.stations[0]!).toBe(false)
  })

  test('search narrows by name, address or area name, and drops empty sections', () => {
    const sections = areaSections(tree)
    expect(filterSections(sections, '海裕').flatMap((s) => s.stations.map((x) => x.id))).toEqual(['c2'])
    expect(filterSections(sections, '西乡街道').flatMap((s) => s.stations.map((x) => x.id))).toEqual(['s2', 'c3'])
    expect(filterSections(sections, '不存在')).toEqual([])
    expect(filterSections(sections, '  ')).toHaveLength(sections.length)
  })
})

describe('nearestFirst and labels', () => {
  test('by distance, stations without a location last', () => {
    const list = [station('a', '甲', 'community'), station('b', '乙', 'community', { distanceKm: 3 }), station('c', '丙', 'street', { distanceKm: 0.5 })]
    expect(nearestFirst(list).map((s) => s.id)).toEqual(['c', 'b', 'a'])
    expect(levelLabel('street')).toBe('街道驿站')
  })
})

describe('overflowText', () => {
  test('names the station above and its first free date', () => {
    expect(overflowText({ stationId: 's1', name: '新安街道驿站', level: 'street', firstFreeDate: '2026-05-12' })).toBe(
      '本站近期已约满，可以预约上级站点：新安街道驿站（最早 5月12日）',
    )
    expect(overflowText({ stationId: 'd', name: '宝安区心理服务中心', level: 'district', firstFreeDate: null })).toBe('本站近期已约满，可以预约上级站点：宝安区心理服务中心')
  })
})
