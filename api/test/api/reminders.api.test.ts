import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import mongoose from 'mongoose';
import { API_PREFIX } from '../../src/app';
import { createAuthenticators } from '../../src/http/auth';
import { errorHandler } from '../../src/http/error-handler';
import { requestContext } from '../../src/http/request-context';
import { mountRoutes } from '../../src/http/route';
import { createLogger } from '../../src/logger';
import { ResidentModel } from '../../src/modules/residents/resident.model';
import { ReminderModel } from '../../src/modules/reminders/reminder.model';
import { reminderRoutes } from '../../src/modules/reminders/reminders.routes';
import { createRemindersService } from '../../src/modules/reminders/reminders.service';
import { createAccessTokenClient } from '../../src/modules/wechat/access-token.client';
import { createSubscribeMessageClient } from '../../src/modules/wechat/subscribe-message.client';
import { findCurrentResident } from '../../src/modules/residents/resident.model';
import { startApi, type TestApi } from '../support/api';
import { startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';

// The reminder routes are mounted here on a small app sharing startApi's database, services and token secret
// (the lead wires them into createApp); residents sign in through the real app's dev login.
let api: TestApi;
let fake: FakeWeChat;
let server: http.Server;
let url: string;
const logs: string[] = [];
const logger = createLogger('info', new Writable({ write(c, _e, cb) { logs.push(String(c)); cb(); } }));

/** One "API instance": its own token cache and WeChat clients, as a second process would have. */
function instance(opts: { templateId?: string; now?: () => Date } = {}) {
  const tokens = createAccessTokenClient({ apiBase: fake.base, appid: fake.appid, secret: fake.secret });
  return createRemindersService({
    scales: api.services.scales,
    subscribe: createSubscribeMessageClient({ apiBase: fake.base, tokens, miniprogramState: 'developer' }),
    templateId: opts.templateId ?? 'tmpl-retest',
    logger,
    ...(opts.now ? { now: opts.now } : {}),
  });
}

beforeAll(async () => {
  api = await startApi({}, { content: false });
  fake = await startFakeWeChat();
  const koa = new Koa();
  koa.silent = true;
  const router = new Router({ prefix: API_PREFIX });
  mountRoutes(router, reminderRoutes({ reminders: instance() }), createAuthenticators({ tokens: api.services.tokens, staffAuth: api.services.staffAuth, audit: api.services.audit, findResident: findCurrentResident }));
  koa.use(requestContext(logger));
  koa.use(errorHandler());
  koa.use(bodyParser({ enableTypes: ['json'], jsonStrict: true }));
  koa.use(router.routes());
  server = http.createServer(koa.callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${API_PREFIX}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await fake.close();
  await api.close();
});

async function call(method: string, path: string, o: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url + path, { method, headers, ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

let n = 0;
async function resident(openid = `o-rem-${Date.now()}-${n++}`) {
  const res = await api.request('POST', '/api/v1/auth/dev-login', { body: { openid } });
  const token = res.body.token as string;
  const id = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string;
  const doc = await ResidentModel.findById(id).lean();
  return { token, id, openid: doc!.openid };
}

const DAY = 86_400_000;
const sendsTo = (openid: string) => fake.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send' && (c.body as { touser?: string }).touser === openid);

describe('reminder routes', () => {
  test('need a signed-in resident: 401 without a token', async () => {
    expect((await call('POST', '/me/reminders', { body: { code: 'phq9' } })).status).toBe(401);
    expect((await call('GET', '/me/reminders')).status).toBe(401);
    expect((await call('DELETE', '/me/reminders/rr_aaaaaaaaaa')).status).toBe(401);
  });

  test('validate: a bad body is 400, an unknown scale 404', async () => {
    const { token } = await resident();
    for (const body of [{}, { code: 'PHQ-9' }, { code: 'phq9', extra: 1 }, { code: { $gt: '' } }]) {
      const res = await call('POST', '/me/reminders', { token, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const unknown = await call('POST', '/me/reminders', { token, body: { code: 'zzz9' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('SCALE_NOT_FOUND');
    expect((await call('DELETE', '/me/reminders/not-an-id!', { token })).status).toBe(400);
    expect(await ReminderModel.countDocuments()).toBe(0);
  });

  test('create → 201 due in 14 days; a repeat the same day is the same reminder; list; delete is owner-only', async () => {
    const me = await resident();
    const other = await resident();
    const before = Date.now();
    const res = await call('POST', '/me/reminders', { token: me.token, body: { code: 'phq9' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'phq9', status: 'pending' });
    const due = Date.parse(res.body.dueAt);
    expect(due).toBeGreaterThanOrEqual(before + 14 * DAY);
    expect(due).toBeLessThanOrEqual(Date.now() + 14 * DAY);
    const again = await call('POST', '/me/reminders', { token: me.token, body: { code: 'phq9' } });
    expect(again.body.id).toBe(res.body.id);
    expect(await ReminderModel.countDocuments({ residentId: me.id })).toBe(1);

    const list = await call('GET', '/me/reminders', { token: me.token });
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
    expect((await call('GET', '/me/reminders', { token: other.token })).body.items).toEqual([]);

    expect((await call('DELETE', `/me/reminders/${res.body.id}`, { token: other.token })).status).toBe(404);
    expect((await call('DELETE', `/me/reminders/${res.body.id}`, { token: me.token })).status).toBe(204);
    expect((await call('DELETE', `/me/reminders/${res.body.id}`, { token: me.token })).status).toBe(404);
    expect(await ReminderModel.countDocuments({ residentId: me.id })).toBe(0);
  });
});

describe('sendDueReminders', () => {
  test('not yet due is not sent; when due, sent once with the neutral text', async () => {
    const t0 = new Date('2020-01-01T02:00:00Z');
    const me = await resident();
    await instance({ now: () => t0 }).create(me.id, 'gad7');
    const sweeper = instance();
    expect(await sweeper.sendDueReminders(new Date(t0.getTime() + 14 * DAY - 1000))).toMatchObject({ due: 0, sent: 0 });
    expect(sendsTo(me.openid)).toHaveLength(0);

    const at = new Date(t0.getTime() + 14 * DAY);
    expect(await sweeper.sendDueReminders(at)).toMatchObject({ due: 1, sent: 1 });
    const msg = fake.sent.find((s) => s.touser === me.openid)!;
    expect(msg.template_id).toBe('tmpl-retest');
    expect(msg.page).toBe('packages/selftest/pages/intro/index?code=gad7');
    expect(Object.values(msg.data).map((v) => v.value)).toEqual(['自测提醒', '两周前你做过自测，可以再做一次看看变化', '2020年1月15日']);
    expect(JSON.stringify(msg.data)).not.toMatch(/gad|GAD|焦虑|分/);
    const [row] = await ReminderModel.find({ residentId: me.id }).lean();
    expect(row).toMatchObject({ status: 'sent' });
    expect(await sweeper.sendDueReminders(new Date(at.getTime() + DAY))).toMatchObject({ due: 0, sent: 0 });
    expect(sendsTo(me.openid)).toHaveLength(1);
  });

  test('two instances sweeping at the same time send each reminder exactly once', async () => {
    const t0 = new Date('2020-03-01T02:00:00Z');
    const people = await Promise.all(Array.from({ length: 12 }, () => resident()));
    const creator = instance({ now: () => t0 });
    for (const p of people) await creator.create(p.id, 'phq9');
    const at = new Date(t0.getTime() + 15 * DAY);
    const [a, b] = await Promise.all([instance().sendDueReminders(at), instance().sendDueReminders(at)]);
    expect(a.sent + b.sent).toBe(12);
    expect(a.skipped + b.skipped).toBe(a.due + b.due - 12);
    for (const p of people) expect(sendsTo(p.openid)).toHaveLength(1);
    expect(await ReminderModel.countDocuments({ residentId: mongoose.trusted({ $in: people.map((p) => p.id) }), status: 'sent' })).toBe(12);
  });

  test('43101 marks the reminder refused and is never retried', async () => {
    const t0 = new Date('2020-05-01T02:00:00Z');
    const me = await resident();
    fake.refuse.add(me.openid);
    await instance({ now: () => t0 }).create(me.id, 'who5');
    const sweeper = instance();
    expect(await sweeper.sendDueReminders(new Date(t0.getTime() + 14 * DAY))).toMatchObject({ refused: 1, sent: 0 });
    expect(sendsTo(me.openid)).toHaveLength(1);
    expect((await ReminderModel.findOne({ residentId: me.id }).lean())!.status).toBe('refused');
    await sweeper.sendDueReminders(new Date(t0.getTime() + 20 * DAY));
    expect(sendsTo(me.openid)).toHaveLength(1);
  });

  test('another error (40037 bad template) marks it failed with the errcode, no retry', async () => {
    const t0 = new Date('2020-07-01T02:00:00Z');
    const me = await resident();
    await instance({ now: () => t0 }).create(me.id, 'pss10');
    const broken = instance({ templateId: 'tmpl-deleted' });
    expect(await broken.sendDueReminders(new Date(t0.getTime() + 14 * DAY))).toMatchObject({ failed: 1 });
    expect(await ReminderModel.findOne({ residentId: me.id }).lean()).toMatchObject({ status: 'failed', errcode: 40037 });
    await instance().sendDueReminders(new Date(t0.getTime() + 20 * DAY));
    expect(sendsTo(me.openid)).toHaveLength(1);
    expect(logs.join('')).not.toContain('ACCESS_TOKEN_');
  });
});
