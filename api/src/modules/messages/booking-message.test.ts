import { BOOKING_TEMPLATE_KEYS, buildBookingMessageData, buildWaitlistMessageData, thing } from './booking-message';

const start = new Date('2026-05-05T17:30:00Z'); // 2026-05-06 01:30 in China

describe('booking subscribe messages (lock-screen safe)', () => {
  test('say only 心理咨询预约, the China time and the station', () => {
    expect(buildBookingMessageData(start, '东湖街道社会心理服务站')).toEqual({
      [BOOKING_TEMPLATE_KEYS.title]: { value: '心理咨询预约' },
      [BOOKING_TEMPLATE_KEYS.time]: { value: '2026年5月6日 01:30' },
      [BOOKING_TEMPLATE_KEYS.station]: { value: '东湖街道社会心理服务站' },
    });
    expect(Object.keys(buildBookingMessageData(start, 'x'))).toHaveLength(3);
  });

  test('long station names fit WeChat\'s 20-character thing limit', () => {
    const long = '心安区某某街道某某社区党群服务中心社会心理服务室分站';
    const value = buildBookingMessageData(start, long)[BOOKING_TEMPLATE_KEYS.station]!.value;
    expect([...value].length).toBe(20);
    expect(value.endsWith('…')).toBe(true);
    expect(thing('短名')).toBe('短名');
  });

  test('waitlist message: the title, the date and the station', () => {
    expect(Object.values(buildWaitlistMessageData('2026-05-06', '湖滨社区心理服务室')).map((v) => v.value)).toEqual(['心理咨询预约', '2026年5月6日', '湖滨社区心理服务室']);
  });

  test('no risk, scale or score words whatever the station is called', () => {
    const text = JSON.stringify([buildBookingMessageData(start, '湖滨社区心理服务室'), buildWaitlistMessageData('2026-05-06', '湖滨社区心理服务室')]);
    for (const w of ['抑郁', '焦虑', '风险', '危机', '自杀', '量表', '分数', '得分', '结果', '诊断', '睡不好']) expect(text).not.toContain(w);
  });
});
