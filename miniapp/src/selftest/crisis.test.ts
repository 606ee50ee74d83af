import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { loadCriticalRules } from '../../config/critical-rules'
import { compare, criticalHits, crisisItems, rulesFromDefinition, type RuleSource } from './crisis'

// The real rules, extracted exactly as the build does, and the server's published test vectors.
const SCALES_DIR = path.resolve(__dirname, '..', '..', '..', 'content', 'scales')
const BUNDLED = loadCriticalRules(SCALES_DIR)
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))
const definition = (code: string) => readJson(path.join(SCALES_DIR, `${code}.json`)) as RuleSource & { items: unknown[] }

interface Vector { name: string; answers: number[]; expect: { crisis: boolean; criticalItems?: number[] } }
const vectorFiles = readdirSync(path.join(SCALES_DIR, 'vectors')).filter((f) => f.endsWith('.json'))
const vectors: Array<[string, string, Vector]> = vectorFiles.flatMap((file) =>
  (readJson(path.join(SCALES_DIR, 'vectors', file)) as Vector[]).map((v): [string, string, Vector] => [file.replace(/\.json$/, ''), v.name, v]))

describe('compare', () => {
  test.each([
    ['gt', 2, 1, true], ['gt', 1, 1, false],
    ['gte', 1, 1, true], ['gte', 0, 1, false],
    ['eq', 1, 1, true], ['eq', 2, 1, false],
  ] as const)('%s: %d against %d is %s', (op, value, threshold, expected) => {
    expect(compare(value, op, threshold)).toBe(expected)
  })
})

describe('crisisItems with the bundled rules', () => {
  const phq9 = (item9: number | null) => [0, 0, 0, 0, 0, 0, 0, 0, item9]

  test('PHQ-9 item 9 「好几天」 (1) is a crisis even when every other answer is 完全不会 (lowest band)', () => {
    expect(crisisItems('phq9', phq9(1), BUNDLED)).toEqual([9])
  })

  test.each([2, 3])('PHQ-9 item 9 = %d is a crisis', (value) => {
    expect(crisisItems('phq9', phq9(value), BUNDLED)).toEqual([9])
  })

  test('PHQ-9 item 9 「完全不会」 (0) with the highest other answers is not a crisis', () => {
    expect(crisisItems('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0], BUNDLED)).toEqual([])
  })

  test('an unanswered critical item is not (yet) a crisis', () => {
    expect(crisisItems('phq9', phq9(null), BUNDLED)).toEqual([])
    expect(crisisItems('phq9', [0, 0, 0], BUNDLED)).toEqual([])
  })

  test('EPDS item 10 uses the scored value: raw 3 「从未有过」 is safe, raw 0–2 are a crisis', () => {
    const epds = (item10: number) => [0, 0, 0, 0, 0, 0, 0, 0, 0, item10]
    expect(crisisItems('epds', epds(3), BUNDLED)).toEqual([])
    for (const raw of [0, 1, 2]) expect(crisisItems('epds', epds(raw), BUNDLED)).toEqual([10])
  })

  test('a scale without critical items never reports one', () => {
    expect(crisisItems('gad7', [3, 3, 3, 3, 3, 3, 3], BUNDLED)).toEqual([])
    expect(crisisItems('not-a-scale', [3], BUNDLED)).toEqual([])
  })

  test.each(vectors)('agrees with the server vector %s: %s', (code, _name, vector) => {
    const hits = crisisItems(code, vector.answers, BUNDLED)
    expect(hits.length > 0).toBe(vector.expect.crisis)
    if (vector.expect.criticalItems) expect(hits).toEqual(vector.expect.criticalItems)
  })
})

describe('rulesFromDefinition (the fetched definition)', () => {
  test.each(['phq9', 'epds', 'sds', 'gad7'])('gives the same rules as the build for %s', (code) => {
    expect(rulesFromDefinition(definition(code))).toEqual(BUNDLED[code] ?? [])
  })

  test('a rule only in the fetched definition still fires (newer content than the bundle)', () => {
    const gad7 = definition('gad7')
    const withRule: RuleSource = { ...gad7, criticalItems: [{ n: 7, when: { op: 'eq', value: 3 }, basis: 'raw' }] }
    expect(crisisItems('gad7', [0, 0, 0, 0, 0, 0, 3], BUNDLED, withRule)).toEqual([7])
    expect(crisisItems('gad7', [0, 0, 0, 0, 0, 0, 2], BUNDLED, withRule)).toEqual([])
  })

  test('a bundled rule fires even if the fetched definition lost it', () => {
    const phq9 = definition('phq9')
    expect(crisisItems('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1], BUNDLED, { ...phq9, criticalItems: [] })).toEqual([9])
  })
})

describe('criticalHits', () => {
  test('reports each item once, sorted, when several rules fire', () => {
    const rules = [{ n: 3, op: 'gte' as const, value: 1 }, { n: 1, op: 'eq' as const, value: 2 }, { n: 3, op: 'gt' as const, value: 0 }]
    expect(criticalHits(rules, [2, 0, 1])).toEqual([1, 3])
  })

  test('ignores non-numeric answers', () => {
    expect(criticalHits([{ n: 1, op: 'gte', value: 0 }], [Number.NaN])).toEqual([])
    expect(criticalHits([{ n: 1, op: 'gte', value: 0 }], [undefined])).toEqual([])
  })
})
