import { http } from '../../../services/http';
import { parseStaffUser, type StaffUser } from '../../../services/types';

/** GET /staff/me: the signed-in staff member as the server sees them now. */
export async function getMe(signal: AbortSignal): Promise<StaffUser> {
  return parseStaffUser(await http.get<unknown>('/staff/me', { signal }));
}
