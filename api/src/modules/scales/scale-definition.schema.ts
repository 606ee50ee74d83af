import { z } from 'zod';
import { achievableScores, optionSetFor, reversedValue } from './scale-math';

// A self-test scale as data (content/scales/<code>.json). The engine (scoring.ts) has no per-scale code: everything
// that decides a score, a band or a crisis lives here and is checked here, so a content edit cannot silently produce
// a wrong result. The spec these files follow is ../shared/docs/scales-spec.md.

const zh = z.string().trim().min(1);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符');
const itemNumber = z.number().int().min(1);

export const AUDIENCE_TAGS = ['adult', 'elderly', 'youth', 'perinatal', 'informant'] as const;
/** What a scale is about; the self-test list groups by it (labels live in the mini-program's catalog). */
export const SCALE_TOPICS = ['mood', 'anxiety', 'stress', 'sleep', 'trauma', 'alcohol', 'wellbeing', 'cognition'] as const;
export const LICENSE_STATUSES = [
  'free', // reproduction allowed without asking (e.g. the PHQ footer)
  'free-noncommercial', // free for non-commercial / public-health use
  'public-domain',
  'permission-required', // must not be shown until written permission is on file
  'unclear', // no restriction found, but legal sign-off still needed
] as const;

export const option = z.strictObject({
  /** The value the published scoring uses for this option, before any reverse scoring. */
  value: z.number().int(),
  label: zh,
  /** "不知道 / 不适用" answers that the published scoring counts like another option (AD8: N/A scores 0). */
  dontKnow: z.boolean().optional(),
});

export const optionSet = z.strictObject({
  key: slug,
  options: z.array(option).min(2),
});

export const item = z.strictObject({
  /** 1-based number in the printed order of the Chinese version used. */
  n: itemNumber,
  text: zh,
  /** Extra guidance shown under the item (e.g. PHQ-15 item 4 is for women only). */
  hint: zh.optional(),
  /** Scored as max + min − value of this item's option values (reverseRule). */
  reverse: z.boolean().optional(),
  /** Optional cross-check; the subscale's own `items` list is what scoring uses, and the two must agree. */
  subscale: slug.optional(),
  /** Option set for this item when the scale mixes sets; otherwise defaultOptionSet. */
  optionSet: slug.optional(),
});

const comparison = z.strictObject({ op: z.enum(['gt', 'gte', 'eq']), value: z.number().int() });

export const formula = z.discriminatedUnion('kind', [
  /** Sum of the scored item values. */
  z.strictObject({ kind: z.literal('sum') }),
  /** Sum × multiplier (DASS-21 subscales ×2). */
  z.strictObject({ kind: z.literal('sumTimes'), multiplier: z.number().int().min(2) }),
  /** Sum × multiplier giving 0–100 (WHO-5 raw × 4); checked to span exactly 0–100. */
  z.strictObject({ kind: z.literal('percentage'), multiplier: z.number().int().min(1) }),
  /** Index = sum × numerator / denominator, then rounded (SDS/SAS: × 5/4, integer part). Exact integer arithmetic. */
  z.strictObject({
    kind: z.literal('index'),
    numerator: z.number().int().min(1),
    denominator: z.number().int().min(1),
    rounding: z.enum(['floor', 'halfUp']),
  }),
  /** Mean of the scored item values, rounded half up to `decimals` places (BRS: 2). */
  z.strictObject({ kind: z.literal('mean'), decimals: z.number().int().min(0).max(4) }),
]);

export const nextStep = z.strictObject({
  kind: z.enum(['article', 'audio', 'booking', 'retest']),
  /** Content topic slug; for `retest`, the code of the scale to take (checked by the library loader). */
  topic: slug,
});

export const band = z.strictObject({
  key: slug,
  /** Inclusive bounds on the reported score (after the formula). */
  min: z.number(),
  max: z.number(),
  label: zh,
  /** Plain, warm, non-stigmatising; never a diagnosis. */
  advice: zh,
  next: z.array(nextStep),
  /** Strongly recommend professional help soon. Not a crisis: crisis comes only from critical items. */
  urgent: z.boolean().optional(),
});

