import { Schema, model } from 'mongoose';

// Where a resident stopped in a track, shared by all their devices. One document per resident and track:
// _id = `${residentId}:${trackId}`, so saving is an upsert by _id and the last write wins.
const listeningPositionSchema = new Schema(
  {
    _id: { type: String, required: true },
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    trackId: { type: Schema.Types.ObjectId, ref: 'AudioTrack', required: true },
    positionSec: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'listening_positions' },
);
listeningPositionSchema.index({ residentId: 1, updatedAt: -1 });

export const ListeningPositionModel = model('ListeningPosition', listeningPositionSchema);
