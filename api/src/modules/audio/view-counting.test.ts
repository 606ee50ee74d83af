import type { Context } from 'koa';
import type { ResidentClaims } from '../auth/tokens';
import { createViewCounting } from './view-counting';

const tokens = {
  verifyResident(token: string) {
    if (token === 'resident-a') return { sub: 'a'.repeat(24) } as ResidentClaims;
    if (token === 'resident-b') return { sub: 'b'.repeat(24) } as ResidentClaims;
    throw new Error('invalid token');
  },
};
const counting = createViewCounting({ secret: 's'.repeat(40), tokens });

function ctx(headers: Record<string, string> = {}, ip = '203.0.113.7'): Context {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { ip, get: (name: string) => lower[name.toLowerCase()] ?? '' } as unknown as Context;
}

const item = 'c'.repeat(24);
const at = new Date('2026-05-05T03:00:00Z');

describe('viewerOf', () => {
  test('a valid resident token names the resident, whatever the address', () => {
    expect(counting.viewerOf(ctx({ Authorization: 'Bearer resident-a' }, '198.51.100.1')))
      .toBe(counting.viewerOf(ctx({ Authorization: 'Bearer resident-a', 'User-Agent': 'other' }, '198.51.100.2')));
    expect(counting.viewerOf(ctx({ Authorization: 'Bearer resident-a' }))).not.toBe(counting.viewerOf(ctx({ Authorization: 'Bearer resident-b' })));
  });

  test('without a usable token the address and user agent tell clients apart', () => {
    const anon = counting.viewerOf(ctx({ 'User-Agent': 'phone' }));
    expect(counting.viewerOf(ctx({ 'User-Agent': 'phone', Authorization: 'Bearer forged' }))).toBe(anon);
    expect(counting.viewerOf(ctx({ 'User-Agent': 'phone', Authorization: 'Basic abc' }))).toBe(anon);
    expect(counting.viewerOf(ctx({ 'User-Agent': 'tablet' }))).not.toBe(anon);
    expect(counting.viewerOf(ctx({ 'User-Agent': 'phone' }, '203.0.113.8'))).not.toBe(anon);
  });
});

describe('claimId', () => {
  const viewer = counting.viewerOf(ctx({ 'User-Agent': 'phone' }));

  test('one claim per viewer, item and China day', () => {
    const id = counting.claimId('article', item, viewer, at);
    expect(id).toMatch(new RegExp(`^${item}:2026-05-05:[A-Za-z0-9_-]{32}$`));
    expect(counting.claimId('article', item, viewer, new Date('2026-05-05T15:59:59Z'))).toBe(id);
    expect(counting.claimId('article', item, viewer, new Date('2026-05-05T16:00:00Z'))).toMatch(/:2026-05-06:/);
    expect(counting.claimId('article', 'd'.repeat(24), viewer, at)).not.toBe(id);
    expect(counting.claimId('track', item, viewer, at)).not.toBe(id);
    expect(counting.claimId('article', item, counting.viewerOf(ctx({ 'User-Agent': 'tablet' })), at)).not.toBe(id);
  });

  test('the claim holds neither the address nor the resident, and depends on the server key', () => {
    const resident = counting.viewerOf(ctx({ Authorization: 'Bearer resident-a' }));
    const ids = [counting.claimId('article', item, viewer, at), counting.claimId('track', item, resident, at)];
    for (const id of ids) {
      expect(id).not.toContain('203.0.113.7');
      expect(id).not.toContain('a'.repeat(24));
    }
    const otherServer = createViewCounting({ secret: 't'.repeat(40), tokens });
    expect(otherServer.claimId('article', item, viewer, at)).not.toBe(ids[0]);
  });
});
