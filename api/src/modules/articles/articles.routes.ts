import crypto from 'node:crypto';
import type { Context } from 'koa';
import type { z } from 'zod';
import { currentStaff } from '../../http/auth';
import { defineRoute, type AnyRoute, type Role, type RouteInput } from '../../http/route';
import type { AuthenticatedStaff } from '../auth/staff-auth.service';
import {
  adminArticle, adminList, adminListQuery, approveBody, articleCreateBody, articleDetail, articleIdParams, articleList,
  articleUpdateBody, categoryList, emptyBody, previewBody, previewResult, publicListQuery, restoreBody, returnBody, slugParams,
  versionList, versionParams, versionSnapshot,
} from './articles.schemas';
import type { ArticlesService } from './articles.service';

const EDIT_ROLES = ['editor', 'reviewer', 'district_admin'] as const;
const REVIEW_ROLES = ['reviewer', 'district_admin'] as const;

/** A workflow step (submit, approve, return, archive): POST /admin/articles/:id/<action>, answering the article. */
interface StateAction<B extends z.ZodObject<z.ZodRawShape>> {
  action: string;
  roles: readonly Role[];
  summary: string;
  body: B;
  /** What the article is afterwards (the 200 response). */
  result: string;
  /** The 409 codes the step can answer. */
  conflicts: string;
  run: (ctx: Context, staff: AuthenticatedStaff, id: string, body: RouteInput<B, undefined, undefined>['body']) => Promise<unknown>;
}

function stateActionRoute<B extends z.ZodObject<z.ZodRawShape>>(a: StateAction<B>): AnyRoute {
  return defineRoute({
    method: 'post', path: `/admin/articles/:id/${a.action}`, tags: ['articles'], access: { kind: 'staff', roles: a.roles },
    summary: a.summary,
    params: articleIdParams,
    body: a.body,
    responses: { 200: { description: a.result, schema: adminArticle } },
    errors: { 404: 'ARTICLE_NOT_FOUND', 409: a.conflicts },
    async handler(ctx, { params, body }) {
      ctx.body = await a.run(ctx, currentStaff(ctx), params.id, body);
    },
  });
}

/**
 * Public reads are cacheable: a weak ETag from the body's hash answers 304 to a client that has it. max-age is short
 * so a newly published or scheduled article shows up within a minute even where a cache sits in between.
 */
function sendCacheable(ctx: Context, body: unknown) {
  const hash = crypto.createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27);
  ctx.set('Cache-Control', 'public, max-age=60');
  ctx.etag = `W/"${hash}"`;
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.body = body;
}

export function articlePublicRoutes(deps: { articles: ArticlesService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/articles', tags: ['articles'], access: { kind: 'public' },
      summary: 'Published articles, newest first; filter by category, search title, summary and tags',
      query: publicListQuery,
      responses: { 200: { description: 'A page of article cards', schema: articleList }, 304: { description: 'Not modified' } },
      async handler(ctx, { query }) {
        sendCacheable(ctx, await deps.articles.listPublic(query));
      },
    }),
    // Declared before /articles/:slug so "categories" is not taken for a slug.
    defineRoute({
      method: 'get', path: '/articles/categories', tags: ['articles'], access: { kind: 'public' },
      summary: 'The 12 article categories in order, with the number of published articles in each',
      responses: { 200: { description: 'Categories', schema: categoryList }, 304: { description: 'Not modified' } },
      async handler(ctx) {
        sendCacheable(ctx, await deps.articles.categories());
      },
    }),
    defineRoute({
      method: 'get', path: '/articles/:slug', tags: ['articles'], access: { kind: 'public' },
      summary: 'One published article: sanitized HTML, references, reviewer, views and up to 3 related articles',
      params: slugParams,
      responses: { 200: { description: 'Article', schema: articleDetail }, 304: { description: 'Not modified' } },
      errors: { 404: 'ARTICLE_NOT_FOUND' },
      async handler(ctx, { params }) {
        sendCacheable(ctx, await deps.articles.getPublic(params.slug));
      },
    }),
    defineRoute({
      method: 'post', path: '/articles/:slug/views', tags: ['articles'], access: { kind: 'public' },
      summary: 'Count one read of a published article: once per reader and China day (the resident when a resident token is sent, else the client address and user agent); repeats also answer 204',
      params: slugParams,
      body: emptyBody,
      responses: { 204: { description: 'Counted, or already counted today' } },
      errors: { 404: 'ARTICLE_NOT_FOUND' },
      async handler(ctx, { params }) {
        await deps.articles.recordView(params.slug, deps.articles.viewerOf(ctx));
        ctx.status = 204;
      },
    }),
  ];
}

