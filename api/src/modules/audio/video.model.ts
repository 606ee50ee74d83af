import { Schema, model } from 'mongoose';
import { TRACK_STATES } from './audio-track.model';

// A short relaxation video (e.g. an animated breathing guide). Loaded from the seed catalog; no admin editor yet.
const videoSchema = new Schema(
  {
    title: { type: String, required: true },
    description: { type: String, default: '' },
    mediaId: { type: Schema.Types.ObjectId, ref: 'Media', required: true },
    coverMediaId: { type: Schema.Types.ObjectId, ref: 'Media', default: null },
    durationSec: { type: Number, default: null },
    state: { type: String, enum: TRACK_STATES, required: true, default: 'published' },
    seedKey: { type: String, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'videos' },
);
videoSchema.index({ state: 1, createdAt: 1 });
videoSchema.index({ mediaId: 1 });
videoSchema.index({ coverMediaId: 1 });

export const VideoModel = model('Video', videoSchema);
