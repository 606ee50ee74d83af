import { Schema, model, type InferSchemaType } from 'mongoose';
import { sealedFieldSchema } from '../../security/field-cipher';
import { maxChars } from '../../model-limits';

export const ACTIVITY_KINDS = ['group_counseling', 'lecture', 'checkup', 'other'] as const;
export const ACTIVITY_STATUSES = ['published', 'cancelled'] as const;

// Something a station runs for many residents at once (group counseling, a lecture, a check-up day). Seats are
// held by seat claims (`act:${id}:seat:${n}`), exactly like group sessions; `seats` is the capacity.
const activitySchema = new Schema(
  {
    stationId: { type: Schema.Types.ObjectId, ref: 'Station', required: true },
    kind: { type: String, enum: ACTIVITY_KINDS, required: true },
    title: { type: String, required: true, validate: maxChars(60) },
    description: { type: String, validate: maxChars(2000), default: '' },
    place: { type: String, validate: maxChars(100), default: '' },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    seats: { type: Number, required: true, min: 1, max: 500 },
    status: { type: String, enum: ACTIVITY_STATUSES, required: true, default: 'published' },
    createdBy: { type: String, default: null },
    seedKey: { type: String, default: null },
    // Set by the retention purge once every registration of this (long ended) activity is anonymized, so later
    // purges skip it; the activity itself and its seats stay as they were.
    registrationsAnonymizedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
    updatedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'activities' },
);
activitySchema.index({ stationId: 1, start: 1 });
activitySchema.index({ status: 1, start: 1 });
activitySchema.index({ registrationsAnonymizedAt: 1, end: 1 });

export type Activity = InferSchemaType<typeof activitySchema>;
export const ActivityModel = model('Activity', activitySchema);

// A resident's registration. _id from resident + Idempotency-Key; one registration per resident and activity is
// held by the claim `act:${activityId}:resident:${residentId}`. Name and phone are sealed. After account deletion
// or the retention period (activity-retention.ts) name and phone are gone and the resident link is cut.
const registrationSchema = new Schema(
  {
    _id: { type: String, required: true },
    activityId: { type: Schema.Types.ObjectId, ref: 'Activity', required: true },
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    seat: { type: Number, required: true },
    status: { type: String, enum: ['registered', 'cancelled'], required: true, default: 'registered' },
    name: { type: sealedFieldSchema, required: true },
    phone: { type: sealedFieldSchema, required: true },
    claimIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true, default: () => new Date() },
    cancelledAt: { type: Date, default: null },
    anonymizedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'activity_registrations' },
);
registrationSchema.index({ activityId: 1, status: 1 });
registrationSchema.index({ residentId: 1, createdAt: -1 });

export type ActivityRegistration = InferSchemaType<typeof registrationSchema>;
export const ActivityRegistrationModel = model('ActivityRegistration', registrationSchema);
