import fs from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../../http/errors';
import { answerProblem, scaleDefinition, scaleTestVectorFile, type ScaleDefinition } from './scale-definition.schema';
import { SCALES_DIR, loadAllScaleDefinitions } from './scale-library';
import { applyFormula } from './scale-math';
import { scoreAssessment, validateAnswers, type AnswerProblem } from './scoring';

const library = loadAllScaleDefinitions();
const scale = (code: string): ScaleDefinition => {
  const def = library.find((d) => d.code === code);
  if (!def) throw new Error(`no scale ${code}`);
  return def;
};

describe('scoreAssessment on the hand-computed vectors in content/scales/vectors', () => {
  const cases = library.flatMap((def) => {
    const vectors = scaleTestVectorFile.parse(JSON.parse(fs.readFileSync(path.join(SCALES_DIR, 'vectors', `${def.code}.json`), 'utf8')));
    return vectors.map((v) => [def.code, v.name, def, v] as const);
  });

  test.each(cases)('%s: %s', (_code, _name, def, v) => {
    const r = scoreAssessment(def, v.answers);
    const e = v.expect;
    expect(r.total).toBe(e.total);
    expect(r.band?.key ?? null).toBe(e.band);
    expect(r.crisis).toBe(e.crisis);
    if (e.sum !== undefined) expect(r.sum).toBe(e.sum);
    if (e.urgent !== undefined) expect(r.urgent).toBe(e.urgent);
    if (e.criticalItems !== undefined) expect(r.criticalItems).toEqual(e.criticalItems);
    for (const [key, want] of Object.entries(e.subscales ?? {})) {
      const got = r.subscales.find((s) => s.key === key);
      expect([key, got?.total]).toEqual([key, want.total]);
      if (want.band !== undefined) expect([key, got?.band?.key ?? null]).toEqual([key, want.band]);
    }
    for (const [key, met] of Object.entries(e.symptomRules ?? {})) {
      expect([key, r.symptomRules.find((s) => s.key === key)?.met]).toEqual([key, met]);
    }
    // crisis is exactly "a critical item fired"
    expect(r.crisis).toBe(r.criticalItems.length > 0);
  });
});

describe('validateAnswers', () => {
  const phq9 = scale('phq9');
  const ok = [0, 1, 2, 3, 0, 1, 2, 3, 0];
  const problemsFor = (answers: unknown) => validateAnswers(phq9, answers);
  const only = (problems: AnswerProblem[]) => {
    expect(problems).toHaveLength(1);
    return problems[0]!;
  };

  test('a complete, valid set has no problems', () => {
    expect(problemsFor(ok)).toEqual([]);
  });

  test('a missing last answer names the item', () => {
    expect(only(problemsFor(ok.slice(0, 8)))).toEqual({ item: 9, code: 'MISSING', message: '第9题还没有作答' });
  });

  test('several missing answers are each named', () => {
    expect(problemsFor([0, 0]).map((p) => p.message)).toEqual(['第3题还没有作答', '第4题还没有作答', '第5题还没有作答',
      '第6题还没有作答', '第7题还没有作答', '第8题还没有作答', '第9题还没有作答']);
  });

  test('an extra answer names the item that does not exist', () => {
    const p = only(problemsFor([...ok, 0]));
    expect(p).toMatchObject({ item: 10, code: 'EXTRA' });
    expect(p.message).toContain('第10题');
  });

  test.each([
    ['null', null, 'MISSING', '第3题还没有作答'],
    ['undefined', undefined, 'MISSING', '第3题还没有作答'],
    ['a string, even a numeric one', '2', 'NOT_A_NUMBER', '第3题的答案应为数值'],
    ['NaN', Number.NaN, 'NOT_A_NUMBER', '第3题的答案应为数值'],
    ['a boolean', true, 'NOT_A_NUMBER', '第3题的答案应为数值'],
    ['an object', { $gt: 0 }, 'NOT_A_NUMBER', '第3题的答案应为数值'],
    ['a fraction', 1.5, 'NOT_AN_INTEGER', '第3题的答案应为整数'],
    ['Infinity', Number.POSITIVE_INFINITY, 'NOT_AN_INTEGER', '第3题的答案应为整数'],
    ['a value that is not an option', 4, 'NOT_AN_OPTION', '第3题没有分值为 4 的选项（可选：0、1、2、3）'],
    ['a negative value', -1, 'NOT_AN_OPTION', '第3题没有分值为 -1 的选项'],
  ])('item 3 answered with %s is refused and named', (_name, bad, code, message) => {
    const answers: unknown[] = [...ok];
    answers[2] = bad;
    const p = only(problemsFor(answers));
    expect(answerProblem.parse(p)).toEqual(p);
    expect(p.item).toBe(3);
    expect(p.code).toBe(code);
    expect(p.message).toContain(message);
  });

  test('a hole in a sparse array counts as unanswered', () => {
    const answers = [...ok];
    delete answers[4];
    expect(only(problemsFor(answers))).toMatchObject({ item: 5, code: 'MISSING', message: '第5题还没有作答' });
  });

  test('answers that are not a list are refused as a whole', () => {
    for (const bad of [null, undefined, '0,1,2', { 0: 1 }, 3]) {
      expect(only(problemsFor(bad))).toMatchObject({ item: null, code: 'NOT_A_LIST' });
    }
  });

  test('each item is checked against its own option set (AUDIT items 9–10 take only 0, 2 or 4)', () => {
    const audit = scale('audit');
    const answers = [0, 0, 0, 0, 0, 0, 0, 0, 1, 3];
    expect(validateAnswers(audit, answers).map((p) => [p.item, p.code])).toEqual([[9, 'NOT_AN_OPTION'], [10, 'NOT_AN_OPTION']]);
    expect(validateAnswers(audit, [4, 4, 4, 4, 4, 4, 4, 4, 4, 4])).toEqual([]);
  });

  test('reverse-scored items still take their raw option values (SDS 1–4), never pre-reversed ones', () => {
    const sds = scale('sds');
    expect(validateAnswers(sds, Array(20).fill(0)).map((p) => p.code)).toEqual(Array(20).fill('NOT_AN_OPTION'));
  });
});

