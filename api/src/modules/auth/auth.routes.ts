import { currentResident, currentStaff } from '../../http/auth';
import { ROLES, defineRoute, type AnyRoute } from '../../http/route';
import {
  changePasswordBody, changePasswordResponse, devLoginBody, logoutBody, refreshBody, residentLoginResponse, residentProfile, staffLoginBody, staffLoginResponse, staffProfile, wechatLoginBody,
} from './auth.schemas';
import type { ResidentAuthService } from './resident-auth.service';
import type { StaffAuthService } from './staff-auth.service';
import { STAFF_LOGOUT_PATH, STAFF_ME_PATH, STAFF_PASSWORD_PATH } from './password-change-gate';

export function authRoutes(deps: { residentAuth: ResidentAuthService; staffAuth: StaffAuthService; allowDevLogin: boolean }): AnyRoute[] {
  const routes: AnyRoute[] = [
    defineRoute({
      method: 'post', path: '/auth/wechat', tags: ['auth'], access: { kind: 'public' },
      summary: 'Resident login: exchange a wx.login code for a token',
      body: wechatLoginBody,
      responses: { 200: { description: 'Logged in', schema: residentLoginResponse } },
      errors: { 401: 'WECHAT_CODE_INVALID', 403: 'WECHAT_USER_BLOCKED', 503: 'WECHAT_RATE_LIMITED, WECHAT_UNAVAILABLE (also when WeChat credentials are not configured)' },
      async handler(ctx, { body }) {
        ctx.body = await deps.residentAuth.loginWithWeChat(body.code);
      },
    }),
    defineRoute({
      method: 'get', path: '/me', tags: ['residents'], access: { kind: 'resident' },
      summary: 'The signed-in resident',
      responses: { 200: { description: 'Profile', schema: residentProfile } },
      async handler(ctx) {
        ctx.set('Cache-Control', 'no-store');
        // The authenticator has just read the account; its profile is that read.
        const resident = currentResident(ctx);
        ctx.body = { id: resident.id, createdAt: resident.createdAt.toISOString() };
      },
    }),
    defineRoute({
      method: 'post', path: '/auth/staff/login', tags: ['auth'], access: { kind: 'public' },
      summary: 'Staff login with username and password',
      body: staffLoginBody,
      responses: { 200: { description: 'Logged in', schema: staffLoginResponse } },
      errors: { 401: 'INVALID_CREDENTIALS', 423: 'ACCOUNT_LOCKED (with Retry-After)' },
      async handler(ctx, { body }) {
        ctx.set('Cache-Control', 'no-store');
        ctx.body = await deps.staffAuth.login(ctx, body.username, body.password);
      },
    }),
    defineRoute({
      method: 'post', path: '/auth/staff/refresh', tags: ['auth'], access: { kind: 'public' },
      summary: 'Rotate a refresh token; a reused token revokes its whole family',
      body: refreshBody,
      responses: { 200: { description: 'New token pair', schema: staffLoginResponse } },
      errors: { 401: 'REFRESH_TOKEN_INVALID' },
      async handler(ctx, { body }) {
        ctx.set('Cache-Control', 'no-store');
        ctx.body = await deps.staffAuth.refresh(ctx, body.refreshToken);
      },
    }),
    defineRoute({
      method: 'post', path: STAFF_LOGOUT_PATH, tags: ['auth'], access: { kind: 'staff', roles: ROLES },
      summary: 'End this staff session (all its refresh tokens and access tokens)',
      body: logoutBody,
      responses: { 204: { description: 'Logged out' } },
      async handler(ctx) {
        const staff = currentStaff(ctx);
        await deps.staffAuth.logout(ctx, staff.sessionId, staff.id);
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'post', path: STAFF_PASSWORD_PATH, tags: ['auth'], access: { kind: 'staff', roles: ROLES },
      summary: 'Change the own password; ends every other session of the account (this one stays signed in)',
      body: changePasswordBody,
      responses: { 200: { description: 'Changed; the profile with mustChangePassword false', schema: changePasswordResponse } },
      errors: {
        400: 'VALIDATION_FAILED, CURRENT_PASSWORD_INCORRECT (counts toward the login lockout), PASSWORD_TOO_WEAK (message: the policy rule), PASSWORD_REUSED',
        409: 'PASSWORD_CHANGE_CONFLICT (another change of the same password won)',
        423: 'ACCOUNT_LOCKED (with Retry-After)',
      },
      async handler(ctx, { body }) {
        ctx.set('Cache-Control', 'no-store');
        const staff = currentStaff(ctx);
        ctx.body = await deps.staffAuth.changePassword(ctx, { id: staff.id, sessionId: staff.sessionId }, body.currentPassword, body.newPassword);
      },
    }),
    defineRoute({
      method: 'get', path: STAFF_ME_PATH, tags: ['staff'], access: { kind: 'staff', roles: ROLES },
      summary: 'The signed-in staff member',
      responses: { 200: { description: 'Profile', schema: staffProfile } },
      async handler(ctx) {
        ctx.set('Cache-Control', 'no-store');
        ctx.body = await deps.staffAuth.profileOf(currentStaff(ctx).id);
      },
    }),
  ];
  if (deps.allowDevLogin) {
    // Outside production only: the H5 build and tests log in without WeChat. In production the route is never mounted.
    routes.push(defineRoute({
      method: 'post', path: '/auth/dev-login', tags: ['auth'], access: { kind: 'public' },
      summary: 'Development only: log in as a resident by openid',
      body: devLoginBody,
      responses: { 200: { description: 'Logged in', schema: residentLoginResponse } },
      async handler(ctx, { body }) {
        ctx.body = await deps.residentAuth.loginByOpenid(body.openid);
      },
    }));
  }
  return routes;
}
