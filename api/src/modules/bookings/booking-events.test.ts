import { createBookingEventHub, toEvent } from './booking-events';

const ev = (version: number) => toEvent({ _id: 'bk_1', stationId: 's', start: new Date('2026-05-06T01:00:00Z'), status: version === 1 ? 'pending' : 'confirmed', version });

describe('booking event hub', () => {
  test('version 1 is booking.created, later versions booking.updated; each id+version is delivered once', () => {
    const hub = createBookingEventHub({ pollMs: 60_000 });
    const got: string[] = [];
    const off = hub.subscribe((e) => got.push(`${e.type}:${e.version}`));
    hub.publish(ev(1));
    hub.publish(ev(1));
    hub.publish(ev(2));
    expect(got).toEqual(['booking.created:1', 'booking.updated:2']);
    off();
    hub.publish(ev(3));
    expect(got).toHaveLength(2);
    expect(hub.listenerCount).toBe(0);
    hub.close();
  });

  test('close ends every registered stream and stops delivering', () => {
    const hub = createBookingEventHub({ pollMs: 60_000 });
    let ended = 0;
    hub.onClose(() => { ended++; });
    hub.onClose(() => { ended++; });
    const got: unknown[] = [];
    hub.subscribe((e) => got.push(e));
    hub.close();
    hub.publish(ev(1));
    expect(ended).toBe(2);
    expect(got).toEqual([]);
  });

  test('a listener that throws does not stop the others', () => {
    const hub = createBookingEventHub({ pollMs: 60_000 });
    const got: number[] = [];
    hub.subscribe(() => { throw new Error('broken socket'); });
    hub.subscribe((e) => got.push(e.version));
    hub.publish(ev(1));
    expect(got).toEqual([1]);
    hub.close();
  });
});
