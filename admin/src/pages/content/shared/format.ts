// Numbers and dates as staff read them. Pure.
import { chinaClockOf, chinaDateOf } from '@xinan/content/china-time';

/** 1536 → "1.5 KB"; binary units, one decimal below 10. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** 185.4 → "3:05"; 3725 → "1:02:05"; null (unknown) → "—". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Whole percent, never 100 before the bytes are all sent, 0 when the total is unknown. */
export function uploadPercent(loaded: number, total: number): number {
  if (!(total > 0) || !(loaded > 0)) return 0;
  if (loaded >= total) return 100;
  return Math.min(99, Math.floor((loaded / total) * 100));
}

/** "已上传 1.5 MB / 10.0 MB（15%）"; without a known total just the bytes sent. */
export function formatUploadProgress(loaded: number, total: number): string {
  if (!(total > 0)) return `已上传 ${formatBytes(Math.max(0, loaded))}`;
  const sent = Math.min(Math.max(0, loaded), total);
  return `已上传 ${formatBytes(sent)} / ${formatBytes(total)}（${uploadPercent(sent, total)}%）`;
}

/** ISO → "2026-03-21 09:30" in Beijing time (staff and residents are all there); invalid or empty → "—". */
export function formatDateTime(iso: string | null | undefined): string {
  const date = chinaDateOf(iso);
  return date ? `${date} ${chinaClockOf(iso)}` : '—';
}
