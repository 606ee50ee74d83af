import { credentialNoticeFor, credentialNoticeId } from './credential-notice';

const base = { counselorId: '64b000000000000000000001', name: '许文', stationName: '区心理服务中心', credentialValidFrom: '2020-01-01' };

describe('credentialNoticeFor', () => {
  test('nothing while the credential has more than 30 days left, or when no end date is on file', () => {
    expect(credentialNoticeFor({ ...base, credentialValidUntil: '2026-12-24' }, '2026-11-23')).toBeNull();
    expect(credentialNoticeFor({ ...base, credentialValidUntil: null }, '2026-11-23')).toBeNull();
    expect(credentialNoticeFor({ ...base, credentialValidUntil: undefined }, '2026-11-23')).toBeNull();
  });

  test('expiring within the last 30 days (the end date itself still counts as valid)', () => {
    for (const until of ['2026-12-22', '2026-11-24', '2026-11-23']) {
      const n = credentialNoticeFor({ ...base, credentialValidUntil: until }, '2026-11-23');
      expect(n).toMatchObject({ kind: 'credential_expiring', title: '咨询师资质即将到期' });
      expect(n!.body).toContain('区心理服务中心的咨询师许文');
      expect(n!.body).toContain(until);
    }
  });

  test('lapsed from the day after the end date', () => {
    const n = credentialNoticeFor({ ...base, credentialValidUntil: '2026-11-22' }, '2026-11-23');
    expect(n).toMatchObject({ kind: 'credential_lapsed', title: '咨询师资质已过期' });
    expect(n!.body).toContain('无法预约');
  });

  test('a future start date alone is not a notice (an admin entered it on purpose)', () => {
    expect(credentialNoticeFor({ ...base, credentialValidFrom: '2027-01-01', credentialValidUntil: '2030-01-01' }, '2026-11-23')).toBeNull();
  });

  test('ids: the same counselor, event and period always give the same id; another event, counselor or period another one', () => {
    const a = credentialNoticeFor({ ...base, credentialValidUntil: '2026-12-01' }, '2026-11-23')!;
    expect(credentialNoticeFor({ ...base, credentialValidUntil: '2026-12-01' }, '2026-11-30')!.id).toBe(a.id);
    expect(a.id).toMatch(/^ntc_[a-f0-9]{24}$/);
    const lapsed = credentialNoticeFor({ ...base, credentialValidUntil: '2026-12-01' }, '2026-12-02')!;
    const renewed = credentialNoticeFor({ ...base, credentialValidUntil: '2026-12-10' }, '2026-11-23')!;
    const newStart = credentialNoticeFor({ ...base, credentialValidFrom: '2021-01-01', credentialValidUntil: '2026-12-01' }, '2026-11-23')!;
    const other = credentialNoticeFor({ ...base, counselorId: '64b000000000000000000002', credentialValidUntil: '2026-12-01' }, '2026-11-23')!;
    expect(new Set([a.id, lapsed.id, renewed.id, newStart.id, other.id]).size).toBe(5);
    expect(credentialNoticeId('credential_expiring', base.counselorId, base.credentialValidFrom, '2026-12-01')).toBe(a.id);
  });

  test('notice text holds the counselor and station only (staff-side facts, no resident data)', () => {
    const n = credentialNoticeFor({ ...base, credentialValidUntil: '2026-12-01' }, '2026-11-23')!;
    expect(Object.keys(n).sort()).toEqual(['body', 'id', 'kind', 'title']);
    expect(n.body.length).toBeLessThanOrEqual(300);
    expect(n.title.length).toBeLessThanOrEqual(40);
  });
});