export const subscale = z.strictObject({
  key: slug,
  title: zh,
  items: z.array(itemNumber).min(1),
  formula,
  bands: z.array(band).optional(),
});

export const criticalItem = z.strictObject({
  n: itemNumber,
  when: comparison,
  /** `raw`: the option value stored; `scored`: after reverse scoring (EPDS item 10 is defined on the scored value). */
  basis: z.enum(['raw', 'scored']),
  reason: zh,
});

/** A symptom-count rule reported beside the total (PCL-5 provisional DSM-5 rule). */
export const symptomRule = z.strictObject({
  key: slug,
  title: zh,
  note: zh,
  /** An item counts as endorsed when its scored value satisfies this. */
  endorsedWhen: comparison,
  groups: z.array(z.strictObject({ subscale: slug, min: z.number().int().min(1) })).min(1),
});

const verificationNote = z.string().regex(/^(unverified|partly verified|verified): \S/, '以 "unverified: " / "partly verified: " / "verified: " 开头');

export const verification = z.strictObject({
  itemsText: verificationNote.optional(),
  optionLabels: verificationNote.optional(),
  scoring: verificationNote.optional(),
  bands: verificationNote.optional(),
  criticalItems: verificationNote.optional(),
  license: verificationNote.optional(),
  citation: verificationNote.optional(),
});

export const scaleDefinitionShape = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9]*$/, '量表代码只能用小写字母和数字'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  abbreviation: z.string().min(1),
  title: z.strictObject({ zh, en: z.string().min(1) }),
  purpose: zh,
  audience: z.strictObject({ zh, tags: z.array(z.enum(AUDIENCE_TAGS)).min(1) }),
  topic: z.enum(SCALE_TOPICS),
  minutes: z.number().positive(),
  instructions: zh,
  timeframe: zh,
  optionSets: z.array(optionSet).min(1),
  defaultOptionSet: slug.optional(),
  items: z.array(item).min(1),
  reverseRule: z.literal('max-plus-min-minus-value'),
  formula,
  /** What the reported score is called (总分, 标准分, 幸福感百分比, 平均分). */
  scoreLabel: zh,
  /** Bands on the total; omitted only when the subscales carry the bands (DASS-21 has no overall severity). */
  bands: z.array(band).optional(),
  subscales: z.array(subscale),
  criticalItems: z.array(criticalItem),
  symptomRules: z.array(symptomRule).optional(),
  /** Off unless configuration lists the code in enabledWithPermission (EPDS, AD8). */
  requiresPermission: z.boolean(),
  permissionReason: zh.optional(),
  license: z.strictObject({
    status: z.enum(LICENSE_STATUSES),
    holder: z.string().min(1),
    note: z.string().min(1),
  }),
  citation: z.strictObject({
    original: z.string().min(1),
    chinese: z.string().min(1),
    /** Where the Chinese text shown to users comes from; a translation can carry its own copyright. */
    chineseTextSource: z.string().min(1),
  }),
  verification,
  /** Implementation notes for editors and the UI (skip logic, sex-specific cutoffs…). */
  notes: z.array(zh).optional(),
});

export type ScaleDefinitionShape = z.infer<typeof scaleDefinitionShape>;
type Shape = ScaleDefinitionShape;
type Ctx = z.RefinementCtx;

function issue(ctx: Ctx, path: (string | number)[], message: string) {
  ctx.addIssue({ code: 'custom', path, message });
}

