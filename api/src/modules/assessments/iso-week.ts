import { addDays, chinaDateOf, chinaWeekday, daysBetween } from '../availability/china-time';

/** ISO-8601 week of a moment in Asia/Shanghai, e.g. "2026-W48". Pure: the clock is passed in. */
export function isoWeek(at: Date): string {
  const date = chinaDateOf(at);
  // A week belongs to the year its Thursday is in; week 1 is the one holding that year's first Thursday.
  const thursday = addDays(date, 4 - chinaWeekday(date));
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
