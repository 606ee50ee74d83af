import { Schema, model, type InferSchemaType } from 'mongoose';
import { maxChars } from '../../model-limits';

export const NOTICE_KINDS = ['credential_expiring', 'credential_lapsed'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

// A notice for station staff and district admins (in the admin site's bell). The _id is derived from what the notice
// is about (kind, counselor, credential period), so of two API instances sweeping at once exactly one insert wins and
// the notice exists once. Notices are about staff-side facts only: they never carry resident data.
const staffNoticeSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: NOTICE_KINDS, required: true },
    // Who may see it: staff whose scope includes this station (district admins see all).
    stationId: { type: Schema.Types.ObjectId, ref: 'Station', required: true },
    counselorId: { type: Schema.Types.ObjectId, ref: 'Counselor', required: true },
    // The credential period the notice is about; a renewed credential is a new period with its own notices.
    credentialValidFrom: { type: String, default: null },
    credentialValidUntil: { type: String, default: null },
    title: { type: String, required: true, validate: maxChars(40) },
    body: { type: String, required: true, validate: maxChars(300) },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'staff_notices' },
);
staffNoticeSchema.index({ stationId: 1, createdAt: -1 });
staffNoticeSchema.index({ createdAt: -1 });

export type StaffNotice = InferSchemaType<typeof staffNoticeSchema> & { _id: string };
export const StaffNoticeModel = model('StaffNotice', staffNoticeSchema);

// "Staff member X has read notice N": one document per pair, _id `${noticeId}:${staffId}`, so reading twice (or on
// two tabs at once) is one insert that wins and one duplicate that is ignored. Unread = notices in scope − these.
const staffNoticeReadSchema = new Schema(
  {
    _id: { type: String, required: true },
    noticeId: { type: String, required: true },
    staffId: { type: String, required: true },
    readAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'staff_notice_reads' },
);
staffNoticeReadSchema.index({ staffId: 1, noticeId: 1 });

export const StaffNoticeReadModel = model('StaffNoticeRead', staffNoticeReadSchema);
