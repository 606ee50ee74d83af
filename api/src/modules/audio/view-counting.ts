import crypto from 'node:crypto';
import type { Context } from 'koa';
import type { TokenService } from '../auth/tokens';
import { chinaDateOf } from '../availability/china-time';

/**
 * Article views and track plays count at most once per viewer, item and China day, so a script cannot inflate
 * them. A count is the number of claim documents, and a claim's `_id` is derived from (item, day, viewer): the
 * insert is the atomic "first time today" test (FerretDB has no $inc and no atomic guarded update), a repeat is a
 * duplicate key and is simply not counted.
 *
 * The viewer is the resident when a valid resident token comes along, else the client address with the user
 * agent. Neither is stored: the `_id` keeps a keyed hash that also covers the item and the day, so one person's
 * claims cannot be linked across items or days, nor traced back to an address, without the server's key.
 */
export interface ViewCounting {
  /** Who is asking, as an opaque string that is only ever hashed. A bad or expired token is not an error here. */
  viewerOf(ctx: Context): string;
  /** `${itemId}:${yyyy-mm-dd China}:${mac}`: the same for every repeat by one viewer on one day. */
  claimId(scope: 'article' | 'track', itemId: string, viewer: string, at: Date): string;
}

// Long user agents add nothing to telling clients apart and only cost hashing time.
const USER_AGENT_MAX = 512;

export function createViewCounting(deps: { secret: string; tokens: Pick<TokenService, 'verifyResident'> }): ViewCounting {
  // A key of its own, derived once, so these hashes are unrelated to what else the secret signs.
  const key = crypto.createHmac('sha256', deps.secret).update('xinan:view-counting:v1').digest();

  function residentIdOf(ctx: Context): string | null {
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(ctx.get('Authorization'))?.[1];
    if (!token) return null;
    try {
      return deps.tokens.verifyResident(token).sub;
    } catch {
      return null;
    }
  }

  return {
    viewerOf(ctx) {
      const residentId = residentIdOf(ctx);
      if (residentId) return `resident:${residentId}`;
      return `client:${ctx.ip}\n${ctx.get('User-Agent').slice(0, USER_AGENT_MAX)}`;
    },
    claimId(scope, itemId, viewer, at) {
      const day = chinaDateOf(at);
      const mac = crypto.createHmac('sha256', key).update(`${scope}\n${itemId}\n${day}\n${viewer}`).digest('base64url').slice(0, 32);
      return `${itemId}:${day}:${mac}`;
    },
  };
}
