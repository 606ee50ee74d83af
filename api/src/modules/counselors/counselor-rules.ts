// Whether a counselor can be booked: pure rules over the stored record, unit-tested.
import { addDays } from '../availability/china-time';
import type { Service } from '../availability/slot-generation';

export type CredentialStatus = 'valid' | 'expiring' | 'lapsed' | 'missing';
export const EXPIRING_WITHIN_DAYS = 30;

interface CredentialFields {
  credentialValidFrom?: string | null | undefined;
  credentialValidUntil?: string | null | undefined;
}

/** On China date `today`: missing (no end date on file), lapsed (not valid today), expiring (ends within 30 days) or valid. */
export function credentialStatus(c: CredentialFields, today: string): CredentialStatus {
  if (!c.credentialValidUntil) return 'missing';
  if (c.credentialValidUntil < today || (c.credentialValidFrom && c.credentialValidFrom > today)) return 'lapsed';
  if (c.credentialValidUntil < addDays(today, EXPIRING_WITHIN_DAYS)) return 'expiring';
  return 'valid';
}

/** Whether the credential covers China date `date` (dates compare as strings in YYYY-MM-DD). */
export function credentialCovers(c: CredentialFields, date: string): boolean {
  return Boolean(c.credentialValidUntil) && c.credentialValidUntil! >= date && (!c.credentialValidFrom || c.credentialValidFrom <= date);
}

export function isBookableOn(c: CredentialFields & { active: boolean; verified: boolean }, date: string): boolean {
  return c.active && c.verified && credentialCovers(c, date);
}

/** Services a counselor's weekly template offers. */
export function servicesOf(schedule: { weekly: ReadonlyArray<{ services: readonly string[] }>; groups: readonly unknown[] } | null | undefined): Service[] {
  const set = new Set<Service>();
  for (const w of schedule?.weekly ?? []) for (const s of w.services) set.add(s as Service);
  if (schedule?.groups.length) set.add('group');
  return (['individual', 'family', 'group'] as const).filter((s) => set.has(s));
}
