import { Schema, model, type InferSchemaType } from 'mongoose';

// One staff sign-in: the family of refresh tokens issued from one password login. Revoking it ends the
// session everywhere: refresh is refused and access tokens carrying its id stop working at once.
const staffSessionSchema = new Schema(
  {
    staffId: { type: Schema.Types.ObjectId, ref: 'Staff', required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    lastUsedAt: { type: Date, required: true, default: () => new Date() },
    revokedAt: { type: Date, default: null },
    revokedReason: { type: String, enum: ['logout', 'refresh_reuse', 'idle', 'expired', 'admin', null], default: null },
    ip: { type: String },
    userAgent: { type: String, maxlength: 256 },
  },
  { versionKey: false, collection: 'staff_sessions' },
);
// Listing and revoking all sessions of one staff member (password change, account disabled).
staffSessionSchema.index({ staffId: 1, createdAt: -1 });

export type StaffSession = InferSchemaType<typeof staffSessionSchema>;
export const StaffSessionModel = model('StaffSession', staffSessionSchema);
