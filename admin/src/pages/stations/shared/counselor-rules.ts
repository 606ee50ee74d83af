// Counselor credentials, the schedule editor and exceptions: display rules and checks before saving. Pure.
import type {
  Counselor,
  CounselorInput,
  CredentialStatus,
  ExceptionKind,
  GroupRow,
  Schedule,
  SessionService,
  WeeklyRow,
} from '../../../services/counselors';
import { addDays, isDate, timeToMinutes, WEEKDAY_LABELS } from '../../bookings/shared/china-time';

export const CREDENTIAL_LABELS: Record<CredentialStatus, string> = {
  valid: '有效',
  expiring: '即将到期',
  lapsed: '已过期',
  missing: '未填写',
};

export const CREDENTIAL_COLORS: Record<CredentialStatus, string> = {
  valid: 'green',
  expiring: 'orange',
  lapsed: 'red',
  missing: 'default',
};

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** '已过期（12 天）', '即将到期（还剩 9 天）', '有效', '未填写'. */
export function credentialText(counselor: Pick<Counselor, 'credentialStatus' | 'credentialValidUntil'>, today: string): string {
  const label = CREDENTIAL_LABELS[counselor.credentialStatus] ?? counselor.credentialStatus;
  const until = counselor.credentialValidUntil;
  if (!until || !isDate(until)) return label;
  const left = daysBetween(today, until);
  if (counselor.credentialStatus === 'expiring' && left >= 0) return `${label}（还剩 ${left} 天）`;
  if (counselor.credentialStatus === 'lapsed' && left < 0) return `${label}（${-left} 天）`;
  return label;
}

/** Why a counselor cannot be booked, for the staff who can fix it. Empty when bookable. */
export function unbookableReasons(c: Pick<Counselor, 'verified' | 'active' | 'credentialStatus'>): string[] {
  const reasons: string[] = [];
  if (!c.active) reasons.push('已停用');
  if (!c.verified) reasons.push('资质未核验');
  if (c.credentialStatus === 'lapsed') reasons.push('资质已过期');
  if (c.credentialStatus === 'missing') reasons.push('未填写资质有效期');
  return reasons;
}

export const SCHEDULE_LIMITS = {
  sessionMinutes: { min: 30, max: 120 },
  familySessionMinutes: { min: 30, max: 180 },
  bufferMinutes: { min: 0, max: 60 },
  groupCapacity: { min: 2, max: 50 },
  groupTitleMax: 30,
} as const;

export const DEFAULT_SCHEDULE: Schedule = {
  sessionMinutes: 50,
  familySessionMinutes: 80,
  bufferMinutes: 10,
  weekly: [],
  groups: [],
};

export const SESSION_SERVICE_LABELS: Record<SessionService, string> = { individual: '个体', family: '家庭' };

function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return timeToMinutes(a.start) < timeToMinutes(b.end) && timeToMinutes(b.start) < timeToMinutes(a.end);
}

function inRange(value: unknown, { min, max }: { min: number; max: number }): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Every problem with a schedule, in Chinese, so the editor can list them all at once. Empty = fine to save. */
export function scheduleProblems(schedule: Schedule): string[] {
  const problems: string[] = [];
  const L = SCHEDULE_LIMITS;
  if (!inRange(schedule.sessionMinutes, L.sessionMinutes)) problems.push(`个体咨询时长应为 ${L.sessionMinutes.min}–${L.sessionMinutes.max} 分钟`);
  if (!inRange(schedule.familySessionMinutes, L.familySessionMinutes)) {
    problems.push(`家庭咨询时长应为 ${L.familySessionMinutes.min}–${L.familySessionMinutes.max} 分钟`);
  }
  if (!inRange(schedule.bufferMinutes, L.bufferMinutes)) problems.push(`间隔应为 ${L.bufferMinutes.min}–${L.bufferMinutes.max} 分钟`);

  const all: { row: { weekday: number; start: string; end: string }; name: string }[] = [];
  schedule.weekly.forEach((row: WeeklyRow, i) => {
    const name = `第 ${i + 1} 行（${WEEKDAY_LABELS[row.weekday] ?? '?'}）`;
    if (!WEEKDAY_LABELS[row.weekday]) problems.push(`${name}：请选择星期`);
    const s = timeToMinutes(row.start);
    const e = timeToMinutes(row.end);
    if (Number.isNaN(s) || Number.isNaN(e)) problems.push(`${name}：请填写开始和结束时间`);
    else if (e <= s) problems.push(`${name}：结束时间要晚于开始时间`);
    else {
      const shortest = Math.min(
        ...row.services.map((sv) => (sv === 'family' ? schedule.familySessionMinutes : schedule.sessionMinutes)),
      );
      if (row.services.length && e - s < shortest) problems.push(`${name}：时段比一次咨询还短，排不出可约时间`);
    }
    if (!row.services.length) problems.push(`${name}：请至少选择一种服务`);
    all.push({ row, name });
  });
  schedule.groups.forEach((g: GroupRow, i) => {
    const name = `团体第 ${i + 1} 行（${WEEKDAY_LABELS[g.weekday] ?? '?'}）`;
    if (!WEEKDAY_LABELS[g.weekday]) problems.push(`${name}：请选择星期`);
    const s = timeToMinutes(g.start);
    const e = timeToMinutes(g.end);
    if (Number.isNaN(s) || Number.isNaN(e)) problems.push(`${name}：请填写开始和结束时间`);
    else if (e <= s) problems.push(`${name}：结束时间要晚于开始时间`);
    if (!inRange(g.capacity, L.groupCapacity)) problems.push(`${name}：人数应为 ${L.groupCapacity.min}–${L.groupCapacity.max} 人`);
    const title = (g.title ?? '').trim();
    if (!title) problems.push(`${name}：请填写团体活动名称`);
    else if (title.length > L.groupTitleMax) problems.push(`${name}：名称请控制在 ${L.groupTitleMax} 字以内`);
    all.push({ row: g, name });
  });
  // One counselor cannot be in two places: rows on the same weekday must not overlap.
  for (let i = 0; i < all.length; i += 1) {
    for (let j = i + 1; j < all.length; j += 1) {
      const a = all[i]!;
      const b = all[j]!;
      if (a.row.weekday === b.row.weekday && overlaps(a.row, b.row)) problems.push(`${a.name}与${b.name}时间重叠`);
    }
  }
  return problems;
}

