// Session lifecycle shared by the router and the layout: restore on page load, sign out, and the forced
// password change. Signing in and changing the password live with their pages (src/pages/auth/*/service.ts).
import { AUTH_PATHS, http } from './http';
import { sessionStore } from './session';
import type { StaffUser } from './types';

/** The 修改密码 page: the only page open to a user who must change their password, and in the user menu. */
export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Where a signed-in user may go when they ask for `wanted`: anywhere, unless their password was chosen or seen by
 * someone else; then only to 修改密码 (the API refuses the rest anyway, with 403 PASSWORD_CHANGE_REQUIRED).
 */
export function allowedPath(user: Pick<StaffUser, 'mustChangePassword'>, wanted: string): string {
  return user.mustChangePassword ? CHANGE_PASSWORD_PATH : wanted;
}

/**
 * The signed-in user, restoring the session from the refresh token in sessionStorage after a reload.
 * Resolves null when there is nothing to restore or the refresh token is no longer accepted (the
 * session is then cleared and the user signs in again). Safe to call from several loaders at once:
 * they share one refresh call.
 */
export async function restoreSession(): Promise<StaffUser | null> {
  const current = sessionStore.get();
  if (current) return current.user;
  if (!sessionStore.getRefreshToken()) return null;
  const restored = await http.refreshSession().catch(() => null);
  return restored?.user ?? null;
}

/** Revokes the refresh token on the server, then forgets the session even if that call failed. */
export async function logout(): Promise<void> {
  const refreshToken = sessionStore.getRefreshToken();
  try {
    if (refreshToken) await http.post<void>(AUTH_PATHS.logout, { refreshToken });
  } finally {
    sessionStore.clear('logout');
  }
}
