import {
  addDays,
  chinaDate,
  chinaInstant,
  chinaMinutesOfDay,
  chinaTime,
  chinaToday,
  formatSlotTime,
  formatTimeRange,
  isDate,
  timeToMinutes,
  weekStart,
  weekdayOf,
} from './china-time';

describe('China time (UTC+8)', () => {
  test('an instant just before UTC midnight is already the next day in China', () => {
    expect(chinaDate('2026-05-05T16:30:00.000Z')).toBe('2026-05-06');
    expect(chinaTime('2026-05-05T16:30:00.000Z')).toBe('00:30');
    expect(chinaDate('2026-05-05T15:59:00.000Z')).toBe('2026-05-05');
    expect(chinaMinutesOfDay('2026-05-06T01:00:00.000Z')).toBe(9 * 60);
  });

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

  test('chinaToday uses the China calendar day', () => {
    expect(chinaToday(Date.parse('2026-05-05T17:00:00.000Z'))).toBe('2026-05-06');
  });

  test('date arithmetic crosses months and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  test('weeks start on Monday and Sunday is 7', () => {
    expect(weekdayOf('2026-05-04')).toBe(1);
    expect(weekdayOf('2026-05-10')).toBe(7);
    expect(weekStart('2026-05-10')).toBe('2026-05-04');
    expect(weekStart('2026-05-04')).toBe('2026-05-04');
  });

  test('isDate and timeToMinutes reject impossible values', () => {
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2028-02-29')).toBe(true);
    expect(timeToMinutes('7:00')).toBeNaN();
    expect(timeToMinutes('07:30')).toBe(450);
  });

  test('formats times the way staff read them', () => {
    expect(formatSlotTime('2026-05-06T01:00:00.000Z')).toBe('5月6日 周三 09:00');
    expect(formatTimeRange('2026-05-06T01:00:00.000Z', '2026-05-06T01:50:00.000Z')).toBe('5月6日 周三 09:00–09:50');
    expect(formatSlotTime('nonsense')).toBe('—');
  });
});
