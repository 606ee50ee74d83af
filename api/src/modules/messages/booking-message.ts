// Subscribe-message data for bookings. These show in 服务通知 and on the lock screen, so they carry exactly three
// things: the words 心理咨询预约, the time and the station (security-privacy.md §3.3). No topic, counselor, service,
// scale or score. Pure: unit-tested in booking-message.test.ts.
import { formatChinaDateTime } from '../availability/china-time';
import type { TemplateData } from '../wechat/subscribe-message.client';

/** Keys of the one-time templates the operator picks (预约成功/变更/取消/提醒): 事项 thing, 时间 time, 地点 thing. */
export const BOOKING_TEMPLATE_KEYS = { title: 'thing1', time: 'time2', station: 'thing3' } as const;
/** The waitlist template (空位提醒): 事项 thing, 日期 date, 地点 thing. */
export const WAITLIST_TEMPLATE_KEYS = { title: 'thing1', date: 'date2', station: 'thing3' } as const;

export const LOCK_SCREEN_TITLE = '心理咨询预约';
const THING_MAX = 20;

/** WeChat `thing` values are at most 20 characters; longer station names are shortened with an ellipsis. */
export function thing(value: string): string {
  const chars = [...value];
  return chars.length <= THING_MAX ? value : chars.slice(0, THING_MAX - 1).join('') + '…';
}

export function buildBookingMessageData(start: Date, stationName: string): TemplateData {
  return {
    [BOOKING_TEMPLATE_KEYS.title]: { value: LOCK_SCREEN_TITLE },
    [BOOKING_TEMPLATE_KEYS.time]: { value: formatChinaDateTime(start) },
    [BOOKING_TEMPLATE_KEYS.station]: { value: thing(stationName) },
  };
}

export function buildWaitlistMessageData(date: string, stationName: string): TemplateData {
  const [y, m, d] = date.split('-').map(Number);
  return {
    [WAITLIST_TEMPLATE_KEYS.title]: { value: LOCK_SCREEN_TITLE },
    [WAITLIST_TEMPLATE_KEYS.date]: { value: `${y}年${m}月${d}日` },
    [WAITLIST_TEMPLATE_KEYS.station]: { value: thing(stationName) },
  };
}

/** Pages the messages open on tap (mini-program booking subpackage). */
export const bookingPage = (bookingId: string) => `packages/booking/pages/detail/index?id=${encodeURIComponent(bookingId)}`;
export const stationPage = (stationId: string) => `packages/booking/pages/station/index?id=${encodeURIComponent(stationId)}`;
