// Which credential notice a counselor's record calls for on a given China date: pure, unit-tested.
import crypto from 'node:crypto';
import { addDays } from '../availability/china-time';
import { EXPIRING_WITHIN_DAYS } from '../counselors/counselor-rules';
import type { NoticeKind } from './staff-notice.model';

export interface CredentialFacts {
  counselorId: string;
  name: string;
  stationName: string;
  credentialValidFrom?: string | null | undefined;
  credentialValidUntil?: string | null | undefined;
}

export interface PlannedNotice {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
}

/**
 * The notice's _id: the same counselor, event and credential period always give the same id, so the notice is
 * inserted once whoever sweeps; new dates (a renewed certificate) give new ids and therefore new notices.
 */
export function credentialNoticeId(kind: NoticeKind, counselorId: string, validFrom: string | null | undefined, validUntil: string): string {
  return 'ntc_' + crypto.createHash('sha256').update([kind, counselorId, validFrom ?? '', validUntil].join('|')).digest('hex').slice(0, 24);
}

/**
 * On China date `today`: 'credential_lapsed' once the end date has passed, 'credential_expiring' within the last
 * 30 days before it, otherwise nothing. Only the end date counts: a start date in the future is what an admin
 * entered on purpose, and a counselor with no dates at all is on the alert list already (never bookable).
 */
export function credentialNoticeFor(c: CredentialFacts, today: string): PlannedNotice | null {
  const until = c.credentialValidUntil;
  if (!until) return null;
  const who = `${c.stationName}的咨询师${c.name}`;
  if (until < today) {
    return {
      id: credentialNoticeId('credential_lapsed', c.counselorId, c.credentialValidFrom, until),
      kind: 'credential_lapsed',
      title: '咨询师资质已过期',
      body: `${who}的资质已于 ${until} 到期，居民现在无法预约这位咨询师。请核实新证书后，在“咨询师管理”中更新有效期。`,
    };
  }
  if (until < addDays(today, EXPIRING_WITHIN_DAYS)) {
    return {
      id: credentialNoticeId('credential_expiring', c.counselorId, c.credentialValidFrom, until),
      kind: 'credential_expiring',
      title: '咨询师资质即将到期',
      body: `${who}的资质将于 ${until} 到期，到期后居民将无法预约这位咨询师。请提醒本人及时更新证书，并在“咨询师管理”中修改有效期。`,
    };
  }
  return null;
}
