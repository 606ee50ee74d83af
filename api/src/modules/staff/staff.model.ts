import { Schema, model, type InferSchemaType } from 'mongoose';
import { ROLES } from '../../http/route';
import { maxChars } from '../../model-limits';

const staffSchema = new Schema(
  {
    username: { type: String, required: true, validate: maxChars(64) },
    usernameLower: { type: String, required: true, validate: maxChars(64) },
    displayName: { type: String, required: true, validate: maxChars(64) },
    role: { type: String, enum: ROLES, required: true },
    // station_staff act for this station and the stations under it.
    stationId: { type: Schema.Types.ObjectId, ref: 'Station', default: null },
    passwordHash: { type: String, required: true },
    passwordChangedAt: { type: Date, required: true, default: () => new Date() },
    // Set when the password was chosen or seen by someone else (one-time password from a district admin, the first
    // admin's password): the account may then do nothing but change it (see auth/password-change-gate.ts).
    mustChangePassword: { type: Boolean, required: true, default: false },
    disabled: { type: Boolean, required: true, default: false },
    demo: { type: Boolean, required: true, default: false },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'staff' },
);
// Usernames are unique regardless of case (MLPS: unique identities).
staffSchema.index({ usernameLower: 1 }, { unique: true });

export type Staff = InferSchemaType<typeof staffSchema>;
export const StaffModel = model('Staff', staffSchema);
