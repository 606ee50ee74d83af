import { Schema, model } from 'mongoose';

// One document per password change, keyed by the account and the password being replaced (a digest of its
// salted hash). Inserting it is the lock: of concurrent changes from the same password exactly one gets the
// unique _id (a guarded update would not be atomic on FerretDB v1); the others are told it already changed.
const passwordChangeSchema = new Schema(
  {
    _id: { type: String, required: true },
    staffId: { type: Schema.Types.ObjectId, ref: 'Staff', required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'password_changes' },
);

export const PasswordChangeModel = model('PasswordChange', passwordChangeSchema);
