import crypto from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { ForbiddenError, NotFoundError } from '../../http/errors';
import type { AuthenticatedStaff } from '../auth/staff-auth.service';
import type { AuditService } from '../audit/audit.service';
import type { Context } from 'koa';
import type { Service } from '../availability/slot-generation';
import { StationModel, type Station } from './station.model';
import { distanceKm, effectivePolicy, POLICY_KEYS, type PolicyOverrides, type StationPolicy } from './station-policy';
import type { StationUpdate } from './stations.schemas';
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
  location: { lat: number; lng: number } | null;
  services: Service[];
  policies: StationPolicy;
  distanceKm?: number;
}

export interface StationAdminView extends StationView {
  policyOverrides: { [K in keyof StationPolicy]: number | null };
}

export type StationTreeNode = StationView & { children: StationTreeNode[] };

export type StationDoc = Station & { _id: Types.ObjectId };

function overridesOf(s: StationDoc): PolicyOverrides {
  return (s.policy ?? {}) as PolicyOverrides;
}

function view(s: StationDoc, policies: StationPolicy): StationView {
  return {
    id: String(s._id), name: s.name, level: s.level, parentId: s.parentId ? String(s.parentId) : null,
    address: s.address, phone: s.phone, openingHours: s.openingHours, intro: s.intro,
    location: s.location ? { lat: s.location.lat, lng: s.location.lng } : null,
    services: (s.services ?? []) as Service[],
    policies,
  };
}

function adminView(s: StationDoc, policies: StationPolicy): StationAdminView {
  const o = overridesOf(s);
  return {
    ...view(s, policies),
    policyOverrides: Object.fromEntries(POLICY_KEYS.map((k) => [k, typeof o[k] === 'number' ? o[k] : null])) as StationAdminView['policyOverrides'],
  };
}

const LEVEL_ORDER = { district: 0, street: 1, community: 2 } as const;
const byLevelThenName = (a: StationDoc, b: StationDoc) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, 'zh-CN');

export interface DemoStation {
  key: string;
  name: string;
  level: Station['level'];
  parent: string | null;
  address: string;
  phone: string;
}

export interface StationListFilter {
  view?: 'list' | 'tree' | undefined;
  level?: Station['level'] | undefined;
  under?: string | undefined;
  service?: Service | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
}

export function seedStationId(key: string): Types.ObjectId {
  return new Types.ObjectId(crypto.createHash('sha256').update(`station:${key}`).digest('hex').slice(0, 24));
}

