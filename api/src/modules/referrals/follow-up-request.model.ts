import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { sealedFieldSchema } from '../../security/field-cipher';

export const FOLLOW_UP_STATUSES = ['new', 'contacted', 'closed'] as const;

// A resident's request that a station contact them after a self-test. Phone and name are sealed at rest; the
// result context (scale, band, crisis) is what the station needs to prioritise. The station's handling of these
// requests is built on this model by the care issue.

const followUpRequestSchema = new Schema(
  {
    // With an Idempotency-Key the _id is derived from resident and key, so a double submit creates one request.
    _id: { type: String, default: () => new Types.ObjectId().toHexString() },
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    stationId: { type: Schema.Types.ObjectId, ref: 'Station', required: true },
    phone: { type: sealedFieldSchema, required: true },
    name: { type: sealedFieldSchema, default: null },
    scale: { type: String, required: true },
    bandKey: { type: String, default: null },
    urgent: { type: Boolean, required: true },
    crisis: { type: Boolean, required: true },
    status: { type: String, enum: FOLLOW_UP_STATUSES, required: true, default: 'new' },
    consentPolicyVersion: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'follow_up_requests' },
);
// A station's inbox, newest first, and a resident's own requests.
followUpRequestSchema.index({ stationId: 1, status: 1, createdAt: -1 });
followUpRequestSchema.index({ residentId: 1, createdAt: -1 });

export type FollowUpRequest = InferSchemaType<typeof followUpRequestSchema>;
export const FollowUpRequestModel = model('FollowUpRequest', followUpRequestSchema);
