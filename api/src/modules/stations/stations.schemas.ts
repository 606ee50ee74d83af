import { z } from 'zod';
import { objectId } from '../../http/schema-helpers';
import { SERVICES } from '../availability/slot-generation';
import { STATION_LEVELS } from './station.model';

export const stationIdParams = z.object({ id: objectId('站点编号格式不正确') });

export const serviceEnum = z.enum(SERVICES);

export const policyView = z.object({
  minNoticeHours: z.number(), cancelWindowHours: z.number(), horizonDays: z.number().int(), maxUpcomingPerResident: z.number().int(),
});

const location = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

export const stationView = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(STATION_LEVELS),
  parentId: z.string().nullable(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
  intro: z.string(),
  location: location.nullable(),
  services: z.array(serviceEnum),
  policies: policyView,
  distanceKm: z.number().optional(),
});

export const stationAdminView = stationView.extend({
  // What this station sets itself; null = inherited from above.
  policyOverrides: z.object({
    minNoticeHours: z.number().nullable(), cancelWindowHours: z.number().nullable(),
    horizonDays: z.number().nullable(), maxUpcomingPerResident: z.number().nullable(),
  }),
});

export const stationList = z.object({ items: z.array(stationView), total: z.number().int() });
export const stationAdminList = z.object({ items: z.array(stationAdminView), total: z.number().int() });

type TreeNode = z.infer<typeof stationView> & { children: TreeNode[] };
export const stationTreeNode: z.ZodType<TreeNode> = z.lazy(() => stationView.extend({ children: z.array(stationTreeNode) }));

const coordinate = (min: number, max: number) => z.coerce.number().min(min).max(max);

export const stationListQuery = z.object({
  view: z.enum(['list', 'tree']).optional(),
  level: z.enum(STATION_LEVELS).optional(),
  under: objectId('站点编号格式不正确').optional(),
  service: serviceEnum.optional(),
  lat: coordinate(-90, 90).optional(),
  lng: coordinate(-180, 180).optional(),
});

const policyPatch = z.object({
  minNoticeHours: z.number().min(0).max(168).nullable().optional(),
  cancelWindowHours: z.number().min(0).max(168).nullable().optional(),
  horizonDays: z.number().int().min(1).max(60).nullable().optional(),
  maxUpcomingPerResident: z.number().int().min(1).max(2).nullable().optional(),
}).strict();

export const stationUpdateBody = z.object({
  address: z.string().max(200).trim().min(1).optional(),
  phone: z.string().trim().regex(/^[0-9+\-() ]{3,40}$/, '电话号码格式不正确').optional(),
  openingHours: z.string().max(200).trim().optional(),
  intro: z.string().max(2000).trim().optional(),
  location: location.strict().nullable().optional(),
  services: z.array(serviceEnum).max(3).refine((s) => new Set(s).size === s.length, '服务项目重复').optional(),
  // district_admin only:
  name: z.string().max(80).trim().min(1).optional(),
  policies: policyPatch.optional(),
});

export type StationUpdate = z.infer<typeof stationUpdateBody>;
