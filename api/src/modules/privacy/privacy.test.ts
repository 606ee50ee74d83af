import { AppError } from '../../http/errors';
import type { AuditEntry } from '../audit/audit.service';
import { addToReport, ErasureStepFailed, runErasure } from './erasure';
import { attachmentHeader, buildExportDocument, exportFileName, ratingsOf } from './export-document';
import { createPrivacyService, erasureSteps, type PrivacyDeps } from './privacy.service';
import { deleteAccountBody } from './privacy.schemas';

const RID = '0123456789abcdef01234567';

describe('exportFileName', () => {
  test('is dated by the China calendar day, ASCII only', () => {
    expect(exportFileName(new Date('2026-05-05T15:59:59Z'))).toBe('xinan-my-data-20260505.json');
    // 16:00 UTC is already midnight in China.
    expect(exportFileName(new Date('2026-05-05T16:00:00Z'))).toBe('xinan-my-data-20260506.json');
    expect(attachmentHeader('xinan-my-data-20260506.json')).toBe('attachment; filename="xinan-my-data-20260506.json"');
  });
});

describe('buildExportDocument', () => {
  const empty = { consents: [], assessments: [], referrals: [], reminders: [], waitlist: [], activityRegistrations: [], favorites: [], listeningPositions: [], messages: [] };
  const profile = { id: RID, createdAt: '2026-01-01T00:00:00.000Z', lastLoginAt: null };

  test('lists the ratings on their own, only for rated bookings', () => {
    const bookings = [
      { id: 'bk_1', stationName: '东湖', start: '2026-02-01T02:00:00.000Z', rating: { score: 5, comment: '很好' } },
      { id: 'bk_2', stationName: '东湖', start: '2026-03-01T02:00:00.000Z', rating: null },
    ];
    expect(ratingsOf(bookings)).toEqual([{ bookingId: 'bk_1', stationName: '东湖', start: '2026-02-01T02:00:00.000Z', score: 5, comment: '很好' }]);
    const doc = buildExportDocument({ ...empty, profile, bookings }, new Date('2026-05-05T00:00:00Z'));
    expect(doc.ratings).toHaveLength(1);
    expect(doc.bookings).toBe(bookings);
  });

  test('has the format header and every section, in a fixed order', () => {
    const doc = buildExportDocument({ ...empty, profile, bookings: [] }, new Date('2026-05-05T00:00:00Z'));
    expect(Object.keys(doc)).toEqual(['format', 'formatVersion', 'exportedAt', 'about', 'profile', 'consents', 'assessments', 'referrals', 'reminders',
      'bookings', 'ratings', 'waitlist', 'activityRegistrations', 'favorites', 'listeningPositions', 'messages']);
    expect(doc).toMatchObject({ format: 'xinan-resident-export', formatVersion: 1, exportedAt: '2026-05-05T00:00:00.000Z' });
  });
});

describe('runErasure', () => {
  test('runs the steps in order and flattens their counts into one report', async () => {
    const ran: string[] = [];
    const report = await runErasure([
      { name: 'waitlist', run: async () => { ran.push('waitlist'); return 2; } },
      { name: 'bookings', run: async () => { ran.push('bookings'); return { cancelled: 1, anonymized: 3 }; } },
      { name: 'profile', run: async () => { ran.push('profile'); } },
    ], RID);
    expect(ran).toEqual(['waitlist', 'bookings', 'profile']);
    expect(report).toEqual({ waitlist: 2, bookingsCancelled: 1, bookingsAnonymized: 3 });
  });

  test('stops at the first failure and names the step; nothing after it runs', async () => {
    const ran: string[] = [];
    const failure = new Error('boom');
    const run = runErasure([
      { name: 'a', run: async () => { ran.push('a'); } },
      { name: 'b', run: async () => { throw failure; } },
      { name: 'profile', run: async () => { ran.push('profile'); } },
    ], RID);
    await expect(run).rejects.toBeInstanceOf(ErasureStepFailed);
    await run.catch((e: ErasureStepFailed) => {
      expect(e.step).toBe('b');
      expect(e.failure).toBe(failure);
    });
    expect(ran).toEqual(['a']);
  });

  test('addToReport adds up repeated keys', () => {
    const report = {};
    addToReport(report, 'x', 1);
    addToReport(report, 'x', 2);
    addToReport(report, 'y', { done: 1 });
    addToReport(report, 'y', { done: 1 });
    addToReport(report, 'z', undefined);
    expect(report).toEqual({ x: 3, yDone: 2 });
  });
});

describe('deleteAccountBody', () => {
  test('accepts only the exact word', () => {
    expect(deleteAccountBody.strict().safeParse({ confirm: '注销' }).success).toBe(true);
    for (const bad of [{}, { confirm: '注销 ' }, { confirm: 'delete' }, { confirm: { $ne: null } }, { confirm: '注销', extra: 1 }]) {
      expect(deleteAccountBody.strict().safeParse(bad).success).toBe(false);
    }
  });
});