function duplicates<T>(values: T[]): T[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

function compare(value: number, when: { op: 'gt' | 'gte' | 'eq'; value: number }): boolean {
  if (when.op === 'gt') return value > when.value;
  if (when.op === 'gte') return value >= when.value;
  return value === when.value;
}

function checkOptionSets(def: Shape, ctx: Ctx): boolean {
  let ok = true;
  const keys = def.optionSets.map((s) => s.key);
  for (const d of duplicates(keys)) { issue(ctx, ['optionSets'], `选项组 ${d} 重复`); ok = false; }
  def.optionSets.forEach((set, si) => {
    const plain = set.options.filter((o) => !o.dontKnow).map((o) => o.value);
    for (const d of duplicates(plain)) issue(ctx, ['optionSets', si], `选项组 ${set.key} 的分值 ${d} 重复`);
    for (const d of duplicates(set.options.map((o) => o.label))) issue(ctx, ['optionSets', si], `选项组 ${set.key} 的选项「${d}」重复`);
    set.options.forEach((o, oi) => {
      if (o.dontKnow && !plain.includes(o.value)) {
        issue(ctx, ['optionSets', si, 'options', oi], `「${o.label}」按其他选项计分，但没有分值为 ${o.value} 的其他选项`);
      }
    });
  });
  def.items.forEach((it, i) => {
    const key = it.optionSet ?? def.defaultOptionSet;
    if (!key) { issue(ctx, ['items', i, 'optionSet'], `第${it.n}题没有选项组，也没有 defaultOptionSet`); ok = false; }
    else if (!keys.includes(key)) { issue(ctx, ['items', i, 'optionSet'], `第${it.n}题的选项组 ${key} 不存在`); ok = false; }
  });
  return ok;
}

function checkItems(def: Shape, ctx: Ctx): boolean {
  let ok = true;
  def.items.forEach((it, i) => {
    if (it.n !== i + 1) { issue(ctx, ['items', i, 'n'], `题号应为 ${i + 1}，实际为 ${it.n}（题目须按 1..n 顺序编号）`); ok = false; }
  });
  return ok;
}

/** Reversed values must land on the item's own option values, or the scale's options are not symmetric. */
function checkReverse(def: Shape, ctx: Ctx) {
  def.items.forEach((it, i) => {
    if (!it.reverse) return;
    const values = optionSetFor(def, it.n).options.map((o) => o.value);
    const distinct = new Set(values);
    if (distinct.size < 2) issue(ctx, ['items', i, 'reverse'], `第${it.n}题反向计分，但只有一个分值`);
    for (const v of distinct) {
      if (!distinct.has(reversedValue(values, v))) issue(ctx, ['items', i, 'reverse'], `第${it.n}题反向后的分值 ${reversedValue(values, v)} 不是该题的分值之一`);
    }
  });
}

function checkSubscales(def: Shape, ctx: Ctx) {
  const n = def.items.length;
  for (const d of duplicates(def.subscales.map((s) => s.key))) issue(ctx, ['subscales'], `分量表 ${d} 重复`);
  def.subscales.forEach((s, si) => {
    for (const d of duplicates(s.items)) issue(ctx, ['subscales', si, 'items'], `分量表 ${s.key} 的第${d}题重复`);
    s.items.forEach((itemN, ii) => {
      if (itemN > n) issue(ctx, ['subscales', si, 'items', ii], `分量表 ${s.key} 的第${itemN}题不存在（共 ${n} 题）`);
    });
  });
  def.items.forEach((it, i) => {
    if (!it.subscale) return;
    const s = def.subscales.find((x) => x.key === it.subscale);
    if (!s) issue(ctx, ['items', i, 'subscale'], `第${it.n}题的分量表 ${it.subscale} 不存在`);
    else if (!s.items.includes(it.n)) issue(ctx, ['items', i, 'subscale'], `第${it.n}题标为 ${it.subscale}，但该分量表的题目里没有它`);
  });
}

/**
 * Bands must give every achievable score exactly one band, and each band must be reachable.
 * Achievable scores are enumerated from the option values, so a band edge on a score that can never occur
 * (WHO-5 percentages move in steps of 4; DASS-21 scores are even) is handled exactly.
 */
function checkBands(bands: Shape['bands'], scores: number[], where: (string | number)[], ctx: Ctx, what: string) {
  if (!bands) return;
  for (const d of duplicates(bands.map((b) => b.key))) issue(ctx, where, `${what}的分段 ${d} 重复`);
  bands.forEach((b, bi) => {
    if (b.min > b.max) issue(ctx, [...where, bi], `${what}的分段 ${b.key} 下限 ${b.min} 大于上限 ${b.max}`);
    const prev = bands[bi - 1];
    if (prev && b.min <= prev.max) issue(ctx, [...where, bi], `${what}的分段 ${prev.key} 与 ${b.key} 重叠或未按分数升序排列`);
    if (!scores.some((s) => s >= b.min && s <= b.max)) issue(ctx, [...where, bi], `${what}的分段 ${b.key}（${b.min}–${b.max}）不含任何可能出现的分数`);
    if (b.urgent && !b.next.some((x) => x.kind === 'booking')) issue(ctx, [...where, bi, 'next'], `${what}的分段 ${b.key} 标为 urgent，必须提供预约（booking）这一步`);
  });
  for (const s of scores) {
    const hits = bands.filter((b) => s >= b.min && s <= b.max);
    if (hits.length !== 1) {
      issue(ctx, where, hits.length === 0 ? `${what}的分数 ${s} 不在任何分段内` : `${what}的分数 ${s} 同时落在 ${hits.map((h) => h.key).join('、')}`);
    }
  }
}

function checkFormula(f: Shape['formula'], scores: number[], where: (string | number)[], ctx: Ctx) {
  if (f.kind === 'percentage' && (Math.min(...scores) !== 0 || Math.max(...scores) !== 100)) {
    issue(ctx, where, `百分比公式应得到 0–100，实际为 ${Math.min(...scores)}–${Math.max(...scores)}`);
  }
}

function checkCritical(def: Shape, ctx: Ctx) {
  def.criticalItems.forEach((c, ci) => {
    if (c.n > def.items.length) { issue(ctx, ['criticalItems', ci, 'n'], `关键题 第${c.n}题不存在（共 ${def.items.length} 题）`); return; }
    const it = def.items[c.n - 1]!;
    const values = optionSetFor(def, c.n).options.map((o) => o.value);
    const basisValues = c.basis === 'raw' ? values : values.map((v) => (it.reverse ? reversedValue(values, v) : v));
    const firing = basisValues.filter((v) => compare(v, c.when));
    // A rule that fires for every answer or for none is a typo, not a safety rule.
    if (firing.length === 0) issue(ctx, ['criticalItems', ci, 'when'], `关键题 第${c.n}题的条件任何选项都不会触发`);
    if (firing.length === basisValues.length) issue(ctx, ['criticalItems', ci, 'when'], `关键题 第${c.n}题的条件对所有选项都会触发`);
  });
}

function checkSymptomRules(def: Shape, ctx: Ctx) {
  def.symptomRules?.forEach((r, ri) => r.groups.forEach((g, gi) => {
    const s = def.subscales.find((x) => x.key === g.subscale);
    if (!s) issue(ctx, ['symptomRules', ri, 'groups', gi], `规则 ${r.key} 引用的分量表 ${g.subscale} 不存在`);
    else if (g.min > s.items.length) issue(ctx, ['symptomRules', ri, 'groups', gi], `规则 ${r.key} 要求 ${g.min} 题，但分量表 ${s.key} 只有 ${s.items.length} 题`);
  }));
}

function checkPermission(def: Shape, ctx: Ctx) {
  if (def.requiresPermission && !def.permissionReason) issue(ctx, ['permissionReason'], '需要授权的量表必须写明原因');
  if (!def.requiresPermission && def.permissionReason) issue(ctx, ['permissionReason'], '不需要授权的量表不应有 permissionReason');
  if ((def.license.status === 'permission-required') !== def.requiresPermission) {
    issue(ctx, ['requiresPermission'], 'license.status 为 permission-required 时（且仅此时）requiresPermission 必须为 true');
  }
}

export const scaleDefinition = scaleDefinitionShape.superRefine((def, ctx) => {
  const itemsOk = checkItems(def, ctx);
  const setsOk = checkOptionSets(def, ctx);
  checkPermission(def, ctx);
  checkSubscales(def, ctx);
  if (!itemsOk || !setsOk) return; // the checks below need well-formed items and option sets
  checkReverse(def, ctx);
  checkCritical(def, ctx);
  checkSymptomRules(def, ctx);
  if (!def.bands && !def.subscales.some((s) => s.bands)) issue(ctx, ['bands'], '总分没有分段时，至少一个分量表必须有分段');
  const all = def.items.map((it) => it.n);
  const totals = achievableScores(def, all, def.formula);
  checkFormula(def.formula, totals, ['formula'], ctx);
  checkBands(def.bands, totals, ['bands'], ctx, '总分');
  def.subscales.forEach((s, si) => {
    if (s.items.some((n) => n > def.items.length)) return;
    const scores = achievableScores(def, s.items, s.formula);
    checkFormula(s.formula, scores, ['subscales', si, 'formula'], ctx);
    checkBands(s.bands, scores, ['subscales', si, 'bands'], ctx, `分量表 ${s.key} `);
  });
});

export type ScaleDefinition = z.infer<typeof scaleDefinition>;
export type ScaleFormula = z.infer<typeof formula>;
export type ScaleBand = z.infer<typeof band>;

// ---- The engine's output, declared once (the API's response schema later reuses it). ----

const bandResult = z.strictObject({
  key: z.string(),
  label: z.string(),
  advice: z.string(),
  urgent: z.boolean(),
  next: z.array(nextStep),
});

export const scaleResult = z.strictObject({
  code: z.string(),
  version: z.string(),
  /** Sum of the scored item values (SDS/SAS 粗分, WHO-5 raw, BRS sum). */
  sum: z.number(),
  /** The reported score after the formula. */
  total: z.number(),
  band: bandResult.nullable(),
  subscales: z.array(z.strictObject({ key: z.string(), title: z.string(), sum: z.number(), total: z.number(), band: bandResult.nullable() })),
  symptomRules: z.array(z.strictObject({ key: z.string(), title: z.string(), met: z.boolean() })),
  /** Any band (total or subscale) recommends professional help soon. */
  urgent: z.boolean(),
  /** True exactly when a critical item rule fired, whatever the total. */
  crisis: z.boolean(),
  criticalItems: z.array(itemNumber),
});
export type ScaleResult = z.infer<typeof scaleResult>;

// ---- What validateAnswers reports: one entry per problem, naming the item in Chinese (第3题…). ----

export const answerProblem = z.strictObject({
  /** 1-based item number, or null when the answers as a whole are wrong (not a list). */
  item: itemNumber.nullable(),
  code: z.enum(['NOT_A_LIST', 'MISSING', 'EXTRA', 'NOT_A_NUMBER', 'NOT_AN_INTEGER', 'NOT_AN_OPTION']),
  message: z.string(),
});
export type AnswerProblem = z.infer<typeof answerProblem>;

// ---- Test vectors (content/scales/vectors/<code>.json), expected values worked out by hand from the spec. ----

export const scaleTestVector = z.strictObject({
  name: z.string().min(1),
  answers: z.array(z.number().int()),
  expect: z.strictObject({
    sum: z.number().optional(),
    total: z.number(),
    band: z.string().nullable(),
    subscales: z.record(z.string(), z.strictObject({ total: z.number(), band: z.string().nullable().optional() })).optional(),
    symptomRules: z.record(z.string(), z.boolean()).optional(),
    urgent: z.boolean().optional(),
    crisis: z.boolean(),
    criticalItems: z.array(itemNumber).optional(),
  }),
});
export const scaleTestVectorFile = z.array(scaleTestVector).min(1);
export type ScaleTestVector = z.infer<typeof scaleTestVector>;
