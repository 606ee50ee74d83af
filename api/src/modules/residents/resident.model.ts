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

/** Whether the account behind a resident token still exists (it is gone after DELETE /me). */
export async function residentExists(id: string): Promise<boolean> {
  return isObjectId(id) && (await ResidentModel.exists({ _id: id })) !== null;
}
