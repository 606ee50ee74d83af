import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { BadPayloadError, optionsFor, parseAssessmentResult, parseDefinition, parseScaleList } from './definition'

const SCALES_DIR = path.resolve(__dirname, '..', '..', '..', 'content', 'scales')
const read = (code: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(SCALES_DIR, `${code}.json`), 'utf8')) as Record<string, unknown>
const codes = readdirSync(SCALES_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''))

describe('parseDefinition', () => {
  test.each(codes)('reads the %s definition the API serves, with options for every item', (code) => {
    const def = parseDefinition(read(code))
    expect(def.code).toBe(code)
    for (const item of def.items) expect(optionsFor(def, item.n).length).toBeGreaterThanOrEqual(2)
  })

  test('keeps per-item option sets and critical items (EPDS item 10, scored)', () => {
    const def = parseDefinition(read('epds'))
    expect(def.items[9]).toMatchObject({ n: 10, optionSet: 'item10-harm', reverse: true })
    expect(optionsFor(def, 10).map((o) => o.label)).toContain('从未有过')
    expect(def.criticalItems).toEqual([{ n: 10, when: { op: 'gte', value: 1 }, basis: 'scored' }])
  })

  test.each([
    ['not an object', null],
    ['no items', { ...read('phq9'), items: [] }],
    ['items out of order', { ...read('phq9'), items: [{ n: 2, text: 'x' }] }],
    ['an item without an option set', { ...read('phq9'), defaultOptionSet: 'missing' }],
    ['an option without a label', { ...read('phq9'), optionSets: [{ key: 'frequency-0-3', options: [{ value: 0 }, { value: 1, label: 'a' }] }] }],
    ['an unknown critical operator', { ...read('phq9'), criticalItems: [{ n: 9, when: { op: 'lt', value: 1 } }] }],
    ['no criticalItems', { ...read('phq9'), criticalItems: undefined }],
  ])('refuses %s', (_what, body) => {
    expect(() => parseDefinition(body)).toThrow(BadPayloadError)
  })
})

describe('parseScaleList', () => {
  test('reads the list shape', () => {
    const list = parseScaleList({ items: [{ code: 'phq9', abbreviation: 'PHQ-9', title: { zh: '抑郁', en: 'PHQ-9' }, purpose: 'p', audience: { zh: '成年人', tags: ['adult'] }, minutes: 3, itemCount: 9 }], total: 1 })
    expect(list.items[0]).toMatchObject({ code: 'phq9', itemCount: 9 })
  })

  test('refuses an item without an item count', () => {
    expect(() => parseScaleList({ items: [{ code: 'phq9', title: { zh: 'x', en: 'x' }, audience: { zh: '', tags: [] }, minutes: 3 }] })).toThrow(BadPayloadError)
  })
})

describe('parseAssessmentResult', () => {
  const body = {
    code: 'phq9', version: '1.0.0', total: 1, scoreLabel: '总分',
    band: { key: 'minimal', label: '几乎没有抑郁症状', advice: 'a', urgent: false },
    subscales: [], urgent: false, crisis: true, next: [{ kind: 'article', topic: 'self-care' }],
    hotlines: [{ key: 'psy', name: '全国心理援助热线', phone: '12356', note: '' }], disclaimer: '自测结果只是筛查参考，不是诊断。',
  }

  test('reads a crisis result with its hotlines', () => {
    const result = parseAssessmentResult(body)
    expect(result).toMatchObject({ total: 1, crisis: true, band: { key: 'minimal', urgent: false } })
    expect(result.hotlines?.[0]?.phone).toBe('12356')
  })

  test('a result without crisis or total is refused (the outbox then keeps the answers)', () => {
    expect(() => parseAssessmentResult({ ...body, crisis: undefined })).toThrow(BadPayloadError)
    expect(() => parseAssessmentResult({ ...body, total: '1' })).toThrow(BadPayloadError)
  })

  test('a missing disclaimer gets the default one', () => {
    expect(parseAssessmentResult({ ...body, disclaimer: '' }).disclaimer).toMatch(/不是诊断/)
  })
})
