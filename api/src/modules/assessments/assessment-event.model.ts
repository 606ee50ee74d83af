import { Schema, Types, model } from 'mongoose';
import { maxChars } from '../../model-limits';

// The anonymous rollup: one document per submitted self-test carrying only scale, band, ISO week and the region the
// person chose (if any). No user, no answers, no time finer than the week. Counts come from $group/$sum on read:
// concurrent $inc on a counter document loses updates on FerretDB v1 (see README, "Database compatibility").
// With an Idempotency-Key the _id is derived from it, so a resent submission is counted once in one atomic insert.
const assessmentEventSchema = new Schema(
  {
    _id: { type: String, default: () => new Types.ObjectId().toHexString() },
    scale: { type: String, required: true, validate: maxChars(32) },
    band: { type: String, required: true, validate: maxChars(32) },
    week: { type: String, required: true, match: /^\d{4}-W\d{2}$/ },
    region: { type: String, default: null, validate: maxChars(64) },
  },
  { versionKey: false, collection: 'assessment_events' },
);
// Dashboards count by week, then scale and band.
assessmentEventSchema.index({ week: 1, scale: 1, band: 1 });

export const AssessmentEventModel = model('AssessmentEvent', assessmentEventSchema);
