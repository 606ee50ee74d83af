import { z } from 'zod';
import { objectId, pageQuery, prefixedId } from '../../http/schema-helpers';
import { SERVICES } from '../availability/slot-generation';
import { chinaDate } from '../counselors/counselors.schemas';
import { BOOKING_STATUSES } from './booking.model';

// Mainland mobile numbers, or a landline with area code (e.g. 0519-80000000).
export const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号或带区号的固定电话');
export const personName = z.string().max(20, '姓名最多 20 个字').trim().min(1, '请填写姓名');
export const instant = z.string().datetime({ offset: true, message: '时间格式不正确' }).refine((v) => !Number.isNaN(Date.parse(v)), '时间格式不正确');
export const bookingId = prefixedId('bk', '预约编号格式不正确');
export const bookingIdParams = z.object({ id: bookingId });
export const serviceEnum = z.enum(SERVICES);
export const statusEnum = z.enum(BOOKING_STATUSES);

export const bookingBody = z.object({
  stationId: objectId('站点编号格式不正确'),
  counselorId: z.union([z.literal('any'), objectId('咨询师编号格式不正确')]),
  service: serviceEnum,
  start: instant,
  name: personName,
  phone,
  consent: z.literal(true, { message: '需要你同意把姓名和电话交给站点，才能预约' }),
  policyVersion: z.string().max(32).optional(),
  topic: z.string().max(200, '想聊的话题最多 200 个字').trim().optional(),
  forOther: z.strictObject({
    relationship: z.string().max(10).trim().min(1, '请填写与你的关系'),
    name: personName,
    phone,
    agreed: z.literal(true, { message: '为家人预约需要对方同意' }),
  }).optional(),
});

export const rescheduleBody = z.object({ start: instant, counselorId: z.union([z.literal('any'), objectId('咨询师编号格式不正确')]).optional() });

const contact = z.object({ name: z.string(), phone: z.string() });
export const bookingView = z.object({
  id: z.string(), status: statusEnum, version: z.number().int(),
  stationId: z.string(), stationName: z.string(), stationAddress: z.string(), stationPhone: z.string(),
  counselorId: z.string(), counselorName: z.string(),
  service: serviceEnum, start: z.string(), end: z.string(), seat: z.number().int().nullable(),
  topic: z.string().nullable(), contact, forOther: contact.extend({ relationship: z.string() }).nullable(),
  cancelReason: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  canCancel: z.boolean(), canReschedule: z.boolean(), canRate: z.boolean(),
  rating: z.object({ score: z.number().int(), comment: z.string() }).nullable(),
});
export const adminBookingView = bookingView.extend({
  notes: z.string(),
  history: z.array(z.object({ version: z.number().int(), from: statusEnum.nullable(), to: statusEnum, at: z.string(), actor: z.enum(['resident', 'staff', 'system']), start: z.string().nullable() })),
});

export const slotView = z.object({
  start: z.string(), end: z.string(), counselorId: z.string(), counselorName: z.string(), service: serviceEnum,
  capacity: z.number().int(), remaining: z.number().int(), title: z.string().optional(),
});

export const adminBookingQuery = z.object({
  stationId: objectId('站点编号格式不正确').optional(),
  status: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/).transform((s) => s.split(',')).pipe(z.array(statusEnum).max(7)).optional(),
  from: chinaDate.optional(),
  to: chinaDate.optional(),
  counselorId: objectId('咨询师编号格式不正确').optional(),
  ...pageQuery(),
});

export const waitlistBody = z.object({ stationId: objectId('站点编号格式不正确'), date: chinaDate, service: serviceEnum.optional(), counselorId: objectId('咨询师编号格式不正确').optional() });
export const waitlistView = z.object({
  id: z.string(), stationId: z.string(), stationName: z.string(), date: z.string(), service: serviceEnum.nullable(), counselorId: z.string().nullable(),
  status: z.enum(['waiting', 'notified']), createdAt: z.string(),
});

export const blockBody = z.object({ counselorId: objectId('咨询师编号格式不正确'), start: instant, end: instant, reason: z.string().max(100).trim().optional() });
export const blockView = z.object({ id: z.string(), counselorId: z.string(), stationId: z.string(), start: z.string(), end: z.string(), reason: z.string() });
