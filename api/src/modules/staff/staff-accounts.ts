// District admins manage station staff accounts: create one with a one-time password (shown once, never stored in
// clear), disable or re-enable it, issue a new one-time password. Disabling takes effect on the next request: every
// staff request re-reads the account (staff-auth.service authenticate). A one-time password has been seen by the
// admin, so the account must replace it before doing anything else (mustChangePassword, auth/password-change-gate.ts).
import crypto from 'node:crypto';
import type { Context } from 'koa';
import mongoose, { Types } from 'mongoose';
import { z } from 'zod';
import { isDuplicateKey } from '../../db';
import { currentStaff } from '../../http/auth';
import { ConflictError, NotFoundError } from '../../http/errors';
import { defineRoute, type AnyRoute } from '../../http/route';
import { objectId } from '../../http/schema-helpers';
import type { AuditService } from '../audit/audit.service';
import { hashPassword, passwordProblem } from '../auth/password';
import { revokeSessionsOf } from '../auth/staff-session.model';
import type { StationsService } from '../stations/stations.service';
import { StaffModel } from './staff.model';

const staffView = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), role: z.string(), stationId: z.string().nullable(),
  stationName: z.string().nullable(), disabled: z.boolean(), createdAt: z.string(),
  mustChangePassword: z.boolean().describe('Still on the one-time password: the holder has not set their own yet'),
});
type StaffView = z.infer<typeof staffView>;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** 16 characters from an unambiguous alphabet plus a symbol: meets the staff password policy. */
export function oneTimePassword(username: string): string {
  for (;;) {
    const bytes = crypto.randomBytes(16);
    const p = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('') + '#';
    if (!passwordProblem(p, username)) return p;
  }
}

