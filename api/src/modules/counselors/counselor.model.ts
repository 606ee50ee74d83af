import { Schema, model, type InferSchemaType } from 'mongoose';
import { EXCEPTION_KINDS, ONE_TO_ONE_SERVICES } from '../availability/slot-generation';
import { maxChars } from '../../model-limits';

const weeklySchema = new Schema(
  { weekday: { type: Number, required: true }, start: { type: String, required: true }, end: { type: String, required: true }, services: { type: [{ type: String, enum: ONE_TO_ONE_SERVICES }], required: true } },
  { _id: false },
);
const groupSchema = new Schema(
  { weekday: { type: Number, required: true }, start: { type: String, required: true }, end: { type: String, required: true }, capacity: { type: Number, required: true }, title: { type: String, required: true, validate: maxChars(30) } },
  { _id: false },
);
const scheduleSchema = new Schema(
  {
    sessionMinutes: { type: Number, required: true, default: 50 },
    familySessionMinutes: { type: Number, required: true, default: 80 },
    bufferMinutes: { type: Number, required: true, default: 10 },
    weekly: { type: [weeklySchema], default: [] },
    groups: { type: [groupSchema], default: [] },
  },
  { _id: false },
);

// A counselor working at one station. Bookable only when active, verified by a district admin and within the
// credential's validity dates (China dates, 'YYYY-MM-DD').
const counselorSchema = new Schema(
  {
    stationId: { type: Schema.Types.ObjectId, ref: 'Station', required: true },
    name: { type: String, required: true, validate: maxChars(20) },
    title: { type: String, validate: maxChars(30), default: '心理咨询师' },
    qualification: { type: String, validate: maxChars(60), default: '' },
    certificateNo: { type: String, validate: maxChars(40), default: '' },
    verified: { type: Boolean, required: true, default: false },
    verifiedAt: { type: Date, default: null },
    verifiedBy: { type: String, default: null },
    credentialValidFrom: { type: String, default: null },
    credentialValidUntil: { type: String, default: null },
    specialties: { type: [String], default: [] },
    intro: { type: String, validate: maxChars(1000), default: '' },
    photoMediaId: { type: String, default: null },
    photoUrl: { type: String, default: null },
    active: { type: Boolean, required: true, default: true },
    schedule: { type: scheduleSchema, default: () => ({}) },
    seedKey: { type: String, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
    updatedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'counselors' },
);
counselorSchema.index({ stationId: 1 });

export type Counselor = InferSchemaType<typeof counselorSchema>;
export const CounselorModel = model('Counselor', counselorSchema);

// One date's change to a counselor's weekly template: a holiday, leave (whole day or hours) or extra hours.
const exceptionSchema = new Schema(
  {
    counselorId: { type: Schema.Types.ObjectId, ref: 'Counselor', required: true },
    date: { type: String, required: true },
    kind: { type: String, enum: EXCEPTION_KINDS, required: true },
    start: { type: String, default: null },
    end: { type: String, default: null },
    services: { type: [{ type: String, enum: ONE_TO_ONE_SERVICES }], default: [] },
    note: { type: String, validate: maxChars(100), default: '' },
    createdBy: { type: String, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'counselor_exceptions' },
);
exceptionSchema.index({ counselorId: 1, date: 1 });

export type CounselorException = InferSchemaType<typeof exceptionSchema>;
export const CounselorExceptionModel = model('CounselorException', exceptionSchema);
