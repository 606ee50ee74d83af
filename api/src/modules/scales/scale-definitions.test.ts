import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  scaleDefinition, scaleDefinitionShape, scaleTestVectorFile, type ScaleDefinition, type ScaleTestVector,
} from './scale-definition.schema';
import { SCALES_DIR, loadAllScaleDefinitions, loadScaleLibrary } from './scale-library';
import { achievableScores, optionSetFor, reversedValue } from './scale-math';

const VECTORS_DIR = path.join(SCALES_DIR, 'vectors');
const scaleFiles = fs.readdirSync(SCALES_DIR).filter((f) => f.endsWith('.json')).sort();
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

function parseOrExplain(file: string): ScaleDefinition {
  const parsed = scaleDefinition.safeParse(readJson(path.join(SCALES_DIR, file)));
  if (!parsed.success) {
    throw new Error(`${file}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

const defs = scaleFiles.map((f) => [f, parseOrExplain(f)] as const);
const vectorsOf = (code: string): ScaleTestVector[] => scaleTestVectorFile.parse(readJson(path.join(VECTORS_DIR, `${code}.json`)));

/** The scored value of the lowest-scoring option of item n (what "an otherwise minimal total" sets every other item to). */
function minScored(def: ScaleDefinition, n: number): number {
  const values = optionSetFor(def, n).options.map((o) => o.value);
  return Math.min(...values.map((v) => (def.items[n - 1]!.reverse ? reversedValue(values, v) : v)));
}
function scoredOf(def: ScaleDefinition, n: number, raw: number): number {
  const values = optionSetFor(def, n).options.map((o) => o.value);
  return def.items[n - 1]!.reverse ? reversedValue(values, raw) : raw;
}

describe('the scale library in content/scales', () => {
  test('holds at least 20 scales, excludes the licensed ones, and keeps EPDS and AD8 behind permission', () => {
    const codes = defs.map(([, d]) => d.code);
    expect(codes.length).toBeGreaterThanOrEqual(20);
    for (const excluded of ['isi', 'psqi', 'cdrisc', 'ucla20']) expect(codes).not.toContain(excluded);
    const needPermission = defs.filter(([, d]) => d.requiresPermission).map(([, d]) => d.code).sort();
    expect(needPermission).toEqual(codes.filter((c) => c === 'epds' || c === 'ad8').sort());
  });

  test('the loader leaves permission scales out by default and adds them only when enabled', () => {
    const byDefault = loadScaleLibrary();
    expect(byDefault.size).toBe(defs.filter(([, d]) => !d.requiresPermission).length);
    expect(byDefault.has('phq9')).toBe(true);
    expect(byDefault.has('epds')).toBe(false);
    expect(byDefault.has('ad8')).toBe(false);
    const withEpds = loadScaleLibrary({ enabledWithPermission: ['epds'] });
    expect(withEpds.get('epds')?.code).toBe('epds');
    expect(withEpds.has('ad8')).toBe(false);
  });

  test('the loader refuses an enabledWithPermission entry that is unknown or needs no permission', () => {
    expect(() => loadScaleLibrary({ enabledWithPermission: ['epdss'] })).toThrow('epdss 不存在');
    expect(() => loadScaleLibrary({ enabledWithPermission: ['phq9'] })).toThrow('phq9 不需要授权');
  });

  test('the loader refuses a library with one invalid file and names the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scales-'));
    try {
      const good = readJson(path.join(SCALES_DIR, 'phq9.json')) as Record<string, unknown>;
      fs.writeFileSync(path.join(dir, 'phq9.json'), JSON.stringify(good));
      fs.writeFileSync(path.join(dir, 'gad7.json'), JSON.stringify({ ...good, code: 'gad7', items: [] }));
      expect(() => loadAllScaleDefinitions(dir)).toThrow('gad7.json');
      fs.writeFileSync(path.join(dir, 'gad7.json'), '{ not json');
      expect(() => loadAllScaleDefinitions(dir)).toThrow('gad7.json: 不是有效的 JSON');
      fs.writeFileSync(path.join(dir, 'gad7.json'), JSON.stringify(good));
      expect(() => loadAllScaleDefinitions(dir)).toThrow('文件名应为 phq9.json');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every scale has a vector file and every vector file has a scale', () => {
    const vectorFiles = fs.readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(vectorFiles).toEqual(scaleFiles);
  });
});

describe.each(defs)('%s', (file, def) => {
  test('is named after its code', () => {
    expect(file).toBe(`${def.code}.json`);
  });

  test('numbers its items 1..n and every critical and subscale item exists', () => {
    expect(def.items.map((i) => i.n)).toEqual(def.items.map((_, i) => i + 1));
    for (const c of def.criticalItems) expect(c.n).toBeLessThanOrEqual(def.items.length);
    for (const s of def.subscales) for (const n of s.items) expect(n).toBeLessThanOrEqual(def.items.length);
  });

  test('gives every achievable score exactly one band, on the total and on each banded subscale', () => {
    const check = (bands: ScaleDefinition['bands'], scores: number[]) => {
      if (!bands) return;
      for (const s of scores) expect([s, bands.filter((b) => s >= b.min && s <= b.max).length]).toEqual([s, 1]);
    };
    check(def.bands, achievableScores(def, def.items.map((i) => i.n), def.formula));
    for (const s of def.subscales) check(s.bands, achievableScores(def, s.items, s.formula));
  });

  test('result texts are not worded as a diagnosis, and urgent bands point to professional help and booking', () => {
    const bands = [...(def.bands ?? []), ...def.subscales.flatMap((s) => s.bands ?? [])];
    for (const b of bands) {
      for (const text of [b.label, b.advice]) expect(text).not.toMatch(/确诊|诊断为|患有|你得了|您得了|[你您]有.{0,4}症(?!状)|肯定是/);
      if (b.urgent) {
        expect(b.next.map((x) => x.kind)).toContain('booking');
        expect(b.advice).toMatch(/医生|医院|专业|咨询/);
      }
    }
  });

  test('records the licence, both citations and what an editor must still verify', () => {
    expect(def.license.note.length).toBeGreaterThan(0);
    expect(def.citation.original.length).toBeGreaterThan(0);
    expect(def.citation.chinese.length).toBeGreaterThan(0);
    expect(def.verification.itemsText).toBeDefined();
  });

  describe('test vectors', () => {
    const vectors = vectorsOf(def.code);
    const allItems = def.items.map((i) => i.n);
    const totals = achievableScores(def, allItems, def.formula);
    const expectedTotals = vectors.map((v) => v.expect.total);

    test('every vector answers every item', () => {
      for (const v of vectors) expect([v.name, v.answers.length]).toEqual([v.name, def.items.length]);
    });

    test('cover the minimum and maximum score and both sides of every band boundary', () => {
      expect(expectedTotals).toContain(totals[0]);
      expect(expectedTotals).toContain(totals[totals.length - 1]);
      for (const b of def.bands ?? []) {
        const inBand = totals.filter((s) => s >= b.min && s <= b.max);
        expect([b.key, expectedTotals]).toEqual([b.key, expect.arrayContaining([inBand[0], inBand[inBand.length - 1]])]);
      }
    });

    test('cover every subscale, including both sides of each subscale band boundary', () => {
      for (const s of def.subscales) {
        const got = vectors.flatMap((v) => (v.expect.subscales?.[s.key] ? [v.expect.subscales[s.key]!.total] : []));
        const scores = achievableScores(def, s.items, s.formula);
        expect([s.key, got]).toEqual([s.key, expect.arrayContaining([scores[0], scores[scores.length - 1]])]);
        for (const b of s.bands ?? []) {
          const inBand = scores.filter((x) => x >= b.min && x <= b.max);
          expect([s.key, b.key, got]).toEqual([s.key, b.key, expect.arrayContaining([inBand[0], inBand[inBand.length - 1]])]);
        }
      }
    });

    test('trigger each critical item with every other item at its minimum', () => {
      for (const c of def.criticalItems) {
        const isolated = vectors.filter((v) => v.expect.crisis && v.expect.criticalItems?.join() === String(c.n)
          && allItems.every((n) => n === c.n || scoredOf(def, n, v.answers[n - 1]!) === minScored(def, n)));
        expect([c.n, isolated.length > 0]).toEqual([c.n, true]);
      }
      if (def.criticalItems.length === 0) for (const v of vectors) expect([v.name, v.expect.crisis]).toEqual([v.name, false]);
    });

    test('include, for a scale with reverse items, two vectors that differ only in one reversed item', () => {
      const reversed = def.items.filter((i) => i.reverse).map((i) => i.n);
      if (reversed.length === 0) return;
      const pairs = vectors.flatMap((a) => vectors.map((b) => {
        const diff = allItems.filter((n) => a.answers[n - 1] !== b.answers[n - 1]);
        return a !== b && diff.length === 1 && reversed.includes(diff[0]!);
      }));
      expect(pairs).toContain(true);
    });
  });
});

describe('the definition check refuses broken scale files', () => {
  const base = readJson(path.join(SCALES_DIR, 'phq9.json')) as ScaleDefinition;
  const variant = (change: (d: ScaleDefinition) => void): unknown => {
    const d = structuredClone(base);
    change(d);
    return d;
  };
  const messages = (value: unknown) => {
    const parsed = scaleDefinition.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  test('the unchanged PHQ-9 passes (so the refusals below are about the change)', () => {
    expect(messages(base)).toEqual([]);
  });

  test.each([
    ['a gap between bands', (d: ScaleDefinition) => { d.bands![0]!.max = 3; }, '分数 4 不在任何分段内'],
    ['overlapping bands', (d: ScaleDefinition) => { d.bands![1]!.min = 4; }, '重叠'],
    ['a band that stops short of the maximum', (d: ScaleDefinition) => { d.bands![4]!.max = 26; }, '分数 27 不在任何分段内'],
    ['a band no score can reach', (d: ScaleDefinition) => { d.bands!.push({ ...d.bands![4]!, key: 'beyond', min: 28, max: 30 }); }, '不含任何可能出现的分数'],
    ['items not numbered 1..n', (d: ScaleDefinition) => { d.items[2]!.n = 4; }, '题号应为 3'],
    ['a critical item that does not exist', (d: ScaleDefinition) => { d.criticalItems[0]!.n = 10; }, '第10题不存在'],
    ['a critical rule no answer can fire', (d: ScaleDefinition) => { d.criticalItems[0]!.when = { op: 'gt', value: 3 }; }, '任何选项都不会触发'],
    ['a critical rule every answer fires', (d: ScaleDefinition) => { d.criticalItems[0]!.when = { op: 'gte', value: 0 }; }, '所有选项都会触发'],
    ['an urgent band without a booking step', (d: ScaleDefinition) => { d.bands![4]!.next = []; }, '必须提供预约'],
    ['a reverse item on asymmetric options', (d: ScaleDefinition) => { d.optionSets[0]!.options[3]!.value = 5; d.items[0]!.reverse = true; }, '反向后的分值'],
    ['two options with one value', (d: ScaleDefinition) => { d.optionSets[0]!.options[1]!.value = 0; }, '分值 0 重复'],
    ['a permission scale without a reason', (d: ScaleDefinition) => { d.requiresPermission = true; d.license.status = 'permission-required'; }, '必须写明原因'],
    ['a permission-required licence on a scale shown by default', (d: ScaleDefinition) => { d.license.status = 'permission-required'; }, 'requiresPermission 必须为 true'],
    ['a subscale item that does not exist', (d: ScaleDefinition) => { d.subscales.push({ key: 'x', title: '测试', items: [1, 12], formula: { kind: 'sum' } }); }, '第12题不存在'],
    ['an unknown option set', (d: ScaleDefinition) => { d.items[0]!.optionSet = 'nope'; }, '选项组 nope 不存在'],
  ])('%s', (_name, change, message) => {
    expect(messages(variant(change)).join('\n')).toContain(message);
  });

  test('unknown keys are refused (strict objects)', () => {
    expect(scaleDefinition.safeParse({ ...base, reverseItems: [1] }).success).toBe(false);
    expect(scaleDefinitionShape.safeParse(variant((d) => { (d.items[0] as Record<string, unknown>).reversed = true; })).success).toBe(false);
  });

  test('a percentage formula must span 0–100', () => {
    expect(messages(variant((d) => { d.formula = { kind: 'percentage', multiplier: 4 }; })).join('\n')).toContain('百分比公式应得到 0–100');
  });
});
