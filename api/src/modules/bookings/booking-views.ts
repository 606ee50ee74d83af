import mongoose, { Types } from 'mongoose';
import type { FieldCipher, Sealed } from '../../security/field-cipher';
import type { Service } from '../availability/slot-generation';
import { CounselorModel } from '../counselors/counselor.model';
import type { StationPolicy } from '../stations/station-policy';
import type { StationsService } from '../stations/stations.service';
import { BookingTransitionModel, type Booking, type BookingStatus } from './booking.model';
import { RatingModel } from './rating.model';

export type BookingDoc = Booking & { _id: string };

/** Shown instead of a name once a booking has been anonymized (retention purge or account deletion). */
export const ANONYMIZED_NAME = '已匿名';

export interface BookingView {
  id: string; status: BookingStatus; version: number;
  stationId: string; stationName: string; stationAddress: string; stationPhone: string;
  counselorId: string; counselorName: string;
  service: Service; start: string; end: string; seat: number | null;
  topic: string | null;
  contact: { name: string; phone: string };
  forOther: { relationship: string; name: string; phone: string } | null;
  cancelReason: string | null;
  createdAt: string; updatedAt: string;
  canCancel: boolean; canReschedule: boolean; canRate: boolean;
  rating: { score: number; comment: string } | null;
}

export interface HistoryEntry { version: number; from: BookingStatus | null; to: BookingStatus; at: string; actor: 'resident' | 'staff' | 'system'; start: string | null }
export interface AdminBookingView extends BookingView { notes: string; history: HistoryEntry[] }

export interface ViewContext {
  stations: Map<string, { name: string; address: string; phone: string; policy: StationPolicy }>;
  counselors: Map<string, string>;
  ratings: Map<string, { score: number; comment: string }>;
}

export async function loadViewContext(stations: StationsService, bookings: readonly BookingDoc[]): Promise<ViewContext> {
  const all = await stations.allWithPolicies();
  const stationMap = new Map([...all].map(([id, { station, policy }]) => [id, { name: station.name, address: station.address, phone: station.phone, policy }]));
  const counselorIds = [...new Set(bookings.map((b) => String(b.counselorId)).filter((id) => Types.ObjectId.isValid(id)))].map((id) => new Types.ObjectId(id));
  const counselors = counselorIds.length ? await CounselorModel.find({ _id: mongoose.trusted({ $in: counselorIds }) }, { name: 1 }).lean() : [];
  const completed = bookings.filter((b) => b.status === 'completed').map((b) => b._id);
  const ratings = completed.length ? await RatingModel.find({ _id: mongoose.trusted({ $in: completed }) }, { score: 1, comment: 1 }).lean() : [];
  return {
    stations: stationMap,
    counselors: new Map(counselors.map((c) => [String(c._id), c.name])),
    ratings: new Map(ratings.map((r) => [r._id, { score: r.score, comment: r.comment ?? '' }])),
  };
}

export function canChange(b: Pick<BookingDoc, 'status' | 'start'>, policy: StationPolicy, now: Date): boolean {
  return (b.status === 'pending' || b.status === 'confirmed') && now.getTime() < b.start.getTime() - policy.cancelWindowHours * 3_600_000;
}

export function createViewBuilder(cipher: FieldCipher) {
  const open = (s: Sealed | null | undefined) => (s && s.ct !== undefined ? cipher.open(s as Sealed) : null);

  function residentView(b: BookingDoc, vc: ViewContext, now: Date): BookingView {
    const station = vc.stations.get(String(b.stationId));
    const changeable = station ? canChange(b, station.policy, now) : false;
    const rating = vc.ratings.get(b._id) ?? null;
    return {
      id: b._id, status: b.status as BookingStatus, version: b.version,
      stationId: String(b.stationId), stationName: station?.name ?? '', stationAddress: station?.address ?? '', stationPhone: station?.phone ?? '',
      counselorId: String(b.counselorId), counselorName: vc.counselors.get(String(b.counselorId)) ?? '',
      service: b.service as Service, start: b.start.toISOString(), end: b.end.toISOString(), seat: b.seat ?? null,
      topic: open(b.topic as Sealed | null),
      // After the retention purge the contact is gone; the placeholder tells staff why the name is empty.
      contact: b.anonymizedAt ? { name: ANONYMIZED_NAME, phone: '' } : { name: open(b.contactName as Sealed) ?? '', phone: open(b.contactPhone as Sealed) ?? '' },
      forOther: b.forOther ? {
        relationship: b.forOther.relationship,
        name: b.anonymizedAt ? ANONYMIZED_NAME : open(b.forOther.name as Sealed) ?? '',
        phone: b.anonymizedAt ? '' : open(b.forOther.phone as Sealed) ?? '',
      } : null,
      cancelReason: open(b.cancelReason as Sealed | null),
      createdAt: b.createdAt.toISOString(), updatedAt: b.updatedAt.toISOString(),
      canCancel: changeable, canReschedule: changeable, canRate: b.status === 'completed' && !rating,
      rating,
    };
  }

  /** Station-side views with notes and history (one history query for the whole list). */
  async function adminViews(bs: readonly BookingDoc[], vc: ViewContext, now: Date): Promise<AdminBookingView[]> {
    const history = bs.length ? await BookingTransitionModel.find({ bookingId: mongoose.trusted({ $in: bs.map((b) => b._id) }) }).sort({ version: 1 }).lean() : [];
    return bs.map((b) => ({
      ...residentView(b, vc, now),
      notes: open(b.notes as Sealed | null) ?? '',
      history: history.filter((h) => h.bookingId === b._id).map((h) => ({
        version: h.version, from: (h.from as BookingStatus | null) ?? null, to: h.to as BookingStatus, at: h.at.toISOString(),
        actor: h.actor as HistoryEntry['actor'], start: h.start ? h.start.toISOString() : null,
      })),
    }));
  }

  return { residentView, adminViews, open };
}
