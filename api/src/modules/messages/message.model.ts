import { Schema, model, type InferSchemaType } from 'mongoose';
import { maxChars } from '../../model-limits';

export const MESSAGE_KINDS = [
  'booking_submitted', 'booking_confirmed', 'booking_rescheduled', 'booking_cancelled', 'booking_reminder',
  'waitlist_seat_free', 'activity_registered', 'activity_cancelled',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

// The resident's in-app message list (我的消息). Shown only inside the app after sign-in, so it may name the station,
// counselor and time; it never repeats the topic the resident wrote.
const messageSchema = new Schema(
  {
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    kind: { type: String, enum: MESSAGE_KINDS, required: true },
    title: { type: String, required: true, validate: maxChars(40) },
    body: { type: String, required: true, validate: maxChars(500) },
    bookingId: { type: String, default: null },
    activityId: { type: String, default: null },
    stationId: { type: String, default: null },
    readAt: { type: Date, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'resident_messages' },
);
messageSchema.index({ residentId: 1, createdAt: -1 });

export type Message = InferSchemaType<typeof messageSchema>;
export const MessageModel = model('ResidentMessage', messageSchema);

// One document per notification that must go out at most once (a reminder, a waitlist call): its _id is the
// notification's natural key, so of two API instances only the one whose insert wins sends it. It also records
// what WeChat answered (errcode only, never the content).
const notificationSchema = new Schema(
  {
    _id: { type: String, required: true },
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    kind: { type: String, required: true },
    subscribe: { type: String, enum: ['sent', 'refused', 'failed', 'off'], default: null },
    errcode: { type: Number, default: null },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'notification_sends' },
);
export const NotificationSendModel = model('NotificationSend', notificationSchema);
