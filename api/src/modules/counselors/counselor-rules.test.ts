import { credentialCovers, credentialStatus, isBookableOn, servicesOf } from './counselor-rules';

const today = '2026-05-04';

describe('credentialStatus', () => {
  test('missing without an end date; lapsed after it or before the start; expiring within 30 days; else valid', () => {
    expect(credentialStatus({}, today)).toBe('missing');
    expect(credentialStatus({ credentialValidUntil: '2026-05-03' }, today)).toBe('lapsed');
    expect(credentialStatus({ credentialValidUntil: '2026-05-04' }, today)).toBe('expiring');
    expect(credentialStatus({ credentialValidUntil: '2026-06-02' }, today)).toBe('expiring');
    expect(credentialStatus({ credentialValidUntil: '2026-06-03' }, today)).toBe('valid');
    expect(credentialStatus({ credentialValidFrom: '2026-05-05', credentialValidUntil: '2030-01-01' }, today)).toBe('lapsed');
  });
});

describe('bookability', () => {
  const ok = { active: true, verified: true, credentialValidFrom: '2025-01-01', credentialValidUntil: '2026-05-10' };
  test('needs active, verified and a credential covering the date', () => {
    expect(isBookableOn(ok, '2026-05-10')).toBe(true);
    expect(isBookableOn(ok, '2026-05-11')).toBe(false); // the credential lapses before this session
    expect(isBookableOn({ ...ok, verified: false }, today)).toBe(false);
    expect(isBookableOn({ ...ok, active: false }, today)).toBe(false);
    expect(credentialCovers({ credentialValidUntil: null }, today)).toBe(false);
  });
  test('services come from the weekly template and group sessions', () => {
    expect(servicesOf({ weekly: [{ services: ['family'] }, { services: ['individual', 'family'] }], groups: [] })).toEqual(['individual', 'family']);
    expect(servicesOf({ weekly: [], groups: [{}] })).toEqual(['group']);
    expect(servicesOf(null)).toEqual([]);
  });
});
