// While an account must change its password (someone else chose or saw it), its sessions may only do what leads
// to a new one: read who they are, change the password, log out. Refresh and login are public routes anyway.
// Paths are as declared in auth.routes.ts, without the router prefix.

export const STAFF_ME_PATH = '/staff/me';
export const STAFF_PASSWORD_PATH = '/auth/staff/password';
export const STAFF_LOGOUT_PATH = '/auth/staff/logout';

const ALLOWED: ReadonlySet<string> = new Set([`GET ${STAFF_ME_PATH}`, `POST ${STAFF_PASSWORD_PATH}`, `POST ${STAFF_LOGOUT_PATH}`]);

/** May a session whose password must change still call this route? HEAD is answered by the GET route. */
export function allowedWhilePasswordChangeRequired(method: string, declaredPath: string): boolean {
  return ALLOWED.has(`${method === 'HEAD' ? 'GET' : method} ${declaredPath}`);
}

export const PASSWORD_CHANGE_REQUIRED = { code: 'PASSWORD_CHANGE_REQUIRED', message: '为了账号安全，请先修改密码再继续使用' } as const;
