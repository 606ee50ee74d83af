// Turning the "屏蔽时间" form into a POST /admin/blocks body. Pure.
import { chinaInstant, isDate, minutesToTime, timeToMinutes } from './china-time';

export const BLOCK_GRID_MINUTES = 15;
export const BLOCK_MAX_DAYS = 14;
export const BLOCK_REASON_MAX = 100;

/** 'HH:MM' choices on a grid, e.g. every 15 minutes from 00:00 to 23:45. */
export function timeOptions(stepMinutes = BLOCK_GRID_MINUTES, fromMinutes = 0, toMinutes = 24 * 60 - stepMinutes): string[] {
  const out: string[] = [];
  for (let m = fromMinutes; m <= toMinutes; m += stepMinutes) out.push(minutesToTime(m));
  return out;
}

export interface BlockFormValues {
  counselorId?: string;
  startDate?: string;
  startTime?: string;
  endDate?: string;
  endTime?: string;
  reason?: string;
}

export type BlockRequest = { counselorId: string; start: string; end: string; reason?: string };

export function blockRequest(values: BlockFormValues): { ok: true; body: BlockRequest } | { ok: false; error: string } {
  const { counselorId, startDate, startTime, endTime } = values;
  const endDate = values.endDate || startDate;
  if (!counselorId) return { ok: false, error: '请选择咨询师' };
  if (!startDate || !endDate || !isDate(startDate) || !isDate(endDate)) return { ok: false, error: '请选择日期' };
  if (!startTime || !endTime || Number.isNaN(timeToMinutes(startTime)) || Number.isNaN(timeToMinutes(endTime))) {
    return { ok: false, error: '请选择开始和结束时间' };
  }
  if (timeToMinutes(startTime) % BLOCK_GRID_MINUTES !== 0 || timeToMinutes(endTime) % BLOCK_GRID_MINUTES !== 0) {
    return { ok: false, error: '时间需按 15 分钟取整' };
  }
  const start = chinaInstant(startDate, startTime);
  const end = chinaInstant(endDate, endTime);
  const length = Date.parse(end) - Date.parse(start);
  if (length <= 0) return { ok: false, error: '结束时间要晚于开始时间' };
  if (length > BLOCK_MAX_DAYS * 24 * 60 * 60 * 1000) return { ok: false, error: `一次最多屏蔽 ${BLOCK_MAX_DAYS} 天` };
  const reason = values.reason?.trim() ?? '';
  if (reason.length > BLOCK_REASON_MAX) return { ok: false, error: `原因请控制在 ${BLOCK_REASON_MAX} 字以内` };
  return { ok: true, body: reason ? { counselorId, start, end, reason } : { counselorId, start, end } };
}
