import { staffCreateBody } from './staff-rules';

describe('staffCreateBody', () => {
  test('trims and passes a valid account', () => {
    expect(staffCreateBody({ username: ' xa.staff_01 ', displayName: ' 李敏 ', stationId: 's1' })).toEqual({
      ok: true,
      body: { username: 'xa.staff_01', displayName: '李敏', stationId: 's1' },
    });
  });

  test.each([
    ['a short login name', { username: 'ab', displayName: '李敏', stationId: 's1' }],
    ['a login name with spaces or operators', { username: '{"$gt":""}', displayName: '李敏', stationId: 's1' }],
    ['no display name', { username: 'xa01', displayName: '  ', stationId: 's1' }],
    ['a very long display name', { username: 'xa01', displayName: '长'.repeat(33), stationId: 's1' }],
    ['no station', { username: 'xa01', displayName: '李敏' }],
  ])('refuses %s', (_title, values) => {
    expect(staffCreateBody(values)).toMatchObject({ ok: false });
  });
});
