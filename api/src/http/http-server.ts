import http from 'node:http';
import type { Duplex } from 'node:stream';
import type Koa from 'koa';

/**
 * Requests Node refuses before Koa sees them (a request line and headers over 16 KiB, a malformed request, a
 * request that takes too long to arrive) get the same error envelope as everything else, instead of Node's bare
 * status line. Statuses are Node's own: 431, 408, 400.
 */
const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'REQUEST_HEADERS_TOO_LARGE', message: '请求地址或请求头太长了' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'REQUEST_TIMEOUT', message: '请求超时，请稍后再试' },
};
const MALFORMED = { status: 400, reason: 'Bad Request', code: 'BAD_REQUEST', message: '请求格式不正确' };

export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has no one to answer; a response already under way cannot get a second status line.
  const headerSent = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (err.code === 'ECONNRESET' || !socket.writable || headerSent) {
    socket.destroy();
    return;
  }
  const e = CLIENT_ERRORS[err.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify({ error: { code: e.code, message: e.message } });
  socket.end(
    `HTTP/1.1 ${e.status} ${e.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The HTTP server for the Koa app, used by the product, the tests and the bench alike. */
export function createHttpServer(app: Koa): http.Server {
  const server = http.createServer(app.callback());
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  server.on('clientError', answerClientError);
  return server;
}
