/**
 * Crisis detection in the app, the same rule as the server's (api/src/modules/scales/scoring.ts): a critical
 * item answered past its threshold is a crisis, whatever the total. Pure, no Taro: the rules are passed in.
 * The app evaluates the rules bundled at build time (config/critical-rules.ts → CRITICAL_RULES) together with
 * the rules of the definition it fetched, so a crisis answer shows help even with the network or the API down.
 */

export type CriticalOp = 'gt' | 'gte' | 'eq'

export interface CriticalRule {
  /** 1-based item number. */
  n: number
  op: CriticalOp
  value: number
  /**
   * Present when the rule is on the scored value of a reversed item (EPDS item 10): the compared value is
   * reverseSum − raw (reverseSum = max + min of the item's option values). Absent: the raw option value.
   */
  reverseSum?: number
}

export type CriticalRulesByScale = Record<string, CriticalRule[]>

/** An answer list in item order; null (or a hole) for an item not answered yet. */
export type PartialAnswers = ReadonlyArray<number | null | undefined>

export function compare(value: number, op: CriticalOp, threshold: number): boolean {
  if (op === 'gt') return value > threshold
  if (op === 'gte') return value >= threshold
  return value === threshold
}

/** Item numbers whose answer fires a rule (sorted, distinct). Unanswered items never fire. */
export function criticalHits(rules: readonly CriticalRule[], answers: PartialAnswers): number[] {
  const hits = new Set<number>()
  for (const rule of rules) {
    const raw = answers[rule.n - 1]
    if (typeof raw !== 'number' || !Number.isFinite(raw)) continue
    const compared = rule.reverseSum === undefined ? raw : rule.reverseSum - raw
    if (compare(compared, rule.op, rule.value)) hits.add(rule.n)
  }
  return [...hits].sort((a, b) => a - b)
}

/** The parts of a fetched definition the rule conversion needs (see selftest/types.ts ScaleDefinition). */
export interface RuleSource {
  items: ReadonlyArray<{ n: number; optionSet?: string | undefined; reverse?: boolean | undefined }>
  optionSets: ReadonlyArray<{ key: string; options: ReadonlyArray<{ value: number }> }>
  defaultOptionSet?: string | undefined
  criticalItems: ReadonlyArray<{ n: number; when: { op: CriticalOp; value: number }; basis?: 'raw' | 'scored' | undefined }>
}

/** The rules of a fetched definition, in the bundled form. Rules naming a missing item or option set are skipped. */
export function rulesFromDefinition(def: RuleSource): CriticalRule[] {
  const rules: CriticalRule[] = []
  for (const c of def.criticalItems) {
    const rule: CriticalRule = { n: c.n, op: c.when.op, value: c.when.value }
    const item = def.items[c.n - 1]
    if (c.basis === 'scored' && item?.reverse === true) {
      const key = item.optionSet ?? def.defaultOptionSet
      const values = def.optionSets.find((s) => s.key === key)?.options.map((o) => o.value) ?? []
      if (values.length === 0) continue
      rule.reverseSum = Math.max(...values) + Math.min(...values)
    }
    rules.push(rule)
  }
  return rules
}

/**
 * Items that make this a crisis for `code`: the bundled rules and the fetched definition's rules together
 * (either source alone is enough; a rule in both counts once).
 */
export function crisisItems(
  code: string,
  answers: PartialAnswers,
  bundled: CriticalRulesByScale,
  definition?: RuleSource | null,
): number[] {
  const rules = [...(bundled[code] ?? []), ...(definition ? rulesFromDefinition(definition) : [])]
  return criticalHits(rules, answers)
}
