// The file a resident downloads with "导出我的数据" (PIPL Art. 45: access and copy). One JSON document, sections
// in the order the resident met the service; sensitive fields are opened for their owner.

export const EXPORT_FORMAT = 'xinan-resident-export';
export const EXPORT_FORMAT_VERSION = 1;

export const EXPORT_ABOUT = [
  '这是心安驿站保存的与你有关的全部数据，导出时间见 exportedAt（UTC 时间）。',
  '自测答案、电话、姓名等敏感信息已为你解密显示。请妥善保管这个文件，不要发给不信任的人。',
  '你的微信识别号（openid）只用于识别登录，没有放进文件；站点工作人员的内部工作备注也不在其中，如需查阅可以联系站点。',
].join('');

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** `xinan-my-data-20260505.json`, dated by the China calendar day of the export (ASCII only, safe in a header). */
export function exportFileName(at: Date): string {
  const day = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  return `xinan-my-data-${day}.json`;
}

/** The Content-Disposition value that makes browsers save the export instead of showing it. */
export function attachmentHeader(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}

interface RatedBooking { id: string; stationName: string; start: string; rating: { score: number; comment: string } | null }

export interface ExportParts<B extends RatedBooking = RatedBooking> {
  profile: { id: string; createdAt: string; lastLoginAt: string | null };
  consents: unknown[];
  assessments: unknown[];
  referrals: unknown[];
  reminders: unknown[];
  bookings: B[];
  waitlist: unknown[];
  activityRegistrations: unknown[];
  favorites: unknown[];
  listeningPositions: unknown[];
  messages: unknown[];
}

/** Ratings are also listed on their own, so "what did I write about a session" is one glance. */
export function ratingsOf(bookings: readonly RatedBooking[]) {
  return bookings.filter((b) => b.rating).map((b) => ({ bookingId: b.id, stationName: b.stationName, start: b.start, score: b.rating!.score, comment: b.rating!.comment }));
}

export function buildExportDocument<B extends RatedBooking>(parts: ExportParts<B>, at: Date) {
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: at.toISOString(),
    about: EXPORT_ABOUT,
    profile: parts.profile,
    consents: parts.consents,
    assessments: parts.assessments,
    referrals: parts.referrals,
    reminders: parts.reminders,
    bookings: parts.bookings,
    ratings: ratingsOf(parts.bookings),
    waitlist: parts.waitlist,
    activityRegistrations: parts.activityRegistrations,
    favorites: parts.favorites,
    listeningPositions: parts.listeningPositions,
    messages: parts.messages,
  };
}

export type ExportDocument = ReturnType<typeof buildExportDocument>;
