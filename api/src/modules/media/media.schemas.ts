import { z } from 'zod';
import { MEDIA_KINDS } from './media-type';

export const objectIdString = (message: string) => z.string().regex(/^[a-f0-9]{24}$/, message);

export const mediaIdParams = z.object({ id: objectIdString('文件编号格式不正确') });

export const mediaView = z.object({
  id: z.string(),
  kind: z.enum(MEDIA_KINDS),
  mime: z.string(),
  size: z.number().int(),
  durationSec: z.number().nullable(),
  url: z.string().describe('Public address of the bytes: /api/v1/media/<id>'),
  originalName: z.string(),
  title: z.string().nullable(),
  createdAt: z.string(),
});
export type MediaView = z.infer<typeof mediaView>;

export const mediaListQuery = z.object({
  kind: z.enum(MEDIA_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const mediaList = z.object({
  items: z.array(mediaView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});
