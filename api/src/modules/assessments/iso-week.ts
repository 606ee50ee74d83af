/** ISO-8601 week of a moment in Asia/Shanghai, e.g. "2026-W48". Pure: the clock is passed in. */
export function isoWeek(at: Date): string {
  // Shift to China time (UTC+8, no daylight saving) and work on the calendar date there.
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const date = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
