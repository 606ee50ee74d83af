// The shared China-time module (fixed UTC+8), used by the API, the admin site and the mini-program. Run by the API's
// Jest (content has no runner of its own); typed against china-time.d.ts, so a declaration that drifts from the code
// fails the API typecheck or these tests.
import {
  CHINA_OFFSET_MS,
  DAY_MS,
  WEEKDAY_LABELS,
  addDays,
  atChinaTime,
  chinaClockOf,
  chinaDateOf,
  chinaMidnight,
  chinaMinuteOfDay,
  chinaWeekday,
  daysBetween,
  formatChinaDateTime,
  formatChinaShort,
  formatClock,
  isChinaDate,
  isClock,
  parseClock,
  weekStart,
} from './china-time';

describe('reading instants in China time', () => {
  test('16:00 UTC is already the next day in China; 15:59:59.999 UTC is not', () => {
    expect(chinaDateOf('2026-05-05T16:00:00.000Z')).toBe('2026-05-06');
    expect(chinaClockOf('2026-05-05T16:00:00.000Z')).toBe('00:00');
    expect(chinaDateOf('2026-05-05T15:59:59.999Z')).toBe('2026-05-05');
    expect(chinaClockOf('2026-05-05T15:59:59.999Z')).toBe('23:59');
  });

  test('a Date, epoch milliseconds and an ISO string with any offset read the same', () => {
    const ms = Date.parse('2026-05-06T01:30:00.000Z');
    expect(chinaDateOf(new Date(ms))).toBe('2026-05-06');
    expect(chinaDateOf(ms)).toBe('2026-05-06');
    expect(chinaClockOf('2026-05-06T09:30:00+08:00')).toBe('09:30');
    expect(chinaClockOf('2026-05-05T21:30:00-04:00')).toBe('09:30');
    expect(chinaMinuteOfDay(ms)).toBe(9 * 60 + 30);
  });

  test('month and year end roll over at China midnight', () => {
    expect(chinaDateOf('2026-01-31T16:00:00Z')).toBe('2026-02-01');
    expect(chinaDateOf('2026-12-31T15:59:00Z')).toBe('2026-12-31');
    expect(chinaDateOf('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(chinaDateOf('2028-02-28T16:00:00Z')).toBe('2028-02-29');
  });

  test('regression (found by schemathesis): years before 1000 are four digits, and years 0–99 are not read as 19xx', () => {
    expect(chinaDateOf('0020-02-28T16:00:00.000Z')).toBe('0020-02-29');
    expect(isChinaDate('0020-02-29')).toBe(true);
    expect(daysBetween('0020-02-29', '0020-03-01')).toBe(1);
    expect(isChinaDate('0019-02-29')).toBe(false);
  });

  test('unreadable instants give empty text and NaN, never "NaN" text or an exception', () => {
    for (const bad of ['', 'not a date', '2026-13-45T00:00:00Z', Number.NaN, Number.POSITIVE_INFINITY, 1e20, new Date('x'), null, undefined]) {
      expect(chinaDateOf(bad)).toBe('');
      expect(chinaClockOf(bad)).toBe('');
      expect(formatChinaDateTime(bad)).toBe('');
      expect(formatChinaShort(bad)).toBe('');
      expect(chinaMinuteOfDay(bad)).toBeNaN();
    }
  });
});

describe('building instants from China dates and times', () => {
  test('a China date starts at 16:00 UTC the day before', () => {
    expect(chinaMidnight('2026-05-04').toISOString()).toBe('2026-05-03T16:00:00.000Z');
    expect(chinaMidnight('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(atChinaTime('2026-05-04', '09:30').toISOString()).toBe('2026-05-04T01:30:00.000Z');
    expect(atChinaTime('2026-05-04', '00:15').toISOString()).toBe('2026-05-03T16:15:00.000Z');
    expect(atChinaTime('2026-05-04', 0).toISOString()).toBe('2026-05-03T16:00:00.000Z');
    // Minutes past the end of the day are the next China day (how "the day after `to`" is built).
    expect(atChinaTime('2026-05-04', 24 * 60).toISOString()).toBe('2026-05-04T16:00:00.000Z');
  });

  test('reading back what was built gives the same date and time', () => {
    const at = atChinaTime('2026-12-31', '23:45');
    expect([chinaDateOf(at), chinaClockOf(at)]).toEqual(['2026-12-31', '23:45']);
    expect(chinaMidnight(chinaDateOf(at)).getTime() + 23 * 3_600_000 + 45 * 60_000).toBe(at.getTime());
  });

  test('malformed dates or times throw RangeError instead of building a wrong instant', () => {
    expect(() => chinaMidnight('2026-02-30')).toThrow(RangeError);
    expect(() => atChinaTime('2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => atChinaTime('06/05/2026', '09:00')).toThrow(RangeError);
    expect(() => atChinaTime('2026-05-06', '24:00')).toThrow(RangeError);
    expect(() => atChinaTime('2026-05-06', '9:00')).toThrow(RangeError);
    expect(() => atChinaTime('2026-05-06', Number.NaN)).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  test('isChinaDate accepts only real dates written YYYY-MM-DD', () => {
    expect(isChinaDate('2026-02-28')).toBe(true);
    expect(isChinaDate('2028-02-29')).toBe(true);
    expect(isChinaDate('2026-02-29')).toBe(false);
    expect(isChinaDate('2026-02-30')).toBe(false);
    expect(isChinaDate('2026-13-01')).toBe(false);
    expect(isChinaDate('2026-00-10')).toBe(false);
    expect(isChinaDate('2026-2-3')).toBe(false);
    expect(isChinaDate('2026-05-06T00:00:00Z')).toBe(false);
    expect(isChinaDate(' 2026-05-06')).toBe(false);
    expect(isChinaDate('')).toBe(false);
    // Runtime callers may pass anything that came over the wire.
    expect(isChinaDate(20260506 as unknown as string)).toBe(false);
    expect(isChinaDate({ $gt: '' } as unknown as string)).toBe(false);
  });

  test('addDays crosses month, year and leap-day boundaries in both directions', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-05-06', 0)).toBe('2026-05-06');
    expect(addDays('2026-05-06', 365)).toBe('2027-05-06');
  });

  test('daysBetween counts whole days, negative backwards, across a year end', () => {
    expect(daysBetween('2026-05-06', '2026-05-20')).toBe(14);
    expect(daysBetween('2026-05-06', '2026-05-05')).toBe(-1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
  });

  test('weekdays are ISO: 1 = Monday … 7 = Sunday; weeks start on Monday', () => {
    expect(chinaWeekday('2026-05-04')).toBe(1);
    expect(chinaWeekday('2026-05-06')).toBe(3);
    expect(chinaWeekday('2026-05-10')).toBe(7);
    expect(chinaWeekday('2027-01-01')).toBe(5);
    expect(WEEKDAY_LABELS[chinaWeekday('2026-05-06') - 1]).toBe('周三');
    expect(WEEKDAY_LABELS).toHaveLength(7);
    expect(weekStart('2026-05-10')).toBe('2026-05-04');
    expect(weekStart('2026-05-04')).toBe('2026-05-04');
    // A week that spans the year end starts in the old year.
    expect(weekStart('2027-01-03')).toBe('2026-12-28');
  });

  test('arithmetic on a malformed date throws RangeError', () => {
    expect(() => addDays('garbage', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-05-06', Number.NaN)).toThrow(RangeError);
    expect(() => daysBetween('2026-05-06', '')).toThrow(RangeError);
    expect(() => chinaWeekday('2026-5-6')).toThrow(RangeError);
    expect(() => weekStart('')).toThrow(RangeError);
  });
});

describe('clock times', () => {
  test('parseClock reads HH:mm and formatClock writes it back', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('07:30')).toBe(450);
    expect(parseClock('23:59')).toBe(1439);
    expect(formatClock(450)).toBe('07:30');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(24 * 60)).toBe('24:00');
    expect(formatClock(Number.NaN)).toBe('');
  });

  test('only 00:00–23:59 written HH:mm is a time', () => {
    for (const bad of ['24:00', '7:00', '07:60', '07:5', '0730', '07:30:00', ' 07:30', '']) {
      expect(isClock(bad)).toBe(false);
      expect(() => parseClock(bad)).toThrow(RangeError);
    }
    expect(isClock('07:30')).toBe(true);
    expect(isClock(730 as unknown as string)).toBe(false);
  });
});

describe('text for people', () => {
  test('the full and the short form', () => {
    expect(formatChinaDateTime(new Date('2026-05-06T01:00:00Z'))).toBe('2026年5月6日 09:00');
    expect(formatChinaDateTime('2026-12-31T16:05:00Z')).toBe('2027年1月1日 00:05');
    expect(formatChinaShort('2026-05-06T01:00:00Z')).toBe('5月6日 09:00');
    expect(formatChinaShort('2026-05-05T16:30:00Z')).toBe('5月6日 00:30');
  });

  test('the offset constants are what the rest of the code assumes', () => {
    expect(CHINA_OFFSET_MS).toBe(8 * 60 * 60 * 1000);
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });
});
