import jwt from 'jsonwebtoken';
import { createBookingServices } from '../../src/modules/bookings/booking-module';
import { createFieldCipher } from '../../src/security/field-cipher';
import { startApi, staffLogin, type TestApi } from '../support/api';
import { at, book, bookingBody, makeCounselor, resident, sid } from './bookings.fixtures';

// The live inbox: server-sent events over a real HTTP connection, read as a browser's EventSource would.
let api: TestApi;
beforeAll(async () => { api = await startApi({ BOOKING_STREAM_HEARTBEAT_MS: '500', BOOKING_EVENTS_POLL_MS: '300' }, { content: false }); });
afterAll(async () => { await api.close(); });

interface Sse { event?: string; id?: string; data?: string; retry?: string; comment?: string }

/** Opens the stream and collects parsed messages until closed. */
async function open(token: string, qs = '') {
  const controller = new AbortController();
  const res = await fetch(`${api.url}/api/v1/admin/bookings/stream?token=${encodeURIComponent(token)}${qs}`, { signal: controller.signal });
  const messages: Sse[] = [];
  let raw = '';
  let ended = false;
  const done = (async () => {
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        raw += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = raw.indexOf('\n\n')) >= 0) {
          const block = raw.slice(0, cut);
          raw = raw.slice(cut + 2);
          const msg: Sse = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) msg.comment = line.slice(1).trim();
            else {
              const i = line.indexOf(':');
              (msg as Record<string, string>)[line.slice(0, i)] = line.slice(i + 1).trimStart();
            }
          }
          messages.push(msg);
        }
      }
    } catch { /* aborted */ }
    ended = true;
  })();
  return {
    res, messages, done, get ended() { return ended; },
    close: () => controller.abort(),
    async waitFor(pred: (m: Sse) => boolean, ms = 5000): Promise<Sse> {
      const until = Date.now() + ms;
      for (;;) {
        const m = messages.find(pred);
        if (m) return m;
        if (Date.now() > until) throw new Error(`no matching event in ${ms} ms; got ${JSON.stringify(messages)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

async function streamToken(username: string) {
  const staff = await staffLogin(api, username);
  const res = await api.request('POST', '/api/v1/admin/bookings/stream-token', { token: staff.accessToken, body: {} });
  expect(res.status).toBe(200);
  expect(res.body.expiresIn).toBe(60);
  return { staff, token: res.body.token as string };
}

const dataOf = (m: Sse) => JSON.parse(m.data!);

describe('stream token', () => {
  test('only station staff and district admins get one; the stream refuses missing, foreign and expired tokens', async () => {
    const editor = await staffLogin(api, 'demo-editor');
    expect((await api.request('POST', '/api/v1/admin/bookings/stream-token', { token: editor.accessToken, body: {} })).status).toBe(403);
    expect((await api.request('POST', '/api/v1/admin/bookings/stream-token', { body: {} })).status).toBe(401);
    const staff = await staffLogin(api, 'station-s1');
    const expired = jwt.sign({}, api.config.jwtSecret, { algorithm: 'HS256', audience: 'booking-stream', issuer: 'xinan', subject: staff.user.id, expiresIn: -10 });
    for (const token of ['nonsense', staff.accessToken, expired]) {
      const res = await api.request('GET', `/api/v1/admin/bookings/stream?token=${encodeURIComponent(token)}`);
      expect([res.status, res.body.error.code]).toEqual([401, 'STREAM_TOKEN_INVALID']);
    }
    expect((await api.request('GET', '/api/v1/admin/bookings/stream')).status).toBe(400);
  });
});

describe('live inbox', () => {
  test('a new booking at the station arrives at once without contact data; a sibling station\'s does not; heartbeats flow', async () => {
    const { token, staff } = await streamToken('station-s1c1');
    const stream = await open(token);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.res.headers.get('cache-control')).toBe('no-store');
    await stream.waitFor((m) => m.retry === '3000');

    const [c1, c2] = [await makeCounselor('s1c1'), await makeCounselor('s1c2')];
    const me = await resident(api);
    const sibling = (await book(api, me, bookingBody('s1c2', c2, at(3, '09:00')))).body;
    const mine = (await book(api, me, bookingBody('s1c1', c1, at(3, '11:00'), { topic: '想聊聊工作压力' }))).body;
    const created = await stream.waitFor((m) => m.event === 'booking.created' && dataOf(m).id === mine.id);
    expect(dataOf(created)).toEqual({ id: mine.id, stationId: sid('s1c1'), start: at(3, '11:00'), status: 'pending', version: 1 });
    expect(created.id).toBe(`${mine.id}:1`);
    expect(JSON.stringify(stream.messages)).not.toMatch(/13800138000|张三|工作压力/);

    await api.request('POST', `/api/v1/admin/bookings/${mine.id}/confirm`, { token: staff.accessToken, body: {} });
    const updated = await stream.waitFor((m) => m.event === 'booking.updated' && dataOf(m).id === mine.id);
    expect(dataOf(updated)).toMatchObject({ status: 'confirmed', version: 2 });
    await stream.waitFor((m) => m.comment === 'ping', 3000);
    await new Promise((r) => setTimeout(r, 800)); // several polls later the sibling's booking has still not been sent
    expect(stream.messages.some((m) => m.data?.includes(sibling.id))).toBe(false);
    // Each change is sent once, although the instance both publishes it and finds it in its poll.
    expect(stream.messages.filter((m) => m.id === `${mine.id}:1`)).toHaveLength(1);
    // A browser that goes away is unsubscribed (and the poll stops with the last listener).
    expect(api.services.bookingEvents.listenerCount).toBe(1);
    stream.close();
    for (let i = 0; i < 40 && api.services.bookingEvents.listenerCount > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(api.services.bookingEvents.listenerCount).toBe(0);
  });

  test('bookings made through another API instance arrive through the database poll', async () => {
    const { token } = await streamToken('station-s2');
    const stream = await open(token);
    // A second instance: its own services and its own in-process event hub, same database.
    const other = createBookingServices({
      config: api.config, audit: api.services.audit, stations: api.services.stations, consents: api.services.consents,
      cipher: createFieldCipher(api.config.dataEncryptionKey),
    });
    const c = await makeCounselor('s2c3');
    const me = await resident(api);
    const made = await other.bookings.create(me.id, { stationId: sid('s2c3'), counselorId: c, service: 'individual', start: at(4, '09:00'), name: '王五', phone: '13700137000' }, 'other-instance-key-1');
    const ev = await stream.waitFor((m) => m.event === 'booking.created' && dataOf(m).id === made.booking.id, 4000);
    expect(dataOf(ev)).toMatchObject({ stationId: sid('s2c3'), status: 'pending' });
    other.bookingEvents.close();
    stream.close();
  });

  test('a stream can be narrowed to a subtree in scope; a station outside scope is 403', async () => {
    const { token } = await streamToken('station-s1');
    const res = await api.request('GET', `/api/v1/admin/bookings/stream?token=${encodeURIComponent(token)}&stationId=${sid('s2')}`);
    expect([res.status, res.body.error.code]).toEqual([403, 'STATION_OUT_OF_SCOPE']);
  });

  test('shutdown closes open streams', async () => {
    const { token } = await streamToken('demo-admin');
    const stream = await open(token);
    await stream.waitFor((m) => m.retry === '3000');
    api.services.bookingEvents.close();
    await Promise.race([stream.done, new Promise((r) => setTimeout(r, 3000))]);
    expect(stream.ended).toBe(true);
  });
});
