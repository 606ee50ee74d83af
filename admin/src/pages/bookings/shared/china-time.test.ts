// The China-time arithmetic itself is tested once, in content/china-time.test.ts; these cover the admin's own
// names and display formats on top of it.
import {
  WEEKDAY_LABELS,
  chinaInstant,
  chinaTime,
  chinaDate,
  formatChinaDay,
  formatDateTime,
  formatSlotTime,
  formatTimeRange,
  timeToMinutes,
} from './china-time';

describe('admin China time', () => {
  test('chinaInstant is the inverse of chinaDate/chinaTime, across the day boundary', () => {
    expect(chinaInstant('2026-05-06', '09:00')).toBe('2026-05-06T01:00:00.000Z');
    expect(chinaInstant('2026-05-06', '00:15')).toBe('2026-05-05T16:15:00.000Z');
    const iso = chinaInstant('2026-12-31', '23:45');
    expect([chinaDate(iso), chinaTime(iso)]).toEqual(['2026-12-31', '23:45']);
  });

  test('chinaInstant refuses malformed dates and times', () => {
    expect(() => chinaInstant('2026-02-30', '09:00')).toThrow();
    expect(() => chinaInstant('2026-05-06', '24:00')).toThrow();
    expect(() => chinaInstant('06/05/2026', '09:00')).toThrow();
  });

  test('timeToMinutes reads form input and answers NaN instead of throwing', () => {
    expect(timeToMinutes('07:30')).toBe(450);
    expect(timeToMinutes('7:00')).toBeNaN();
    expect(timeToMinutes('')).toBeNaN();
  });

  test('weekday labels are keyed 1 = Monday … 7 = Sunday, as the schedule stores them', () => {
    expect(WEEKDAY_LABELS[1]).toBe('周一');
    expect(WEEKDAY_LABELS[7]).toBe('周日');
    expect(WEEKDAY_LABELS[0]).toBeUndefined();
  });

  test('formats times the way staff read them', () => {
    expect(formatChinaDay('2026-05-06')).toBe('5月6日 周三');
    expect(formatSlotTime('2026-05-06T01:00:00.000Z')).toBe('5月6日 周三 09:00');
    expect(formatTimeRange('2026-05-06T01:00:00.000Z', '2026-05-06T01:50:00.000Z')).toBe('5月6日 周三 09:00–09:50');
    expect(formatTimeRange('2026-05-06T15:30:00.000Z', '2026-05-06T16:30:00.000Z')).toBe('5月6日 周三 23:30 – 5月7日 周四 00:30');
    expect(formatDateTime('2026-05-05T16:30:00.000Z')).toBe('2026-05-06 00:30');
  });

  test('bad values show as a dash (or unchanged), never "NaN" or a crash', () => {
    expect(formatSlotTime('nonsense')).toBe('—');
    expect(formatSlotTime(null)).toBe('—');
    expect(formatTimeRange('nonsense', '2026-05-06T01:50:00.000Z')).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatChinaDay('2026-02-30')).toBe('2026-02-30');
    expect(formatChinaDay('soon')).toBe('soon');
  });
});
