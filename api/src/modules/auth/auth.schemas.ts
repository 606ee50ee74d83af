import { z } from 'zod';
import { ROLES } from '../../http/route';

export const wechatLoginBody = z.object({
  code: z.string().min(1).max(128).describe('The code from wx.login'),
});

export const devLoginBody = z.object({
  openid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'openid 只能包含字母、数字、下划线和连字符').describe('Any stable test openid'),
});

export const residentLoginResponse = z.object({
  token: z.string(),
  user: z.object({ id: z.string() }),
});

export const staffLoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const refreshBody = z.object({
  refreshToken: z.string().min(1).max(128),
});

export const logoutBody = z.object({
  refreshToken: z.string().min(1).max(128).optional(),
});

export const staffProfile = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  stationId: z.string().nullable(),
  stationName: z.string().nullable(),
  mustChangePassword: z.boolean().describe('true: every staff route except GET /staff/me, POST /auth/staff/password and logout answers 403 PASSWORD_CHANGE_REQUIRED until the password is changed'),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128).describe('Checked against the staff password policy (at least 12 characters, 3 of 4 character classes, not the username, not a common password)'),
});

export const changePasswordResponse = z.object({ user: staffProfile });

export const staffLoginResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int().describe('Access token lifetime in seconds'),
  user: staffProfile,
});

export const residentProfile = z.object({ id: z.string(), createdAt: z.string() });
