import { blockRequest, timeOptions } from './block-form';

const C = 'c'.repeat(24);

describe('blockRequest', () => {
  test('turns China date and times into UTC instants', () => {
    expect(blockRequest({ counselorId: C, startDate: '2026-05-06', startTime: '09:00', endTime: '12:00', reason: ' 培训 ' })).toEqual({
      ok: true,
      body: { counselorId: C, start: '2026-05-06T01:00:00.000Z', end: '2026-05-06T04:00:00.000Z', reason: '培训' },
    });
  });

  test('leaves an empty reason out', () => {
    const result = blockRequest({ counselorId: C, startDate: '2026-05-06', startTime: '09:00', endTime: '09:15', reason: '  ' });
    expect(result.ok && result.body).toEqual({ counselorId: C, start: '2026-05-06T01:00:00.000Z', end: '2026-05-06T01:15:00.000Z' });
  });

  test.each([
    ['no counselor', { startDate: '2026-05-06', startTime: '09:00', endTime: '10:00' }, '请选择咨询师'],
    ['end before start', { counselorId: C, startDate: '2026-05-06', startTime: '10:00', endTime: '09:00' }, '结束时间要晚于开始时间'],
    ['off the 15-minute grid', { counselorId: C, startDate: '2026-05-06', startTime: '09:10', endTime: '10:00' }, '时间需按 15 分钟取整'],
    ['longer than 14 days', { counselorId: C, startDate: '2026-05-01', startTime: '09:00', endDate: '2026-05-16', endTime: '09:00' }, '一次最多屏蔽 14 天'],
    ['an impossible date', { counselorId: C, startDate: '2026-02-30', startTime: '09:00', endTime: '10:00' }, '请选择日期'],
    ['a reason over 100 characters', { counselorId: C, startDate: '2026-05-06', startTime: '09:00', endTime: '10:00', reason: '长'.repeat(101) }, '原因请控制在 100 字以内'],
  ])('refuses %s', (_title, values, error) => {
    expect(blockRequest(values)).toEqual({ ok: false, error });
  });

  test('exactly 14 days is allowed, across days', () => {
    expect(blockRequest({ counselorId: C, startDate: '2026-05-01', startTime: '09:00', endDate: '2026-05-15', endTime: '09:00' }).ok).toBe(true);
  });
});

describe('timeOptions', () => {
  test('covers the day on a 15-minute grid', () => {
    const options = timeOptions();
    expect(options).toHaveLength(96);
    expect(options.slice(0, 2)).toEqual(['00:00', '00:15']);
    expect(options.at(-1)).toBe('23:45');
  });
});
