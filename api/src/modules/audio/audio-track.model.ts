import { Schema, model, type InferSchemaType } from 'mongoose';

export const AUDIO_CATEGORIES = ['呼吸练习', '身体扫描', '正念冥想', '助眠', '自然声音', '音乐放松'] as const;
export type AudioCategory = (typeof AUDIO_CATEGORIES)[number];
export const TRACK_STATES = ['published', 'archived'] as const;
export type TrackState = (typeof TRACK_STATES)[number];

// A relaxation track residents can play. Audio has no review step: an editor's track is published at once and
// archiving hides it again. The bytes are a `media` record; durationSec is copied from it when the track is saved.
const audioTrackSchema = new Schema(
  {
    title: { type: String, required: true },
    category: { type: String, enum: AUDIO_CATEGORIES, required: true },
    description: { type: String, default: '' },
    // A voice guides the listener (breathing, body scan) rather than music or nature sounds alone.
    guided: { type: Boolean, default: false },
    // What the voice says, for residents who cannot or would rather not listen.
    transcript: { type: String, default: null },
    mediaId: { type: Schema.Types.ObjectId, ref: 'Media', required: true },
    coverMediaId: { type: Schema.Types.ObjectId, ref: 'Media', default: null },
    durationSec: { type: Number, default: null },
    state: { type: String, enum: TRACK_STATES, required: true, default: 'published' },
    // Catalog key of a seeded track (content/media/catalog.json); seeded tracks also get an _id derived from it.
    seedKey: { type: String, default: null },
    createdBy: { type: String, required: true },
    updatedBy: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    updatedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'audio_tracks' },
);
audioTrackSchema.index({ state: 1, category: 1, createdAt: 1 });
audioTrackSchema.index({ mediaId: 1 });
audioTrackSchema.index({ coverMediaId: 1 });

export type AudioTrack = InferSchemaType<typeof audioTrackSchema>;
export const AudioTrackModel = model('AudioTrack', audioTrackSchema);
