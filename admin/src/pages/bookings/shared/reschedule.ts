// Choosing a new time for a booking from GET /stations/:id/slots. Pure.
import type { AdminBooking, Slot } from '../../../services/bookings';
import { chinaTime } from './china-time';

export interface SlotChoice {
  key: string;
  start: string;
  counselorId: string;
  label: string;
  disabled: boolean;
  full: boolean;
}

export interface CounselorSlots {
  counselorId: string;
  counselorName: string;
  choices: SlotChoice[];
}

/** Same service only; the booking's own current time is not a choice; full slots stay visible but disabled. */
export function rescheduleChoices(slots: readonly Slot[], booking: Pick<AdminBooking, 'service' | 'start' | 'counselorId'>): CounselorSlots[] {
  const groups = new Map<string, CounselorSlots>();
  const sorted = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const slot of sorted) {
    if (slot.service !== booking.service) continue;
    const isCurrent = slot.counselorId === booking.counselorId && slot.start === booking.start;
    if (isCurrent) continue;
    let group = groups.get(slot.counselorId);
    if (!group) {
      group = { counselorId: slot.counselorId, counselorName: slot.counselorName, choices: [] };
      groups.set(slot.counselorId, group);
    }
    const full = slot.remaining <= 0;
    group.choices.push({
      key: `${slot.counselorId}|${slot.start}`,
      start: slot.start,
      counselorId: slot.counselorId,
      label: `${chinaTime(slot.start)}${full ? ' 已约满' : ''}`,
      disabled: full,
      full,
    });
  }
  // The booking's own counselor first: keeping the same person is what residents usually want.
  return [...groups.values()].sort((a, b) =>
    a.counselorId === booking.counselorId ? -1 : b.counselorId === booking.counselorId ? 1 : a.counselorName.localeCompare(b.counselorName, 'zh-CN'),
  );
}