export function articleAdminRoutes(deps: { articles: ArticlesService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/admin/articles', tags: ['articles'], access: { kind: 'staff', roles: EDIT_ROLES },
      summary: 'All articles in any state, recently changed first, with their safe-messaging flags',
      query: adminListQuery,
      responses: { 200: { description: 'A page of articles', schema: adminList } },
      async handler(ctx, { query }) {
        ctx.body = await deps.articles.listAdmin(query);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/articles', tags: ['articles'], access: { kind: 'staff', roles: EDIT_ROLES },
      summary: 'Create a draft (version 1); a slug is made up when none is given',
      body: articleCreateBody,
      responses: { 201: { description: 'The new draft', schema: adminArticle } },
      errors: { 409: 'ARTICLE_SLUG_TAKEN' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await deps.articles.create(currentStaff(ctx), body);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/articles/preview', tags: ['articles'], access: { kind: 'staff', roles: EDIT_ROLES },
      summary: 'Render Markdown exactly as the public API will, with safe-messaging flags and reading time',
      body: previewBody,
      responses: { 200: { description: 'Preview', schema: previewResult } },
      handler(ctx, { body }) {
        ctx.body = deps.articles.preview(body);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/articles/:id', tags: ['articles'], access: { kind: 'staff', roles: EDIT_ROLES },
      summary: 'One article with its Markdown, rendered HTML, state, version and flags',
      params: articleIdParams,
      responses: { 200: { description: 'Article', schema: adminArticle } },
      errors: { 404: 'ARTICLE_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.articles.get(params.id);
      },
    }),
    defineRoute({
      method: 'patch', path: '/admin/articles/:id', tags: ['articles'], access: { kind: 'staff', roles: EDIT_ROLES },
      summary: 'Edit a draft (or an archived article, which becomes a draft); `version` must be the current one',
      params: articleIdParams,
      body: articleUpdateBody,
      responses: { 200: { description: 'The saved article (next version)', schema: adminArticle } },
      errors: { 404: 'ARTICLE_NOT_FOUND', 409: 'ARTICLE_EDIT_CONFLICT, ARTICLE_NOT_EDITABLE, ARTICLE_SLUG_TAKEN' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.articles.update(currentStaff(ctx), params.id, body);
      },
    }),
    stateActionRoute({
      action: 'submit', roles: EDIT_ROLES, body: emptyBody,
      summary: 'Send a draft for review; the safe-messaging check runs and its flags go to the reviewer',
      result: 'The article, in review', conflicts: 'ARTICLE_WRONG_STATE, ARTICLE_INCOMPLETE, ARTICLE_EDIT_CONFLICT',
      run: (ctx, staff, id) => deps.articles.submit(ctx, staff, id),
    }),
    stateActionRoute({
      action: 'approve', roles: REVIEW_ROLES, body: approveBody,
      summary: 'Publish an article in review, now or at `publishAt` (reviewers and district admins only)',
      result: 'The published (or scheduled) article', conflicts: 'ARTICLE_WRONG_STATE, ARTICLE_EDIT_CONFLICT',
      run: (ctx, staff, id, body) => deps.articles.approve(ctx, staff, id, body.publishAt),
    }),
    stateActionRoute({
      action: 'return', roles: REVIEW_ROLES, body: returnBody,
      summary: 'Send an article in review back to draft with a comment (reviewers and district admins only)',
      result: 'The article, back in draft', conflicts: 'ARTICLE_WRONG_STATE, ARTICLE_EDIT_CONFLICT',
      run: (ctx, staff, id, body) => deps.articles.returnToDraft(ctx, staff, id, body.comment),
    }),
    stateActionRoute({
      action: 'archive', roles: EDIT_ROLES, body: emptyBody,
      summary: 'Take an article out of circulation (it disappears from public reads at once)',
      result: 'The archived article', conflicts: 'ARTICLE_WRONG_STATE, ARTICLE_EDIT_CONFLICT',
      run: (ctx, staff, id) => deps.articles.archive(ctx, staff, id),
    }),
    defineRoute({
      method: 'get', path: '/admin/articles/:id/versions', tags: ['articles'], access: { kind: 'staff', roles: EDIT_ROLES },
      summary: 'Saved versions of an article, newest first',
      params: articleIdParams,
      responses: { 200: { description: 'Versions', schema: versionList } },
      errors: { 404: 'ARTICLE_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.articles.versions(params.id);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/articles/:id/versions/:version', tags: ['articles'], access: { kind: 'staff', roles: EDIT_ROLES },
      summary: 'One saved version with its Markdown and rendered HTML',
      params: versionParams,
      responses: { 200: { description: 'Version', schema: versionSnapshot } },
      errors: { 404: 'ARTICLE_NOT_FOUND, ARTICLE_VERSION_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.articles.version(params.id, params.version);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/articles/:id/versions/:version/restore', tags: ['articles'], access: { kind: 'staff', roles: EDIT_ROLES },
      summary: 'Make the content of an old version the current draft (as a new version)',
      params: versionParams,
      body: restoreBody,
      responses: { 200: { description: 'The article, in draft with the restored content', schema: adminArticle } },
      errors: { 404: 'ARTICLE_NOT_FOUND, ARTICLE_VERSION_NOT_FOUND', 409: 'ARTICLE_NOT_EDITABLE, ARTICLE_EDIT_CONFLICT, ARTICLE_SLUG_TAKEN' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.articles.restore(ctx, currentStaff(ctx), params.id, params.version, body.version);
      },
    }),
  ];
}
