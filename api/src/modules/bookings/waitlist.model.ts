import { Schema, model, type InferSchemaType } from 'mongoose';
import { SERVICES } from '../availability/slot-generation';

// A resident waiting for a seat at a station on a date (optionally a service or a counselor). The _id is derived
// from those, so joining twice is one entry. When a seat frees, each waiting entry is told once (notification key
// includes joinedAt, so re-joining after being told can be told again).
const waitlistSchema = new Schema(
  {
    _id: { type: String, required: true },
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    stationId: { type: Schema.Types.ObjectId, ref: 'Station', required: true },
    date: { type: String, required: true },
    service: { type: String, enum: [...SERVICES, null], default: null },
    counselorId: { type: String, default: null },
    status: { type: String, enum: ['waiting', 'notified'], required: true, default: 'waiting' },
    joinedAt: { type: Date, required: true },
    notifiedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'booking_waitlist' },
);
waitlistSchema.index({ stationId: 1, date: 1, status: 1 });
waitlistSchema.index({ residentId: 1, date: 1 });

export type WaitlistEntry = InferSchemaType<typeof waitlistSchema>;
export const WaitlistModel = model('BookingWaitlist', waitlistSchema);
