import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccessTokenClient, WeChatError, WeChatUnavailable } from '../../src/modules/wechat/access-token.client';
import { createSubscribeMessageClient, SubscribeMessageError } from '../../src/modules/wechat/subscribe-message.client';
import { startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';

let fake: FakeWeChat;
beforeEach(async () => { fake = await startFakeWeChat(); });
afterEach(async () => { await fake.close(); });

const tokenCalls = () => fake.calls.filter((c) => c.path === '/cgi-bin/stable_token');
const sendCalls = () => fake.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send');
const clients = (now?: () => number) => {
  const tokens = createAccessTokenClient({ apiBase: fake.base, appid: fake.appid, secret: fake.secret, timeoutMs: 2000, ...(now ? { now } : {}) });
  return { tokens, messages: createSubscribeMessageClient({ apiBase: fake.base, tokens, miniprogramState: 'developer' }) };
};
const message = (openid = 'oUser1', templateId = 'tmpl-retest') => ({ openid, templateId, page: 'pages/home/index', data: { thing1: { value: '自测提醒' } } });

describe('access token (stable_token)', () => {
  test('50 concurrent callers share exactly one upstream call; later calls use the cache', async () => {
    fake.tokenDelayMs = 100;
    const { tokens } = clients();
    const got = await Promise.all(Array.from({ length: 50 }, () => tokens.getToken()));
    expect(new Set(got).size).toBe(1);
    expect(tokenCalls()).toHaveLength(1);
    expect(tokenCalls()[0]!.body).toEqual({ grant_type: 'client_credential', appid: fake.appid, secret: fake.secret, force_refresh: false });
    await tokens.getToken();
    expect(tokenCalls()).toHaveLength(1);
  });

  test('the cache expires 300 s before expires_in', async () => {
    let t = 1_000_000;
    const { tokens } = clients(() => t);
    await tokens.getToken();
    t += (7200 - 300) * 1000 - 1;
    await tokens.getToken();
    expect(tokenCalls()).toHaveLength(1);
    t += 2;
    await tokens.getToken();
    expect(tokenCalls()).toHaveLength(2);
  });

  test('a bad secret is a typed error that does not carry the secret', async () => {
    const tokens = createAccessTokenClient({ apiBase: fake.base, appid: fake.appid, secret: 'wrong-secret' });
    const err = await tokens.getToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeChatError);
    expect((err as WeChatError).errcode).toBe(40125);
    expect(String((err as Error).message)).not.toContain('wrong-secret');
  });

  test('a hanging server times out as WeChatUnavailable', async () => {
    const hang = http.createServer(() => undefined);
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const tokens = createAccessTokenClient({ apiBase: `http://127.0.0.1:${(hang.address() as AddressInfo).port}`, appid: 'a', secret: 's', timeoutMs: 150 });
    await expect(tokens.getToken()).rejects.toBeInstanceOf(WeChatUnavailable);
    hang.closeAllConnections();
    await new Promise<void>((r) => hang.close(() => r()));
  });
});

describe('subscribe message send', () => {
  test('sends the documented body with the token in the query', async () => {
    const { messages, tokens } = clients();
    await expect(messages.send(message())).resolves.toEqual({ status: 'sent' });
    expect(fake.sent).toEqual([{ touser: 'oUser1', template_id: 'tmpl-retest', page: 'pages/home/index', data: { thing1: { value: '自测提醒' } }, miniprogram_state: 'developer', lang: 'zh_CN' }]);
    expect(sendCalls()[0]!.query.access_token).toBe(await tokens.getToken());
  });

  test('40001 → exactly one refresh and one retry', async () => {
    const { messages, tokens } = clients();
    const first = await tokens.getToken();
    fake.revokeCurrentToken();
    await expect(messages.send(message())).resolves.toEqual({ status: 'sent' });
    expect(sendCalls()).toHaveLength(2);
    expect(tokenCalls()).toHaveLength(2);
    expect(sendCalls()[1]!.query.access_token).not.toBe(first);
  });

  test('50 concurrent sends after a revocation refresh the token once', async () => {
    fake.tokenDelayMs = 50;
    const { messages, tokens } = clients();
    await tokens.getToken();
    fake.revokeCurrentToken();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => messages.send(message(`oUser${i}`))));
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    expect(tokenCalls()).toHaveLength(2);
    expect(fake.sent).toHaveLength(50);
  });

  test('a token WeChat keeps refusing is retried once, not in a loop; the error does not carry the token', async () => {
    const { messages, tokens } = clients();
    const token = await tokens.getToken();
    fake.rejectAllTokens = true;
    const err = await messages.send(message()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeChatError);
    expect((err as WeChatError).errcode).toBe(40001);
    expect(sendCalls()).toHaveLength(2);
    // one refresh: normal mode hands back the same token, so force_refresh is asked once
    expect(tokenCalls().map((c) => (c.body as { force_refresh: boolean }).force_refresh)).toEqual([false, false, true]);
    expect((err as Error).message).not.toContain(token);
  });

  test('43101 is a "refused" result and is not retried', async () => {
    fake.refuse.add('oRefuser');
    const { messages } = clients();
    await expect(messages.send(message('oRefuser'))).resolves.toEqual({ status: 'refused' });
    expect(sendCalls()).toHaveLength(1);
    expect(fake.sent).toHaveLength(0);
  });

  test('47003 and 40037 are typed errors, sent once', async () => {
    const { messages } = clients();
    const bad = await messages.send({ ...message(), data: { thing1: { value: '这是一段超过二十个字的提醒内容，微信会拒绝它的哦' } } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(SubscribeMessageError);
    expect(bad).toMatchObject({ errcode: 47003, kind: 'bad_data' });
    const tmpl = await messages.send(message('oUser1', 'tmpl-unknown')).catch((e: unknown) => e);
    expect(tmpl).toMatchObject({ errcode: 40037, kind: 'bad_template' });
    expect(sendCalls()).toHaveLength(2);
  });
});
