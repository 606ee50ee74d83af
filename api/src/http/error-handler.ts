import type { Context, Next } from 'koa';
import { AppError } from './errors';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
}

// Errors raised by Koa itself or its middleware (body parser, router) mapped to our codes.
const HTTP_ERROR_CODES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求格式不正确' },
  404: { code: 'NOT_FOUND', message: '没有找到相关内容' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持此操作' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大了' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 JSON 格式提交' },
  501: { code: 'NOT_IMPLEMENTED', message: '不支持此操作' },
};

/** The one catch point: every error leaves as { error: { code, message, details } }; 5xx are logged once. */
export function errorHandler() {
  return async function handleErrors(ctx: Context, next: Next) {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
        ctx.status = 404;
        ctx.body = { error: { code: 'NOT_FOUND', message: '没有找到相关内容' } };
      }
    } catch (raw) {
      const err = raw as HttpLikeError & Error;
      if (err instanceof AppError) {
        ctx.status = err.status;
        if (err.headers) ctx.set(err.headers);
        ctx.body = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
        return;
      }
      const status = err.status ?? err.statusCode ?? 500;
      if (status < 500 && HTTP_ERROR_CODES[status]) {
        // co-body marks unparsable JSON (and __proto__ poisoning) as a SyntaxError with status 400.
        const mapped = status === 400 && err.name === 'SyntaxError'
          ? { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' }
          : HTTP_ERROR_CODES[status]!;
        ctx.status = status;
        ctx.body = { error: mapped };
        return;
      }
      ctx.log.error({ err: { type: err.name, message: err.message, stack: err.stack } }, 'unhandled error');
      ctx.status = 500;
      ctx.body = { error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试', details: { requestId: ctx.state.requestId } } };
    }
  };
}
