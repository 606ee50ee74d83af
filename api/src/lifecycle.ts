import type http from 'node:http';

/**
 * Stops accepting connections, lets in-flight requests finish (idle keep-alive sockets are closed at once),
 * then runs the closers (database). After `graceMs` remaining connections are cut so shutdown always ends.
 */
export async function closeGracefully(server: http.Server, closers: Array<() => Promise<void>>, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
  for (const close of closers) await close();
}
