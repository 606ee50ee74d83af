// Types of china-time.js (China time, fixed UTC+8). Dates are China calendar dates 'YYYY-MM-DD', clock times 'HH:mm'.

/** A moment: a Date, epoch milliseconds, or an ISO 8601 string with its offset (as the API sends them). */
export type Instant = Date | number | string;

export declare const CHINA_OFFSET_MS: number;
export declare const DAY_MS: number;
/** '周一' … '周日'; index 0 is Monday, so `WEEKDAY_LABELS[chinaWeekday(date) - 1]`. */
export declare const WEEKDAY_LABELS: readonly ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** A real calendar date in the form 'YYYY-MM-DD' (so '2026-02-30' and '2026-2-3' are not). */
export declare function isChinaDate(value: string): boolean;
/** 'HH:mm', 00:00–23:59. */
export declare function isClock(value: string): boolean;
/** 'HH:mm' → minutes since midnight. Throws RangeError when malformed (check with isClock first for user input). */
export declare function parseClock(value: string): number;
/** Minutes since midnight → 'HH:mm' (1440 reads '24:00', an end of day); '' for a non-finite number. */
export declare function formatClock(minutes: number): string;

/** The China calendar date of an instant: 2026-05-05T16:30Z → '2026-05-06'. '' when unreadable. */
export declare function chinaDateOf(instant: Instant | null | undefined): string;
/** The China wall-clock time of an instant: 2026-05-06T01:00Z → '09:00'. '' when unreadable. */
export declare function chinaClockOf(instant: Instant | null | undefined): string;
/** Minutes since China midnight, 0–1439; NaN when unreadable. */
export declare function chinaMinuteOfDay(instant: Instant | null | undefined): number;

/** The instant China midnight starts `date`. Throws RangeError when `date` is not a date. */
export declare function chinaMidnight(date: string): Date;
/** The instant of `time` ('HH:mm', or minutes since midnight) on China `date`. Throws RangeError on malformed input. */
export declare function atChinaTime(date: string, time: string | number): Date;
/** Calendar arithmetic across month and year ends. Throws RangeError when `date` is not a date. */
export declare function addDays(date: string, days: number): string;
/** Whole days from `from` to `to`; negative when `to` is earlier. Throws RangeError when either is not a date. */
export declare function daysBetween(from: string, to: string): number;
/** ISO weekday: 1 = Monday … 7 = Sunday, as the schedules use. Throws RangeError when `date` is not a date. */
export declare function chinaWeekday(date: string): number;
/** The Monday of the week `date` is in. Throws RangeError when `date` is not a date. */
export declare function weekStart(date: string): string;

/** '2026年5月6日 09:00' — the full form for people (messages, WeChat `time` values). '' when unreadable. */
export declare function formatChinaDateTime(instant: Instant | null | undefined): string;
/** '5月6日 09:00' — the short form for in-app text. '' when unreadable. */
export declare function formatChinaShort(instant: Instant | null | undefined): string;
