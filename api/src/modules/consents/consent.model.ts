import { Schema, model, type InferSchemaType } from 'mongoose';

export const CONSENT_PURPOSES = ['store_results', 'referral_contact', 'booking_contact'] as const;

// A resident's separate consent (PIPL Art. 29) for one purpose, with the policy version they agreed to and when.
// Withdrawing stamps withdrawnAt; the record itself stays as evidence of what was agreed and when.
const consentSchema = new Schema(
  {
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    purpose: { type: String, enum: CONSENT_PURPOSES, required: true },
    policyVersion: { type: String, required: true },
    grantedAt: { type: Date, required: true, default: () => new Date() },
    withdrawnAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'consents' },
);
// "Does this resident currently consent to this purpose?"
consentSchema.index({ residentId: 1, purpose: 1, withdrawnAt: 1 });

export type Consent = InferSchemaType<typeof consentSchema>;
export const ConsentModel = model('Consent', consentSchema);
