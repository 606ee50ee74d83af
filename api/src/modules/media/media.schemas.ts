import { z } from 'zod';
import { objectId, pageQuery, pagedList } from '../../http/schema-helpers';
import { MEDIA_KINDS } from './media-type';

export const mediaIdParams = z.object({ id: objectId('文件编号格式不正确') });

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
  ...pageQuery({ maxPageSize: 100 }),
});

export const mediaList = pagedList(mediaView);
