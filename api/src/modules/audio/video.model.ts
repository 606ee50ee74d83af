import { Schema, model } from 'mongoose';
import { TRACK_STATES } from './audio-track.model';

// A short relaxation video (e.g. an animated breathing guide): seeded from the catalog or published by an editor
// from an uploaded MP4. Like audio there is no review step; archiving hides it again.
const videoSchema = new Schema(
  {
    title: { type: String, required: true },
    description: { type: String, default: '' },
    mediaId: { type: Schema.Types.ObjectId, ref: 'Media', required: true },
    coverMediaId: { type: Schema.Types.ObjectId, ref: 'Media', default: null },
    durationSec: { type: Number, default: null },
    state: { type: String, enum: TRACK_STATES, required: true, default: 'published' },
    seedKey: { type: String, default: null },
    // Staff ids, or 'seed'. Videos seeded before editors could manage them have none of these three.
    createdBy: { type: String, default: null },
    updatedBy: { type: String, default: null },
    updatedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'videos' },
);
videoSchema.index({ state: 1, createdAt: 1 });
videoSchema.index({ mediaId: 1 });
videoSchema.index({ coverMediaId: 1 });

export const VideoModel = model('Video', videoSchema);
