// Choosing when an approved article goes public. Pure: the clock is passed in.

/** The earliest a schedule may be: a little ahead, so "publish in a moment" is not mistaken for "now". */
export const MIN_SCHEDULE_LEAD_MS = 60 * 1000;
/** Further than this is almost certainly a typo in the year. */
export const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3600 * 1000;

export type ScheduleChoice = { ok: true; publishAt: string | undefined } | { ok: false; problem: string };

/**
 * 'now' → approve without publishAt; 'scheduled' → the chosen time as ISO, which must lie ahead of `now`.
 */
export function schedulePublishAt(mode: 'now' | 'scheduled', at: Date | null, now: Date): ScheduleChoice {
  if (mode === 'now') return { ok: true, publishAt: undefined };
  if (!at || Number.isNaN(at.getTime())) return { ok: false, problem: '请选择发布时间' };
  const ahead = at.getTime() - now.getTime();
  if (ahead < MIN_SCHEDULE_LEAD_MS) return { ok: false, problem: '发布时间需要晚于现在（至少 1 分钟后）' };
  if (ahead > MAX_SCHEDULE_AHEAD_MS) return { ok: false, problem: '发布时间不能超过一年以后' };
  return { ok: true, publishAt: at.toISOString() };
}
