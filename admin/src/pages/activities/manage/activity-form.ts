// Activity form ⇄ POST/PATCH /admin/activities bodies, and how an activity's state reads to staff. Pure.
import type { Activity, ActivityInput, ActivityKind, ActivityPatch } from '../../../services/activities';
import { chinaDate, chinaInstant, chinaTime, isDate, timeToMinutes } from '../../bookings/shared/china-time';

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  group_counseling: '团体辅导',
  lecture: '心理讲座',
  checkup: '心理体检日',
  other: '其他活动',
};

export const ACTIVITY_LIMITS = { title: 60, description: 2000, place: 100, seatsMin: 1, seatsMax: 500 } as const;

export interface ActivityFormValues {
  stationId?: string;
  kind?: ActivityKind;
  title?: string;
  description?: string;
  place?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  seats?: number | null;
}

export function activityFormValues(a: Activity): ActivityFormValues {
  return {
    stationId: a.stationId,
    kind: a.kind,
    title: a.title,
    description: a.description,
    place: a.place,
    date: chinaDate(a.start),
    startTime: chinaTime(a.start),
    endTime: chinaTime(a.end),
    seats: a.seats,
  };
}

type Checked = { ok: true; body: ActivityInput } | { ok: false; error: string };

function check(v: ActivityFormValues, now: number, registered: number): Checked {
  const title = (v.title ?? '').trim();
  const description = (v.description ?? '').trim();
  const place = (v.place ?? '').trim();
  if (!v.stationId) return { ok: false, error: '请选择举办站点' };
  if (!v.kind) return { ok: false, error: '请选择活动类型' };
  if (!title) return { ok: false, error: '请填写活动名称' };
  if (title.length > ACTIVITY_LIMITS.title) return { ok: false, error: `活动名称请控制在 ${ACTIVITY_LIMITS.title} 字以内` };
  if (description.length > ACTIVITY_LIMITS.description) return { ok: false, error: `活动介绍请控制在 ${ACTIVITY_LIMITS.description} 字以内` };
  if (!place) return { ok: false, error: '请填写活动地点' };
  if (place.length > ACTIVITY_LIMITS.place) return { ok: false, error: `地点请控制在 ${ACTIVITY_LIMITS.place} 字以内` };
  if (!v.date || !isDate(v.date)) return { ok: false, error: '请选择活动日期' };
  if (!v.startTime || !v.endTime || Number.isNaN(timeToMinutes(v.startTime)) || Number.isNaN(timeToMinutes(v.endTime))) {
    return { ok: false, error: '请选择开始和结束时间' };
  }
  if (timeToMinutes(v.endTime) <= timeToMinutes(v.startTime)) return { ok: false, error: '结束时间要晚于开始时间' };
  const seats = v.seats;
  if (typeof seats !== 'number' || !Number.isInteger(seats) || seats < ACTIVITY_LIMITS.seatsMin || seats > ACTIVITY_LIMITS.seatsMax) {
    return { ok: false, error: `名额应为 ${ACTIVITY_LIMITS.seatsMin}–${ACTIVITY_LIMITS.seatsMax} 人` };
  }
  if (seats < registered) return { ok: false, error: `已有 ${registered} 人报名，名额不能少于 ${registered}` };
  const start = chinaInstant(v.date, v.startTime);
  const end = chinaInstant(v.date, v.endTime);
  if (Date.parse(start) <= now) return { ok: false, error: '活动开始时间需要在现在之后' };
  return { ok: true, body: { stationId: v.stationId, kind: v.kind, title, description, place, start, end, seats } };
}

export function activityCreateBody(v: ActivityFormValues, now: number): Checked {
  return check(v, now, 0);
}

/** Only the changed fields (stationId cannot change). */
export function activityPatchBody(
  initial: Activity,
  v: ActivityFormValues,
  now: number,
): { ok: true; body: ActivityPatch } | { ok: false; error: string } {
  const registered = Math.max(0, initial.seats - initial.remaining);
  const timeChanged = v.date !== chinaDate(initial.start) || v.startTime !== chinaTime(initial.start) || v.endTime !== chinaTime(initial.end);
  // An unchanged start that is already past is not the user's mistake: only a new time must lie ahead.
  const checked = check({ ...v, stationId: initial.stationId }, timeChanged ? now : Number.NEGATIVE_INFINITY, registered);
  if (!checked.ok) return checked;
  const b = checked.body;
  const body: ActivityPatch = {};
  if (b.kind !== initial.kind) body.kind = b.kind;
  if (b.title !== initial.title) body.title = b.title;
  if (b.description !== initial.description) body.description = b.description;
  if (b.place !== initial.place) body.place = b.place;
  if (b.start !== initial.start) body.start = b.start;
  if (b.end !== initial.end) body.end = b.end;
  if (b.seats !== initial.seats) body.seats = b.seats;
  return { ok: true, body };
}

export type ActivityState = 'open' | 'full' | 'cancelled' | 'started';

export const ACTIVITY_STATE_LABELS: Record<ActivityState, { text: string; color: string }> = {
  open: { text: '报名中', color: 'green' },
  full: { text: '已报满', color: 'orange' },
  cancelled: { text: '已取消', color: 'default' },
  started: { text: '已开始', color: 'blue' },
};

export function activityState(a: Pick<Activity, 'status' | 'start' | 'remaining'>, now: number): ActivityState {
  if (a.status === 'cancelled') return 'cancelled';
  if (Date.parse(a.start) <= now) return 'started';
  return a.remaining <= 0 ? 'full' : 'open';
}