/** Fake modules that record the order they were asked to erase in. */
function fakes(opts: { profile?: boolean; failAt?: string } = {}) {
  const calls: string[] = [];
  const audits: AuditEntry[] = [];
  let profile = opts.profile ?? true;
  const erase = (name: string, result: unknown = 1) => async () => {
    calls.push(name);
    if (opts.failAt === name) throw new Error(`${name} failed`);
    return result as never;
  };
  const list = (name: string, value: unknown) => async () => { calls.push(`export:${name}`); return value as never; };
  const deps: PrivacyDeps = {
    profiles: {
      get: async () => (profile ? { id: RID, createdAt: '2026-01-01T00:00:00.000Z', lastLoginAt: null } : null),
      delete: async () => { calls.push('profile'); profile = false; },
    },
    consents: { exportForResident: list('consents', [{ purpose: 'store_results' }]), eraseResident: erase('consents') },
    assessments: { exportForResident: list('assessments', []), deleteForResident: erase('assessments'), anonymizeCountsForResident: erase('assessmentCounts') },
    referrals: { exportForResident: list('referrals', []), eraseResident: erase('referrals') },
    reminders: { list: list('reminders', { items: [] }), eraseResident: erase('reminders') },
    bookings: {
      exportForResident: list('bookings', [{ id: 'bk_1', stationName: '东湖', start: '2026-02-01T02:00:00.000Z', rating: { score: 4, comment: '' } }]),
      eraseResident: erase('bookings', { cancelled: 2, anonymized: 5 }),
    },
    waitlist: { exportForResident: list('waitlist', []), eraseResident: erase('waitlist') },
    activities: { exportForResident: list('activities', []), eraseResident: erase('activityRegistrations', { cancelled: 1, anonymized: 1 }) },
    favorites: { exportForResident: list('favorites', []), deleteForResident: erase('favorites', undefined) },
    audio: { listPositions: list('positions', { items: [] }), deletePositionsForResident: erase('listeningPositions') },
    messages: { exportForResident: list('messages', []), eraseResident: erase('messages') },
    audit: { record: async (_ctx, entry) => { audits.push(entry); } },
    now: () => new Date('2026-05-05T03:00:00Z'),
  };
  return { deps, calls, audits };
}

describe('privacy service', () => {
  test('deletion order: the waitlist before bookings, messages and consents late, the profile last', async () => {
    const { deps, calls, audits } = fakes();
    const report = await createPrivacyService(deps).deleteAccount(undefined, RID);
    expect(calls).toEqual(['waitlist', 'bookings', 'activityRegistrations', 'reminders', 'referrals', 'assessments', 'assessmentCounts', 'favorites',
      'listeningPositions', 'messages', 'consents', 'profile']);
    expect(erasureSteps(deps).map((s) => s.name)).toEqual(calls);
    expect(report).toMatchObject({ bookingsCancelled: 2, bookingsAnonymized: 5, activityRegistrationsCancelled: 1 });
    expect(audits).toEqual([expect.objectContaining({ action: 'account.delete', result: 'success', actor: `resident:${RID}`, detail: report })]);
  });

  test('a failing step: 503 ACCOUNT_DELETION_INCOMPLETE, the profile stays, the audit names the step; a retry completes', async () => {
    const f = fakes({ failAt: 'messages' });
    const service = createPrivacyService(f.deps);
    const error = await service.deleteAccount(undefined, RID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, code: 'ACCOUNT_DELETION_INCOMPLETE' });
    expect(f.calls).not.toContain('profile');
    expect(f.calls).not.toContain('consents');
    expect(f.audits).toEqual([expect.objectContaining({ action: 'account.delete', result: 'failure', detail: { step: 'messages' } })]);
    // The same service with the step working again finishes every step.
    f.deps.messages.eraseResident = async () => 0;
    await service.deleteAccount(undefined, RID);
    expect(f.calls.at(-1)).toBe('profile');
  });

  test('an account that is gone: 401 ACCOUNT_NOT_FOUND for export and deletion, nothing runs', async () => {
    const { deps, calls, audits } = fakes({ profile: false });
    const service = createPrivacyService(deps);
    await expect(service.deleteAccount(undefined, RID)).rejects.toMatchObject({ status: 401, code: 'ACCOUNT_NOT_FOUND' });
    await expect(service.exportFor(undefined, RID)).rejects.toMatchObject({ status: 401, code: 'ACCOUNT_NOT_FOUND' });
    expect(calls).toEqual([]);
    expect(audits).toEqual([]);
  });

  test('export: every module asked, the document assembled, the file named, the export audited', async () => {
    const { deps, calls, audits } = fakes();
    const { fileName, document } = await createPrivacyService(deps).exportFor(undefined, RID);
    expect(fileName).toBe('xinan-my-data-20260505.json');
    expect(calls.sort()).toEqual(['export:activities', 'export:assessments', 'export:bookings', 'export:consents', 'export:favorites', 'export:messages',
      'export:positions', 'export:referrals', 'export:reminders', 'export:waitlist']);
    expect(document).toMatchObject({ profile: { id: RID }, consents: [{ purpose: 'store_results' }], ratings: [{ bookingId: 'bk_1', score: 4 }] });
    expect(audits).toEqual([expect.objectContaining({ action: 'privacy.export', result: 'success' })]);
  });
});
