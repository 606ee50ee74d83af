import { Schema, model } from 'mongoose';

export const CLAIM_KINDS = ['cell', 'group_cell', 'seat', 'resident_cell', 'resident_slot', 'registration', 'guard'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

// One claimed unit of something that must never be given twice. The _id is the natural key of the unit:
//   `${counselorId}:${cellStartISO}`        a counselor's 15-minute cell (bookings, blocks, group sessions)
//   `${sessionKey}:seat:${n}`               seat n of a group session or an activity
//   `resident:${residentId}:${cellStartISO}` a resident's own time (no two overlapping bookings)
//   `resident:${residentId}:slot:${n}`      one of the resident's upcoming-booking slots (at most 2)
//   `act:${activityId}:resident:${residentId}` the resident's one registration for an activity
//   `once:${key}`                           a one-time guard (see claims.ts `once`)
// Inserting it is the claim: the unique _id lets exactly one insert win on MongoDB and on FerretDB, whatever the
// concurrency. Deleting it frees the unit. `owner` is the booking, block, group session or registration holding it.
const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    kind: { type: String, required: true },
    resource: { type: String, required: true },
    at: { type: Date, default: null },
    // For resident slots: when the booking holding it ends (after that the slot may be taken back).
    until: { type: Date, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'booking_claims' },
);
claimSchema.index({ resource: 1, at: 1 });
claimSchema.index({ owner: 1 });

export const ClaimModel = model('BookingClaim', claimSchema);
