import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeGracefully } from './lifecycle';

describe('closeGracefully', () => {
  test('lets an in-flight request finish, refuses new connections, then runs the closers', async () => {
    const order: string[] = [];
    const server = http.createServer((_req, res) => {
      setTimeout(() => { order.push('response'); res.end('done'); }, 300);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const inFlight = fetch(url).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const closing = closeGracefully(server, [async () => { order.push('db closed'); }], 5000);
    await expect(fetch(url)).rejects.toThrow();
    expect(await inFlight).toBe('done');
    await closing;
    expect(order).toEqual(['response', 'db closed']);
  });

  test('cuts requests that outlive the grace period, so shutdown always ends', async () => {
    const server = http.createServer(() => undefined); // never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const hung = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).then(() => 'answered', () => 'cut');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await closeGracefully(server, [], 200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hung).toBe('cut');
  });
});
