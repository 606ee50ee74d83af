/**
 * Checks at the edge for what the API (or the storage cache) hands the self-test pages, so a page never
 * renders a question without options or a result without a score. Pure.
 */
import type { AssessmentResult, ScaleDefinition, ScaleList, ScaleOption, ScaleSummary } from './types'

export class BadPayloadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BadPayloadError'
    Object.setPrototypeOf(this, BadPayloadError.prototype)
  }
}

type Rec = Record<string, unknown>

function isRec(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function need(condition: boolean, what: string): asserts condition {
  if (!condition) throw new BadPayloadError(what)
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

function isTitle(v: unknown): v is { zh: string; en: string } {
  return isRec(v) && isStr(v.zh) && typeof v.en === 'string'
}

function isAudience(v: unknown): v is { zh: string; tags: string[] } {
  return isRec(v) && typeof v.zh === 'string' && Array.isArray(v.tags) && v.tags.every((t) => typeof t === 'string')
}

function parseSummary(v: unknown, i: number): ScaleSummary {
  need(isRec(v) && isStr(v.code) && isTitle(v.title) && isAudience(v.audience), `scales[${i}] 缺少 code/title/audience`)
  need(isNum(v.minutes) && isInt(v.itemCount), `scales[${i}] 缺少 minutes/itemCount`)
  return {
    code: v.code,
    abbreviation: typeof v.abbreviation === 'string' ? v.abbreviation : v.code.toUpperCase(),
    title: v.title,
    purpose: typeof v.purpose === 'string' ? v.purpose : '',
    audience: v.audience,
    // An older API without topics still lists everything, under 其他.
    topic: typeof v.topic === 'string' ? v.topic : 'other',
    minutes: v.minutes,
    itemCount: v.itemCount,
  }
}

export function parseScaleList(body: unknown): ScaleList {
  need(isRec(body) && Array.isArray(body.items), '量表列表格式不对')
  const items = body.items.map(parseSummary)
  return { items, total: items.length }
}

/** A definition the question flow can render: items numbered 1..n, every item with an option set of ≥ 2 options. */
export function parseDefinition(body: unknown): ScaleDefinition {
  need(isRec(body), '量表定义格式不对')
  const d = body
  need(isStr(d.code) && isStr(d.version) && isTitle(d.title), '量表定义缺少 code/version/title')
  need(Array.isArray(d.items) && d.items.length > 0, '量表定义没有题目')
  need(Array.isArray(d.optionSets) && d.optionSets.length > 0, '量表定义没有选项')
  need(Array.isArray(d.criticalItems), '量表定义缺少 criticalItems')
  const optionSets = d.optionSets.map((s: unknown, i) => {
    need(isRec(s) && isStr(s.key) && Array.isArray(s.options) && s.options.length >= 2, `optionSets[${i}] 格式不对`)
    const options: ScaleOption[] = s.options.map((o: unknown, j) => {
      need(isRec(o) && isInt(o.value) && isStr(o.label), `optionSets[${i}].options[${j}] 格式不对`)
      return { value: o.value, label: o.label }
    })
    return { key: s.key, options }
  })
  const defaultOptionSet = typeof d.defaultOptionSet === 'string' ? d.defaultOptionSet : undefined
  const items = d.items.map((it: unknown, i) => {
    need(isRec(it) && it.n === i + 1 && isStr(it.text), `items[${i}] 格式不对`)
    const key = typeof it.optionSet === 'string' ? it.optionSet : defaultOptionSet
    need(optionSets.some((s) => s.key === key), `第${i + 1}题没有选项组`)
    return {
      n: it.n,
      text: it.text,
      ...(isStr(it.hint) ? { hint: it.hint } : {}),
      ...(typeof it.optionSet === 'string' ? { optionSet: it.optionSet } : {}),
      ...(it.reverse === true ? { reverse: true } : {}),
    }
  })
  const criticalItems = d.criticalItems.map((c: unknown, i): ScaleDefinition['criticalItems'][number] => {
    need(isRec(c) && isInt(c.n) && isRec(c.when) && isInt(c.when.value), `criticalItems[${i}] 格式不对`)
    const op: unknown = c.when.op
    need(op === 'gt' || op === 'gte' || op === 'eq', `criticalItems[${i}].when.op 不认识`)
    const basis = c.basis === 'scored' ? 'scored' as const : 'raw' as const
    return { n: c.n, when: { op, value: c.when.value }, basis }
  })
  const license = isRec(d.license) && typeof d.license.holder === 'string' ? { holder: d.license.holder } : undefined
  const citation = isRec(d.citation) && typeof d.citation.original === 'string'
    ? { original: d.citation.original, chinese: String(d.citation.chinese ?? ''), chineseTextSource: String(d.citation.chineseTextSource ?? '') }
    : undefined
  return {
    code: d.code,
    version: d.version,
    abbreviation: typeof d.abbreviation === 'string' ? d.abbreviation : d.code.toUpperCase(),
    title: d.title,
    purpose: typeof d.purpose === 'string' ? d.purpose : '',
    audience: isAudience(d.audience) ? d.audience : { zh: '', tags: [] },
    minutes: isNum(d.minutes) ? d.minutes : 0,
    instructions: typeof d.instructions === 'string' ? d.instructions : '',
    timeframe: typeof d.timeframe === 'string' ? d.timeframe : '',
    optionSets,
    ...(defaultOptionSet ? { defaultOptionSet } : {}),
    items,
    scoreLabel: typeof d.scoreLabel === 'string' ? d.scoreLabel : '总分',
    criticalItems,
    ...(license ? { license } : {}),
    ...(citation ? { citation } : {}),
  }
}

/** The options shown for item n (1-based). */
export function optionsFor(def: ScaleDefinition, n: number): ScaleOption[] {
  const key = def.items[n - 1]?.optionSet ?? def.defaultOptionSet
  const set = def.optionSets.find((s) => s.key === key)
  if (!set) throw new BadPayloadError(`第${n}题没有选项组`)
  return set.options
}

function parseBand(v: unknown): AssessmentResult['band'] {
  if (!isRec(v)) return null
  need(isStr(v.key) && isStr(v.label), '结果分段格式不对')
  return { key: v.key, label: v.label, advice: typeof v.advice === 'string' ? v.advice : '', urgent: v.urgent === true }
}

export function parseAssessmentResult(body: unknown): AssessmentResult {
  need(isRec(body) && isStr(body.code) && isNum(body.total) && typeof body.crisis === 'boolean', '自测结果格式不对')
  const r = body
  const subscales = Array.isArray(r.subscales) ? r.subscales : []
  const next = Array.isArray(r.next) ? r.next : []
  const hotlines = Array.isArray(r.hotlines) ? r.hotlines : null
  return {
    code: body.code,
    version: typeof r.version === 'string' ? r.version : '',
    total: body.total,
    scoreLabel: typeof r.scoreLabel === 'string' ? r.scoreLabel : '总分',
    band: parseBand(r.band),
    subscales: subscales.filter(isRec).map((s) => ({
      key: String(s.key ?? ''),
      title: String(s.title ?? ''),
      total: isNum(s.total) ? s.total : 0,
      band: parseBand(s.band),
    })),
    urgent: r.urgent === true,
    crisis: body.crisis,
    next: next.filter((n): n is Rec => isRec(n) && isStr(n.kind) && isStr(n.topic))
      .map((n) => ({ kind: String(n.kind), topic: String(n.topic) })),
    ...(hotlines ? {
      hotlines: hotlines.filter(isRec).map((h) => ({
        key: String(h.key ?? ''), name: String(h.name ?? ''), phone: String(h.phone ?? ''), note: String(h.note ?? ''),
      })),
    } : {}),
    disclaimer: typeof r.disclaimer === 'string' && r.disclaimer.trim() !== ''
      ? r.disclaimer
      : '自测结果只是筛查参考，不是诊断。',
  }
}
