import { z } from 'zod';
import { pageQuery, prefixedId } from '../../http/schema-helpers';
import { NOTICE_KINDS } from './staff-notice.model';

export const noticeIdParams = z.object({ id: prefixedId('ntc', '提醒编号格式不正确') });

export const noticeListQuery = z.object({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQuery(),
});

export const noticeView = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  stationId: z.string(),
  counselorId: z.string(),
  credentialValidUntil: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
  resolved: z.boolean(),
});

export const noticeList = z.object({
  items: z.array(noticeView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), unread: z.number().int(),
});