/** The effective policy of every station in `all`, computed root-first down the ancestors. */
function policiesOf(all: readonly StationDoc[]): Map<string, StationPolicy> {
  const byId = new Map(all.map((s) => [String(s._id), s]));
  return new Map(all.map((s) => [
    String(s._id),
    effectivePolicy([...s.ancestors.map((a) => byId.get(String(a))), s].map((x) => (x ? overridesOf(x) : null))),
  ]));
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

  function inScope(staff: AuthenticatedStaff, station: Pick<StationDoc, '_id' | 'ancestors'>): boolean {
    return staff.role === 'district_admin'
      || (staff.role === 'station_staff' && staff.stationId !== null
        && (String(station._id) === staff.stationId || station.ancestors.some((a) => String(a) === staff.stationId)));
  }

  async function denied(ctx: Context | undefined, staff: AuthenticatedStaff, target: string): Promise<never> {
    await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'access.denied', target, result: 'denied' });
    throw new ForbiddenError('STATION_OUT_OF_SCOPE', '你只能处理本站点及下级站点的事务');
  }

  async function findInScope(ctx: Context, staff: AuthenticatedStaff, stationId: string): Promise<StationDoc> {
    if (!Types.ObjectId.isValid(stationId)) throw new NotFoundError('STATION_NOT_FOUND', '没有找到这个站点');
    const station = await StationModel.findById(stationId).lean();
    if (!station) throw new NotFoundError('STATION_NOT_FOUND', '没有找到这个站点');
    if (!inScope(staff, station)) await denied(ctx, staff, `station:${stationId}`);
    return station;
  }

  async function withPolicy(station: StationDoc): Promise<StationPolicy> {
    const ancestors = station.ancestors.length
      ? await StationModel.find({ _id: mongoose.trusted({ $in: station.ancestors }) }, { policy: 1 }).lean()
      : [];
    const byId = new Map(ancestors.map((a) => [String(a._id), a]));
    return effectivePolicy([...station.ancestors.map((a) => byId.get(String(a))), station].map((x) => (x ? overridesOf(x as StationDoc) : null)));
  }

  async function get(stationId: string): Promise<StationDoc> {
    if (!Types.ObjectId.isValid(stationId)) throw new NotFoundError('STATION_NOT_FOUND', '没有找到这个站点');
    const station = await StationModel.findById(stationId).lean();
    if (!station) throw new NotFoundError('STATION_NOT_FOUND', '没有找到这个站点');
    return station;
  }

  return {
    inScope,
    findInScope,
    denied,
    get,

    /** The station with its effective (inherited) policy. 404 when unknown. */
    async getWithPolicy(stationId: string): Promise<{ station: StationDoc; policy: StationPolicy; view: StationView }> {
      const station = await get(stationId);
      const policy = await withPolicy(station);
      return { station, policy, view: view(station, policy) };
    },

    /** Every station with its effective policy, by id (the network is small: one district's 100–200 stations). */
    async allWithPolicies(): Promise<Map<string, { station: StationDoc; policy: StationPolicy }>> {
      const all = await StationModel.find({}).lean();
      const policies = policiesOf(all);
      return new Map(all.map((s) => [String(s._id), { station: s, policy: policies.get(String(s._id))! }]));
    },

    /** Ids of the station and every station under it. */
    async subtreeIds(stationId: string): Promise<Types.ObjectId[]> {
      const own = new Types.ObjectId(stationId);
      const rows = await StationModel.find({ $or: [{ _id: own }, { ancestors: own }] }, { _id: 1 }).lean();
      return rows.map((r) => r._id);
    },

    /** Ids of the stations a staff member may act for, or null for "all" (district admin). */
    async scopeIds(staff: AuthenticatedStaff): Promise<Types.ObjectId[] | null> {
      if (staff.role === 'district_admin') return null;
      const rows = await StationModel.find(scopeFilter(staff), { _id: 1 }).lean();
      return rows.map((r) => r._id);
    },

    /** Public station list or tree; nearest first when the caller sends both coordinates (one alone is ignored). */
    async listPublic(filter: StationListFilter = {}): Promise<{ items: StationView[] | StationTreeNode[]; total: number }> {
      const all = await StationModel.find({}).lean();
      const policies = policiesOf(all);
      let rows = all;
      if (filter.under) {
        if (!all.some((s) => String(s._id) === filter.under)) throw new NotFoundError('STATION_NOT_FOUND', '没有找到这个站点');
        rows = rows.filter((s) => String(s._id) === filter.under || s.ancestors.some((a) => String(a) === filter.under));
      }
      if (filter.level) rows = rows.filter((s) => s.level === filter.level);
      if (filter.service) rows = rows.filter((s) => (s.services ?? []).includes(filter.service!));
      rows.sort(byLevelThenName);
      let items = rows.map((s) => view(s, policies.get(String(s._id))!));
      if (filter.lat !== undefined && filter.lng !== undefined) {
        const here = { lat: filter.lat, lng: filter.lng };
        items = items.map((s) => (s.location ? { ...s, distanceKm: Math.round(distanceKm(here, s.location) * 10) / 10 } : s));
        items.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity));
      }
      if (filter.view !== 'tree') return { items, total: items.length };
      const nodes = new Map(items.map((s) => [s.id, { ...s, children: [] as StationTreeNode[] }]));
      const roots: StationTreeNode[] = [];
      for (const node of nodes.values()) {
        const parent = node.parentId ? nodes.get(node.parentId) : undefined;
        if (parent) parent.children.push(node);
        else roots.push(node);
      }
      return { items: roots, total: items.length };
    },

    async listInScope(staff: AuthenticatedStaff): Promise<StationAdminView[]> {
      const all = await StationModel.find({}).lean();
      const policies = policiesOf(all);
      return all.filter((s) => inScope(staff, s)).sort(byLevelThenName).map((s) => adminView(s, policies.get(String(s._id))!));
    },

    async getInScope(ctx: Context, staff: AuthenticatedStaff, stationId: string): Promise<StationAdminView> {
      const station = await findInScope(ctx, staff, stationId);
      return adminView(station, await withPolicy(station));
    },

    async updateInScope(ctx: Context, staff: AuthenticatedStaff, stationId: string, changes: StationUpdate): Promise<StationAdminView> {
      await findInScope(ctx, staff, stationId);
      if ((changes.name !== undefined || changes.policies !== undefined) && staff.role !== 'district_admin') {
        await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'access.denied', target: `station:${stationId}`, result: 'denied', detail: { fields: ['name', 'policies'].filter((k) => k in changes) } });
        throw new ForbiddenError('DISTRICT_ADMIN_ONLY', '站点名称和预约规则由区级管理员设置');
      }
      const { policies, ...plain } = changes;
      const set: Record<string, unknown> = { ...plain, updatedAt: new Date() };
      for (const [k, v] of Object.entries(policies ?? {})) set[`policy.${k}`] = v;
      const updated = await StationModel.findOneAndUpdate({ _id: stationId }, { $set: set }, { returnDocument: 'after', runValidators: true }).lean();
      if (!updated) throw new NotFoundError('STATION_NOT_FOUND', '没有找到这个站点');
      await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'station.update', target: `station:${stationId}`, result: 'success', detail: { fields: Object.keys(changes) } });
      return adminView(updated, await withPolicy(updated));
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
