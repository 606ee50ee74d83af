/** What to send for a Range request header (RFC 9110 §14). */
export type RangeDecision =
  | { type: 'full' }
  | { type: 'partial'; start: number; end: number }
  | { type: 'unsatisfiable' };

const SINGLE = /^bytes=[ \t]*(?:(\d+)-(\d*)|-(\d+))[ \t]*$/;

/**
 * Reads a Range header against a representation of `size` bytes. One range is served as 206; a header we do not
 * understand, another unit, or several ranges get the whole file (RFC 9110 lets a server ignore Range), so a player
 * always gets something playable. Only a well-formed single range that lies wholly past the end is a 416.
 */
export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (!header || header.length > 100) return { type: 'full' };
  const m = SINGLE.exec(header.trim());
  if (!m) return { type: 'full' };
  if (m[3] !== undefined) {
    // Suffix range: the last N bytes; more than the whole file means the whole file.
    const length = Number(m[3]);
    if (length === 0 || size === 0) return { type: 'unsatisfiable' };
    return { type: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(m[1]);
  const last = m[2] === '' ? Number.POSITIVE_INFINITY : Number(m[2]);
  if (last < start) return { type: 'full' }; // syntactically invalid range-spec: ignore the header
  if (start >= size) return { type: 'unsatisfiable' };
  return { type: 'partial', start, end: Math.min(last, size - 1) };
}

/** Strong comparison of an entity tag against an If-None-Match / If-Range list (weak tags never match If-Range). */
export function etagMatches(header: string | undefined, etag: string, weakOk: boolean): boolean {
  if (!header) return false;
  if (header.trim() === '*') return weakOk;
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    if (tag.startsWith('W/')) return weakOk && tag.slice(2) === etag;
    return tag === etag;
  });
}
