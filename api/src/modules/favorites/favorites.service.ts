import { Types } from 'mongoose';
import { isDuplicateKey } from '../../db';
import { ConflictError, NotFoundError } from '../../http/errors';
import { FAVORITE_KINDS, FavoriteModel, type FavoriteKind } from './favorite.model';

/** What a favorites list shows for one target: a title, a second line, and what the client opens (slug / track id). */
export interface FavoriteTarget { title: string; subtitle: string; ref: string }

/**
 * Looks up the targets of one kind that residents may see now; ids that are unknown, unpublished or archived are
 * simply absent from the map. Each content module registers its own.
 */
export type FavoriteResolver = (ids: readonly string[]) => Promise<Map<string, FavoriteTarget>>;
export type FavoriteResolvers = Record<FavoriteKind, FavoriteResolver>;

/** A resolver from a module's `describe(ids)` (title and subtitle by id), where the client opens the target by its id. */
export function resolverById(describe: (ids: string[]) => Promise<Map<string, { title: string; subtitle: string }>>): FavoriteResolver {
  return async (ids) => new Map([...(await describe([...ids]))].map(([id, t]) => [id, { title: t.title, subtitle: t.subtitle, ref: id }]));
}

export interface FavoriteView { kind: FavoriteKind; id: string; title: string; subtitle: string; ref: string; createdAt: string }

/** Enough for anyone's reading list; stops a script from filling the collection. */
export const MAX_FAVORITES_PER_RESIDENT = 500;

export function createFavoritesService(deps: { resolvers: FavoriteResolvers; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const favoriteId = (residentId: string, kind: FavoriteKind, targetId: string) => `${residentId}:${kind}:${targetId}`;

  return {
    /** Newest first; favorites whose target is no longer public are left out (they come back if it does). */
    async list(residentId: string, kind?: FavoriteKind): Promise<FavoriteView[]> {
      const rows = await FavoriteModel.find({ residentId: new Types.ObjectId(residentId), ...(kind ? { kind } : {}) })
        .sort({ createdAt: -1, _id: 1 }).limit(MAX_FAVORITES_PER_RESIDENT).lean();
      const targets = new Map<FavoriteKind, Map<string, FavoriteTarget>>();
      for (const k of FAVORITE_KINDS) {
        const ids = rows.filter((r) => r.kind === k).map((r) => r.targetId);
        if (ids.length) targets.set(k, await deps.resolvers[k](ids));
      }
      return rows.flatMap((r) => {
        const t = targets.get(r.kind as FavoriteKind)?.get(r.targetId);
        return t ? [{ kind: r.kind as FavoriteKind, id: r.targetId, title: t.title, subtitle: t.subtitle, ref: t.ref, createdAt: r.createdAt.toISOString() }] : [];
      });
    },

    /** Idempotent: saving what is already saved changes nothing. An unknown or unpublished target is 404. */
    async add(residentId: string, kind: FavoriteKind, targetId: string): Promise<void> {
      const found = await deps.resolvers[kind]([targetId]);
      if (!found.has(targetId)) throw new NotFoundError('FAVORITE_TARGET_NOT_FOUND', kind === 'article' ? '没有找到这篇文章' : '没有找到这段音频');
      const _id = favoriteId(residentId, kind, targetId);
      if (await FavoriteModel.exists({ _id })) return;
      if (await FavoriteModel.countDocuments({ residentId: new Types.ObjectId(residentId) }) >= MAX_FAVORITES_PER_RESIDENT) {
        throw new ConflictError('FAVORITES_LIMIT', `收藏最多 ${MAX_FAVORITES_PER_RESIDENT} 条，可以先取消一些不再需要的`);
      }
      try {
        await FavoriteModel.create({ _id, residentId: new Types.ObjectId(residentId), kind, targetId, createdAt: now() });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e; // the same favorite saved at the same moment: already done
      }
    },

    /** Idempotent: removing what is not saved is fine. */
    async remove(residentId: string, kind: FavoriteKind, targetId: string): Promise<void> {
      await FavoriteModel.deleteOne({ _id: favoriteId(residentId, kind, targetId) });
    },

    /** Every saved item, also those whose target is no longer public (the resident's data export). */
    async exportForResident(residentId: string) {
      const rows = await FavoriteModel.find({ residentId: new Types.ObjectId(residentId) }).sort({ createdAt: 1, _id: 1 }).lean();
      return rows.map((r) => ({ kind: r.kind as FavoriteKind, targetId: r.targetId, createdAt: r.createdAt.toISOString() }));
    },

    /** Everything of one resident (account deletion). */
    async deleteForResident(residentId: string): Promise<void> {
      await FavoriteModel.deleteMany({ residentId: new Types.ObjectId(residentId) });
    },
  };
}

export type FavoritesService = ReturnType<typeof createFavoritesService>;
