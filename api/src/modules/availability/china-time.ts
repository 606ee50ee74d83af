// China time (fixed UTC+8): the one implementation shared with the admin site and the mini-program lives in
// content/china-time.js. All instants are stored in UTC; dates ('YYYY-MM-DD') and clock times ('HH:mm') in requests
// and schedules are China local. Modules import it from here, so the API's set of names stays in one place.
export {
  CHINA_OFFSET_MS,
  DAY_MS,
  addDays,
  atChinaTime,
  chinaDateOf,
  chinaMidnight,
  chinaMinuteOfDay,
  chinaWeekday,
  daysBetween,
  formatChinaDateTime,
  formatChinaShort,
  formatClock,
  isChinaDate,
  parseClock,
} from '@xinan/content/china-time';
