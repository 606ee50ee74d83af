import crypto from 'node:crypto';
import type { Context } from 'koa';
import mongoose, { Types } from 'mongoose';
import type { Config } from '../../config';
import { AppError, ConflictError, LockedError, UnauthenticatedError } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { StaffModel } from '../staff/staff.model';
import { StationModel } from '../stations/station.model';
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from './password';
import { PasswordChangeModel } from './password-change.model';
import { LoginFailureModel } from './login-failure.model';
import { lockedUntil, lockoutLookbackMs } from './lockout';
import { RefreshTokenModel, RefreshTokenSpendModel } from './refresh-token.model';
import { StaffSessionModel, revokeSessionsOf } from './staff-session.model';
import { hashRefreshToken, newRefreshToken, type TokenService } from './tokens';
import { isDuplicateKey } from '../../db';

export interface StaffLoginResult {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: StaffProfile;
}

export interface StaffProfile {
  id: string;
  username: string;
  displayName: string;
  role: 'editor' | 'reviewer' | 'station_staff' | 'district_admin';
  stationId: string | null;
  stationName: string | null;
  /** The password was chosen or seen by someone else: nothing but changing it is allowed until it is. */
  mustChangePassword: boolean;
}

const INVALID = () => new UnauthenticatedError('INVALID_CREDENTIALS', '用户名或密码不正确');
const REFRESH_INVALID = () => new UnauthenticatedError('REFRESH_TOKEN_INVALID', '登录已过期，请重新登录');
const CURRENT_PASSWORD_WRONG = () => new AppError(400, 'CURRENT_PASSWORD_INCORRECT', '当前密码不正确', [{ in: 'body', path: 'currentPassword', code: 'incorrect', message: '当前密码不正确' }]);
const newPasswordError = (code: string, message: string) => new AppError(400, code, message, [{ in: 'body', path: 'newPassword', code: 'password_policy', message }]);
const CHANGE_CONFLICT = () => new ConflictError('PASSWORD_CHANGE_CONFLICT', '密码刚刚已经修改过了，请使用新密码');
// A claim older than this whose password is still in place belongs to a request that died half-way.
const STALE_CLAIM_MS = 60_000;

