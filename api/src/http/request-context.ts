import crypto from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../logger';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id (kept from X-Request-Id when it is well-formed, to follow a call across services),
 * a child logger carrying it, and one access-log line. Only the path is logged: query strings may carry personal data.
 */
export function requestContext(logger: Logger) {
  return async function withRequestContext(ctx: Context, next: Next) {
    const incoming = ctx.get('X-Request-Id');
    const requestId = SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    ctx.log = logger.child({ requestId });
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      ctx.log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
    }
  };
}

declare module 'koa' {
  interface DefaultContext {
    log: Logger;
  }
}
