import { Schema, model, type InferSchemaType } from 'mongoose';

// A refresh token, stored only as its SHA-256 (the _id).
const refreshTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    sessionId: { type: Schema.Types.ObjectId, ref: 'StaffSession', required: true },
    staffId: { type: Schema.Types.ObjectId, ref: 'Staff', required: true },
    issuedAt: { type: Date, required: true, default: () => new Date() },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'refresh_tokens' },
);
// Revoking or cleaning up a family.
refreshTokenSchema.index({ sessionId: 1 });

// Spending a token inserts a claim whose _id is the token's hash. The unique _id makes "spent exactly once"
// hold under concurrency on MongoDB and on FerretDB v1, where a guarded findOneAndUpdate is not atomic.
const refreshTokenSpendSchema = new Schema(
  {
    _id: { type: String, required: true },
    sessionId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'refresh_token_spends' },
);

export type RefreshToken = InferSchemaType<typeof refreshTokenSchema>;
export const RefreshTokenModel = model('RefreshToken', refreshTokenSchema);
export const RefreshTokenSpendModel = model('RefreshTokenSpend', refreshTokenSpendSchema);
