import crypto from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { ForbiddenError, NotFoundError } from '../../http/errors';
import type { AuthenticatedStaff } from '../auth/staff-auth.service';
import type { AuditService } from '../audit/audit.service';
import type { Context } from 'koa';
import { StationModel, type Station } from './station.model';
import { isDuplicateKey } from '../../db';

export interface StationView {
  id: string;
  name: string;
  level: Station['level'];
  parentId: string | null;
  address: string;
  phone: string;
  openingHours: string;
  intro: string;
}

type StationDoc = Station & { _id: Types.ObjectId };

function view(s: StationDoc): StationView {
  return {
    id: String(s._id), name: s.name, level: s.level, parentId: s.parentId ? String(s.parentId) : null,
    address: s.address, phone: s.phone, openingHours: s.openingHours, intro: s.intro,
  };
}

const LEVEL_ORDER = { district: 0, street: 1, community: 2 } as const;

export interface DemoStation {
  key: string;
  name: string;
  level: Station['level'];
  parent: string | null;
  address: string;
  phone: string;
}

export function seedStationId(key: string): Types.ObjectId {
  return new Types.ObjectId(crypto.createHash('sha256').update(`station:${key}`).digest('hex').slice(0, 24));
}

export function createStationsService(deps: { audit: AuditService }) {
  /** Filter for the stations a staff member may act for: district admins all, station staff their subtree. */
  function scopeFilter(staff: AuthenticatedStaff) {
    if (staff.role === 'district_admin') return {};
    if (staff.role === 'station_staff' && staff.stationId) {
      const own = new Types.ObjectId(staff.stationId);
      return { $or: [{ _id: own }, { ancestors: own }] };
    }
    return { _id: mongoose.trusted({ $in: [] as Types.ObjectId[] }) };
  }

  async function findInScope(ctx: Context, staff: AuthenticatedStaff, stationId: string): Promise<StationDoc> {
    if (!Types.ObjectId.isValid(stationId)) throw new NotFoundError('STATION_NOT_FOUND', '没有找到这个站点');
    const station = await StationModel.findById(stationId).lean();
    if (!station) throw new NotFoundError('STATION_NOT_FOUND', '没有找到这个站点');
    const inScope = staff.role === 'district_admin'
      || (staff.role === 'station_staff' && staff.stationId !== null
        && (String(station._id) === staff.stationId || station.ancestors.some((a) => String(a) === staff.stationId)));
    if (!inScope) {
      await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'access.denied', target: `station:${stationId}`, result: 'denied' });
      throw new ForbiddenError('STATION_OUT_OF_SCOPE', '你只能处理本站点及下级站点的事务');
    }
    return station;
  }

  return {
    /** Every station, district first: public information residents choose from. */
    async listPublic(): Promise<StationView[]> {
      const stations = await StationModel.find({}).lean();
      return stations
        .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, 'zh-CN'))
        .map(view);
    },

    async listInScope(staff: AuthenticatedStaff): Promise<StationView[]> {
      const stations = await StationModel.find(scopeFilter(staff)).lean();
      return stations
        .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, 'zh-CN'))
        .map(view);
    },

    async getInScope(ctx: Context, staff: AuthenticatedStaff, stationId: string): Promise<StationView> {
      return view(await findInScope(ctx, staff, stationId));
    },

    async updateInScope(
      ctx: Context, staff: AuthenticatedStaff, stationId: string,
      changes: Partial<Pick<StationView, 'address' | 'phone' | 'openingHours' | 'intro'>>,
    ): Promise<StationView> {
      await findInScope(ctx, staff, stationId);
      const updated = await StationModel.findOneAndUpdate(
        { _id: stationId },
        { $set: { ...changes, updatedAt: new Date() } },
        { returnDocument: 'after', runValidators: true },
      ).lean();
      if (!updated) throw new NotFoundError('STATION_NOT_FOUND', '没有找到这个站点');
      await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'station.update', target: `station:${stationId}`, result: 'success', detail: { fields: Object.keys(changes) } });
      return view(updated);
    },

    /** Idempotent: upserts by seed key, parents before children, so the tree and ancestors are consistent. */
    async seedStations(list: readonly DemoStation[]): Promise<Map<string, Types.ObjectId>> {
      const ids = new Map<string, Types.ObjectId>();
      const ancestorsOf = new Map<string, Types.ObjectId[]>();
      const ordered = [...list].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
      for (const s of ordered) {
        const parentId = s.parent ? ids.get(s.parent) : null;
        if (s.parent && !parentId) throw new Error(`seed station ${s.key}: unknown parent ${s.parent}`);
        const ancestors = s.parent ? [...(ancestorsOf.get(s.parent) ?? []), parentId as Types.ObjectId] : [];
        // The _id is derived from the seed key, so the unique _id makes seeding idempotent even when two
        // instances seed at once (an upsert on seedKey could insert twice without a unique index).
        const _id = seedStationId(s.key);
        try {
          await StationModel.create({ _id, seedKey: s.key, name: s.name, level: s.level, parentId: parentId ?? null, ancestors, address: s.address, phone: s.phone });
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
        ids.set(s.key, _id);
        ancestorsOf.set(s.key, ancestors);
      }
      return ids;
    },
  };
}

export type StationsService = ReturnType<typeof createStationsService>;
