// Keeps one live connection to the booking event stream, with reconnects. Pure: the EventSource, the
// token request and the timers are passed in, so the logic runs (and is tested) without a browser.
//
// Why not rely on EventSource's own retry: the stream URL carries a token that expires after 60 s. The
// built-in retry would reuse the dead token and fail forever. So on any error we close the source
// ourselves and start over with a fresh token, waiting a little longer after each failure.
import { parseStreamEvent, type BookingStreamEvent, type StreamEventType } from './inbox-list';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'stopped';

/** The part of the browser's EventSource this module uses. */
export interface EventSourceLike {
  onopen: ((this: unknown, ev: unknown) => unknown) | null;
  onerror: ((this: unknown, ev: unknown) => unknown) | null;
  addEventListener(type: StreamEventType, listener: (ev: { data: string }) => void): void;
  close(): void;
}

export interface StreamDeps {
  fetchToken(): Promise<string>;
  openSource(token: string): EventSourceLike;
  onEvent(event: BookingStreamEvent): void;
  onStatus(status: StreamStatus): void;
  /** Called when a connection opens again after a break: events may have been missed, reload. */
  onResync?(): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** 0 ≤ x < 1; Math.random in the app, fixed in tests. */
  random?(): number;
}

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 30_000;

/**
 * Delay before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … capped at 30 s, each scaled by
 * 0.5–1.0 so that many open inboxes do not all reconnect in the same second after a server restart.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const max = options.maxMs ?? BACKOFF_MAX_MS;
  const exp = Math.min(max, base * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.round(exp * (0.5 + random() / 2));
}

const EVENT_TYPES: readonly StreamEventType[] = ['booking.created', 'booking.updated'];

export interface BookingStream {
  start(): void;
  stop(): void;
}

export function createBookingStream(deps: StreamDeps): BookingStream {
  const random = deps.random ?? Math.random;
  let running = false;
  /** Bumped on every (re)connect and on stop, so callbacks of an abandoned source do nothing. */
  let generation = 0;
  let attempt = 0;
  let source: EventSourceLike | null = null;
  let timer: unknown = null;
  let everOpened = false;
  let status: StreamStatus = 'stopped';

  function setStatus(next: StreamStatus) {
    if (next === status) return;
    status = next;
    deps.onStatus(next);
  }

  function closeSource() {
    if (!source) return;
    source.onopen = null;
    source.onerror = null;
    source.close();
    source = null;
  }

  function scheduleReconnect() {
    closeSource();
    if (!running) return;
    setStatus('reconnecting');
    const delay = backoffDelay(attempt, random);
    attempt += 1;
    timer = deps.setTimer(() => {
      timer = null;
      connect();
    }, delay);
  }

  function connect() {
    if (!running) return;
    const mine = ++generation;
    deps.fetchToken().then(
      (token) => {
        if (!running || mine !== generation) return;
        let opened: EventSourceLike;
        try {
          opened = deps.openSource(token);
        } catch {
          scheduleReconnect();
          return;
        }
        source = opened;
        opened.onopen = () => {
          if (mine !== generation) return;
          attempt = 0;
          const resync = everOpened;
          everOpened = true;
          setStatus('open');
          if (resync) deps.onResync?.();
        };
        opened.onerror = () => {
          if (mine !== generation) return;
          generation += 1;
          scheduleReconnect();
        };
        for (const type of EVENT_TYPES) {
          opened.addEventListener(type, (ev) => {
            if (mine !== generation) return;
            const event = parseStreamEvent(type, ev.data);
            if (event) deps.onEvent(event);
          });
        }
      },
      () => {
        if (!running || mine !== generation) return;
        scheduleReconnect();
      },
    );
  }

  return {
    start() {
      if (running) return;
      running = true;
      attempt = 0;
      setStatus(everOpened ? 'reconnecting' : 'connecting');
      connect();
    },
    stop() {
      running = false;
      generation += 1;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
      closeSource();
      setStatus('stopped');
    },
  };
}
