import fs from 'node:fs';
import path from 'node:path';
import type { Context, Middleware, Next } from 'koa';
import serve from 'koa-static';

/**
 * Serves a built single-page app under `prefix`. Hashed assets are cached for a year; index.html is revalidated
 * on every visit so a new release shows at once. With `historyFallback`, unknown paths get index.html
 * (the admin site uses history routing; the H5 app uses hash routing and needs none).
 */
export function spa(prefix: string, dir: string, historyFallback: boolean): Middleware {
  const files = serve(dir, {
    index: 'index.html',
    maxage: 365 * 24 * 3600 * 1000,
    immutable: true,
    setHeaders(res, filePath) {
      if (filePath.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
    },
  });
  const indexFile = path.join(dir, 'index.html');
  return async function serveSpa(ctx: Context, next: Next) {
    if (ctx.path === prefix) return ctx.redirect(prefix + '/');
    if (!ctx.path.startsWith(prefix + '/')) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (!fs.existsSync(indexFile)) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `${prefix}/ 还没有构建：请运行 npm start（它会先构建缺少的前端）`;
      return;
    }
    const original = ctx.path;
    ctx.path = original.slice(prefix.length) || '/';
    try {
      await files(ctx, async () => undefined);
    } finally {
      ctx.path = original;
    }
    if (ctx.body === undefined && ctx.status === 404 && historyFallback && !path.extname(original)) {
      ctx.set('Cache-Control', 'no-cache');
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = fs.createReadStream(indexFile);
    }
  };
}
