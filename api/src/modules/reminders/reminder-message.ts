// The retest reminder's text. Subscribe messages show in 服务通知 and on the lock screen, so the message says
// nothing about which test it was, its score, band or risk (security-privacy.md §3.3): only a neutral title,
// a neutral line and the date. Pure: unit-tested in reminder-message.test.ts.
import { chinaDateOf } from '../availability/china-time';
import type { TemplateData } from '../wechat/subscribe-message.client';

/**
 * Keys of the one-time template the operator picks in the mini-program admin (e.g. 「学习提醒」-style templates with
 * 提醒事项 thing, 温馨提示 thing, 提醒时间 date). If the chosen template's keys differ, change them here only.
 */
export const RETEST_TEMPLATE_KEYS = { title: 'thing1', note: 'thing2', date: 'date3' } as const;

export const RETEST_TITLE = '自测提醒';
// ≤ 20 characters: WeChat's limit for a `thing` value.
export const RETEST_NOTE = '两周前你做过自测，可以再做一次看看变化';

/** The date in China time as WeChat's `date` type expects it, e.g. 2025年1月15日. */
export function chinaDate(at: Date): string {
  const [year, month, day] = chinaDateOf(at).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export function buildRetestMessageData(at: Date): TemplateData {
  return {
    [RETEST_TEMPLATE_KEYS.title]: { value: RETEST_TITLE },
    [RETEST_TEMPLATE_KEYS.note]: { value: RETEST_NOTE },
    [RETEST_TEMPLATE_KEYS.date]: { value: chinaDate(at) },
  };
}

/** Opens the test's intro page; the path is not shown to anyone, only followed on tap. */
export function retestPage(code: string): string {
  return `packages/selftest/pages/intro/index?code=${encodeURIComponent(code)}`;
}
