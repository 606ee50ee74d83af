import { Schema, model } from 'mongoose';

// One document per play: counted, never incremented ($inc loses concurrent updates on FerretDB v1). Nothing about
// who listened is kept.
const audioPlaySchema = new Schema(
  {
    trackId: { type: Schema.Types.ObjectId, ref: 'AudioTrack', required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'audio_plays' },
);
audioPlaySchema.index({ trackId: 1 });

export const AudioPlayModel = model('AudioPlay', audioPlaySchema);