/** Sorted copy for saving and display: by weekday, then start. Titles trimmed. */
export function normalizeSchedule(schedule: Schedule): Schedule {
  const byDayTime = <T extends { weekday: number; start: string }>(a: T, b: T) =>
    a.weekday - b.weekday || timeToMinutes(a.start) - timeToMinutes(b.start);
  return {
    sessionMinutes: schedule.sessionMinutes,
    familySessionMinutes: schedule.familySessionMinutes,
    bufferMinutes: schedule.bufferMinutes,
    weekly: [...schedule.weekly].sort(byDayTime).map((r) => ({ ...r, services: [...new Set(r.services)] })),
    groups: [...schedule.groups].sort(byDayTime).map((g) => ({ ...g, title: g.title.trim() })),
  };
}

export const EXCEPTION_KIND_LABELS: Record<ExceptionKind, string> = {
  holiday: '休息日（全天）',
  leave: '请假',
  extra: '加班（额外开放）',
};

export interface ExceptionFormValues {
  date?: string;
  kind?: ExceptionKind;
  start?: string;
  end?: string;
  services?: SessionService[];
  note?: string;
}

export type ExceptionBody = { date: string; kind: ExceptionKind; start?: string; end?: string; services?: SessionService[]; note?: string };

export function exceptionRequest(v: ExceptionFormValues, today: string): { ok: true; body: ExceptionBody } | { ok: false; error: string } {
  if (!v.date || !isDate(v.date)) return { ok: false, error: '请选择日期' };
  if (v.date < today) return { ok: false, error: '不能给已经过去的日期设置例外' };
  if (!v.kind) return { ok: false, error: '请选择类型' };
  const note = (v.note ?? '').trim();
  if (note.length > 100) return { ok: false, error: '备注请控制在 100 字以内' };
  const body: ExceptionBody = { date: v.date, kind: v.kind };
  if (note) body.note = note;
  if (v.kind === 'holiday') return { ok: true, body };
  const hasTimes = Boolean(v.start || v.end);
  if (v.kind === 'extra' || hasTimes) {
    const s = timeToMinutes(v.start ?? '');
    const e = timeToMinutes(v.end ?? '');
    if (Number.isNaN(s) || Number.isNaN(e)) return { ok: false, error: v.kind === 'extra' ? '加班需要填写开始和结束时间' : '请同时填写开始和结束时间，或都不填（全天）' };
    if (e <= s) return { ok: false, error: '结束时间要晚于开始时间' };
    body.start = v.start;
    body.end = v.end;
  }
  if (v.kind === 'extra') {
    if (!v.services?.length) return { ok: false, error: '请选择加班开放的服务' };
    body.services = [...new Set(v.services)];
  }
  return { ok: true, body };
}

/** The exception list window shown in the editor. */
export function exceptionWindow(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, 90) };
}

export interface CounselorFormValues {
  stationId?: string;
  name?: string;
  title?: string;
  qualification?: string;
  certificateNo?: string;
  credentialValidFrom?: string;
  credentialValidUntil?: string;
  specialties?: string[];
  intro?: string;
  photoUrl?: string;
  active?: boolean;
}

/** Only the name is required (as in the API); the rest may be filled in later, before verification. */
const textFields: [keyof CounselorFormValues, string, number, boolean][] = [
  ['name', '姓名', 20, true],
  ['title', '职称', 30, false],
  ['qualification', '资质', 60, false],
  ['certificateNo', '证书编号', 40, false],
];

