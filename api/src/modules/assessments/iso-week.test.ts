import { isoWeek } from './iso-week';

describe('isoWeek (Asia/Shanghai)', () => {
  test.each([
    ['2026-11-23T00:00:00+08:00', '2026-W48'], // a Monday
    ['2026-11-22T23:59:59+08:00', '2026-W47'], // the Sunday before
    ['2026-11-22T16:30:00Z', '2026-W48'], // 00:30 Monday in China, still Sunday in UTC
    ['2021-01-03T12:00:00+08:00', '2020-W53'], // early January belongs to last year's week 53
    ['2024-12-30T12:00:00+08:00', '2025-W01'], // late December belongs to next year's week 1
    ['2026-01-01T00:00:00+08:00', '2026-W01'],
    ['2026-12-31T16:30:00Z', '2026-W53'], // 00:30 on 1 January 2027 in China, a Friday: the last week of 2026
  ])('%s → %s', (at, week) => {
    expect(isoWeek(new Date(at))).toBe(week);
  });
});
