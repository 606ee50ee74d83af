import { z } from 'zod';
import { STATION_LEVELS } from './station.model';

export const stationIdParams = z.object({ id: z.string().regex(/^[a-f0-9]{24}$/, '站点编号格式不正确') });

export const stationView = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(STATION_LEVELS),
  parentId: z.string().nullable(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
  intro: z.string(),
});

export const stationList = z.object({ items: z.array(stationView), total: z.number().int() });

export const stationUpdateBody = z.object({
  address: z.string().trim().min(1).max(200).optional(),
  phone: z.string().trim().regex(/^[0-9+\-() ]{3,40}$/, '电话号码格式不正确').optional(),
  openingHours: z.string().trim().max(200).optional(),
  intro: z.string().trim().max(2000).optional(),
});
