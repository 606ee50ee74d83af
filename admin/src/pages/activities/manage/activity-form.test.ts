import type { Activity } from '../../../services/activities';
import { activityCreateBody, activityFormValues, activityPatchBody, activityState } from './activity-form';

const NOW = Date.parse('2026-05-06T00:00:00.000Z');
const STATION = 's'.repeat(24);

const valid = {
  stationId: STATION,
  kind: 'lecture' as const,
  title: ' 睡个好觉 ',
  description: '聊聊失眠',
  place: '社区活动室',
  date: '2026-05-10',
  startTime: '14:00',
  endTime: '15:30',
  seats: 30,
};

const activity: Activity = {
  id: 'a'.repeat(24),
  stationId: STATION,
  stationName: '新安街道',
  kind: 'lecture',
  title: '睡个好觉',
  description: '聊聊失眠',
  place: '社区活动室',
  start: '2026-05-10T06:00:00.000Z',
  end: '2026-05-10T07:30:00.000Z',
  seats: 30,
  remaining: 18,
  status: 'published',
};

describe('activityCreateBody', () => {
  test('builds UTC instants from the China date and times', () => {
    expect(activityCreateBody(valid, NOW)).toEqual({
      ok: true,
      body: {
        stationId: STATION,
        kind: 'lecture',
        title: '睡个好觉',
        description: '聊聊失眠',
        place: '社区活动室',
        start: '2026-05-10T06:00:00.000Z',
        end: '2026-05-10T07:30:00.000Z',
        seats: 30,
      },
    });
  });

  test.each([
    ['no title', { title: '  ' }, '请填写活动名称'],
    ['a title over 60 characters', { title: '长'.repeat(61) }, '活动名称请控制在 60 字以内'],
    ['no place', { place: '' }, '请填写活动地点'],
    ['end before start', { endTime: '13:00' }, '结束时间要晚于开始时间'],
    ['0 seats', { seats: 0 }, '名额应为 1–500 人'],
    ['501 seats', { seats: 501 }, '名额应为 1–500 人'],
    ['a past start', { date: '2026-05-01' }, '活动开始时间需要在现在之后'],
  ])('refuses %s', (_title, change, error) => {
    expect(activityCreateBody({ ...valid, ...change }, NOW)).toEqual({ ok: false, error });
  });
});

describe('activityPatchBody', () => {
  test('an unchanged form sends nothing', () => {
    expect(activityPatchBody(activity, activityFormValues(activity), NOW)).toEqual({ ok: true, body: {} });
  });

  test('seats may not drop below the 12 already registered', () => {
    expect(activityPatchBody(activity, { ...activityFormValues(activity), seats: 11 }, NOW)).toEqual({
      ok: false,
      error: '已有 12 人报名，名额不能少于 12',
    });
    expect(activityPatchBody(activity, { ...activityFormValues(activity), seats: 12 }, NOW)).toEqual({ ok: true, body: { seats: 12 } });
  });

  test('a started activity can still get a new description without tripping the "future start" rule', () => {
    const later = Date.parse('2026-05-10T06:30:00.000Z');
    expect(activityPatchBody(activity, { ...activityFormValues(activity), description: '新介绍' }, later)).toEqual({
      ok: true,
      body: { description: '新介绍' },
    });
  });
});

describe('activityState', () => {
  test('cancelled beats everything; then started; then full or open', () => {
    expect(activityState({ ...activity, status: 'cancelled' }, NOW)).toBe('cancelled');
    expect(activityState(activity, Date.parse('2026-05-10T06:00:00.000Z'))).toBe('started');
    expect(activityState({ ...activity, remaining: 0 }, NOW)).toBe('full');
    expect(activityState(activity, NOW)).toBe('open');
  });
});
