'use strict';
/**
 * China time (Asia/Shanghai) for the API, the admin site and the mini-program: the one implementation all three use.
 *
 * Asia/Shanghai has been UTC+8 with no daylight saving since 1991, so every conversion is a fixed offset: exact, with
 * no tz database or Intl (which the mini-program runtime does not reliably have), and independent of the device's
 * zone setting — a resident travelling abroad still sees the station's clock. Instants are UTC (a Date, epoch
 * milliseconds, or an ISO 8601 string with its offset, as the API sends them); dates are China calendar dates
 * 'YYYY-MM-DD'; clock times are China wall-clock 'HH:mm'.
 *
 * Two rules for bad input:
 * - Readers of an instant (chinaDateOf, chinaClockOf, format…) answer '' (NaN for numbers): a bad value from the
 *   network shows as blank text instead of breaking a page.
 * - Date arithmetic and building instants (addDays, atChinaTime, …) throw RangeError: a malformed date there is a
 *   caller bug, and a silently wrong date would book the wrong day.
 *
 * Plain CommonJS with a hand-written china-time.d.ts, like index.js: the API requires it as is, and Vite (admin) and
 * Taro's webpack (mini-program) bundle it without compiling it. The mini-program build does not transpile files
 * outside miniapp/src, so this file keeps to ES2017 (no `?.` or `??`). Unit tests: china-time.test.ts (run by the
 * API's Jest).
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Index 0 is Monday: `WEEKDAY_LABELS[chinaWeekday(date) - 1]`. */
const WEEKDAY_LABELS = Object.freeze(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function pad2(n) {
  return String(n).padStart(2, '0');
}

/** UTC midnight (ms) of a real calendar date 'YYYY-MM-DD', else NaN (2026-02-30 does not roll over to March). */
function dateMs(value) {
  if (typeof value !== 'string') return NaN;
  const m = DATE_PATTERN.exec(value);
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  // Not Date.UTC: it reads years 0–99 as 1900–1999, and '0020-02-29' would become 1920.
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month && d.getUTCDate() === day ? d.getTime() : NaN;
}

function requireDate(value) {
  const ms = dateMs(value);
  if (Number.isNaN(ms)) throw new RangeError(`not a date (YYYY-MM-DD): ${String(value)}`);
  return ms;
}

/** The UTC fields of `ms` as 'YYYY-MM-DD'. */
function dateText(ms) {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function instantMs(instant) {
  if (typeof instant === 'number') return instant;
  if (typeof instant === 'string') return instant === '' ? NaN : Date.parse(instant);
  // Duck-typed rather than `instanceof Date`, which fails for a Date from another realm (Jest's VM contexts).
  if (instant !== null && typeof instant === 'object' && typeof instant.getTime === 'function') return instant.getTime();
  return NaN;
}

/** The instant shifted so its UTC fields read as China wall-clock fields; null when unreadable. */
function chinaFields(instant) {
  const ms = instantMs(instant);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + CHINA_OFFSET_MS);
  return Number.isNaN(d.getTime()) ? null : d;
}

function isChinaDate(value) {
  return !Number.isNaN(dateMs(value));
}

function isClock(value) {
  return typeof value === 'string' && CLOCK_PATTERN.test(value);
}

function parseClock(value) {
  const m = typeof value === 'string' ? CLOCK_PATTERN.exec(value) : null;
  if (!m) throw new RangeError(`not a time (HH:mm): ${String(value)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function formatClock(minutes) {
  if (!Number.isFinite(minutes)) return '';
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function chinaDateOf(instant) {
  const d = chinaFields(instant);
  return d ? dateText(d.getTime()) : '';
}

function chinaClockOf(instant) {
  const d = chinaFields(instant);
  return d ? `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : '';
}

function chinaMinuteOfDay(instant) {
  const d = chinaFields(instant);
  return d ? d.getUTCHours() * 60 + d.getUTCMinutes() : NaN;
}

function chinaMidnight(date) {
  return new Date(requireDate(date) - CHINA_OFFSET_MS);
}

function atChinaTime(date, time) {
  const midnight = requireDate(date) - CHINA_OFFSET_MS;
  if (typeof time === 'number') {
    if (!Number.isFinite(time)) throw new RangeError(`not a number of minutes: ${time}`);
    return new Date(midnight + time * 60000);
  }
  return new Date(midnight + parseClock(time) * 60000);
}

function addDays(date, days) {
  if (!Number.isFinite(days)) throw new RangeError(`not a number of days: ${days}`);
  return dateText(requireDate(date) + days * DAY_MS);
}

function daysBetween(from, to) {
  return Math.round((requireDate(to) - requireDate(from)) / DAY_MS);
}

function chinaWeekday(date) {
  const day = new Date(requireDate(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

function weekStart(date) {
  return addDays(date, 1 - chinaWeekday(date));
}

function formatChinaDateTime(instant) {
  const d = chinaFields(instant);
  if (!d) return '';
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

function formatChinaShort(instant) {
  const d = chinaFields(instant);
  if (!d) return '';
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

module.exports = {
  CHINA_OFFSET_MS,
  DAY_MS,
  WEEKDAY_LABELS,
  isChinaDate,
  isClock,
  parseClock,
  formatClock,
  chinaDateOf,
  chinaClockOf,
  chinaMinuteOfDay,
  chinaMidnight,
  atChinaTime,
  addDays,
  daysBetween,
  chinaWeekday,
  weekStart,
  formatChinaDateTime,
  formatChinaShort,
};
