import { z } from 'zod';
import { EXCEPTION_KINDS, ONE_TO_ONE_SERVICES, SERVICES } from '../availability/slot-generation';
import { isChinaDate, parseClock } from '../availability/china-time';
import { objectId } from '../../http/schema-helpers';

export const counselorIdParams = z.object({ id: objectId('咨询师编号格式不正确') });
// The pattern states the whole rule in OpenAPI (years 1900–2099, days that exist, 29 February in leap years only);
// the refine is the same rule in code, kept as the check of record.
const DATE_PATTERN = /^(?:(?:19|20)\d{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26]))-02-29)$/;
export const chinaDate = z.string().regex(DATE_PATTERN, '日期格式应为 YYYY-MM-DD').refine(isChinaDate, '日期格式应为 YYYY-MM-DD');
// Slots and claims use a 15-minute grid, so schedule times sit on it.
export const clock = z.string().regex(/^([01]\d|2[0-3]):(00|15|30|45)$/, '时间格式应为 HH:MM，且为整刻钟');
const weekday = z.number().int().min(1).max(7);
const oneToOne = z.array(z.enum(ONE_TO_ONE_SERVICES)).min(1).max(2).refine((s) => new Set(s).size === s.length, '服务项目重复');
// Runs even when a time itself is malformed (that field reports its own error), so it must not throw.
const ordered = (w: { start: string; end: string }) => {
  const valid = (t: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t);
  return !valid(w.start) || !valid(w.end) || parseClock(w.start) < parseClock(w.end);
};

export const scheduleBody = z.object({
  sessionMinutes: z.number().int().min(30).max(120),
  familySessionMinutes: z.number().int().min(30).max(180),
  bufferMinutes: z.number().int().min(0).max(60),
  weekly: z.array(z.strictObject({ weekday, start: clock, end: clock, services: oneToOne }).refine(ordered, '结束时间需晚于开始时间')).max(50),
  groups: z.array(z.strictObject({ weekday, start: clock, end: clock, capacity: z.number().int().min(2).max(50), title: z.string().max(30).trim().min(1) }).refine(ordered, '结束时间需晚于开始时间')).max(20),
});

export const scheduleView = scheduleBody;

const ratingView = z.object({ count: z.number().int(), average: z.number().nullable() });

export const counselorView = z.object({
  id: z.string(), stationId: z.string(), name: z.string(), title: z.string(), qualification: z.string(),
  specialties: z.array(z.string()), intro: z.string(), photoUrl: z.string().nullable(), verified: z.boolean(),
  services: z.array(z.enum(SERVICES)), bookable: z.boolean(), rating: ratingView,
});

export const counselorAdminView = counselorView.extend({
  certificateNo: z.string(), credentialValidFrom: z.string().nullable(), credentialValidUntil: z.string().nullable(),
  credentialStatus: z.enum(['valid', 'expiring', 'lapsed', 'missing']), active: z.boolean(),
  photoMediaId: z.string().nullable(), verifiedAt: z.string().nullable(), schedule: scheduleView,
});

const photoUrl = z.string().max(500).trim().regex(/^(https:\/\/|\/)[^\s<>"']*$/, '照片地址需为 https 链接或站内路径');

const counselorFields = {
  name: z.string().max(20).trim().min(1),
  title: z.string().max(30).trim(),
  qualification: z.string().max(60).trim(),
  certificateNo: z.string().max(40).trim(),
  credentialValidFrom: chinaDate.nullable(),
  credentialValidUntil: chinaDate.nullable(),
  specialties: z.array(z.string().max(20).trim().min(1)).max(10),
  intro: z.string().max(1000).trim(),
  photoMediaId: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/).nullable(),
  photoUrl: photoUrl.nullable(),
};

export const counselorCreateBody = z.object({
  stationId: objectId('站点编号格式不正确'),
  ...counselorFields,
  title: counselorFields.title.optional(),
  qualification: counselorFields.qualification.optional(),
  certificateNo: counselorFields.certificateNo.optional(),
  credentialValidFrom: counselorFields.credentialValidFrom.optional(),
  credentialValidUntil: counselorFields.credentialValidUntil.optional(),
  specialties: counselorFields.specialties.optional(),
  intro: counselorFields.intro.optional(),
  photoMediaId: counselorFields.photoMediaId.optional(),
  photoUrl: counselorFields.photoUrl.optional(),
  schedule: scheduleBody.strict().optional(),
});

export const counselorPatchBody = z.object({
  stationId: objectId('站点编号格式不正确').optional(),
  active: z.boolean().optional(),
  ...Object.fromEntries(Object.entries(counselorFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof counselorFields]: z.ZodOptional<(typeof counselorFields)[K]> },
});
/** What station staff may change about a counselor of their own station; the rest is the district admin's. */
export const STATION_EDITABLE_COUNSELOR_FIELDS = ['intro', 'specialties', 'photoMediaId', 'photoUrl'] as const;

export const exceptionBody = z.object({
  date: chinaDate,
  kind: z.enum(EXCEPTION_KINDS),
  start: clock.optional(),
  end: clock.optional(),
  services: z.array(z.enum(ONE_TO_ONE_SERVICES)).max(2).optional(),
  note: z.string().max(100).trim().optional(),
});

export const exceptionView = z.object({
  id: z.string(), counselorId: z.string(), date: z.string(), kind: z.enum(EXCEPTION_KINDS),
  start: z.string().nullable(), end: z.string().nullable(), services: z.array(z.enum(ONE_TO_ONE_SERVICES)), note: z.string(),
});

export const credentialStatusEnum = z.enum(['valid', 'expiring', 'lapsed', 'missing']);
