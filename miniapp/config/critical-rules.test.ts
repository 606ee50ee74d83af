import path from 'node:path'
import { criticalRulesOf, extractCriticalRules, loadCriticalRules } from './critical-rules'

const SCALES_DIR = path.resolve(__dirname, '..', '..', 'content', 'scales')

const frequency = { key: 'f', options: [0, 1, 2, 3].map((value) => ({ value, label: `o${value}` })) }
function def(overrides: Record<string, unknown> = {}) {
  return {
    code: 'demo',
    defaultOptionSet: 'f',
    optionSets: [frequency],
    items: [{ n: 1, text: 'a' }, { n: 2, text: 'b', reverse: true }],
    criticalItems: [{ n: 1, when: { op: 'gte', value: 1 }, basis: 'raw', reason: 'r' }],
    ...overrides,
  }
}

describe('loadCriticalRules (the CRITICAL_RULES build constant)', () => {
  const rules = loadCriticalRules(SCALES_DIR)

  test('bundles PHQ-9 item 9 ≥ 1 on the raw value', () => {
    expect(rules.phq9).toEqual([{ n: 9, op: 'gte', value: 1 }])
  })

  test('bundles EPDS item 10 on the scored value of a reversed 0–3 item (reverseSum 3)', () => {
    expect(rules.epds).toEqual([{ n: 10, op: 'gte', value: 1, reverseSum: 3 }])
  })

  test('bundles SDS item 19 ≥ 2 (project rule)', () => {
    expect(rules.sds).toEqual([{ n: 19, op: 'gte', value: 2 }])
  })

  test('lists only scales that have critical items, and stays tiny (no definitions bundled)', () => {
    expect(Object.keys(rules).sort()).toEqual(['epds', 'phq9', 'sds'])
    expect(JSON.stringify(rules).length).toBeLessThan(1024)
  })
})

describe('criticalRulesOf', () => {
  test('a raw rule on a reversed item compares the raw value (no reverseSum)', () => {
    expect(criticalRulesOf(def({ criticalItems: [{ n: 2, when: { op: 'eq', value: 0 }, basis: 'raw', reason: 'r' }] }), 'demo.json'))
      .toEqual([{ n: 2, op: 'eq', value: 0 }])
  })

  test('a scored rule on a non-reversed item compares the raw value (no reverseSum)', () => {
    expect(criticalRulesOf(def({ criticalItems: [{ n: 1, when: { op: 'gt', value: 0 }, basis: 'scored', reason: 'r' }] }), 'demo.json'))
      .toEqual([{ n: 1, op: 'gt', value: 0 }])
  })

  test('a scored rule on a reversed item uses the item\'s own option set for max + min', () => {
    const oneToFive = { key: 'g', options: [1, 2, 3, 4, 5].map((value) => ({ value, label: `g${value}` })) }
    const withSet = def({
      optionSets: [frequency, oneToFive],
      items: [{ n: 1, text: 'a' }, { n: 2, text: 'b', reverse: true, optionSet: 'g' }],
      criticalItems: [{ n: 2, when: { op: 'gte', value: 4 }, basis: 'scored', reason: 'r' }],
    })
    expect(criticalRulesOf(withSet, 'demo.json')).toEqual([{ n: 2, op: 'gte', value: 4, reverseSum: 6 }])
  })

  test.each([
    ['an unknown operator', { criticalItems: [{ n: 1, when: { op: 'lt', value: 1 }, basis: 'raw' }] }, /when/],
    ['a non-integer threshold', { criticalItems: [{ n: 1, when: { op: 'gte', value: '1' }, basis: 'raw' }] }, /when/],
    ['an item that does not exist', { criticalItems: [{ n: 7, when: { op: 'gte', value: 1 }, basis: 'raw' }] }, /第7题不存在/],
    ['a missing basis', { criticalItems: [{ n: 1, when: { op: 'gte', value: 1 } }] }, /basis/],
    ['an option set that does not exist', { defaultOptionSet: 'nope' }, /选项组/],
    ['criticalItems that is not a list', { criticalItems: null }, /criticalItems/],
  ])('fails the build on %s', (_what, overrides, message) => {
    expect(() => criticalRulesOf(def(overrides), 'demo.json')).toThrow(message)
  })
})

describe('extractCriticalRules', () => {
  test('fails the build on a duplicate scale code', () => {
    expect(() => extractCriticalRules([{ file: 'a.json', json: def() }, { file: 'b.json', json: def() }])).toThrow(/重复/)
  })

  test('fails the build on a file without a code', () => {
    expect(() => extractCriticalRules([{ file: 'a.json', json: def({ code: undefined }) }])).toThrow(/code/)
  })
})
