import mongoose, { Types } from 'mongoose';
import { RatingModel } from './rating.model';

export interface RatingSummary { count: number; average: number | null }

/** Average to one decimal from a sum and a count: the database adds up ($sum), never averages ($avg is not in FerretDB v1). */
export function summarize(sum: number, count: number): RatingSummary {
  return { count, average: count ? Math.round((sum / count) * 10) / 10 : null };
}

/**
 * Count and sum of scores per station or per counselor, for the given ids. Two pipelines with one accumulator each:
 * FerretDB 1.24 computes only the first of several accumulators in one $group (the others come back 0).
 */
export async function ratingRollup(field: 'stationId' | 'counselorId', ids: readonly Types.ObjectId[]): Promise<Map<string, RatingSummary>> {
  if (!ids.length) return new Map();
  const match = { $match: { [field]: mongoose.trusted({ $in: ids }) } };
  const [counts, sums] = await Promise.all([
    RatingModel.aggregate<{ _id: Types.ObjectId; n: number }>([match, { $group: { _id: `$${field}`, n: { $sum: 1 } } }]),
    RatingModel.aggregate<{ _id: Types.ObjectId; n: number }>([match, { $group: { _id: `$${field}`, n: { $sum: '$score' } } }]),
  ]);
  const sumOf = new Map(sums.map((r) => [String(r._id), r.n]));
  return new Map(counts.map((r) => [String(r._id), summarize(sumOf.get(String(r._id)) ?? 0, r.n)]));
}

/** How many ratings of each score (1–5) a station has. */
export async function scoreDistribution(stationId: Types.ObjectId): Promise<Record<'1' | '2' | '3' | '4' | '5', number>> {
  const rows = await RatingModel.aggregate<{ _id: number; count: number }>([
    { $match: { stationId } },
    { $group: { _id: '$score', count: { $sum: 1 } } },
  ]);
  const out = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<'1' | '2' | '3' | '4' | '5', number>;
  for (const r of rows) if (r._id >= 1 && r._id <= 5) out[String(r._id) as '1'] = r.count;
  return out;
}
