import type { ScaleDefinitionShape } from './scale-definition.schema';

// Arithmetic shared by the definition checks and the scoring engine, so the bands are checked against exactly
// the numbers the engine will produce. Integer arithmetic only: no score depends on how a float happens to round.

type Formula = ScaleDefinitionShape['formula'];

export function optionSetFor(def: Pick<ScaleDefinitionShape, 'items' | 'optionSets' | 'defaultOptionSet'>, n: number) {
  const key = def.items[n - 1]?.optionSet ?? def.defaultOptionSet;
  const set = def.optionSets.find((s) => s.key === key);
  if (!set) throw new Error(`第${n}题没有可用的选项组`);
  return set;
}

/** The reverse-scoring rule: max + min − v over the item's option values (PSS-10 4 − v, SDS 5 − v, BRS 6 − v, GDS 1 − v). */
export function reversedValue(optionValues: readonly number[], v: number): number {
  return Math.max(...optionValues) + Math.min(...optionValues) - v;
}

/** floor(a / b) for integers with b > 0, without going through a float quotient. */
function floorDiv(a: number, b: number): number {
  const r = ((a % b) + b) % b;
  return (a - r) / b;
}

/** The reported score for a sum of `count` scored item values. */
export function applyFormula(f: Formula, sum: number, count: number): number {
  switch (f.kind) {
    case 'sum':
      return sum;
    case 'sumTimes':
    case 'percentage':
      return sum * f.multiplier;
    case 'index': {
      const scaled = sum * f.numerator;
      // floor: 「取整数部分」; halfUp: 四舍五入 (floor((2a + b) / 2b)).
      return f.rounding === 'floor' ? floorDiv(scaled, f.denominator) : floorDiv(2 * scaled + f.denominator, 2 * f.denominator);
    }
    case 'mean': {
      // Round half up to `decimals` places: floor((2·sum·10^d + count) / (2·count)) / 10^d.
      const scale = 10 ** f.decimals;
      return floorDiv(2 * sum * scale + count, 2 * count) / scale;
    }
  }
}

/** Every score `formula` can produce over the given items, from their scored option values (sorted, distinct). */
export function achievableScores(def: ScaleDefinitionShape, itemNumbers: readonly number[], f: Formula): number[] {
  let sums = new Set<number>([0]);
  for (const n of itemNumbers) {
    const it = def.items[n - 1];
    if (!it) throw new Error(`第${n}题不存在`);
    const values = optionSetFor(def, n).options.map((o) => o.value);
    const scored = new Set(values.map((v) => (it.reverse ? reversedValue(values, v) : v)));
    const next = new Set<number>();
    for (const s of sums) for (const v of scored) next.add(s + v);
    sums = next;
  }
  const scores = new Set([...sums].map((s) => applyFormula(f, s, itemNumbers.length)));
  return [...scores].sort((a, b) => a - b);
}
