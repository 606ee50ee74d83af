import { loadAllScaleDefinitions } from '../scales/scale-library';
import { RETEST_NOTE, RETEST_TEMPLATE_KEYS, RETEST_TITLE, buildRetestMessageData, chinaDate } from './reminder-message';

// The retest reminder appears on the lock screen: it must not reveal which test, its score, band or any risk.
const defs = loadAllScaleDefinitions();
const data = buildRetestMessageData(new Date('2025-03-01T18:30:00Z'));
const text = Object.values(data).map((v) => v.value).join('\n');

describe('retest reminder message (lock-screen safe)', () => {
  test('says only a neutral title, a neutral line and the date', () => {
    expect(data).toEqual({
      [RETEST_TEMPLATE_KEYS.title]: { value: '自测提醒' },
      [RETEST_TEMPLATE_KEYS.note]: { value: '两周前你做过自测，可以再做一次看看变化' },
      [RETEST_TEMPLATE_KEYS.date]: { value: '2025年3月2日' }, // 18:30 UTC is already the next day in China
    });
  });

  test('fits WeChat value limits: thing ≤ 20 characters', () => {
    expect([...RETEST_TITLE].length).toBeLessThanOrEqual(20);
    expect([...RETEST_NOTE].length).toBeLessThanOrEqual(20);
    expect(chinaDate(new Date('2025-12-31T15:59:59Z'))).toBe('2025年12月31日');
  });

  test.each(defs.map((d) => [d.code, d] as const))('names nothing of scale %s: code, name, bands, subscales', (_code, def) => {
    const words = [
      def.code, def.abbreviation, def.title.zh, def.title.en, def.scoreLabel,
      ...(def.bands ?? []).map((b) => b.label),
      ...def.subscales.flatMap((s) => [s.title, ...(s.bands ?? []).map((b) => b.label)]),
    ];
    for (const w of words) expect(text.toLowerCase()).not.toContain(w.toLowerCase());
  });

  test('no score, band or risk word and no number except the date', () => {
    const risky = ['风险', '危机', '自杀', '自伤', '抑郁', '焦虑', '压力', '失眠', '创伤', '分数', '得分', '总分', '结果', '严重', '中度', '轻度', '重度', '症状', '量表', '筛查', '诊断', '紧急', '高危', '异常'];
    for (const w of risky) expect(text).not.toContain(w);
    const nonDate = Object.entries(data).filter(([k]) => k !== RETEST_TEMPLATE_KEYS.date).map(([, v]) => v.value).join('');
    expect(nonDate).not.toMatch(/[0-9０-９]/);
    expect(data[RETEST_TEMPLATE_KEYS.date]!.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });
});
