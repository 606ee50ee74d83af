import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { bookingStreamUrl, createStreamToken } from '../../../services/bookings';
import type { BookingStreamEvent } from './inbox-list';
import { createBookingStream, type EventSourceLike, type StreamStatus } from './stream-connection';

export interface BookingStreamHandlers {
  onEvent(event: BookingStreamEvent): void;
  /** The connection came back after a break: reload, events may have been missed meanwhile. */
  onResync?(): void;
}

/**
 * Live booking events while the calling page is mounted. The reconnect and backoff rules live in
 * stream-connection.ts; this only wires them to the browser. Handlers may change on every render.
 */
export function useBookingStream(handlers: BookingStreamHandlers, stationId?: string): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const stream = createBookingStream({
      fetchToken: createStreamToken,
      openSource: (token) => new EventSource(bookingStreamUrl(token, stationId)) as unknown as EventSourceLike,
      onEvent: (event) => latest.current.onEvent(event),
      onResync: () => latest.current.onResync?.(),
      onStatus: setStatus,
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
    });
    stream.start();
    return () => stream.stop();
  }, [stationId]);

  return status;
}
