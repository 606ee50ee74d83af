import crypto from 'node:crypto';
import { Types } from 'mongoose';
import { isDuplicateKey } from '../../db';
import { articlePlainText, readingMinutes } from './article-markdown';
import { loadArticleLibrary, type LibraryProblem } from './article-library';
import { SYSTEM_REVIEWER_NAME } from './article-taxonomy';
import { ArticleModel, ArticleVersionModel } from './article.model';
import { checkSafeMessaging } from './safe-messaging';

export interface ArticleSeedReport { inserted: number; existing: number; problems: LibraryProblem[] }

/** Stable id per seed slug: a renamed seeded article still blocks re-inserting its old slug. */
export function seedArticleId(slug: string): Types.ObjectId {
  return new Types.ObjectId(crypto.createHash('sha256').update(`article:${slug}`).digest('hex').slice(0, 24));
}

/**
 * Loads the seed library from `dir` as published articles reviewed by the editorial team. Idempotent: an article whose
 * slug (or seed id) exists is left exactly as it is, so editors' later edits, archiving or renaming are kept, and
 * instances starting together insert each article once.
 */
export async function seedArticles(
  dir: string, opts: { print?: (line: string) => void; helplines?: readonly string[] } = {},
): Promise<ArticleSeedReport> {
  const print = opts.print ?? (() => undefined);
  const { articles, problems } = loadArticleLibrary(dir);
  for (const p of problems) print(`文章种子 ${p.file} 未载入：${p.problems.join('；')}`);
  // One article at a time would be 40 sequential round trips at every start (and in every API test file).
  const results = await Promise.all(articles.map(async (a): Promise<boolean> => {
    const _id = seedArticleId(a.slug);
    const doc = {
      _id, slug: a.slug, title: a.title, summary: a.summary, category: a.category, audience: a.audience, tags: a.tags,
      coverMediaId: null, markdown: a.markdown, references: a.references, state: 'published' as const,
      flags: checkSafeMessaging({ title: a.title, summary: a.summary, text: articlePlainText(a.markdown) }, opts.helplines ? { helplines: opts.helplines } : {}),
      readingMinutes: readingMinutes(a.markdown), reviewComment: null, reviewerId: null, reviewerName: SYSTEM_REVIEWER_NAME,
      reviewedAt: a.publishedAt, publishAt: null, publishedAt: a.publishedAt, version: 1,
      createdAt: a.publishedAt, createdBy: 'seed', updatedAt: a.publishedAt, updatedBy: 'seed',
    };
    // Insert-if-absent by slug (unique index) and seed id (unique _id): an upsert with $setOnInsert would do the same,
    // but mongoose drops its empty arrays and nulls, and a plain insert stores the whole document.
    try {
      await ArticleModel.create(doc);
    } catch (e) {
      if (isDuplicateKey(e)) return false; // already seeded (maybe by another instance), or renamed by an editor
      throw e;
    }
    const { _id: articleId, createdAt: _c, createdBy: _b, ...fields } = doc;
    try {
      await ArticleVersionModel.create({ ...fields, _id: `${String(articleId)}:1`, articleId, action: 'seed', savedAt: a.publishedAt, savedBy: 'seed' });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    return true;
  }));
  const inserted = results.filter(Boolean).length;
  if (inserted) print(`科普文章：新载入 ${inserted} 篇（共 ${articles.length} 篇种子文章）`);
  return { inserted, existing: articles.length - inserted, problems };
}
