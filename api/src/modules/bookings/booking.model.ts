import { Schema, model, type InferSchemaType } from 'mongoose';
import { SERVICES } from '../availability/slot-generation';
import { sealedFieldSchema } from '../../security/field-cipher';
import { maxChars } from '../../model-limits';

export const BOOKING_STATUSES = ['pending', 'confirmed', 'checked_in', 'completed', 'no_show', 'cancelled_by_resident', 'cancelled_by_station'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const TERMINAL_STATUSES: readonly BookingStatus[] = ['completed', 'no_show', 'cancelled_by_resident', 'cancelled_by_station'];
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed', 'checked_in'];

const forOtherSchema = new Schema(
  { relationship: { type: String, required: true, validate: maxChars(10) }, name: { type: sealedFieldSchema, required: true }, phone: { type: sealedFieldSchema, required: true } },
  { _id: false },
);

// One counseling booking. Its time is held by claim documents (booking-claim.model.ts), never by this document: the
// status here only says what happened. `claiming` is the short state while the claims are being inserted; such a
// booking is invisible to everyone (and cleaned up by the sweep if a crash leaves one behind).
// Contact details, topic, notes and reasons are sealed at rest.
const bookingSchema = new Schema(
  {
    _id: { type: String, required: true },
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    stationId: { type: Schema.Types.ObjectId, ref: 'Station', required: true },
    counselorId: { type: Schema.Types.ObjectId, ref: 'Counselor', default: null },
    service: { type: String, enum: SERVICES, required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    bufferMinutes: { type: Number, required: true, default: 0 },
    seat: { type: Number, default: null },
    // Ids of the claims this booking owns (resident slot, resident cells, counselor cells or seat).
    claimIds: { type: [String], default: [] },
    status: { type: String, enum: [...BOOKING_STATUSES, 'claiming'], required: true },
    version: { type: Number, required: true, default: 0 },
    contactName: { type: sealedFieldSchema, required: true },
    contactPhone: { type: sealedFieldSchema, required: true },
    forOther: { type: forOtherSchema, default: null },
    topic: { type: sealedFieldSchema, default: null },
    notes: { type: sealedFieldSchema, default: null },
    cancelReason: { type: sealedFieldSchema, default: null },
    consentPolicyVersion: { type: String, required: true },
    // When the current start time was chosen: a reminder goes out only if that was more than a day before.
    scheduledAt: { type: Date, required: true },
    reminderSentAt: { type: Date, default: null },
    // Set by the retention purge (booking-retention.ts): contact details, topic, notes and the link to the resident
    // are gone; station, counselor, time, service, status and the rating score stay for statistics.
    anonymizedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'bookings' },
);
bookingSchema.index({ residentId: 1, start: -1 });
bookingSchema.index({ stationId: 1, start: 1 });
bookingSchema.index({ updatedAt: 1 });
bookingSchema.index({ status: 1, start: 1 });
bookingSchema.index({ anonymizedAt: 1, end: 1 });

export type Booking = InferSchemaType<typeof bookingSchema>;
export const BookingModel = model('Booking', bookingSchema);

// Append-only history, one document per version. Inserting `${bookingId}:v${n}` is how a status change wins: two
// concurrent changes of version n−1 both try to insert v n, and the unique _id lets exactly one through. This is the
// compare-and-swap FerretDB v1 cannot do with a guarded update.
const transitionSchema = new Schema(
  {
    _id: { type: String, required: true },
    bookingId: { type: String, required: true },
    version: { type: Number, required: true },
    from: { type: String, default: null },
    to: { type: String, required: true },
    actor: { type: String, enum: ['resident', 'staff', 'system'], required: true },
    actorId: { type: String, default: null },
    // For reschedules: the new start.
    start: { type: Date, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'booking_transitions' },
);
transitionSchema.index({ bookingId: 1, version: 1 });

export const BookingTransitionModel = model('BookingTransition', transitionSchema);

/** Status of a booking whose claims are still being inserted. */
export const CLAIMING = 'claiming';
