import mongoose, { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { maxChars } from '../../model-limits';

// One staff sign-in: the family of refresh tokens issued from one password login. Revoking it ends the
// session everywhere: refresh is refused and access tokens carrying its id stop working at once.
const staffSessionSchema = new Schema(
  {
    staffId: { type: Schema.Types.ObjectId, ref: 'Staff', required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    lastUsedAt: { type: Date, required: true, default: () => new Date() },
    revokedAt: { type: Date, default: null },
    revokedReason: { type: String, enum: ['logout', 'refresh_reuse', 'idle', 'expired', 'admin', 'password_change', null], default: null },
    ip: { type: String },
    userAgent: { type: String, validate: maxChars(256) },
  },
  { versionKey: false, collection: 'staff_sessions' },
);
// Listing and revoking all sessions of one staff member (password change, account disabled).
staffSessionSchema.index({ staffId: 1, createdAt: -1 });

export type StaffSession = InferSchemaType<typeof staffSessionSchema>;
export const StaffSessionModel = model('StaffSession', staffSessionSchema);

/**
 * Ends every live session of one staff member, except `keep` (the session that changed its own password).
 * Their refresh tokens stop working with them: refresh checks the session. Returns how many were ended.
 */
export async function revokeSessionsOf(staffId: Types.ObjectId | string, reason: 'admin' | 'password_change', keep?: string): Promise<number> {
  const filter: Record<string, unknown> = { staffId, revokedAt: null };
  if (keep) filter._id = mongoose.trusted({ $ne: new Types.ObjectId(keep) });
  const res = await StaffSessionModel.updateMany(filter, { $set: { revokedAt: new Date(), revokedReason: reason } });
  return res.modifiedCount;
}
