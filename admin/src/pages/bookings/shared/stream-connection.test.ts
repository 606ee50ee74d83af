import type { BookingStreamEvent, StreamEventType } from './inbox-list';
import { backoffDelay, createBookingStream, type EventSourceLike, type StreamStatus } from './stream-connection';

class FakeSource implements EventSourceLike {
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  closed = false;
  private listeners = new Map<string, ((ev: { data: string }) => void)[]>();
  constructor(readonly token: string) {}
  addEventListener(type: StreamEventType, listener: (ev: { data: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.call(this, {});
  }
  fail() {
    this.onerror?.call(this, {});
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data) });
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { tokens?: (() => Promise<string>)[] } = {}) {
  const sources: FakeSource[] = [];
  const statuses: StreamStatus[] = [];
  const events: BookingStreamEvent[] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  let tokenCount = 0;
  const queued = [...(options.tokens ?? [])];
  const fetchToken = jest.fn(() => {
    tokenCount += 1;
    const next = queued.shift();
    return next ? next() : Promise.resolve(`token-${tokenCount}`);
  });
  const onResync = jest.fn();
  const stream = createBookingStream({
    fetchToken,
    openSource: (token) => {
      const source = new FakeSource(token);
      sources.push(source);
      return source;
    },
    onEvent: (e) => events.push(e),
    onStatus: (s) => statuses.push(s),
    onResync,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => {
      (t as { cleared: boolean }).cleared = true;
    },
    random: () => 0.999999,
  });
  const runTimer = async () => {
    const t = timers.find((x) => !x.cleared && x.fn);
    if (!t) throw new Error('no timer pending');
    t.cleared = true;
    t.fn();
    await flush();
  };
  return { stream, sources, statuses, events, timers, fetchToken, onResync, runTimer };
}

const EVENT = {
  id: 'bk_0123456789abcdef01234567',
  stationId: 'a'.repeat(24),
  start: '2026-05-06T01:00:00.000Z',
  status: 'pending',
  version: 1,
};

describe('backoffDelay', () => {
  test('doubles from 1 s and stops growing at 30 s', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, top))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  test('jitter keeps the delay between half and the full step', () => {
    expect(backoffDelay(2, () => 0)).toBe(2000);
    expect(backoffDelay(2, () => 0.5)).toBe(3000);
  });
});

describe('createBookingStream', () => {
  test('gets a token, opens the stream with it and reports 实时 status once open', async () => {
    const t = setup();
    t.stream.start();
    expect(t.statuses).toEqual(['connecting']);
    await flush();
    expect(t.sources.map((s) => s.token)).toEqual(['token-1']);
    t.sources[0]!.open();
    expect(t.statuses).toEqual(['connecting', 'open']);
  });

  test('passes booking events on and drops malformed ones', async () => {
    const t = setup();
    t.stream.start();
    await flush();
    t.sources[0]!.open();
    t.sources[0]!.emit('booking.created', EVENT);
    t.sources[0]!.emit('booking.updated', { ...EVENT, status: 'confirmed', version: 2 });
    t.sources[0]!.emit('booking.created', { id: 'nope' });
    expect(t.events.map((e) => [e.type, e.status, e.version])).toEqual([
      ['booking.created', 'pending', 1],
      ['booking.updated', 'confirmed', 2],
    ]);
  });

  test('on error it closes the source itself and reconnects later with a NEW token', async () => {
    const t = setup();
    t.stream.start();
    await flush();
    const first = t.sources[0]!;
    first.open();
    first.fail();
    // The browser's own retry would reuse the expired token: the source must be closed.
    expect(first.closed).toBe(true);
    expect(t.statuses.at(-1)).toBe('reconnecting');
    expect(t.timers[0]!.ms).toBe(1000);
    await t.runTimer();
    expect(t.fetchToken).toHaveBeenCalledTimes(2);
    expect(t.sources[1]!.token).toBe('token-2');
    t.sources[1]!.open();
    expect(t.statuses.at(-1)).toBe('open');
  });

  test('asks the page to reload after a reconnect (events may have been missed), not on the first open', async () => {
    const t = setup();
    t.stream.start();
    await flush();
    t.sources[0]!.open();
    expect(t.onResync).not.toHaveBeenCalled();
    t.sources[0]!.fail();
    await t.runTimer();
    t.sources[1]!.open();
    expect(t.onResync).toHaveBeenCalledTimes(1);
  });

  test('backs off further on repeated failures (token request refused) and resets after a success', async () => {
    const fail = () => Promise.reject(new Error('503'));
    const t = setup({ tokens: [fail, fail, fail] });
    t.stream.start();
    await flush();
    await t.runTimer();
    await t.runTimer();
    expect(t.timers.map((x) => x.ms)).toEqual([1000, 2000, 4000]);
    await t.runTimer();
    t.sources[0]!.open();
    t.sources[0]!.fail();
    expect(t.timers.at(-1)!.ms).toBe(1000);
  });

  test('stop closes the source, cancels a pending reconnect and ignores late callbacks', async () => {
    const t = setup();
    t.stream.start();
    await flush();
    const source = t.sources[0]!;
    source.open();
    source.fail();
    t.stream.stop();
    expect(source.closed).toBe(true);
    expect(t.timers[0]!.cleared).toBe(true);
    expect(t.statuses.at(-1)).toBe('stopped');
    source.emit('booking.created', EVENT);
    expect(t.events).toEqual([]);
  });

  test('a token that arrives after stop opens nothing (unmounted page)', async () => {
    let resolveToken: (token: string) => void = () => {};
    const t = setup({ tokens: [() => new Promise<string>((resolve) => (resolveToken = resolve))] });
    t.stream.start();
    t.stream.stop();
    resolveToken('late');
    await flush();
    expect(t.sources).toEqual([]);
  });

  test('events from a source that already failed are ignored', async () => {
    const t = setup();
    t.stream.start();
    await flush();
    const old = t.sources[0]!;
    old.open();
    old.fail();
    old.emit('booking.created', EVENT);
    expect(t.events).toEqual([]);
  });
});
