import type { BookingStatus } from '../../../services/bookings';
import { ALL_STATUSES, STATUS_LABELS, availableActions, checkDeclineReason, statusLabel } from './booking-status';

const START = '2026-05-06T01:00:00.000Z';
const BEFORE = Date.parse(START) - 60_000;
const AFTER = Date.parse(START) + 60_000;

describe('availableActions', () => {
  test('a pending booking can be confirmed, declined, rescheduled or checked in; no-show only after start', () => {
    expect(availableActions({ status: 'pending', start: START }, BEFORE)).toEqual([
      'confirm',
      'decline',
      'reschedule',
      'checkIn',
    ]);
    expect(availableActions({ status: 'pending', start: START }, AFTER)).toContain('noShow');
  });

  test('a confirmed booking offers 未到 only once the session has started', () => {
    expect(availableActions({ status: 'confirmed', start: START }, BEFORE)).not.toContain('noShow');
    expect(availableActions({ status: 'confirmed', start: START }, AFTER)).toContain('noShow');
    expect(availableActions({ status: 'confirmed', start: START }, AFTER)).toContain('complete');
    expect(availableActions({ status: 'confirmed', start: START }, BEFORE)).not.toContain('confirm');
  });

  test('checked-in bookings can only be completed', () => {
    expect(availableActions({ status: 'checked_in', start: START }, AFTER)).toEqual(['complete']);
  });

  test.each<BookingStatus>(['completed', 'no_show', 'cancelled_by_resident', 'cancelled_by_station'])(
    'terminal status %s offers nothing',
    (status) => {
      expect(availableActions({ status, start: START }, AFTER)).toEqual([]);
    },
  );
});

describe('labels', () => {
  test('every status has a Chinese label and unknown ones pass through', () => {
    expect(ALL_STATUSES.map((s) => STATUS_LABELS[s])).toEqual([
      '待确认',
      '已确认',
      '已签到',
      '已完成',
      '未到',
      '居民已取消',
      '站点已取消',
    ]);
    expect(statusLabel('weird')).toBe('weird');
  });
});

describe('checkDeclineReason', () => {
  test('requires a reason and trims it', () => {
    expect(checkDeclineReason('   ')).toMatchObject({ ok: false });
    expect(checkDeclineReason('  咨询师临时生病  ')).toEqual({ ok: true, reason: '咨询师临时生病' });
  });

  test('refuses more than 200 characters (the API limit)', () => {
    expect(checkDeclineReason('好'.repeat(200))).toMatchObject({ ok: true });
    expect(checkDeclineReason('好'.repeat(201))).toMatchObject({ ok: false });
  });
});
