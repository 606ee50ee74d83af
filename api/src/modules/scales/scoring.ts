import { ValidationError } from '../../http/errors';
import type { AnswerProblem, ScaleBand, ScaleDefinition, ScaleResult } from './scale-definition.schema';
import { applyFormula, optionSetFor, reversedValue } from './scale-math';

export type { AnswerProblem };

// The one scoring engine: answers + definition → result. Pure; no scale is special-cased here.
// Answers are the raw option values in item order (answers[0] is item 1), never pre-reversed.

function listValues(values: readonly number[]): string {
  return [...new Set(values)].sort((a, b) => a - b).join('、');
}

/** Everything wrong with `answers` for this scale, each problem naming its item (第3题…). Empty when scorable. */
export function validateAnswers(def: ScaleDefinition, answers: unknown): AnswerProblem[] {
  if (!Array.isArray(answers)) {
    return [{ item: null, code: 'NOT_A_LIST', message: `答案应为按题号排列的 ${def.items.length} 个数值` }];
  }
  const problems: AnswerProblem[] = [];
  const count = def.items.length;
  for (let i = 0; i < Math.max(count, answers.length); i += 1) {
    const n = i + 1;
    // `i in answers` is false for holes in a sparse array; treat them like a missing answer.
    const a: unknown = i in answers ? answers[i] : undefined;
    if (i >= count) {
      problems.push({ item: n, code: 'EXTRA', message: `第${n}题不存在：本量表共 ${count} 题，却收到 ${answers.length} 个答案` });
    } else if (a === undefined || a === null) {
      problems.push({ item: n, code: 'MISSING', message: `第${n}题还没有作答` });
    } else if (typeof a !== 'number' || Number.isNaN(a)) {
      problems.push({ item: n, code: 'NOT_A_NUMBER', message: `第${n}题的答案应为数值` });
    } else if (!Number.isInteger(a)) {
      problems.push({ item: n, code: 'NOT_AN_INTEGER', message: `第${n}题的答案应为整数，收到 ${a}` });
    } else {
      const values = optionSetFor(def, n).options.map((o) => o.value);
      if (!values.includes(a)) {
        problems.push({ item: n, code: 'NOT_AN_OPTION', message: `第${n}题没有分值为 ${a} 的选项（可选：${listValues(values)}）` });
      }
    }
  }
  return problems;
}

function compare(value: number, when: { op: 'gt' | 'gte' | 'eq'; value: number }): boolean {
  if (when.op === 'gt') return value > when.value;
  if (when.op === 'gte') return value >= when.value;
  return value === when.value;
}

function bandFor(bands: ScaleBand[], score: number, what: string): ScaleResult['band'] {
  const b = bands.find((x) => score >= x.min && score <= x.max);
  // The definition check proves every achievable score has a band; reaching this is a programming error.
  if (!b) throw new Error(`${what} ${score} 不在任何分段内`);
  return { key: b.key, label: b.label, advice: b.advice, urgent: b.urgent === true, next: b.next };
}

/**
 * Scores a complete set of answers. Throws ValidationError (details: AnswerProblem[]) when any answer is missing
 * or invalid: none of these scales may be scored with missing items (spec §6.9).
 */
export function scoreAssessment(def: ScaleDefinition, answers: readonly number[]): ScaleResult {
  const problems = validateAnswers(def, answers);
  if (problems.length > 0) throw new ValidationError(problems, '有题目未作答或答案无效，请检查后再提交');

  const scored = def.items.map((it, i) => {
    const raw = answers[i]!;
    return it.reverse ? reversedValue(optionSetFor(def, it.n).options.map((o) => o.value), raw) : raw;
  });
  const sumOf = (ns: readonly number[]) => ns.reduce((acc, n) => acc + scored[n - 1]!, 0);

  const sum = sumOf(def.items.map((it) => it.n));
  const total = applyFormula(def.formula, sum, def.items.length);
  const band = def.bands ? bandFor(def.bands, total, '总分') : null;

  const subscales = def.subscales.map((s) => {
    const subSum = sumOf(s.items);
    const subTotal = applyFormula(s.formula, subSum, s.items.length);
    return { key: s.key, title: s.title, sum: subSum, total: subTotal, band: s.bands ? bandFor(s.bands, subTotal, `分量表 ${s.key}`) : null };
  });

  const symptomRules = (def.symptomRules ?? []).map((r) => ({
    key: r.key,
    title: r.title,
    met: r.groups.every((g) => {
      const s = def.subscales.find((x) => x.key === g.subscale)!;
      return s.items.filter((n) => compare(scored[n - 1]!, r.endorsedWhen)).length >= g.min;
    }),
  }));

  // Item-level, independent of the total: a critical answer is a crisis even in the lowest band (spec §3).
  const criticalItems = [...new Set(def.criticalItems
    .filter((c) => compare(c.basis === 'raw' ? answers[c.n - 1]! : scored[c.n - 1]!, c.when))
    .map((c) => c.n))].sort((a, b) => a - b);

  return {
    code: def.code,
    version: def.version,
    sum,
    total,
    band,
    subscales,
    symptomRules,
    urgent: band?.urgent === true || subscales.some((s) => s.band?.urgent === true),
    crisis: criticalItems.length > 0,
    criticalItems,
  };
}
