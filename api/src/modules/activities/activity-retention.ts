// Retention of activity registrations, on the same terms as bookings (booking-retention.ts, security-privacy.md
// §1.3): once an activity ended more than the retention period ago, its registrations lose the name and phone the
// resident gave and every link to the account. What the station's statistics need stays: the activity, seat,
// status and times, and the seat claims (so the activity's counts read the same as before).
//
// Every step is an unconditional overwrite or delete, so two instances at once, or a retry after a crash half-way,
// end in the same state. A registration's `anonymizedAt` is written with its last step, and an activity is marked
// done only after all its registrations are, so whatever was interrupted is found again by the next purge.
import mongoose from 'mongoose';
import { ClaimModel } from '../bookings/booking-claim.model';
import { retryBusy } from '../bookings/claims';
import { MessageModel, NotificationSendModel } from '../messages/message.model';
import { ActivityModel, ActivityRegistrationModel } from './activity.model';

const BATCH = 50;

/**
 * Removes the personal data of one registration: name, phone, the resident id, the claim that kept it the
 * resident's only one (its id names the resident), and the resident's in-app messages and send records about the
 * activity. Seat, status and times stay.
 */
export async function anonymizeRegistration(id: string, at: Date): Promise<void> {
  const r = await ActivityRegistrationModel.findById(id, { activityId: 1, residentId: 1, claimIds: 1 }).lean();
  if (!r) return;
  const activityId = String(r.activityId);
  await retryBusy(() => ClaimModel.deleteMany({ owner: id, kind: 'registration' }));
  // Read before the resident id is cleared below; a rerun after that finds nothing left to delete here anyway.
  if (r.residentId) await retryBusy(() => MessageModel.deleteMany({ residentId: r.residentId, activityId }));
  await retryBusy(() => NotificationSendModel.deleteOne({ _id: `activity-cancelled:${id}` }));
  const residentClaim = `act:${activityId}:resident:`;
  await retryBusy(() => ActivityRegistrationModel.updateOne({ _id: id }, {
    $unset: { name: 1, phone: 1 },
    $set: { residentId: null, claimIds: (r.claimIds ?? []).filter((c) => !c.startsWith(residentClaim)), anonymizedAt: at },
  }));
}

/**
 * Anonymizes the registrations of activities that ended before `cutoff`, activity by activity, oldest first.
 * Stops starting new activities after `max` registrations (the next run continues). Returns how many it anonymized.
 */
export async function purgeActivityRegistrations(cutoff: Date, at: Date, max: number): Promise<number> {
  let anonymized = 0;
  const done = new Set<string>();
  while (anonymized < max) {
    // `registrationsAnonymizedAt: null` also matches activities written before the field existed.
    const due = await ActivityModel.find({ registrationsAnonymizedAt: null, end: mongoose.trusted({ $lt: cutoff }) }, { _id: 1 })
      .sort({ end: 1 }).limit(BATCH).lean();
    const fresh = due.filter((a) => !done.has(String(a._id)));
    if (!fresh.length) break;
    for (const a of fresh) {
      if (anonymized >= max) break;
      const regs = await ActivityRegistrationModel.find({ activityId: a._id, anonymizedAt: null }, { _id: 1 }).lean();
      for (const r of regs) {
        await anonymizeRegistration(r._id, at);
        anonymized++;
      }
      await retryBusy(() => ActivityModel.updateOne({ _id: a._id }, { $set: { registrationsAnonymizedAt: at } }));
      done.add(String(a._id));
    }
  }
  return anonymized;
}
