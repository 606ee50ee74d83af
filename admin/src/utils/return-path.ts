// Where to go after signing in. `from` arrives in the query string (/login?from=...), so it is
// untrusted: only a path inside this app is accepted, never another origin ("//evil.example",
// "https://...", "/\evil.example") and never the login page itself.

export const LOGIN_PATH = '/login';

export function safeReturnPath(from: string | null | undefined): string {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.includes('\\')) return '/';
  if (from === LOGIN_PATH || from.startsWith(`${LOGIN_PATH}?`) || from.startsWith(`${LOGIN_PATH}/`)) return '/';
  return from;
}

/** The login URL that brings the user back to `path` afterwards ("/" needs no return path). */
export function loginPathFor(path: string): string {
  const target = safeReturnPath(path);
  return target === '/' ? LOGIN_PATH : `${LOGIN_PATH}?from=${encodeURIComponent(target)}`;
}
