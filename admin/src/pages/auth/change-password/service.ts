import { AUTH_PATHS, http as defaultHttp, type HttpClient } from '../../../services/http';
import { sessionStore, type SessionStore } from '../../../services/session';
import { parseStaffUser, type StaffUser } from '../../../services/types';
import type { ChangePasswordForm } from './form';

/**
 * POST /auth/staff/password. The server ends every other session of the account and keeps this one, so the
 * tokens stay; only the user (now without mustChangePassword) is replaced in the session.
 */
export async function changePassword(
  { currentPassword, newPassword }: Pick<ChangePasswordForm, 'currentPassword' | 'newPassword'>,
  deps: { http: HttpClient; session: SessionStore } = { http: defaultHttp, session: sessionStore },
): Promise<StaffUser> {
  const body = await deps.http.post<{ user?: unknown } | undefined>(AUTH_PATHS.password, { currentPassword, newPassword });
  const user = parseStaffUser(body?.user);
  deps.session.setUser(user);
  return user;
}
