import { http } from '../../../services/http';
import type { NoticeList } from './notice-logic';

/** Fired on window after this tab marked notices read, so the bell and the dashboard list agree at once. */
export const NOTICES_CHANGED = 'xinan:notices-changed';

function announce() {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(NOTICES_CHANGED));
}

/** GET /admin/notices: my notices, newest first, with my unread count. */
export function listNotices(signal: AbortSignal, query: { page?: number; pageSize?: number; unread?: boolean } = {}): Promise<NoticeList> {
  return http.get<NoticeList>('/admin/notices', { signal, query: { page: query.page ?? 1, pageSize: query.pageSize ?? 10, unread: query.unread } });
}

export async function getUnreadNoticeCount(signal: AbortSignal): Promise<number> {
  return (await http.get<{ unread: number }>('/admin/notices/unread-count', { signal })).unread;
}

export async function markNoticeRead(id: string): Promise<void> {
  await http.post<void>(`/admin/notices/${encodeURIComponent(id)}/read`, {});
  announce();
}

export async function markAllNoticesRead(): Promise<void> {
  await http.post<void>('/admin/notices/read-all', {});
  announce();
}
