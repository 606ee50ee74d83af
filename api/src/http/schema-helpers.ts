import { z } from 'zod';

/**
 * Request-schema pieces shared by every module, so an id or a page means the same thing (and reads the same in
 * the OpenAPI document) on every route.
 */

/** A MongoDB ObjectId as clients send it back: 24 lowercase hex digits, exactly as the API writes them. */
export const OBJECT_ID_PATTERN = /^[a-f0-9]{24}$/;

export const isObjectId = (value: string) => OBJECT_ID_PATTERN.test(value);

/** An ObjectId field; the message names what the id is for (站点编号格式不正确…) where the caller knows. */
export const objectId = (message = '编号格式不正确') => z.string().regex(OBJECT_ID_PATTERN, message);

/** An id the API mints itself: a short kind prefix (bk booking, wl waitlist, bl block, ar registration) and 24 hex digits. */
export const prefixedId = (prefix: string, message: string) => z.string().regex(new RegExp(`^${prefix}_[a-f0-9]{24}$`), message);

const MAX_PAGE = 10_000;

/**
 * `page` and `pageSize` of a paged list, to spread into a query object. Lists differ only in page size (most
 * allow 50 rows; the article admin table and the media library 100), so that is all a caller can set.
 */
export function pageQuery({ maxPageSize = 50, defaultPageSize = 20 }: { maxPageSize?: number; defaultPageSize?: number } = {}) {
  return {
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
  };
}

/** The answer of a paged list: one page of items, the total count, and the page asked for. */
export function pagedList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
