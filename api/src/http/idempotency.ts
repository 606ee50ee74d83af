import type { Context } from 'koa';
import { z } from 'zod';
import { ValidationError } from './errors';

const key = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** The request's Idempotency-Key header, if any; a malformed one is a 400 rather than silently ignored. */
export function readIdempotencyKey(ctx: Context): string | undefined {
  const value = ctx.get('Idempotency-Key');
  if (!value) return undefined;
  if (!key.safeParse(value).success) {
    throw new ValidationError([{ in: 'header', path: 'Idempotency-Key', message: 'Idempotency-Key 应为 8–64 位字母、数字、下划线或连字符' }]);
  }
  return value;
}
