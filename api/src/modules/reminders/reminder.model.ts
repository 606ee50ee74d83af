import { Schema, model, type InferSchemaType } from 'mongoose';

export const REMINDER_STATUSES = ['pending', 'sent', 'refused', 'failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

// A resident's request to be reminded to retake a self-test. Each one stands for one one-time subscribe-message
// credit the mini-program obtained with wx.requestSubscribeMessage, so it is sent at most once.
const reminderSchema = new Schema(
  {
    // Derived from resident, scale and the day it was asked for, so a double tap records one reminder
    // (insert with a unique _id is atomic on FerretDB v1 as on MongoDB).
    _id: { type: String, required: true },
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    scale: { type: String, required: true },
    dueAt: { type: Date, required: true },
    status: { type: String, enum: REMINDER_STATUSES, required: true, default: 'pending' },
    createdAt: { type: Date, required: true, default: () => new Date() },
    finishedAt: { type: Date, default: null },
    // WeChat errcode of a failed send (never the message or the token).
    errcode: { type: Number, default: null },
  },
  { versionKey: false, collection: 'retest_reminders' },
);
// The due sweep: pending reminders whose time has come.
reminderSchema.index({ status: 1, dueAt: 1 });
// A resident's own list.
reminderSchema.index({ residentId: 1, createdAt: -1 });

export type Reminder = InferSchemaType<typeof reminderSchema>;
export const ReminderModel = model('RetestReminder', reminderSchema);

// The send claim: the one instance whose insert of _id = reminder id succeeds sends it; every other gets
// duplicate key 11000 and skips. This is what makes "exactly once" hold across API instances on FerretDB v1,
// where a guarded status update would not (see README, "Database compatibility").
const reminderClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'retest_reminder_claims' },
);
export const ReminderClaimModel = model('RetestReminderClaim', reminderClaimSchema);
