import { schedulePublishAt } from './schedule';

const now = new Date('2026-05-01T08:00:00Z');

describe('schedulePublishAt', () => {
  test('publishing now sends no publishAt', () => {
    expect(schedulePublishAt('now', new Date('2020-01-01T00:00:00Z'), now)).toEqual({ ok: true, publishAt: undefined });
  });

  test('a time ahead becomes ISO', () => {
    expect(schedulePublishAt('scheduled', new Date('2026-05-02T01:00:00Z'), now)).toEqual({
      ok: true,
      publishAt: '2026-05-02T01:00:00.000Z',
    });
  });

  test.each([
    [null, '请选择发布时间'],
    [new Date('invalid'), '请选择发布时间'],
    [new Date('2026-05-01T07:00:00Z'), '发布时间需要晚于现在（至少 1 分钟后）'],
    [new Date('2026-05-01T08:00:30Z'), '发布时间需要晚于现在（至少 1 分钟后）'],
    [new Date('2027-06-01T00:00:00Z'), '发布时间不能超过一年以后'],
  ])('scheduling at %p is refused: %s', (at, problem) => {
    expect(schedulePublishAt('scheduled', at, now)).toEqual({ ok: false, problem });
  });
});
