import { Schema, model } from 'mongoose';

// One document per wrong password. Lockout is derived from these (see lockout.ts) instead of a counter,
// because concurrent $inc loses updates on FerretDB v1 while inserts never do.
const loginFailureSchema = new Schema(
  {
    staffId: { type: Schema.Types.ObjectId, ref: 'Staff', required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'login_failures' },
);
// Reading one account's recent failures.
loginFailureSchema.index({ staffId: 1, at: 1 });

export const LoginFailureModel = model('LoginFailure', loginFailureSchema);
