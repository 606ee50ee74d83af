// Turns a counselor's weekly template plus the date's exceptions into the day's slots. Pure (no clock, no database):
// the booking service adds "what is already claimed" and the station's notice/horizon rules on top.
import { addDays, atChinaTime, chinaDateOf, chinaWeekday, daysBetween, parseClock } from './china-time';

export const SERVICES = ['individual', 'family', 'group'] as const;
export type Service = (typeof SERVICES)[number];
export const ONE_TO_ONE_SERVICES = ['individual', 'family'] as const;
export type OneToOneService = (typeof ONE_TO_ONE_SERVICES)[number];

/** Bookings claim the counselor's time in cells of this many minutes. */
export const CELL_MINUTES = 15;
const CELL_MS = CELL_MINUTES * 60_000;

export interface WeeklyWindow { weekday: number; start: string; end: string; services: OneToOneService[] }
export interface GroupWindow { weekday: number; start: string; end: string; capacity: number; title: string }

export interface ScheduleSpec {
  sessionMinutes: number;
  familySessionMinutes: number;
  bufferMinutes: number;
  weekly: WeeklyWindow[];
  groups: GroupWindow[];
}

export const EXCEPTION_KINDS = ['holiday', 'leave', 'extra'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export interface DateException {
  date: string;
  kind: ExceptionKind;
  /** null on holiday and whole-day leave. */
  start: string | null;
  end: string | null;
  /** For `extra`: which one-to-one services the extra hours offer. */
  services: OneToOneService[];
}

export interface GeneratedSlot {
  start: Date;
  end: Date;
  service: Service;
  capacity: number;
  title?: string;
}

interface Interval { from: number; to: number }

function subtract(pieces: Interval[], cut: Interval): Interval[] {
  return pieces.flatMap((p) => {
    if (cut.to <= p.from || cut.from >= p.to) return [p];
    const out: Interval[] = [];
    if (cut.from > p.from) out.push({ from: p.from, to: cut.from });
    if (cut.to < p.to) out.push({ from: cut.to, to: p.to });
    return out;
  });
}

/** Distance between slot starts: session plus buffer, rounded up to whole cells so neighbours never share a cell. */
export function slotStep(sessionMinutes: number, bufferMinutes: number): number {
  return Math.ceil((sessionMinutes + bufferMinutes) / CELL_MINUTES) * CELL_MINUTES;
}

export function sessionLength(spec: Pick<ScheduleSpec, 'sessionMinutes' | 'familySessionMinutes'>, service: OneToOneService): number {
  return service === 'family' ? spec.familySessionMinutes : spec.sessionMinutes;
}

/** The slots a counselor offers on a China date, sorted by start then service. */
export function generateDaySlots(spec: ScheduleSpec, date: string, exceptions: readonly DateException[]): GeneratedSlot[] {
  const today = exceptions.filter((e) => e.date === date);
  const offAllDay = today.some((e) => e.kind === 'holiday' || (e.kind === 'leave' && (e.start === null || e.end === null)));
  const leave = today.filter((e) => e.kind === 'leave' && e.start && e.end).map((e) => ({ from: parseClock(e.start!), to: parseClock(e.end!) }));
  const weekday = chinaWeekday(date);

  const groups = offAllDay ? [] : spec.groups
    .filter((g) => g.weekday === weekday)
    .map((g) => ({ ...g, from: parseClock(g.start), to: parseClock(g.end) }))
    .filter((g) => !leave.some((l) => l.from < g.to && l.to > g.from));

  const windows: Array<Interval & { services: readonly OneToOneService[] }> = [
    ...(offAllDay ? [] : spec.weekly.filter((w) => w.weekday === weekday)),
    ...today.filter((e) => e.kind === 'extra' && e.start && e.end).map((e) => ({ start: e.start!, end: e.end!, services: e.services })),
  ].map((w) => ({ from: parseClock(w.start), to: parseClock(w.end), services: w.services }));

  const slots = new Map<string, GeneratedSlot>();
  for (const w of windows) {
    let pieces: Interval[] = [{ from: w.from, to: w.to }];
    for (const l of leave) pieces = subtract(pieces, l);
    // Group sessions own their time plus a buffer on both sides (the one before is the preceding session's buffer).
    for (const g of groups) pieces = subtract(pieces, { from: g.from - spec.bufferMinutes, to: g.to + spec.bufferMinutes });
    for (const service of w.services) {
      const length = sessionLength(spec, service);
      const step = slotStep(length, spec.bufferMinutes);
      for (const p of pieces) {
        for (let t = p.from; t + length <= p.to; t += step) {
          const start = atChinaTime(date, t);
          slots.set(`${t}:${service}`, { start, end: new Date(start.getTime() + length * 60_000), service, capacity: 1 });
        }
      }
    }
  }
  for (const g of groups) {
    slots.set(`${g.from}:group`, { start: atChinaTime(date, g.from), end: atChinaTime(date, g.to), service: 'group', capacity: g.capacity, title: g.title });
  }
  const order: Record<Service, number> = { individual: 0, family: 1, group: 2 };
  return [...slots.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || order[a.service] - order[b.service]);
}

/** Start of every cell a session occupies, the buffer after it included. */
export function cellsCovering(start: Date, end: Date, bufferMinutes = 0): Date[] {
  const from = Math.floor(start.getTime() / CELL_MS) * CELL_MS;
  const to = Math.ceil((end.getTime() + bufferMinutes * 60_000) / CELL_MS) * CELL_MS;
  const cells: Date[] = [];
  for (let t = from; t < to; t += CELL_MS) cells.push(new Date(t));
  return cells;
}

export interface BookingWindowPolicy { minNoticeHours: number; horizonDays: number }

/** True when `date` is today … today + horizonDays − 1 (China dates). */
export function withinHorizon(date: string, now: Date, horizonDays: number): boolean {
  const offset = daysBetween(chinaDateOf(now), date);
  return offset >= 0 && offset < horizonDays;
}

/** The last bookable China date. */
export function horizonEnd(now: Date, horizonDays: number): string {
  return addDays(chinaDateOf(now), horizonDays - 1);
}

/** Whether a resident may still book a slot starting at `start` (minimum notice and horizon). */
export function isBookableStart(start: Date, now: Date, policy: BookingWindowPolicy): boolean {
  return start.getTime() >= now.getTime() + policy.minNoticeHours * 3_600_000 && withinHorizon(chinaDateOf(start), now, policy.horizonDays);
}
