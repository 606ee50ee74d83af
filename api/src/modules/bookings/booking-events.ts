// Live booking events for the station inbox (server-sent events). Two sources feed one stream:
//  - in-process: this instance publishes as it creates or changes a booking (arrives at once);
//  - a database poll (every pollMs) for bookings updated since the last look, so bookings made through another API
//    instance also arrive. FerretDB has no change streams; with a broker this poll would go away (README).
// Events are de-duplicated by booking id + version. They carry no personal data: id, station, start, status, version.
import mongoose from 'mongoose';
import type { Logger } from '../../logger';
import { BookingModel, CLAIMING } from './booking.model';

export interface BookingEvent {
  type: 'booking.created' | 'booking.updated';
  id: string;
  stationId: string;
  start: string;
  status: string;
  version: number;
}

type Listener = (e: BookingEvent) => void;

const POLL_OVERLAP_MS = 5_000;
const SEEN_TTL_MS = 10 * 60_000;

export function toEvent(b: { _id: string; stationId: unknown; start: Date; status: string; version: number }): BookingEvent {
  return { type: b.version <= 1 ? 'booking.created' : 'booking.updated', id: b._id, stationId: String(b.stationId), start: b.start.toISOString(), status: b.status, version: b.version };
}

export function createBookingEventHub(opts: { pollMs?: number; logger?: Pick<Logger, 'warn'> } = {}) {
  const pollMs = opts.pollMs ?? 2000;
  const listeners = new Set<Listener>();
  const closers = new Set<() => void>();
  const seen = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let cursor = new Date();
  let polling = false;
  let closed = false;

  function deliver(e: BookingEvent) {
    const key = `${e.id}:${e.version}`;
    if (seen.has(key)) return;
    const now = Date.now();
    seen.set(key, now);
    if (seen.size > 5000) for (const [k, t] of seen) if (now - t > SEEN_TTL_MS) seen.delete(k);
    for (const l of listeners) {
      try { l(e); } catch { /* one broken stream must not stop the others */ }
    }
  }

  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const since = new Date(cursor.getTime() - POLL_OVERLAP_MS);
      const rows = await BookingModel.find(
        { updatedAt: mongoose.trusted({ $gte: since }), status: mongoose.trusted({ $ne: CLAIMING }) },
        { _id: 1, stationId: 1, start: 1, status: 1, version: 1, updatedAt: 1 },
      ).sort({ updatedAt: 1 }).limit(500).lean();
      for (const r of rows) {
        deliver(toEvent(r));
        if (r.updatedAt > cursor) cursor = r.updatedAt;
      }
    } catch (e) {
      opts.logger?.warn({ err: { message: (e as Error).message } }, 'booking event poll failed');
    } finally {
      polling = false;
    }
  }

  return {
    /** Called by this instance right after it stored a change. */
    publish(e: BookingEvent) {
      deliver(e);
    },

    /** Starts the DB poll with the first listener and stops it with the last. Returns the unsubscribe function. */
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      if (!timer && !closed) {
        cursor = new Date();
        timer = setInterval(() => void poll(), pollMs);
        timer.unref();
      }
      return () => {
        listeners.delete(listener);
        if (!listeners.size && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },

    /** Streams register how to end themselves, so shutdown can close them (EventSource then reconnects elsewhere). */
    onClose(close: () => void): () => void {
      closers.add(close);
      return () => closers.delete(close);
    },

    get listenerCount() {
      return listeners.size;
    },

    /** Runs one poll now (tests). */
    pollNow: poll,

    close() {
      closed = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      for (const c of [...closers]) c();
      closers.clear();
      listeners.clear();
    },
  };
}

export type BookingEventHub = ReturnType<typeof createBookingEventHub>;
