import crypto from 'node:crypto';
import type { Context } from 'koa';
import mongoose, { Types } from 'mongoose';
import { isDuplicateKey } from '../../db';
import { ConflictError, NotFoundError, ValidationError } from '../../http/errors';
import { isObjectId } from '../../http/schema-helpers';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/staff-auth.service';
import type { ViewCounting } from '../audio/view-counting';
import { StaffModel } from '../staff/staff.model';
import { articlePlainText, readingMinutes, renderArticleHtml } from './article-markdown';
import { ARTICLE_CATEGORIES, SLUG_PATTERN, SYSTEM_REVIEWER_NAME, type ArticleAudience, type ArticleCategory, type ArticleState } from './article-taxonomy';
import { ArticleModel, ArticleVersionModel, ArticleViewModel, type ArticleRecord, type ArticleVersionRecord } from './article.model';
import type { AdminArticle, AdminListItem, ArticleCard, ArticleDetail, VersionSnapshot } from './articles.schemas';
import { checkSafeMessaging, DEFAULT_HELPLINES, type SafeMessagingFlag } from './safe-messaging';

type ArticleDoc = ArticleRecord;
type VersionDoc = ArticleVersionRecord;
type Article = Omit<ArticleRecord, '_id'>;

export interface ArticleContentInput {
  title: string;
  slug?: string | undefined;
  summary: string;
  category: ArticleCategory;
  audience: ArticleAudience[];
  tags: string[];
  coverMediaId?: string | null | undefined;
  markdown: string;
  references: { text: string; url?: string | null | undefined }[];
}
export type ArticleUpdateInput = Partial<ArticleContentInput> & { version: number };

export interface ListQuery { category?: ArticleCategory | undefined; q?: string | undefined; page: number; pageSize: number }
export interface AdminListQuery extends ListQuery { state?: ArticleState | undefined }

interface Deps {
  audit: AuditService;
  /** Help lines besides 12356 that count for the safe-messaging check (the deployment's local line). */
  extraHelplines?: readonly string[];
  /** Counts a reader once per article and day. */
  viewCounting: ViewCounting;
  now?: () => Date;
}

/** Content fields: what an editor writes, what a version restores. */
const CONTENT_KEYS = ['slug', 'title', 'summary', 'category', 'audience', 'tags', 'coverMediaId', 'markdown', 'references'] as const;
/** Editing is allowed here; an edited archived article becomes a draft again (to go through review). */
const EDITABLE: readonly ArticleState[] = ['draft', 'archived'];
/** A claim older than this whose save never reached the article is rolled forward (the saving instance died). */
const STALLED_SAVE_MS = 30_000;
const MAX_VERSIONS_LISTED = 200;

const notFound = () => new NotFoundError('ARTICLE_NOT_FOUND', '没有找到这篇文章');
const editConflict = () => new ConflictError('ARTICLE_EDIT_CONFLICT', '这篇文章刚刚被其他人改过，请刷新后再修改');
const slugTaken = () => new ConflictError('ARTICLE_SLUG_TAKEN', '这个链接名已经被其他文章使用了，请换一个');
const notEditable = () => new ConflictError('ARTICLE_NOT_EDITABLE', '审核中或已发布的文章不能直接修改，请先退回或下架');
const wrongState = (message: string) => new ConflictError('ARTICLE_WRONG_STATE', message);