export function createStaffAuthService(deps: { tokens: TokenService; audit: AuditService; config: Config }) {
  const { tokens, audit } = deps;
  const { maxFailedLogins, lockoutMinutes, sessionIdleMinutes, sessionAbsoluteHours } = deps.config.auth;

  async function profileOf(staffId: Types.ObjectId | string): Promise<StaffProfile> {
    const staff = await StaffModel.findById(staffId).lean();
    if (!staff || staff.disabled) throw new UnauthenticatedError('UNAUTHENTICATED', '账号不可用，请联系管理员');
    const station = staff.stationId ? await StationModel.findById(staff.stationId, { name: 1 }).lean() : null;
    return {
      id: String(staff._id),
      username: staff.username,
      displayName: staff.displayName,
      role: staff.role,
      stationId: staff.stationId ? String(staff.stationId) : null,
      stationName: station?.name ?? null,
      mustChangePassword: staff.mustChangePassword === true,
    };
  }

  async function issue(sessionId: Types.ObjectId, profile: StaffProfile): Promise<StaffLoginResult> {
    const { token, hash } = newRefreshToken();
    const now = Date.now();
    await RefreshTokenModel.create({
      _id: hash, sessionId, staffId: profile.id,
      expiresAt: new Date(now + sessionIdleMinutes * 60_000),
    });
    return {
      accessToken: tokens.signStaff({ sub: profile.id, sid: String(sessionId), role: profile.role }),
      refreshToken: token,
      expiresIn: tokens.accessTokenTtlSeconds,
      user: profile,
    };
  }

  const policy = { maxFailures: maxFailedLogins, windowMinutes: lockoutMinutes, lockMinutes: lockoutMinutes };

  function recentFailures(staffId: Types.ObjectId, now: Date) {
    return LoginFailureModel.find(
      { staffId, at: mongoose.trusted({ $gt: new Date(now.getTime() - lockoutLookbackMs(policy)) }) },
      { at: 1 },
    ).sort({ at: 1, _id: 1 }).lean();
  }

  async function currentLock(staffId: Types.ObjectId, now: Date): Promise<Date | null> {
    return lockedUntil((await recentFailures(staffId, now)).map((f) => f.at), now, policy);
  }

  /**
   * Records one wrong password (at login or when changing it) and returns the lock it completes, if any. Of
   * concurrent failing requests only the one whose failure completed the count writes the lockout audit entry.
   */
  async function recordFailure(ctx: Context, staff: { _id: Types.ObjectId; role: string }, now: Date): Promise<Date | null> {
    const mine = await LoginFailureModel.create({ staffId: staff._id, at: now });
    const failures = await recentFailures(staff._id, now);
    const until = lockedUntil(failures.map((f) => f.at), now, policy);
    if (until && String(failures[maxFailedLogins - 1]?._id) === String(mine._id)) {
      await audit.record(ctx, { actor: `staff:${String(staff._id)}`, role: staff.role, action: 'auth.lockout', result: 'failure', detail: { minutes: lockoutMinutes } });
    }
    return until;
  }

  /** Takes the one right to replace this password version: the claim id, or null when another request holds it. */
  async function claimChange(staffId: Types.ObjectId, oldHash: string, now: Date): Promise<string | null> {
    const _id = `${String(staffId)}:${crypto.createHash('sha256').update(oldHash).digest('hex')}`;
    const attempt = () => PasswordChangeModel.create({ _id, staffId, at: now }).then(() => true, (e: unknown) => {
      if (isDuplicateKey(e)) return false;
      throw e;
    });
    if (await attempt()) return _id;
    const [claim, staff] = await Promise.all([PasswordChangeModel.findById(_id).lean(), StaffModel.findById(staffId, { passwordHash: 1 }).lean()]);
    const abandoned = claim && staff?.passwordHash === oldHash && claim.at.getTime() < now.getTime() - STALE_CLAIM_MS;
    // deleteOne is atomic: of several requests finding the same abandoned claim, one frees it and may retry.
    if (abandoned && (await PasswordChangeModel.deleteOne({ _id, at: claim.at })).deletedCount === 1 && (await attempt())) return _id;
    return null;
  }

  async function revokeSession(sessionId: Types.ObjectId | string, reason: 'logout' | 'refresh_reuse' | 'idle' | 'expired') {
    await StaffSessionModel.updateOne({ _id: sessionId, revokedAt: null }, { $set: { revokedAt: new Date(), revokedReason: reason } });
  }

  return {
    profileOf,

    async login(ctx: Context, username: string, password: string): Promise<StaffLoginResult> {
      const staff = await StaffModel.findOne({ usernameLower: username.toLowerCase() }).lean();
      if (!staff || staff.disabled) {
        await burnPasswordCheck(password);
        await audit.record(ctx, { actor: 'anonymous', action: 'auth.login', target: 'staff', result: 'failure', detail: { reason: 'unknown_user' } });
        throw INVALID();
      }
      const actor = `staff:${String(staff._id)}`;
      const now = new Date();
      const lockUntil = await currentLock(staff._id, now);
      if (lockUntil) {
        await audit.record(ctx, { actor, role: staff.role, action: 'auth.login', result: 'denied', detail: { reason: 'locked' } });
        throw lockedError(lockUntil, now);
      }
      if (!(await verifyPassword(staff.passwordHash, password))) {
        const until = await recordFailure(ctx, staff, now);
        if (until) throw lockedError(until, now);
        await audit.record(ctx, { actor, role: staff.role, action: 'auth.login', result: 'failure', detail: { reason: 'bad_password' } });
        throw INVALID();
      }
      await LoginFailureModel.deleteMany({ staffId: staff._id });
      const session = await StaffSessionModel.create({ staffId: staff._id, ip: ctx.ip, userAgent: ctx.get('User-Agent').slice(0, 256) });
      await audit.record(ctx, { actor, role: staff.role, action: 'auth.login', result: 'success' });
      return issue(session._id, await profileOf(staff._id));
    },

    async refresh(ctx: Context, refreshToken: string): Promise<StaffLoginResult> {
      const hash = hashRefreshToken(refreshToken);
      const now = new Date();
      const token = await RefreshTokenModel.findById(hash).lean();
      if (!token) throw REFRESH_INVALID();
      try {
        await RefreshTokenSpendModel.create({ _id: hash, sessionId: token.sessionId, at: now });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        // A spent token came back: someone holds a copy. End the whole family, the thief's and the owner's.
        await revokeSession(token.sessionId, 'refresh_reuse');
        await audit.record(ctx, { actor: `staff:${String(token.staffId)}`, action: 'auth.refresh_reuse', result: 'denied', target: `session:${String(token.sessionId)}` });
        throw REFRESH_INVALID();
      }
      if (token.expiresAt <= now) {
        await revokeSession(token.sessionId, 'idle');
        throw REFRESH_INVALID();
      }
      const session = await StaffSessionModel.findById(token.sessionId).lean();
      if (!session || session.revokedAt) throw REFRESH_INVALID();
      if (session.createdAt.getTime() + sessionAbsoluteHours * 3_600_000 < now.getTime()) {
        await revokeSession(session._id, 'expired');
        throw REFRESH_INVALID();
      }
      await StaffSessionModel.updateOne({ _id: session._id }, { $set: { lastUsedAt: now } });
      return issue(session._id, await profileOf(session.staffId));
    },

    async logout(ctx: Context, sessionId: string, staffId: string): Promise<void> {
      await revokeSession(sessionId, 'logout');
      await audit.record(ctx, { actor: `staff:${staffId}`, action: 'auth.logout', result: 'success', target: `session:${sessionId}` });
    },

    /**
     * Replaces the caller's password after checking the current one. A wrong current password counts toward the
     * lockout exactly like a failed login. On success the must-change flag is cleared and every OTHER session of
     * the account ends (whoever else knew the old password loses access); the caller's session and tokens stay.
     */
    async changePassword(ctx: Context, caller: { id: string; sessionId: string }, currentPassword: string, newPassword: string): Promise<{ user: StaffProfile }> {
      const staff = await StaffModel.findById(caller.id).lean();
      if (!staff || staff.disabled) throw new UnauthenticatedError('SESSION_REVOKED', '账号不可用，请联系管理员');
      const actor = `staff:${String(staff._id)}`;
      const failed = (reason: string) => audit.record(ctx, { actor, role: staff.role, action: 'auth.password_change', target: actor, result: 'failure', detail: { reason } });
      const now = new Date();
      const lockUntil = await currentLock(staff._id, now);
      if (lockUntil) {
        await audit.record(ctx, { actor, role: staff.role, action: 'auth.password_change', target: actor, result: 'denied', detail: { reason: 'locked' } });
        throw lockedError(lockUntil, now);
      }
      if (!(await verifyPassword(staff.passwordHash, currentPassword))) {
        const until = await recordFailure(ctx, staff, now);
        if (until) throw lockedError(until, now);
        await failed('bad_password');
        throw CURRENT_PASSWORD_WRONG();
      }
      const problem = passwordProblem(newPassword, staff.username);
      if (problem) {
        await failed('weak_password');
        throw newPasswordError('PASSWORD_TOO_WEAK', problem);
      }
      if (newPassword === currentPassword) {
        await failed('same_as_current');
        throw newPasswordError('PASSWORD_REUSED', '新密码不能与当前密码相同');
      }
      // Hash before claiming, so the claim is held for as short a time as possible.
      const passwordHash = await hashPassword(newPassword);
      const claim = await claimChange(staff._id, staff.passwordHash, now);
      if (!claim) throw CHANGE_CONFLICT();
      try {
        await StaffModel.updateOne({ _id: staff._id }, { $set: { passwordHash, passwordChangedAt: now, mustChangePassword: false } });
      } catch (e) {
        await PasswordChangeModel.deleteOne({ _id: claim }).catch(() => undefined);
        throw e;
      }
      const ended = await revokeSessionsOf(staff._id, 'password_change', caller.sessionId);
      await LoginFailureModel.deleteMany({ staffId: staff._id });
      await audit.record(ctx, { actor, role: staff.role, action: 'auth.password_change', target: actor, result: 'success', detail: { wasRequired: staff.mustChangePassword === true, otherSessionsEnded: ended } });
      return { user: await profileOf(staff._id) };
    },

    /** Resolves an access token to a live staff member; revoked sessions and disabled accounts are refused. */
    async authenticate(accessToken: string): Promise<AuthenticatedStaff> {
      const claims = tokens.verifyStaff(accessToken);
      if (!Types.ObjectId.isValid(claims.sid)) throw new UnauthenticatedError();
      const session = await StaffSessionModel.findById(claims.sid, { revokedAt: 1, staffId: 1 }).lean();
      if (!session || session.revokedAt || String(session.staffId) !== claims.sub) {
        throw new UnauthenticatedError('SESSION_REVOKED', '登录已失效，请重新登录');
      }
      const staff = await StaffModel.findById(claims.sub, { role: 1, stationId: 1, disabled: 1, username: 1, mustChangePassword: 1 }).lean();
      if (!staff || staff.disabled) throw new UnauthenticatedError('SESSION_REVOKED', '账号不可用，请联系管理员');
      return {
        id: String(staff._id), role: staff.role, stationId: staff.stationId ? String(staff.stationId) : null, sessionId: claims.sid,
        mustChangePassword: staff.mustChangePassword === true,
      };
    },
  };
}

function lockedError(lockedUntil: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new LockedError('ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定，请在 ${minutes} 分钟后再试`, seconds);
}

export type StaffAuthService = ReturnType<typeof createStaffAuthService>;

/** The staff member behind a request. */
export interface AuthenticatedStaff {
  id: string;
  role: StaffProfile['role'];
  stationId: string | null;
  sessionId: string;
  /** Set by `authenticate`; optional so that callers building one from another credential (a stream token) need not. */
  mustChangePassword?: boolean;
}
