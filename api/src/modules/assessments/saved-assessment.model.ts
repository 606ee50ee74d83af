import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { sealedFieldSchema } from '../../security/field-cipher';

// A self-test result a resident chose to keep (with store_results consent). The answers are sensitive personal
// information and are stored only sealed (AES-256-GCM, see security/field-cipher.ts).

const savedAssessmentSchema = new Schema(
  {
    // With an Idempotency-Key the _id is derived from resident and key, so a resend saves once.
    _id: { type: String, default: () => new Types.ObjectId().toHexString() },
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    scale: { type: String, required: true },
    version: { type: String, required: true },
    total: { type: Number, required: true },
    bandKey: { type: String, default: null },
    bandLabel: { type: String, default: null },
    urgent: { type: Boolean, required: true },
    crisis: { type: Boolean, required: true },
    answers: { type: sealedFieldSchema, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'saved_assessments' },
);
// A resident's history, newest first.
savedAssessmentSchema.index({ residentId: 1, createdAt: -1 });

export type SavedAssessment = InferSchemaType<typeof savedAssessmentSchema>;
export const SavedAssessmentModel = model('SavedAssessment', savedAssessmentSchema);