export function staffAccountRoutes(deps: { stations: StationsService; audit: AuditService }): AnyRoute[] {
  async function views(rows: Array<{ _id: Types.ObjectId; username: string; displayName: string; role: string; stationId?: Types.ObjectId | null; disabled: boolean; createdAt: Date; mustChangePassword?: boolean | null }>): Promise<StaffView[]> {
    const all = await deps.stations.allWithPolicies();
    return rows.map((s) => ({
      id: String(s._id), username: s.username, displayName: s.displayName, role: s.role, stationId: s.stationId ? String(s.stationId) : null,
      stationName: s.stationId ? all.get(String(s.stationId))?.station.name ?? null : null, disabled: s.disabled, createdAt: s.createdAt.toISOString(),
      mustChangePassword: s.mustChangePassword === true,
    }));
  }

  async function stationAccount(id: string) {
    const s = Types.ObjectId.isValid(id) ? await StaffModel.findById(id).lean() : null;
    if (!s) throw new NotFoundError('STAFF_NOT_FOUND', '没有找到这个账号');
    // Only station accounts are managed here; editors, reviewers and admins are not.
    if (s.role !== 'station_staff') throw new ConflictError('NOT_A_STATION_ACCOUNT', '这里只能管理站点工作人员账号');
    return s;
  }

  const audit = (ctx: Context, action: string, target: string) => {
    const me = currentStaff(ctx);
    return deps.audit.record(ctx, { actor: `staff:${me.id}`, role: me.role, action, target, result: 'success' });
  };

  const idParams = z.object({ id: objectId('账号编号格式不正确') });
  const withPassword = z.object({ staff: staffView, oneTimePassword: z.string() });

  return [
    defineRoute({
      method: 'get', path: '/admin/staff', tags: ['staff'], access: { kind: 'staff', roles: ['district_admin'] },
      summary: 'Station staff accounts (optionally of one station and its subtree)',
      query: z.object({ stationId: objectId('站点编号格式不正确').optional() }),
      responses: { 200: { description: 'Accounts', schema: z.object({ items: z.array(staffView) }) } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { query }) {
        const filter: Record<string, unknown> = { role: 'station_staff' };
        if (query.stationId) {
          await deps.stations.get(query.stationId);
          filter.stationId = mongoose.trusted({ $in: await deps.stations.subtreeIds(query.stationId) });
        }
        ctx.body = { items: await views(await StaffModel.find(filter).sort({ usernameLower: 1 }).limit(1000).lean()) };
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/staff', tags: ['staff'], access: { kind: 'staff', roles: ['district_admin'] },
      summary: 'Create a station staff account; the one-time password is in this answer only',
      body: z.object({
        username: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符'),
        displayName: z.string().max(64).trim().min(1),
        stationId: objectId('站点编号格式不正确'),
      }),
      responses: { 201: { description: 'Account and its one-time password', schema: withPassword } },
      errors: { 404: 'STATION_NOT_FOUND', 409: 'USERNAME_TAKEN' },
      async handler(ctx, { body }) {
        const station = await deps.stations.get(body.stationId);
        const password = oneTimePassword(body.username);
        let doc;
        try {
          doc = await StaffModel.create({
            username: body.username, usernameLower: body.username.toLowerCase(), displayName: body.displayName, role: 'station_staff',
            stationId: station._id, passwordHash: await hashPassword(password), mustChangePassword: true,
          });
        } catch (e) {
          if (isDuplicateKey(e)) throw new ConflictError('USERNAME_TAKEN', '这个用户名已被使用');
          throw e;
        }
        await audit(ctx, 'staff.create', `staff:${String(doc._id)}`);
        ctx.status = 201;
        ctx.body = { staff: (await views([doc.toObject()]))[0], oneTimePassword: password };
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/staff/:id/disable', tags: ['staff'], access: { kind: 'staff', roles: ['district_admin'] },
      summary: 'Disable a station staff account (effective on its next request)',
      params: idParams, body: z.object({}),
      responses: { 200: { description: 'Account', schema: staffView } },
      errors: { 404: 'STAFF_NOT_FOUND', 409: 'NOT_A_STATION_ACCOUNT' },
      async handler(ctx, { params }) {
        await stationAccount(params.id);
        await StaffModel.updateOne({ _id: params.id }, { $set: { disabled: true } });
        await audit(ctx, 'staff.disable', `staff:${params.id}`);
        ctx.body = (await views([(await StaffModel.findById(params.id).lean())!]))[0];
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/staff/:id/enable', tags: ['staff'], access: { kind: 'staff', roles: ['district_admin'] },
      summary: 'Enable a disabled station staff account again',
      params: idParams, body: z.object({}),
      responses: { 200: { description: 'Account', schema: staffView } },
      errors: { 404: 'STAFF_NOT_FOUND', 409: 'NOT_A_STATION_ACCOUNT' },
      async handler(ctx, { params }) {
        await stationAccount(params.id);
        await StaffModel.updateOne({ _id: params.id }, { $set: { disabled: false } });
        await audit(ctx, 'staff.enable', `staff:${params.id}`);
        ctx.body = (await views([(await StaffModel.findById(params.id).lean())!]))[0];
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/staff/:id/reset-password', tags: ['staff'], access: { kind: 'staff', roles: ['district_admin'] },
      summary: 'Issue a new one-time password for a station staff account (shown once); ends its sessions',
      params: idParams, body: z.object({}),
      responses: { 200: { description: 'Account and its new one-time password', schema: withPassword } },
      errors: { 404: 'STAFF_NOT_FOUND', 409: 'NOT_A_STATION_ACCOUNT' },
      async handler(ctx, { params }) {
        const s = await stationAccount(params.id);
        const password = oneTimePassword(s.username);
        await StaffModel.updateOne({ _id: params.id }, { $set: { passwordHash: await hashPassword(password), passwordChangedAt: new Date(), mustChangePassword: true } });
        // Whoever held the old password (maybe the reason for the reset) loses the sessions it opened.
        await revokeSessionsOf(s._id, 'admin');
        await audit(ctx, 'staff.reset_password', `staff:${params.id}`);
        ctx.body = { staff: (await views([{ ...s, mustChangePassword: true }]))[0], oneTimePassword: password };
      },
    }),
  ];
}
