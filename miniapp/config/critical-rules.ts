/**
 * Build-time extraction of the crisis rules (critical items) from content/scales/*.json.
 * The result becomes the CRITICAL_RULES constant (config/index.ts `defineConstants`), so the app can
 * detect a crisis answer with the network or the API down. Only code → rules is bundled, never whole
 * definitions (they stay on the server and are fetched when a test is opened).
 * Lives in config/ because Taro only compiles TypeScript under config/ when it loads the config.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { CriticalRule, CriticalRulesByScale } from '../src/selftest/crisis'

/** The parts of a scale definition file this step reads (the full shape is api/src/modules/scales/scale-definition.schema.ts). */
interface DefinitionFile {
  code?: unknown
  items?: unknown
  optionSets?: unknown
  defaultOptionSet?: unknown
  criticalItems?: unknown
}

const OPS = ['gt', 'gte', 'eq'] as const

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value)
}

/** Option values of item n (1-based), following the item's optionSet or the default set. */
function optionValues(def: DefinitionFile, n: number, where: string): number[] {
  const items = Array.isArray(def.items) ? def.items : []
  const item: unknown = items[n - 1]
  if (!isRecord(item) || item.n !== n) throw new Error(`${where}: 关键题 第${n}题不存在`)
  const key = typeof item.optionSet === 'string' ? item.optionSet : def.defaultOptionSet
  const sets = Array.isArray(def.optionSets) ? def.optionSets : []
  const set: unknown = sets.find((s: unknown) => isRecord(s) && s.key === key)
  if (!isRecord(set) || !Array.isArray(set.options)) throw new Error(`${where}: 第${n}题没有可用的选项组`)
  const values = set.options.map((o: unknown) => (isRecord(o) ? o.value : undefined))
  if (values.length < 2 || !values.every(isInt)) throw new Error(`${where}: 第${n}题的选项分值不是整数`)
  return values
}

/**
 * The rules of one definition file. Throws on anything malformed: a crisis rule the app cannot read must fail
 * the build, never ship as "no rule".
 */
export function criticalRulesOf(def: DefinitionFile, where: string): CriticalRule[] {
  if (!Array.isArray(def.criticalItems)) throw new Error(`${where}: criticalItems 应为数组`)
  return def.criticalItems.map((raw: unknown, i) => {
    const at = `${where} criticalItems[${i}]`
    if (!isRecord(raw) || !isInt(raw.n) || raw.n < 1) throw new Error(`${at}: n 应为正整数`)
    const when = raw.when
    if (!isRecord(when) || !OPS.includes(when.op as (typeof OPS)[number]) || !isInt(when.value)) {
      throw new Error(`${at}: when 应为 {op: gt|gte|eq, value: 整数}`)
    }
    if (raw.basis !== 'raw' && raw.basis !== 'scored') throw new Error(`${at}: basis 应为 raw 或 scored`)
    const values = optionValues(def, raw.n, at)
    const items = def.items as Array<Record<string, unknown>>
    const rule: CriticalRule = { n: raw.n, op: when.op as CriticalRule['op'], value: when.value }
    // A rule on the scored value of a reversed item compares (max + min − raw), the scoring engine's reverse rule.
    if (raw.basis === 'scored' && items[raw.n - 1]?.reverse === true) {
      rule.reverseSum = Math.max(...values) + Math.min(...values)
    }
    return rule
  })
}

/** code → rules for every definition that has critical items. */
export function extractCriticalRules(defs: ReadonlyArray<{ file: string; json: unknown }>): CriticalRulesByScale {
  const rules: CriticalRulesByScale = {}
  for (const { file, json } of defs) {
    if (!isRecord(json) || typeof json.code !== 'string' || !/^[a-z][a-z0-9]*$/.test(json.code)) {
      throw new Error(`${file}: 缺少有效的量表代码 code`)
    }
    if (rules[json.code]) throw new Error(`${file}: 量表代码 ${json.code} 重复`)
    const ofScale = criticalRulesOf(json, file)
    if (ofScale.length > 0) rules[json.code] = ofScale
  }
  return rules
}

/** Reads every content/scales/*.json (not the vectors folder) and extracts the rules. */
export function loadCriticalRules(scalesDir: string): CriticalRulesByScale {
  const files = readdirSync(scalesDir).filter((f) => f.endsWith('.json')).sort()
  if (files.length === 0) throw new Error(`${scalesDir}: 没有量表定义文件`)
  return extractCriticalRules(files.map((file) => ({
    file,
    json: JSON.parse(readFileSync(path.join(scalesDir, file), 'utf8')) as unknown,
  })))
}
