import { z } from 'zod';
import { currentResident } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { FAVORITE_KINDS } from './favorite.model';
import type { FavoritesService } from './favorites.service';

const favoriteParams = z.object({
  kind: z.enum(FAVORITE_KINDS),
  // Article ids are ObjectIds; track ids are whatever the audio module uses (ObjectId or a catalog key).
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确'),
});
const favoriteView = z.object({
  kind: z.enum(FAVORITE_KINDS),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  ref: z.string().describe('What the client opens: the article slug, or the track id'),
  createdAt: z.string(),
});

export function favoriteRoutes(deps: { favorites: FavoritesService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/me/favorites', tags: ['favorites'], access: { kind: 'resident' },
      summary: 'My saved articles and tracks, newest first',
      query: z.object({ kind: z.enum(FAVORITE_KINDS).optional() }),
      responses: { 200: { description: 'Favorites', schema: z.object({ items: z.array(favoriteView) }) } },
      async handler(ctx, { query }) {
        ctx.body = { items: await deps.favorites.list(currentResident(ctx).id, query.kind) };
      },
    }),
    defineRoute({
      method: 'put', path: '/me/favorites/:kind/:id', tags: ['favorites'], access: { kind: 'resident' },
      summary: 'Save an article or track (idempotent)',
      params: favoriteParams,
      body: z.object({}),
      responses: { 204: { description: 'Saved' } },
      errors: { 404: 'FAVORITE_TARGET_NOT_FOUND', 409: 'FAVORITES_LIMIT' },
      async handler(ctx, { params }) {
        await deps.favorites.add(currentResident(ctx).id, params.kind, params.id);
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'delete', path: '/me/favorites/:kind/:id', tags: ['favorites'], access: { kind: 'resident' },
      summary: 'Remove a saved article or track (idempotent)',
      params: favoriteParams,
      responses: { 204: { description: 'Removed' } },
      async handler(ctx, { params }) {
        await deps.favorites.remove(currentResident(ctx).id, params.kind, params.id);
        ctx.status = 204;
      },
    }),
  ];
}
