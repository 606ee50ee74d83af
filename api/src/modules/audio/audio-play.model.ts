import { Schema, model } from 'mongoose';

// One document per counted play: counted, never incremented ($inc loses concurrent updates on FerretDB v1). A viewer
// counts once per track and China day: `_id` is the claim from view-counting.ts (`${trackId}:${day}:${keyed hash}`),
// so a repeat is a duplicate key. Nothing about who listened is kept. (Plays recorded before the limit have ObjectIds.)
const audioPlaySchema = new Schema(
  {
    _id: { type: String, required: true },
    trackId: { type: Schema.Types.ObjectId, ref: 'AudioTrack', required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'audio_plays' },
);
audioPlaySchema.index({ trackId: 1 });

export const AudioPlayModel = model('AudioPlay', audioPlaySchema);
