// Shapes the API returns for staff sign-in. The server is the source of truth; parse* checks the few
// fields the UI relies on, so a malformed answer fails at the door instead of deep inside a page.
import { isRole, type Role } from '../roles';
import { ApiError, CLIENT_ERROR_CODES, messageFor } from './errors';

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set for station_staff only: the station whose subtree they serve. */
  stationId: string | null;
  stationName: string | null;
  /**
   * true: the password was chosen or seen by someone else (a one-time password, the first admin's), and the API
   * refuses everything but changing it (403 PASSWORD_CHANGE_REQUIRED). Missing is false.
   */
  mustChangePassword?: boolean;
}

/** Answer of POST /auth/staff/login and POST /auth/staff/refresh. */
export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  /** Access-token lifetime in seconds. */
  expiresIn: number;
  user: StaffUser;
}

function unexpected(): ApiError {
  const code = CLIENT_ERROR_CODES.unexpectedResponse;
  return new ApiError(200, code, messageFor(200, code));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const optionalString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function parseStaffUser(value: unknown): StaffUser {
  if (
    !isRecord(value) ||
    typeof value.id !== 'string' ||
    typeof value.username !== 'string' ||
    typeof value.displayName !== 'string' ||
    !isRole(value.role)
  ) {
    throw unexpected();
  }
  return {
    id: value.id,
    username: value.username,
    displayName: value.displayName,
    role: value.role,
    stationId: optionalString(value.stationId),
    stationName: optionalString(value.stationName),
    mustChangePassword: value.mustChangePassword === true,
  };
}

export function parseAuthResult(value: unknown): AuthResult {
  if (
    !isRecord(value) ||
    typeof value.accessToken !== 'string' ||
    typeof value.refreshToken !== 'string' ||
    typeof value.expiresIn !== 'number'
  ) {
    throw unexpected();
  }
  return {
    accessToken: value.accessToken,
    refreshToken: value.refreshToken,
    expiresIn: value.expiresIn,
    user: parseStaffUser(value.user),
  };
}