export const mediaUrl = (id: Types.ObjectId | string) => `/api/v1/media/${String(id)}`;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Case-insensitive "contains" for each word of the query (all words must match, each in any of the fields). */
function searchFilter(q: string | undefined, fields: readonly string[]) {
  const words = (q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  if (!words.length) return {};
  // RegExp values from escaped input: sanitizeFilter leaves them alone, and no operator comes from the client.
  return { $and: words.map((w) => ({ $or: fields.map((f) => ({ [f]: new RegExp(escapeRegex(w), 'i') })) })) };
}

function newSlug(title: string): string {
  const ascii = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  const suffix = crypto.randomBytes(5).toString('hex').slice(0, 8);
  return ascii ? `${ascii}-${suffix}` : `article-${suffix}`;
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

export function createArticlesService(deps: Deps) {
  const now = deps.now ?? (() => new Date());
  const helplines = [...DEFAULT_HELPLINES, ...(deps.extraHelplines ?? [])];

  const visible = (at: Date) => ({ state: 'published' as const, publishedAt: mongoose.trusted({ $lte: at }) as unknown as Date });

  function flagsFor(c: { title: string; summary: string; markdown: string }): SafeMessagingFlag[] {
    return checkSafeMessaging({ title: c.title, summary: c.summary, text: articlePlainText(c.markdown) }, { helplines });
  }

  /** Display names of staff ids ('seed' is the editorial team). */
  async function staffNames(ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
    const names = new Map<string, string>([['seed', SYSTEM_REVIEWER_NAME]]);
    const valid = [...new Set(ids.filter((id): id is string => typeof id === 'string' && isObjectId(id)))];
    if (valid.length) {
      const staff = await StaffModel.find({ _id: mongoose.trusted({ $in: valid.map((id) => new Types.ObjectId(id)) }) }, { displayName: 1 }).lean();
      for (const s of staff) names.set(String(s._id), s.displayName);
    }
    return names;
  }

  function reviewerOf(a: Pick<Article, 'reviewerId' | 'reviewerName'>, names: Map<string, string>): string | null {
    return (a.reviewerId ? names.get(String(a.reviewerId)) : undefined) ?? a.reviewerName ?? null;
  }

  function card(a: ArticleDoc): ArticleCard {
    return {
      id: String(a._id), slug: a.slug, title: a.title, summary: a.summary, category: a.category as ArticleCategory,
      audience: [...a.audience], tags: [...a.tags], cover: a.coverMediaId ? mediaUrl(a.coverMediaId) : null,
      readingMinutes: a.readingMinutes, publishedAt: (a.publishedAt ?? a.createdAt).toISOString(),
    };
  }

  const references = (refs: Article['references']) => refs.map((r) => ({ text: r.text, url: r.url ?? null }));
  const flagsView = (flags: Article['flags']) =>
    flags.map((f) => ({ code: f.code, message: f.message, ...(f.excerpt ? { excerpt: f.excerpt } : {}) })) as SafeMessagingFlag[];

  async function adminView(a: ArticleDoc): Promise<AdminArticle> {
    const names = await staffNames([a.reviewerId ? String(a.reviewerId) : null]);
    return {
      id: String(a._id), slug: a.slug, title: a.title, summary: a.summary, category: a.category as ArticleCategory,
      audience: [...a.audience], tags: [...a.tags],
      coverMediaId: a.coverMediaId ? String(a.coverMediaId) : null, cover: a.coverMediaId ? mediaUrl(a.coverMediaId) : null,
      markdown: a.markdown, html: renderArticleHtml(a.markdown), references: references(a.references),
      state: a.state as ArticleState, version: a.version, flags: flagsView(a.flags), reviewComment: a.reviewComment ?? null,
      reviewedBy: reviewerOf(a, names), reviewedAt: iso(a.reviewedAt), publishAt: iso(a.publishAt), publishedAt: iso(a.publishedAt),
      createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(), readingMinutes: a.readingMinutes,
    };
  }

  async function load(id: string): Promise<ArticleDoc> {
    const a = isObjectId(id) ? await ArticleModel.findById(id).lean<ArticleDoc>() : null;
    if (!a) throw notFound();
    return a;
  }

  async function assertCoverExists(coverMediaId: string | null | undefined) {
    if (!coverMediaId) return;
    // Read through the connection: the media module owns that collection, articles only point at an image in it.
    const media = await mongoose.connection.db!.collection('media').findOne({ _id: new Types.ObjectId(coverMediaId) }, { projection: { kind: 1 } });
    if (!media || media.kind !== 'image') {
      throw new ValidationError([{ in: 'body', path: 'coverMediaId', code: 'custom', message: '封面需要是媒体库里的一张图片' }]);
    }
  }

  async function assertSlugFree(slug: string, exceptId: Types.ObjectId) {
    if (await ArticleModel.exists({ slug, _id: mongoose.trusted({ $ne: exceptId }) })) throw slugTaken();
  }

  function snapshotOf(a: ArticleDoc, action: string, savedAt: Date, savedBy: string): VersionDoc {
    const { _id, createdAt: _c, createdBy: _b, ...rest } = a;
    return { ...rest, _id: `${String(_id)}:${a.version}`, articleId: _id, version: a.version, action, savedAt, savedBy } as VersionDoc;
  }

  /** The article fields a version document holds (everything but the version's own bookkeeping). */
  function articleFieldsOf(v: VersionDoc): Partial<Article> {
    const { _id, articleId: _a, action: _x, savedAt: _s, savedBy: _b, ...fields } = v;
    return fields as Partial<Article>;
  }

  /** If the save that claimed the next version died before updating the article, apply that version now. */
  async function rollForwardIfStalled(current: ArticleDoc) {
    const claim = await ArticleVersionModel.findById(`${String(current._id)}:${current.version + 1}`).lean<VersionDoc>();
    const fresh = await ArticleModel.findById(current._id, { version: 1 }).lean();
    if (!claim || !fresh || fresh.version !== current.version) return;
    if (now().getTime() - claim.savedAt.getTime() < STALLED_SAVE_MS) return;
    await ArticleModel.updateOne({ _id: current._id }, { $set: articleFieldsOf(claim) });
  }

  /**
   * The one way an article changes: claim version N+1 by inserting its snapshot (exactly one of concurrent saves based
   * on N succeeds, on FerretDB as on MongoDB), then write the article by _id, which only the claim holder does.
   */
  async function commit(current: ArticleDoc, changes: Partial<Article>, who: string, action: string): Promise<ArticleDoc> {
    const at = now();
    const set = { ...changes, version: current.version + 1, updatedAt: at, updatedBy: who };
    const next = { ...current, ...set } as ArticleDoc;
    const snapshot = snapshotOf(next, action, at, who);
    try {
      await ArticleVersionModel.create(snapshot);
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      await rollForwardIfStalled(current);
      throw editConflict();
    }
    try {
      await ArticleModel.updateOne({ _id: current._id }, { $set: set }, { runValidators: true });
    } catch (e) {
      // Release the claim so the article is not left waiting for a save that failed.
      await ArticleVersionModel.deleteOne({ _id: snapshot._id });
      if (isDuplicateKey(e)) throw slugTaken();
      throw e;
    }
    return next;
  }

  function audit(ctx: Context, staff: AuthenticatedStaff, action: string, a: ArticleDoc, detail: Record<string, unknown> = {}) {
    return deps.audit.record(ctx, {
      actor: `staff:${staff.id}`, role: staff.role, action, target: `article:${String(a._id)}`, result: 'success',
      detail: { slug: a.slug, version: a.version, ...detail },
    });
  }

  /** Content changes from editor input: only the keys given, normalized, plus what is derived from them. */
  function contentChanges(current: Pick<Article, 'title' | 'summary' | 'markdown'>, input: Partial<ArticleContentInput>): Partial<Article> {
    const changes: Record<string, unknown> = {};
    for (const key of CONTENT_KEYS) {
      const value = input[key];
      if (value === undefined) continue;
      if (key === 'tags') changes.tags = uniqueTags(value as string[]);
      else if (key === 'audience') changes.audience = [...new Set(value as ArticleAudience[])];
      else if (key === 'coverMediaId') changes.coverMediaId = value ? new Types.ObjectId(value as string) : null;
      else if (key === 'references') changes.references = (value as ArticleContentInput['references']).map((r) => ({ text: r.text, url: r.url ?? null }));
      else changes[key] = value;
    }
    const merged = { ...current, ...changes } as Pick<Article, 'title' | 'summary' | 'markdown'>;
    if ('title' in changes || 'summary' in changes || 'markdown' in changes) {
      changes.flags = flagsFor(merged);
      changes.readingMinutes = readingMinutes(merged.markdown);
    }
    return changes as Partial<Article>;
  }

  async function transition(
    ctx: Context, staff: AuthenticatedStaff, id: string, action: string,
    allowedFrom: readonly ArticleState[], refusal: string, changes: (a: ArticleDoc) => Partial<Article> | Promise<Partial<Article>>,
    auditDetail: (a: ArticleDoc) => Record<string, unknown> = () => ({}),
  ): Promise<AdminArticle> {
    const current = await load(id);
    if (!allowedFrom.includes(current.state as ArticleState)) throw wrongState(refusal);
    const updated = await commit(current, await changes(current), staff.id, action);
    await audit(ctx, staff, `article.${action}`, updated, { from: current.state, ...auditDetail(updated) });
    return adminView(updated);
  }

  return {
    /** The help-line numbers the safe-messaging check accepts (the seed step checks the library with the same list). */
    helplines: helplines as readonly string[],

    // ---- public ----

    async listPublic(query: ListQuery) {
      const filter = { ...visible(now()), ...(query.category ? { category: query.category } : {}), ...searchFilter(query.q, ['title', 'summary', 'tags']) };
      const [docs, total] = await Promise.all([
        ArticleModel.find(filter, { markdown: 0, flags: 0, references: 0 })
          .sort({ publishedAt: -1, _id: -1 }).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<ArticleDoc[]>(),
        ArticleModel.countDocuments(filter),
      ]);
      return { items: docs.map(card), total, page: query.page, pageSize: query.pageSize };
    },

    /** The 12 categories in their fixed order, with how many articles each has now. */
    async categories() {
      const rows = await ArticleModel.aggregate<{ _id: string; count: number }>([
        { $match: { state: 'published', publishedAt: { $lte: now() } } },
        { $group: { _id: '$category', count: { $sum: 1 } } },
      ]);
      const counts = new Map(rows.map((r) => [r._id, r.count]));
      return { items: ARTICLE_CATEGORIES.map((name) => ({ name, count: counts.get(name) ?? 0 })) };
    },

    async getPublic(slug: string): Promise<ArticleDetail> {
      if (!SLUG_PATTERN.test(slug)) throw notFound();
      const at = now();
      const a = await ArticleModel.findOne({ slug, ...visible(at) }).lean<ArticleDoc>();
      if (!a) throw notFound();
      const [related, views, names] = await Promise.all([
        ArticleModel.find({ ...visible(at), category: a.category, _id: mongoose.trusted({ $ne: a._id }) }, { markdown: 0, flags: 0, references: 0 })
          .sort({ publishedAt: -1, _id: -1 }).limit(3).lean<ArticleDoc[]>(),
        ArticleViewModel.countDocuments({ articleId: a._id }),
        staffNames([a.reviewerId ? String(a.reviewerId) : null]),
      ]);
      return {
        ...card(a), html: renderArticleHtml(a.markdown), references: references(a.references),
        reviewedBy: reviewerOf(a, names) ?? SYSTEM_REVIEWER_NAME, reviewedAt: (a.reviewedAt ?? a.publishedAt ?? a.createdAt).toISOString(),
        views, related: related.map(card),
      };
    },

    /** Who is reading, for recordView (see view-counting.ts). */
    viewerOf: deps.viewCounting.viewerOf,

    /**
     * Counts a read of an article the public can see, at most once per viewer and China day; a repeat is accepted
     * and not counted, so the client cannot tell (and has no reason to retry).
     */
    async recordView(slug: string, viewer: string, at: Date = now()): Promise<void> {
      if (!SLUG_PATTERN.test(slug)) throw notFound();
      const a = await ArticleModel.findOne({ slug, ...visible(at) }, { _id: 1 }).lean();
      if (!a) throw notFound();
      try {
        await ArticleViewModel.create({ _id: deps.viewCounting.claimId('article', String(a._id), viewer, at), articleId: a._id, at });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    },

    /** Favorites: titles of the public articles among `ids` (others are absent from the map). */
    async resolveFavorites(ids: readonly string[]): Promise<Map<string, { title: string; subtitle: string; ref: string }>> {
      const valid = ids.filter((id) => isObjectId(id)).map((id) => new Types.ObjectId(id));
      if (!valid.length) return new Map();
      const docs = await ArticleModel.find({ _id: mongoose.trusted({ $in: valid }), ...visible(now()) }, { title: 1, category: 1, slug: 1 }).lean();
      return new Map(docs.map((d) => [String(d._id), { title: d.title, subtitle: d.category, ref: d.slug }]));
    },

    // ---- admin ----

    async listAdmin(query: AdminListQuery) {
      const filter = {
        ...(query.state ? { state: query.state } : {}), ...(query.category ? { category: query.category } : {}),
        ...searchFilter(query.q, ['title', 'slug', 'summary', 'tags']),
      };
      const [docs, total] = await Promise.all([
        ArticleModel.find(filter, { markdown: 0, references: 0 }).sort({ updatedAt: -1, _id: -1 })
          .skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<ArticleDoc[]>(),
        ArticleModel.countDocuments(filter),
      ]);
      const names = await staffNames(docs.map((d) => d.updatedBy));
      const items: AdminListItem[] = docs.map((a) => ({
        id: String(a._id), slug: a.slug, title: a.title, category: a.category as ArticleCategory, state: a.state as ArticleState,
        updatedAt: a.updatedAt.toISOString(), updatedBy: names.get(a.updatedBy) ?? null,
        publishAt: iso(a.publishAt), publishedAt: iso(a.publishedAt), flags: flagsView(a.flags),
      }));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async get(id: string): Promise<AdminArticle> {
      return adminView(await load(id));
    },

    async create(staff: AuthenticatedStaff, input: ArticleContentInput): Promise<AdminArticle> {
      await assertCoverExists(input.coverMediaId);
      const at = now();
      const base = {
        title: '', summary: '', markdown: '', state: 'draft', version: 1, reviewComment: null, reviewerId: null, reviewerName: null,
        reviewedAt: null, publishAt: null, publishedAt: null, createdAt: at, createdBy: staff.id, updatedAt: at, updatedBy: staff.id,
      };
      for (let attempt = 0; ; attempt++) {
        const slug = input.slug ?? newSlug(input.title);
        const doc = { _id: new Types.ObjectId(), ...base, ...contentChanges(base, { ...input, slug }) } as unknown as ArticleDoc;
        try {
          await ArticleModel.create(doc);
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
          if (input.slug || attempt >= 2) throw slugTaken();
          continue; // a generated slug collided: draw another
        }
        await ArticleVersionModel.create(snapshotOf(doc, 'create', at, staff.id));
        return adminView(doc);
      }
    },

    async update(staff: AuthenticatedStaff, id: string, input: ArticleUpdateInput): Promise<AdminArticle> {
      const current = await load(id);
      if (!EDITABLE.includes(current.state as ArticleState)) throw notEditable();
      if (input.version !== current.version) throw editConflict();
      const { version: _v, ...fields } = input;
      const changes = contentChanges(current, fields);
      if (!Object.keys(changes).length) return adminView(current);
      if (changes.slug && changes.slug !== current.slug) await assertSlugFree(changes.slug, current._id);
      if (fields.coverMediaId) await assertCoverExists(fields.coverMediaId);
      return adminView(await commit(current, { ...changes, state: 'draft' }, staff.id, 'edit'));
    },

    submit(ctx: Context, staff: AuthenticatedStaff, id: string) {
      return transition(ctx, staff, id, 'submit', ['draft'], '只有草稿可以提交审核', (a) => {
        const missing = [
          ...(a.summary.trim() ? [] : ['summary']),
          ...(articlePlainText(a.markdown).trim() ? [] : ['markdown']),
        ];
        if (missing.length) throw new ConflictError('ARTICLE_INCOMPLETE', '请先写好摘要和正文，再提交审核', { missing });
        return { state: 'in_review', flags: flagsFor(a), readingMinutes: readingMinutes(a.markdown) };
      }, (a) => ({ flags: a.flags.map((f) => f.code) }));
    },

    async approve(ctx: Context, staff: AuthenticatedStaff, id: string, publishAtText: string | undefined) {
      const at = now();
      const publishAt = publishAtText ? new Date(publishAtText) : null;
      if (publishAt && publishAt.getTime() < at.getTime() - 60_000) {
        throw new ValidationError([{ in: 'body', path: 'publishAt', code: 'custom', message: '定时发布的时间不能早于现在' }]);
      }
      if (publishAt && publishAt.getTime() > at.getTime() + 366 * 86_400_000) {
        throw new ValidationError([{ in: 'body', path: 'publishAt', code: 'custom', message: '定时发布最多提前一年' }]);
      }
      const scheduled = publishAt && publishAt > at ? publishAt : null;
      const names = await staffNames([staff.id]);
      return transition(ctx, staff, id, 'approve', ['in_review'], '只有审核中的文章可以通过', () => ({
        state: 'published', reviewerId: new Types.ObjectId(staff.id), reviewerName: names.get(staff.id) ?? null, reviewedAt: at,
        reviewComment: null, publishAt: scheduled, publishedAt: scheduled ?? at,
      }), (a) => ({ publishAt: iso(scheduled), flags: a.flags.map((f) => f.code) }));
    },

    returnToDraft(ctx: Context, staff: AuthenticatedStaff, id: string, comment: string) {
      return transition(ctx, staff, id, 'return', ['in_review'], '只有审核中的文章可以退回', () => ({ state: 'draft', reviewComment: comment }));
    },

    archive(ctx: Context, staff: AuthenticatedStaff, id: string) {
      return transition(ctx, staff, id, 'archive', ['draft', 'in_review', 'published'], '这篇文章已经下架了', () => ({ state: 'archived' }));
    },

    async versions(id: string) {
      const a = await load(id);
      const docs = await ArticleVersionModel.find({ articleId: a._id }, { version: 1, title: 1, savedAt: 1, savedBy: 1, action: 1, state: 1 })
        .sort({ version: -1 }).limit(MAX_VERSIONS_LISTED).lean();
      const names = await staffNames(docs.map((d) => d.savedBy));
      return {
        items: docs.map((d) => ({
          version: d.version, title: d.title, savedAt: d.savedAt.toISOString(), savedBy: names.get(d.savedBy) ?? null,
          action: d.action, state: d.state as ArticleState,
        })),
      };
    },

    async version(id: string, version: number): Promise<VersionSnapshot> {
      const a = await load(id);
      const v = await ArticleVersionModel.findById(`${String(a._id)}:${version}`).lean<VersionDoc>();
      if (!v) throw new NotFoundError('ARTICLE_VERSION_NOT_FOUND', '没有找到这个历史版本');
      const names = await staffNames([v.savedBy]);
      return {
        version: v.version, title: v.title, savedAt: v.savedAt.toISOString(), savedBy: names.get(v.savedBy) ?? null, action: v.action,
        state: v.state as ArticleState, slug: v.slug, summary: v.summary, category: v.category as ArticleCategory,
        audience: [...v.audience], tags: [...v.tags], coverMediaId: v.coverMediaId ? String(v.coverMediaId) : null,
        markdown: v.markdown, html: renderArticleHtml(v.markdown), references: references(v.references),
      };
    },

    /** A new draft version with the content of an old one (history is never rewritten). */
    async restore(ctx: Context, staff: AuthenticatedStaff, id: string, version: number, expectedVersion?: number) {
      const current = await load(id);
      if (!EDITABLE.includes(current.state as ArticleState)) throw notEditable();
      if (expectedVersion !== undefined && expectedVersion !== current.version) throw editConflict();
      const v = await ArticleVersionModel.findById(`${String(current._id)}:${version}`).lean<VersionDoc>();
      if (!v) throw new NotFoundError('ARTICLE_VERSION_NOT_FOUND', '没有找到这个历史版本');
      if (v.slug !== current.slug) await assertSlugFree(v.slug, current._id);
      const content = Object.fromEntries(CONTENT_KEYS.map((k) => [k, v[k]])) as Partial<Article>;
      const merged = { ...current, ...content };
      const updated = await commit(current, {
        ...content, state: 'draft', flags: flagsFor(merged), readingMinutes: readingMinutes(merged.markdown),
      }, staff.id, 'restore');
      await audit(ctx, staff, 'article.restore', updated, { from: current.state, restoredVersion: version });
      return adminView(updated);
    },

    /** Exactly what the public page will show, for the editor's phone-width preview. */
    preview(input: { markdown: string; title?: string | undefined; summary?: string | undefined }) {
      return {
        html: renderArticleHtml(input.markdown),
        flags: flagsFor({ title: input.title ?? '', summary: input.summary ?? '', markdown: input.markdown }),
        readingMinutes: readingMinutes(input.markdown),
      };
    },
  };
}

export type ArticlesService = ReturnType<typeof createArticlesService>;
