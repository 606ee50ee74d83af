import { Schema, model, type InferSchemaType } from 'mongoose';

export const FAVORITE_KINDS = ['article', 'track'] as const;
export type FavoriteKind = (typeof FAVORITE_KINDS)[number];

// A resident's saved article or track. `_id` = `${residentId}:${kind}:${targetId}`: a double tap (or two devices at
// once) inserts one document, the other insert gets duplicate key and is answered the same 204.
const favoriteSchema = new Schema(
  {
    _id: { type: String, required: true },
    residentId: { type: Schema.Types.ObjectId, ref: 'Resident', required: true },
    kind: { type: String, enum: FAVORITE_KINDS, required: true },
    targetId: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'favorites' },
);
// "My favorites", newest first, optionally of one kind.
favoriteSchema.index({ residentId: 1, kind: 1, createdAt: -1 });

export type Favorite = InferSchemaType<typeof favoriteSchema>;
export const FavoriteModel = model('Favorite', favoriteSchema);
