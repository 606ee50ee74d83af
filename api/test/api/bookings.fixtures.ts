// Shared helpers of the booking API tests (stations, counselors, bookings, messages, activities).
import crypto from 'node:crypto';
import { Types } from 'mongoose';
import { addDays, atChinaTime, chinaDateOf } from '../../src/modules/availability/china-time';
import type { ScheduleSpec } from '../../src/modules/availability/slot-generation';
import { CounselorModel } from '../../src/modules/counselors/counselor.model';
import { ResidentModel } from '../../src/modules/residents/resident.model';
import { StationModel } from '../../src/modules/stations/station.model';
import { seedStationId } from '../../src/modules/stations/stations.service';
import type { TestApi } from '../support/api';

export const sid = (key: string) => String(seedStationId(key));

let seq = 0;
export async function resident(api: TestApi, openid = `o-bk-${process.pid}-${Date.now()}-${seq++}`) {
  const res = await api.request('POST', '/api/v1/auth/dev-login', { body: { openid } });
  if (res.status !== 200) throw new Error(`dev-login ${res.status} ${res.text}`);
  const token = res.body.token as string;
  const id = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string;
  const doc = await ResidentModel.findById(id).lean();
  return { token, id, openid: doc!.openid };
}

export type Resident = Awaited<ReturnType<typeof resident>>;

/** Many residents at once, straight into the database with signed tokens (a crowd for the concurrency tests). */
export async function residents(api: TestApi, n: number): Promise<Resident[]> {
  const docs = await ResidentModel.insertMany(Array.from({ length: n }, () => ({ openid: `o-crowd-${crypto.randomBytes(8).toString('hex')}` })));
  return docs.map((d) => ({ id: String(d._id), openid: d.openid, token: api.services.tokens.signResident(String(d._id)) }));
}

/** Every day 09:00–17:00, 50-minute sessions + 10-minute buffer: slots on the hour. */
export const EVERY_DAY: ScheduleSpec = {
  sessionMinutes: 50, familySessionMinutes: 80, bufferMinutes: 10,
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00', services: ['individual', 'family'] as Array<'individual' | 'family'> })),
  groups: [],
};

/** A verified counselor of its own, so a test's bookings never meet another test's. */
export async function makeCounselor(stationKey: string, schedule: ScheduleSpec = EVERY_DAY, extra: Record<string, unknown> = {}) {
  const doc = await CounselorModel.create({
    stationId: seedStationId(stationKey), name: `测试${crypto.randomBytes(2).toString('hex')}`, qualification: '国家二级心理咨询师',
    certificateNo: 'T-1', verified: true, verifiedAt: new Date(), credentialValidFrom: '2020-01-01', credentialValidUntil: '2099-12-31',
    schedule, ...extra,
  });
  return String(doc._id);
}

/** A China date `days` from today and the instant of `time` on it. */
export function chinaDay(days: number): string {
  return addDays(chinaDateOf(new Date()), days);
}
export function at(days: number, time: string): string {
  return atChinaTime(chinaDay(days), time).toISOString();
}

export function bookingBody(stationKey: string, counselorId: string, start: string, over: Record<string, unknown> = {}) {
  return { stationId: sid(stationKey), counselorId, service: 'individual', start, name: '张三', phone: '13800138000', consent: true, ...over };
}

export const key = () => crypto.randomUUID();

export function book(api: TestApi, who: { token: string }, body: unknown, idempotencyKey: string | null = key()) {
  return api.request('POST', '/api/v1/bookings', { token: who.token, body, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {} });
}

export async function setPolicy(stationKey: string, policy: Record<string, number | null>) {
  const set = Object.fromEntries(Object.entries(policy).map(([k, v]) => [`policy.${k}`, v]));
  await StationModel.updateOne({ _id: seedStationId(stationKey) }, { $set: set });
}

export { Types };
