import { accessFor } from '../../../access';
import {
  bellLabel, formatNoticeTime, noticeLink, noticesVisible, noticeTag, withAllNoticesRead, withNoticeRead,
  type NoticeList, type StaffNotice,
} from './notice-logic';

const notice = (over: Partial<StaffNotice> = {}): StaffNotice => ({
  id: 'ntc_' + 'a'.repeat(24), kind: 'credential_lapsed', title: '咨询师资质已过期', body: '…', stationId: 's', counselorId: 'c',
  credentialValidUntil: '2026-11-01', createdAt: '2026-11-23T04:00:00.000Z', read: false, resolved: false, ...over,
});
const list = (items: StaffNotice[], unread = items.filter((n) => !n.read).length): NoticeList => ({ items, total: items.length, page: 1, pageSize: 10, unread });

describe('who gets notices', () => {
  test('station staff and district admins; editors, reviewers and nobody do not', () => {
    expect(noticesVisible(accessFor({ role: 'district_admin' }))).toBe(true);
    expect(noticesVisible(accessFor({ role: 'station_staff' }))).toBe(true);
    expect(noticesVisible(accessFor({ role: 'editor' }))).toBe(false);
    expect(noticesVisible(accessFor({ role: 'reviewer' }))).toBe(false);
    expect(noticesVisible(accessFor(null))).toBe(false);
  });
});

describe('notice presentation', () => {
  test('credential notices link to the counselor page', () => {
    expect(noticeLink(notice())).toBe('/counselors');
    expect(noticeLink(notice({ kind: 'credential_expiring' }))).toBe('/counselors');
  });

  test('tags: lapsed red, expiring orange, and green once the credential was renewed', () => {
    expect(noticeTag(notice())).toEqual({ color: 'red', label: '已过期' });
    expect(noticeTag(notice({ kind: 'credential_expiring' }))).toEqual({ color: 'orange', label: '即将到期' });
    expect(noticeTag(notice({ resolved: true }))).toEqual({ color: 'green', label: '已更新' });
  });

  test('bell label', () => {
    expect(bellLabel(0)).toBe('没有未读提醒');
    expect(bellLabel(3)).toBe('3 条未读提醒');
  });

  test('times in China time: today with the clock, this year with the date, older with the year', () => {
    const now = new Date('2026-11-23T06:00:00Z'); // 14:00 in China
    expect(formatNoticeTime('2026-11-23T01:05:00Z', now)).toBe('今天 09:05');
    // 23:30 UTC on the 22nd is already the 23rd in China.
    expect(formatNoticeTime('2026-11-22T23:30:00Z', now)).toBe('今天 07:30');
    expect(formatNoticeTime('2026-11-22T15:59:00Z', now)).toBe('11月22日');
    expect(formatNoticeTime('2025-11-20T04:00:00Z', now)).toBe('2025年11月20日');
    expect(formatNoticeTime('not a date', now)).toBe('');
  });
});

describe('read state', () => {
  test('marking one read flips it and lowers the count once', () => {
    const a = notice({ id: 'a' });
    const b = notice({ id: 'b' });
    const once = withNoticeRead(list([a, b]), 'a');
    expect(once.items.map((n) => n.read)).toEqual([true, false]);
    expect(once.unread).toBe(1);
    expect(withNoticeRead(once, 'a')).toBe(once); // a second click changes nothing
    expect(withNoticeRead(once, 'unknown')).toBe(once);
  });

  test('the count never goes below zero, even when it was already stale', () => {
    expect(withNoticeRead(list([notice({ id: 'a' })], 0), 'a').unread).toBe(0);
  });

  test('mark all read', () => {
    const all = withAllNoticesRead(list([notice({ id: 'a' }), notice({ id: 'b', read: true })]));
    expect(all.items.every((n) => n.read)).toBe(true);
    expect(all.unread).toBe(0);
  });
});
