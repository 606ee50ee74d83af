import type { Context } from 'koa';
import { z } from 'zod';
import { AppError, ValidationError } from './errors';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const key = z.string().regex(IDEMPOTENCY_KEY_PATTERN);

export const idempotencyKeyRequired = () => new AppError(400, 'IDEMPOTENCY_KEY_REQUIRED', '请求缺少 Idempotency-Key，请刷新页面后再提交');

/**
 * The request's Idempotency-Key header, if any; a malformed one is a 400 rather than silently ignored, and a
 * missing one is a 400 where the route requires it. Routes declare `idempotencyKey` and get the value as input.
 */
export function readIdempotencyKey(ctx: Context, required = false): string | undefined {
  const value = ctx.get('Idempotency-Key');
  if (!value) {
    if (required) throw idempotencyKeyRequired();
    return undefined;
  }
  if (!key.safeParse(value).success) {
    throw new ValidationError([{ in: 'header', path: 'Idempotency-Key', message: 'Idempotency-Key 应为 8–64 位字母、数字、下划线或连字符' }]);
  }
  return value;
}
