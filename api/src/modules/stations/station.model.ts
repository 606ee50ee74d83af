import { Schema, model, type InferSchemaType } from 'mongoose';
import { SERVICES } from '../availability/slot-generation';
import { maxChars } from '../../model-limits';

export const STATION_LEVELS = ['district', 'street', 'community'] as const;

const locationSchema = new Schema({ lat: { type: Number, required: true }, lng: { type: Number, required: true } }, { _id: false });

// Overrides only: null inherits from the parent station (see station-policy.ts).
const policySchema = new Schema(
  {
    minNoticeHours: { type: Number, default: null },
    cancelWindowHours: { type: Number, default: null },
    horizonDays: { type: Number, default: null },
    maxUpcomingPerResident: { type: Number, default: null },
  },
  { _id: false },
);

// A social psychological service station in the three-tier tree. `ancestors` (root first) is kept so
// "this station and everything under it" is one indexed query, without $graphLookup (not in FerretDB).
const stationSchema = new Schema(
  {
    name: { type: String, required: true, validate: maxChars(80) },
    level: { type: String, enum: STATION_LEVELS, required: true },
    parentId: { type: Schema.Types.ObjectId, ref: 'Station', default: null },
    ancestors: { type: [Schema.Types.ObjectId], required: true, default: [] },
    address: { type: String, validate: maxChars(200), default: '' },
    phone: { type: String, validate: maxChars(40), default: '' },
    openingHours: { type: String, validate: maxChars(200), default: '' },
    intro: { type: String, validate: maxChars(2000), default: '' },
    // GCJ-02 coordinates, as WeChat's map components use them; null until someone enters them.
    location: { type: locationSchema, default: null },
    services: { type: [{ type: String, enum: SERVICES }], default: () => ['individual', 'family'] },
    policy: { type: policySchema, default: () => ({}) },
    // Stable key of demo and seeded stations; lets seeding be idempotent.
    seedKey: { type: String, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
    updatedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'stations' },
);
// Subtree queries for station staff scope.
stationSchema.index({ ancestors: 1 });
stationSchema.index({ parentId: 1 });

export type Station = InferSchemaType<typeof stationSchema>;
export const StationModel = model('Station', stationSchema);
