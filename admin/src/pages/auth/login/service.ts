import { AUTH_PATHS, http } from '../../../services/http';
import { sessionStore } from '../../../services/session';
import { parseAuthResult, type StaffUser } from '../../../services/types';

export interface LoginForm {
  username: string;
  password: string;
}

/** POST /auth/staff/login; on success the session is stored and the user returned. */
export async function login({ username, password }: LoginForm): Promise<StaffUser> {
  const body = await http.post<unknown>(AUTH_PATHS.login, { username: username.trim(), password }, { auth: false });
  const result = parseAuthResult(body);
  sessionStore.set(result);
  return result.user;
}