describe('scoreAssessment', () => {
  const phq9 = scale('phq9');

  test('refuses invalid answers with a ValidationError carrying the named problems', () => {
    const call = () => scoreAssessment(phq9, [0, 0, 0, 0, 0, 0, 0, 0]);
    expect(call).toThrow(ValidationError);
    try {
      call();
    } catch (e) {
      expect((e as ValidationError).details).toEqual([{ item: 9, code: 'MISSING', message: '第9题还没有作答' }]);
    }
  });

  test('a severe band without a critical item is urgent but not a crisis', () => {
    const r = scoreAssessment(phq9, [3, 3, 3, 3, 3, 3, 3, 3, 0]);
    expect(r).toMatchObject({ total: 24, urgent: true, crisis: false, criticalItems: [] });
    expect(r.band).toMatchObject({ key: 'severe', urgent: true });
    expect(r.band?.next.map((n) => n.kind)).toContain('booking');
    const k10 = scoreAssessment(scale('k10'), Array(10).fill(5));
    expect(k10).toMatchObject({ total: 50, urgent: true, crisis: false });
  });

  test('a critical item is a crisis even in the lowest band, and a non-urgent band stays non-urgent', () => {
    const r = scoreAssessment(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(r).toMatchObject({ total: 1, crisis: true, criticalItems: [9], urgent: false });
    expect(r.band?.key).toBe('minimal');
  });

  test('does not change the answers it was given', () => {
    const answers = [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4];
    const copy = [...answers];
    scoreAssessment(scale('sds'), answers);
    expect(answers).toEqual(copy);
  });

  test('a scale with no total bands (DASS-21) reports band null and bands each subscale', () => {
    const r = scoreAssessment(scale('dass21'), Array(21).fill(0));
    expect(r.band).toBeNull();
    expect(r.subscales.map((s) => s.band?.key)).toEqual(['normal', 'normal', 'normal']);
  });

  describe('works from data alone: a made-up scale', () => {
    const made = scaleDefinition.parse({
      ...scale('phq2'),
      code: 'madeup',
      optionSets: [{ key: 'yn', options: [{ value: 1, label: '是' }, { value: 0, label: '否' }] }],
      defaultOptionSet: 'yn',
      items: [{ n: 1, text: '一' }, { n: 2, text: '二', reverse: true }, { n: 3, text: '三', reverse: true }],
      bands: [
        { key: 'low', min: 0, max: 1, label: '低', advice: '好', next: [] },
        { key: 'high', min: 2, max: 3, label: '高', advice: '建议找专业人员聊聊', next: [{ kind: 'booking', topic: 'counseling' }], urgent: true },
      ],
      criticalItems: [{ n: 3, when: { op: 'eq', value: 1 }, basis: 'scored', reason: '测试' }],
    });

    test.each([
      [[0, 1, 1], 0, 'low', false],
      [[1, 0, 1], 2, 'high', false],
      [[0, 1, 0], 1, 'low', true],
      [[1, 0, 0], 3, 'high', true],
    ])('answers %j → total %i, band %s, crisis %s', (answers, total, band, crisis) => {
      const r = scoreAssessment(made, answers);
      expect([r.total, r.band?.key, r.crisis]).toEqual([total, band, crisis]);
    });
  });
});

describe('applyFormula (exact arithmetic)', () => {
  test.each([
    // SDS/SAS index: the two rounding rules differ only when raw × 1.25 ends in .5 (spec §5.12).
    [42, 'floor', 52], [42, 'halfUp', 53], [50, 'floor', 62], [50, 'halfUp', 63],
    [43, 'floor', 53], [43, 'halfUp', 54], [41, 'floor', 51], [41, 'halfUp', 51],
    [20, 'floor', 25], [80, 'floor', 100], [39, 'floor', 48], [40, 'floor', 50],
  ] as const)('index of raw %i with %s rounding is %i', (raw, rounding, want) => {
    expect(applyFormula({ kind: 'index', numerator: 5, denominator: 4, rounding }, raw, 20)).toBe(want);
  });

  test.each([
    [6, 1], [17, 2.83], [18, 3], [25, 4.17], [26, 4.33], [30, 5], [20, 3.33], [22, 3.67], [23, 3.83],
  ])('the BRS mean of a sum of %i over 6 items is %s', (sum, want) => {
    expect(applyFormula({ kind: 'mean', decimals: 2 }, sum, 6)).toBe(want);
  });

  test('a mean rounds half up', () => {
    expect(applyFormula({ kind: 'mean', decimals: 2 }, 1, 8)).toBe(0.13); // 0.125
    expect(applyFormula({ kind: 'mean', decimals: 0 }, 5, 2)).toBe(3); // 2.5
  });

  test('WHO-5 percentage is raw × 4, not (raw − 5) × 4', () => {
    expect(applyFormula({ kind: 'percentage', multiplier: 4 }, 13, 5)).toBe(52);
    expect(applyFormula({ kind: 'percentage', multiplier: 4 }, 0, 5)).toBe(0);
  });

  test('DASS-21 subscale is sum × 2', () => {
    expect(applyFormula({ kind: 'sumTimes', multiplier: 2 }, 7, 7)).toBe(14);
  });
});
