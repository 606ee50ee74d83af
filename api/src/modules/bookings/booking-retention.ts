// Retention of booking data (security-privacy.md §1.3: name and phone are kept for 1 year after the appointment,
// then the booking is anonymized). What stays is what statistics need: station, counselor, time, service, status,
// the status history and the rating score. Everything that names or reaches the person goes.
//
// Every step is an unconditional overwrite or delete, so running it twice (two API instances, a retry after a crash
// half-way) ends in the same state; `anonymizedAt` is written last, so a booking interrupted half-way is found
// again by the next purge.
import mongoose from 'mongoose';
import type { Logger } from '../../logger';
import { purgeActivityRegistrations } from '../activities/activity-retention';
import { chinaDateOf } from '../availability/china-time';
import { MessageModel, NotificationSendModel } from '../messages/message.model';
import { ClaimModel } from './booking-claim.model';
import { BookingModel, BookingTransitionModel, CLAIMING } from './booking.model';
import { retryBusy } from './claims';
import { RatingModel } from './rating.model';
import { WaitlistModel } from './waitlist.model';

const DAY_MS = 86_400_000;
const BATCH = 100;
/** A bound on one run, so a first purge over years of data cannot hold the sweep for long; the next run continues. */
const MAX_PER_RUN = 2000;

/** `anonymized`: bookings; `registrations`: activity registrations (activity-retention.ts, same period). */
export interface RetentionReport { anonymized: number; waitlist: number; registrations: number }

/** Bookings whose appointment ended before this instant are past retention. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/**
 * Removes the personal data of one booking: contact name and phone, the family member's name and phone (the
 * relationship stays), topic, station notes, cancel reason, the link to the resident account (booking, rating,
 * status history), the rating comment, the resident's in-app messages and send records about it, and every claim it
 * still holds (a claim id can contain the resident id).
 *
 * Meant for bookings that are over. For a resident deleting their account while a booking is still upcoming, cancel
 * it first (that tells the station and frees the time properly); this function frees the claims but leaves the
 * status as it is.
 */
export async function anonymizeBooking(bookingId: string, at: Date): Promise<void> {
  const b = await BookingModel.findById(bookingId, { _id: 1, forOther: 1 }).lean();
  if (!b) return;
  // Claims: counselor time and seats of a past session are worth nothing now, and resident claims carry the id.
  // Guards (`once:` documents) name only the booking id and stay, so a one-time step never runs twice.
  await retryBusy(() => ClaimModel.deleteMany({ owner: bookingId, kind: mongoose.trusted({ $ne: 'guard' }) }));
  // The resident's messages about the booking (a station's cancel reason is quoted in one) and the send records,
  // whose ids are `${template}:${bookingId}:…` or `reminder:${bookingId}:…`.
  await retryBusy(() => MessageModel.deleteMany({ bookingId }));
  await retryBusy(() => NotificationSendModel.deleteMany({ _id: mongoose.trusted({ $regex: `^[a-z_-]+:${escapeRegex(bookingId)}:` }) }));
  await retryBusy(() => BookingTransitionModel.updateMany({ bookingId, actor: 'resident' }, { $set: { actorId: null } }));
  await retryBusy(() => RatingModel.updateOne({ _id: bookingId }, { $set: { residentId: null, comment: '' } }));
  await retryBusy(() => BookingModel.updateOne({ _id: bookingId }, {
    $set: {
      residentId: null, contactName: null, contactPhone: null, topic: null, notes: null, cancelReason: null, claimIds: [],
      forOther: b.forOther ? { relationship: b.forOther.relationship } : null,
      // updatedAt stays: the live inbox polls on it and would replay year-old bookings to every open station screen.
      anonymizedAt: at,
    },
  }));
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createBookingRetentionService(deps: { retentionDays: number; logger?: Pick<Logger, 'info' | 'warn'>; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  return {
    retentionDays: deps.retentionDays,

    /**
     * Anonymizes the bookings whose appointment ended more than `retentionDays` before `at`, and deletes waitlist
     * entries for dates that long past, and registrations of activities that ended that long ago. Safe on several
     * instances at once (see the top of this file).
     */
    async purge(at: Date = now()): Promise<RetentionReport> {
      const cutoff = retentionCutoff(at, deps.retentionDays);
      const report: RetentionReport = { anonymized: 0, waitlist: 0, registrations: 0 };
      const done = new Set<string>();
      while (report.anonymized < MAX_PER_RUN) {
        // `anonymizedAt: null` also matches documents written before the field existed.
        const due = await BookingModel.find(
          { anonymizedAt: null, end: mongoose.trusted({ $lt: cutoff }), status: mongoose.trusted({ $ne: CLAIMING }) },
          { _id: 1 },
        ).sort({ end: 1 }).limit(BATCH).lean();
        const fresh = due.filter((d) => !done.has(d._id));
        if (!fresh.length) break;
        for (const d of fresh) {
          await anonymizeBooking(d._id, at);
          done.add(d._id);
          report.anonymized++;
        }
      }
      const waitlist = await retryBusy(() => WaitlistModel.deleteMany({ date: mongoose.trusted({ $lt: chinaDateOf(cutoff) }) }));
      report.waitlist = waitlist.deletedCount ?? 0;
      report.registrations = await purgeActivityRegistrations(cutoff, at, MAX_PER_RUN);
      if (report.anonymized || report.waitlist || report.registrations) deps.logger?.info({ ...report, retentionDays: deps.retentionDays }, 'booking retention purge');
      return report;
    },
  };
}

export type BookingRetentionService = ReturnType<typeof createBookingRetentionService>;