function cleanStaffPart(v: CounselorFormValues): { ok: true; intro: string; specialties: string[]; photoUrl: string } | { ok: false; error: string } {
  const specialties = [...new Set((v.specialties ?? []).map((s) => s.trim()).filter(Boolean))];
  if (specialties.length > 10) return { ok: false, error: '擅长方向最多 10 个' };
  if (specialties.some((s) => s.length > 20)) return { ok: false, error: '每个擅长方向请控制在 20 字以内' };
  const intro = (v.intro ?? '').trim();
  if (intro.length > 1000) return { ok: false, error: '介绍请控制在 1000 字以内' };
  const photoUrl = (v.photoUrl ?? '').trim();
  if (photoUrl && (photoUrl.length > 500 || !/^(https:\/\/|\/)[^\s<>"']+$/.test(photoUrl))) {
    return { ok: false, error: '照片地址需为 https 链接或站内路径' };
  }
  return { ok: true, intro, specialties, photoUrl };
}

function cleanAdminPart(v: CounselorFormValues):
  | { ok: true; fields: Pick<CounselorInput, 'stationId' | 'name' | 'title' | 'qualification' | 'certificateNo'>; from: string | null; until: string | null }
  | { ok: false; error: string } {
  if (!v.stationId) return { ok: false, error: '请选择所属站点' };
  const fields: Record<string, string> = {};
  for (const [key, label, max, isRequired] of textFields) {
    const value = String(v[key] ?? '').trim();
    if (isRequired && !value) return { ok: false, error: `请填写${label}` };
    if (value.length > max) return { ok: false, error: `${label}请控制在 ${max} 字以内` };
    fields[key] = value;
  }
  const from = v.credentialValidFrom || null;
  const until = v.credentialValidUntil || null;
  if ((from && !isDate(from)) || (until && !isDate(until))) return { ok: false, error: '资质日期格式不正确' };
  if (from && until && until < from) return { ok: false, error: '资质有效期的结束日期要晚于开始日期' };
  return {
    ok: true,
    fields: { stationId: v.stationId, name: fields.name!, title: fields.title!, qualification: fields.qualification!, certificateNo: fields.certificateNo! },
    from,
    until,
  };
}

/** POST /admin/counselors body (district_admin). Empty optional fields are left out. */
export function counselorCreateBody(v: CounselorFormValues): { ok: true; body: CounselorInput } | { ok: false; error: string } {
  const staff = cleanStaffPart(v);
  if (!staff.ok) return staff;
  const admin = cleanAdminPart(v);
  if (!admin.ok) return admin;
  const body: CounselorInput = { ...admin.fields, specialties: staff.specialties, intro: staff.intro };
  for (const key of ['title', 'qualification', 'certificateNo'] as const) if (!body[key]) delete body[key];
  if (admin.from) body.credentialValidFrom = admin.from;
  if (admin.until) body.credentialValidUntil = admin.until;
  if (staff.photoUrl) body.photoUrl = staff.photoUrl;
  return { ok: true, body };
}

export function counselorFormValues(c: Counselor): CounselorFormValues {
  return {
    stationId: c.stationId,
    name: c.name,
    title: c.title,
    qualification: c.qualification,
    certificateNo: c.certificateNo,
    credentialValidFrom: c.credentialValidFrom ?? '',
    credentialValidUntil: c.credentialValidUntil ?? '',
    specialties: [...c.specialties],
    intro: c.intro,
    photoUrl: c.photoUrl ?? '',
    active: c.active,
  };
}

/**
 * PATCH /admin/counselors/:id body with only what changed. Station staff may change intro, specialties
 * and the photo only (the server answers 403 DISTRICT_ADMIN_ONLY otherwise), so nothing else is sent for them.
 */
export function counselorPatch(
  initial: Counselor,
  v: CounselorFormValues,
  isDistrictAdmin: boolean,
): { ok: true; body: Partial<CounselorInput> } | { ok: false; error: string } {
  const staff = cleanStaffPart(v);
  if (!staff.ok) return staff;
  const body: Partial<CounselorInput> = {};
  if (staff.intro !== initial.intro) body.intro = staff.intro;
  if (staff.specialties.join('\u0000') !== initial.specialties.join('\u0000')) body.specialties = staff.specialties;
  if ((staff.photoUrl || null) !== (initial.photoUrl || null)) body.photoUrl = staff.photoUrl || null;
  if (!isDistrictAdmin) return { ok: true, body };

  const admin = cleanAdminPart(v);
  if (!admin.ok) return admin;
  for (const key of ['stationId', 'name', 'title', 'qualification', 'certificateNo'] as const) {
    if (admin.fields[key] !== initial[key]) body[key] = admin.fields[key];
  }
  if (admin.from !== (initial.credentialValidFrom || null)) body.credentialValidFrom = admin.from;
  if (admin.until !== (initial.credentialValidUntil || null)) body.credentialValidUntil = admin.until;
  if (v.active !== undefined && v.active !== initial.active) body.active = v.active;
  return { ok: true, body };
}
