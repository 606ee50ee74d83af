import { z } from 'zod';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from './export-document';

/** The word the resident types (or the app sends after its confirm step) to delete the account. */
export const DELETE_CONFIRMATION = '注销';

export const deleteAccountBody = z.object({
  confirm: z.literal(DELETE_CONFIRMATION, { error: `请确认注销：confirm 需为“${DELETE_CONFIRMATION}”` })
    .describe(`Must be exactly "${DELETE_CONFIRMATION}": an explicit confirmation, so no stray request deletes an account`),
});

export const deleteAccountResponse = z.object({
  deleted: z.literal(true),
  cancelledBookings: z.number().int().describe('Upcoming bookings cancelled (stations see cancelled_by_resident, the time is free again)'),
  cancelledRegistrations: z.number().int().describe('Activity registrations cancelled before the start (seats freed)'),
});

const section = (description: string) => z.array(z.record(z.string(), z.unknown())).describe(description);

export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.string(),
  about: z.string().describe('What the file holds and what it leaves out, in Chinese'),
  profile: z.object({ id: z.string(), createdAt: z.string(), lastLoginAt: z.string().nullable() }),
  consents: section('Every consent record, withdrawn ones included'),
  assessments: section('Saved self-test results with their answers'),
  referrals: section('Requests for a station to call, with the phone and name given'),
  reminders: section('Retest reminders'),
  bookings: section('Counseling bookings with contacts, family-member contact, topic, cancel reason and rating'),
  ratings: section('The ratings given, also inside bookings'),
  waitlist: section('Waitlist entries'),
  activityRegistrations: section('Activity registrations with the name and phone given'),
  favorites: section('Saved articles and tracks (by id)'),
  listeningPositions: section('Where listening stopped in each track'),
  messages: section('In-app messages'),
});
