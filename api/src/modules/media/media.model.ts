import { Schema, model, type InferSchemaType } from 'mongoose';
import { MEDIA_KINDS } from './media-type';

// One stored file. The bytes are in the MediaStore under `storageKey` and never change, which is what lets
// GET /media/:id be cached for a year.
const mediaSchema = new Schema(
  {
    kind: { type: String, enum: MEDIA_KINDS, required: true },
    // Decided from the bytes, never from the uploader's name or Content-Type.
    mime: { type: String, required: true },
    size: { type: Number, required: true },
    durationSec: { type: Number, default: null },
    sha256: { type: String, required: true },
    storageKey: { type: String, required: true },
    originalName: { type: String, required: true },
    title: { type: String, default: null },
    // Staff id of the uploader, or `seed` for the library loaded from content/media.
    uploadedBy: { type: String, required: true },
    // Catalog key of a seeded file (track/video audio or cover); null for uploads.
    seedKey: { type: String, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'media' },
);
mediaSchema.index({ kind: 1, createdAt: -1 });
mediaSchema.index({ createdAt: -1 });

export type Media = InferSchemaType<typeof mediaSchema>;
export const MediaModel = model('Media', mediaSchema);
