import content from '../../../content/hotlines.json'
import { resolveLocalHotline } from '../../config/local-hotline'
import { assembleHotlines, type Hotline } from './hotlines'

const noEnv = {}

describe('assembleHotlines with content/hotlines.json', () => {
  test('lists 12356, 110, 120 and the local line, in that order', () => {
    const lines = assembleHotlines(content.national, resolveLocalHotline(noEnv, content.local))
    expect(lines.map((line) => line.phone)).toEqual(['12356', '110', '120', content.local.phone])
    expect(lines[0]).toMatchObject({ key: 'psy', name: '全国心理援助热线', phone: '12356' })
    expect(lines[3]).toMatchObject({ key: 'local', name: content.local.name })
  })

  test('every line has a name and a dialable number', () => {
    for (const line of assembleHotlines(content.national, content.local)) {
      expect(line.name.length).toBeGreaterThan(0)
      expect(line.phone).toMatch(/^\d[\d-]*\d$/)
    }
  })

  test('does not list the same number twice when the local line repeats a national one', () => {
    const duplicate: Hotline = { key: 'local', name: '本地转接', phone: '12356', note: '' }
    expect(assembleHotlines(content.national, duplicate).map((line) => line.phone)).toEqual(['12356', '110', '120'])
  })

  test('refuses content without 12356', () => {
    const withoutPsy = content.national.filter((line) => line.phone !== '12356')
    expect(() => assembleHotlines(withoutPsy, content.local)).toThrow(/12356/)
  })

  test('returns copies, so a caller cannot edit the bundled content', () => {
    const lines = assembleHotlines(content.national, content.local)
    lines[0]!.phone = '000'
    expect(content.national[0]!.phone).toBe('12356')
  })
})

describe('resolveLocalHotline (build-time LOCAL_HOTLINE_NAME / LOCAL_HOTLINE_PHONE)', () => {
  test('without env, uses the local entry of content/hotlines.json', () => {
    expect(resolveLocalHotline(noEnv, content.local)).toEqual(content.local)
  })

  test('the env override replaces the local line in the assembled list', () => {
    const local = resolveLocalHotline({ LOCAL_HOTLINE_NAME: '鼓楼区心理援助热线', LOCAL_HOTLINE_PHONE: '025-83712977' }, content.local)
    const lines = assembleHotlines(content.national, local)
    expect(lines).toHaveLength(4)
    expect(lines[3]).toMatchObject({ key: 'local', name: '鼓楼区心理援助热线', phone: '025-83712977' })
    expect(lines.map((line) => line.phone)).not.toContain(content.local.phone)
  })

  test('a phone without a name gets a generic local name', () => {
    expect(resolveLocalHotline({ LOCAL_HOTLINE_PHONE: ' 96525 ' }, content.local)).toMatchObject({ name: '本地心理援助热线', phone: '96525' })
  })

  test('a name without a phone fails the build', () => {
    expect(() => resolveLocalHotline({ LOCAL_HOTLINE_NAME: '某区热线' }, content.local)).toThrow(/LOCAL_HOTLINE_PHONE/)
  })

  test('an undialable phone fails the build', () => {
    expect(() => resolveLocalHotline({ LOCAL_HOTLINE_PHONE: 'call 96111' }, content.local)).toThrow(/not a dialable number/)
  })
})
