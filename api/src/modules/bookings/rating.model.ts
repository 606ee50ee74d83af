import { Schema, model, type InferSchemaType } from 'mongoose';
import { maxChars } from '../../model-limits';

// A resident's rating of a completed session. _id = booking id: one rating per booking, also under double submits.
const ratingSchema = new Schema(
  {
    _id: { type: String, required: true },
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    stationId: { type: Schema.Types.ObjectId, ref: 'Station', required: true },
    counselorId: { type: Schema.Types.ObjectId, ref: 'Counselor', required: true },
    score: { type: Number, required: true, min: 1, max: 5 },
    comment: { type: String, validate: maxChars(500), default: '' },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'booking_ratings' },
);
ratingSchema.index({ stationId: 1 });
ratingSchema.index({ counselorId: 1 });

export type Rating = InferSchemaType<typeof ratingSchema>;
export const RatingModel = model('BookingRating', ratingSchema);
