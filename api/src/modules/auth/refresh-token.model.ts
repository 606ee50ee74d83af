import { Schema, model, type InferSchemaType } from 'mongoose';

// A refresh token, stored only as its SHA-256 (the _id). It can be spent once: the atomic claim
// { _id, usedAt: null } → usedAt = now makes a second use detectable, which revokes the whole family.
const refreshTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    sessionId: { type: Schema.Types.ObjectId, ref: 'StaffSession', required: true },
    staffId: { type: Schema.Types.ObjectId, ref: 'Staff', required: true },
    issuedAt: { type: Date, required: true, default: () => new Date() },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'refresh_tokens' },
);
// Revoking or cleaning up a family.
refreshTokenSchema.index({ sessionId: 1 });

export type RefreshToken = InferSchemaType<typeof refreshTokenSchema>;
export const RefreshTokenModel = model('RefreshToken', refreshTokenSchema);
