import { Schema, model, type InferSchemaType } from 'mongoose';
import { isObjectId } from '../../http/schema-helpers';
import { maxChars } from '../../model-limits';

// A resident known by the WeChat openid of our mini-program. Nothing else personal is stored here.
const residentSchema = new Schema(
  {
    openid: { type: String, required: true, validate: maxChars(128) },
    createdAt: { type: Date, required: true, default: () => new Date() },
    lastLoginAt: { type: Date },
  },
  { versionKey: false, collection: 'residents' },
);
// One account per openid, also under concurrent first logins.
residentSchema.index({ openid: 1 }, { unique: true });

export type Resident = InferSchemaType<typeof residentSchema>;
export const ResidentModel = model('Resident', residentSchema);

/** The signed-in resident as routes see it: nothing personal, and the openid never. */
export interface CurrentResident { id: string; createdAt: Date }

/**
 * The account behind a resident token, or null when it is gone (after DELETE /me). One read per request, which
 * GET /me answers from as well.
 */
export async function findCurrentResident(id: string): Promise<CurrentResident | null> {
  if (!isObjectId(id)) return null;
  const doc = await ResidentModel.findById(id, { createdAt: 1 }).lean();
  return doc ? { id: String(doc._id), createdAt: doc.createdAt } : null;
}
