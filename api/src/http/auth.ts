import type { Context, Next } from 'koa';
import type { AuditService } from '../modules/audit/audit.service';
import { PASSWORD_CHANGE_REQUIRED, allowedWhilePasswordChangeRequired } from '../modules/auth/password-change-gate';
import type { AuthenticatedStaff, StaffAuthService } from '../modules/auth/staff-auth.service';
import { TokenExpired, type TokenService } from '../modules/auth/tokens';
import type { CurrentResident } from '../modules/residents/resident.model';
import { ForbiddenError, UnauthenticatedError } from './errors';
import type { Authenticators, Role } from './route';

function bearer(ctx: Context): string {
  const header = ctx.get('Authorization');
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  if (!match) throw new UnauthenticatedError();
  return match[1]!;
}

function tokenError(e: unknown): never {
  if (e instanceof TokenExpired) throw new UnauthenticatedError('TOKEN_EXPIRED', '登录已过期，请重新登录');
  if (e instanceof UnauthenticatedError) throw e;
  throw new UnauthenticatedError('UNAUTHENTICATED', '登录信息无效，请重新登录');
}

/** The matched route's path as declared ("/staff/me"), without the router's prefix ("/api/v1"). */
function declaredPath(ctx: Context): string {
  const routed = ctx as Context & { routerPath?: string; router?: { opts?: { prefix?: string } } };
  const full = routed.routerPath ?? '';
  const prefix = routed.router?.opts?.prefix ?? '';
  return full.startsWith(prefix) ? full.slice(prefix.length) : full;
}

/**
 * Verification happens in its own try; `next()` is called outside it, so errors from the route are never
 * mistaken for authentication failures.
 */
export function createAuthenticators(deps: {
  tokens: TokenService; staffAuth: StaffAuthService; audit: AuditService; findResident: (id: string) => Promise<CurrentResident | null>;
}): Authenticators {
  return {
    resident: async (ctx: Context, next: Next) => {
      let residentId: string;
      try {
        residentId = deps.tokens.verifyResident(bearer(ctx)).sub;
      } catch (e) {
        tokenError(e);
      }
      // A token outlives a deleted account (DELETE /me); without this check it could still write under that id.
      const resident = await deps.findResident(residentId);
      if (!resident) throw new UnauthenticatedError('ACCOUNT_NOT_FOUND', '这个账号已经注销或登录已失效，请重新进入');
      ctx.state.resident = resident;
      await next();
    },
    staff: (roles: readonly Role[]) => async (ctx: Context, next: Next) => {
      let staff: AuthenticatedStaff;
      try {
        staff = await deps.staffAuth.authenticate(bearer(ctx));
      } catch (e) {
        tokenError(e);
      }
      if (!roles.includes(staff.role)) {
        await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'access.denied', target: `${ctx.method} ${ctx.path}`, result: 'denied' });
        throw new ForbiddenError('FORBIDDEN', '没有权限进行此操作');
      }
      // Enforced here, for every staff route, so a new route cannot forget it; only the routes that lead to a
      // new password are let through (password-change-gate.ts).
      if (staff.mustChangePassword && !allowedWhilePasswordChangeRequired(ctx.method, declaredPath(ctx))) {
        throw new ForbiddenError(PASSWORD_CHANGE_REQUIRED.code, PASSWORD_CHANGE_REQUIRED.message);
      }
      ctx.state.staff = staff;
      await next();
    },
  };
}

declare module 'koa' {
  interface DefaultState {
    requestId: string;
    resident?: CurrentResident;
    staff?: AuthenticatedStaff;
  }
}

/** The authenticated staff member of a staff route (mountRoutes guarantees it is set). */
export function currentStaff(ctx: Context): AuthenticatedStaff {
  if (!ctx.state.staff) throw new UnauthenticatedError();
  return ctx.state.staff;
}

export function currentResident(ctx: Context): CurrentResident {
  if (!ctx.state.resident) throw new UnauthenticatedError();
  return ctx.state.resident;
}
