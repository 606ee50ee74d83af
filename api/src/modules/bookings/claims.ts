// Claim documents: how "never overbooked" holds without transactions. See booking-claim.model.ts for the keys.
import mongoose from 'mongoose';
import { isDuplicateKey } from '../../db';
import { ClaimModel, type ClaimKind } from './booking-claim.model';

export interface ClaimSpec {
  _id: string;
  owner: string;
  kind: ClaimKind;
  resource: string;
  at?: Date | null;
  until?: Date | null;
  /** Held jointly by everyone with the same owner (a group session's cells): never rolled back by one participant. */
  shared?: boolean;
}

export class ClaimConflict extends Error {
  constructor(readonly claimId: string, readonly kind: ClaimKind) {
    super(`claim ${claimId} is held by someone else`);
  }
}

/**
 * FerretDB's SQLite backend answers "database is locked (SQLITE_BUSY)" when a write meets another write at the same
 * moment (its delete reads and then writes inside one transaction, and SQLite refuses the upgrade at once rather
 * than wait). The write did not happen, so it is safe to try again after a short random pause. MongoDB never says this.
 */
export function isBusy(e: unknown): boolean {
  const message = (e as { message?: unknown } | null)?.message;
  return typeof message === 'string' && (message.includes('SQLITE_BUSY') || message.includes('database is locked'));
}

export async function retryBusy<T>(fn: () => Promise<T>, attempts = 10): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (!isBusy(e) || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 20 * i));
    }
  }
}

export const cellClaimId = (counselorId: string, cell: Date) => `${counselorId}:${cell.toISOString()}`;
export const residentCellClaimId = (residentId: string, cell: Date) => `resident:${residentId}:${cell.toISOString()}`;
export const residentSlotClaimId = (residentId: string, n: number) => `resident:${residentId}:slot:${n}`;
export const seatClaimId = (sessionKey: string, n: number) => `${sessionKey}:seat:${n}`;

/**
 * Inserts the claims one at a time, in the order given (callers sort cells ascending, so of two overlapping
 * requests the one that loses the first common cell stops there). A claim already held by the same owner counts as
 * held. If one is held by anyone else, the claims this call inserted are deleted again and ClaimConflict is thrown.
 * Returns the ids this call inserted.
 */
export async function claimAll(specs: readonly ClaimSpec[]): Promise<string[]> {
  const inserted: ClaimSpec[] = [];
  const now = new Date();
  // One read first: what is visibly held by someone else fails at once, what we already hold is skipped. Only a
  // shortcut (fewer doomed writes in a rush); for everything else the inserts below decide.
  const existing = new Map((await ClaimModel.find({ _id: mongoose.trusted({ $in: specs.map((c) => c._id) }) }, { _id: 1, owner: 1 }).lean()).map((c) => [c._id, c.owner]));
  const taken = specs.find((c) => existing.has(c._id) && existing.get(c._id) !== c.owner);
  if (taken) throw new ClaimConflict(taken._id, taken.kind);
  try {
    for (const spec of specs) {
      if (existing.get(spec._id) === spec.owner) continue;
      try {
        await retryBusy(() => ClaimModel.create({ _id: spec._id, owner: spec.owner, kind: spec.kind, resource: spec.resource, at: spec.at ?? null, until: spec.until ?? null, createdAt: now }));
        inserted.push(spec);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        const holder = await ClaimModel.findById(spec._id, { owner: 1 }).lean();
        // Gone again already: someone released it between our insert and our read; treat as taken this time.
        if (holder?.owner !== spec.owner) throw new ClaimConflict(spec._id, spec.kind);
      }
    }
  } catch (e) {
    await rollback(inserted.filter((c) => !c.shared));
    throw e;
  }
  return inserted.map((c) => c._id);
}

async function rollback(claims: readonly ClaimSpec[]) {
  for (const c of claims) await retryBusy(() => ClaimModel.deleteOne({ _id: c._id, owner: c.owner }));
}

/** Frees claims held by `owner` (only those: an id now held by someone else is left alone). */
export async function releaseClaims(owner: string, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await retryBusy(() => ClaimModel.deleteMany({ _id: mongoose.trusted({ $in: [...ids] }), owner }));
}

/**
 * Seat claims: tries seats 1..capacity in order, the first free one wins. Seats known to be taken are skipped
 * (only a shortcut: the insert decides). Returns the seat number, or null when the session is full.
 */
export async function claimSeat(sessionKey: string, capacity: number, owner: string, extra: { until?: Date | null } = {}): Promise<number | null> {
  const seatOf = (id: string) => Number(id.slice(id.lastIndexOf(':') + 1));
  const existing = await ClaimModel.find({ resource: sessionKey, kind: 'seat' }, { _id: 1, owner: 1 }).lean();
  const mine = existing.find((c) => c.owner === owner);
  if (mine) return seatOf(mine._id);
  const taken = new Set(existing.map((c) => seatOf(c._id)));
  for (let n = 1; n <= capacity; n++) {
    if (taken.has(n)) continue;
    try {
      await retryBusy(() => ClaimModel.create({ _id: seatClaimId(sessionKey, n), owner, kind: 'seat', resource: sessionKey, until: extra.until ?? null, createdAt: new Date() }));
      return n;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  return null;
}

/** Number of seats taken per session key. */
export async function seatsTaken(sessionKeys: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!sessionKeys.length) return out;
  const rows = await ClaimModel.find({ resource: mongoose.trusted({ $in: [...sessionKeys] }), kind: 'seat' }, { resource: 1 }).lean();
  for (const r of rows) out.set(r.resource, (out.get(r.resource) ?? 0) + 1);
  return out;
}

/**
 * A one-time guard: true for exactly one caller per key, ever (e.g. "this booking's resident slot was released").
 * Used where two paths could otherwise both act once (a staff action and the sweep).
 */
export async function once(key: string): Promise<boolean> {
  try {
    await retryBusy(() => ClaimModel.create({ _id: `once:${key}`, owner: key, kind: 'guard', resource: 'guard', createdAt: new Date() }));
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}
