import { Schema, model, type Types } from 'mongoose';
import { ARTICLE_AUDIENCES, ARTICLE_CATEGORIES, ARTICLE_STATES, type ArticleAudience, type ArticleCategory, type ArticleState } from './article-taxonomy';
import { FLAG_CODES, type SafeMessagingFlag } from './safe-messaging';
import { maxChars } from '../../model-limits';

/** An article as stored (what `.lean()` returns). Written out because subdocument arrays infer as mongoose types. */
export interface ArticleRecord {
  _id: Types.ObjectId;
  slug: string;
  title: string;
  summary: string;
  category: ArticleCategory;
  audience: ArticleAudience[];
  tags: string[];
  coverMediaId: Types.ObjectId | null;
  markdown: string;
  references: { text: string; url: string | null }[];
  state: ArticleState;
  flags: SafeMessagingFlag[];
  readingMinutes: number;
  reviewComment: string | null;
  reviewerId: Types.ObjectId | null;
  reviewerName: string | null;
  reviewedAt: Date | null;
  publishAt: Date | null;
  publishedAt: Date | null;
  version: number;
  updatedAt: Date;
  updatedBy: string;
  createdAt: Date;
  createdBy: string;
}

/** A saved version: the article as saved, keyed `${articleId}:${version}`. */
export interface ArticleVersionRecord extends Omit<ArticleRecord, '_id' | 'createdAt' | 'createdBy'> {
  _id: string;
  articleId: Types.ObjectId;
  action: string;
  savedAt: Date;
  savedBy: string;
}

const referenceSchema = new Schema(
  { text: { type: String, required: true, validate: maxChars(500) }, url: { type: String, default: null, validate: maxChars(500) } },
  { _id: false },
);
const flagSchema = new Schema(
  { code: { type: String, enum: FLAG_CODES, required: true }, message: { type: String, required: true }, excerpt: { type: String } },
  { _id: false },
);

/** What an article says and how it is presented: the part editors write and versions restore. */
const contentFields = {
  slug: { type: String, required: true, validate: maxChars(80) },
  title: { type: String, required: true, validate: maxChars(80) },
  summary: { type: String, default: '', validate: maxChars(120) },
  category: { type: String, enum: ARTICLE_CATEGORIES, required: true },
  audience: { type: [{ type: String, enum: ARTICLE_AUDIENCES }], default: [] },
  tags: { type: [String], default: [] },
  coverMediaId: { type: Schema.Types.ObjectId, default: null },
  markdown: { type: String, default: '' },
  references: { type: [referenceSchema], default: [] },
};

/** The editorial state around the content. */
const workflowFields = {
  state: { type: String, enum: ARTICLE_STATES, required: true, default: 'draft' },
  // Safe-messaging flags from the last save or submit, for the reviewer.
  flags: { type: [flagSchema], default: [] },
  readingMinutes: { type: Number, required: true, default: 1 },
  reviewComment: { type: String, default: null },
  // Staff id of the approving reviewer (null for the seed library), and the name shown when there is no account.
  reviewerId: { type: Schema.Types.ObjectId, default: null },
  reviewerName: { type: String, default: null },
  reviewedAt: { type: Date, default: null },
  // Scheduled time chosen at approval (null when published at once). publishedAt is when it becomes public:
  // public reads filter `publishedAt <= now`, so a scheduled article appears on time with no job.
  publishAt: { type: Date, default: null },
  publishedAt: { type: Date, default: null },
  // Counts up by one per save; each value is claimed in article_versions, which is what detects concurrent edits.
  version: { type: Number, required: true, default: 1 },
  updatedAt: { type: Date, required: true, default: () => new Date() },
  // Staff id, or 'seed' for the library loaded from content/articles.
  updatedBy: { type: String, required: true },
};

const articleSchema = new Schema(
  {
    ...contentFields,
    ...workflowFields,
    createdAt: { type: Date, required: true, default: () => new Date() },
    createdBy: { type: String, required: true },
  },
  { versionKey: false, collection: 'articles' },
);
// Public URLs are /articles/<slug>: one article per slug.
articleSchema.index({ slug: 1 }, { unique: true });
// Public list and category pages: published, newest first.
articleSchema.index({ state: 1, publishedAt: -1 });
articleSchema.index({ state: 1, category: 1, publishedAt: -1 });
// Admin list: recently changed first.
articleSchema.index({ updatedAt: -1 });

export const ArticleModel = model('Article', articleSchema);

// One document per saved version: the full article as it was saved (content and workflow), so history can show and
// restore it. `_id` = `${articleId}:${version}` is also the edit lock: of two saves based on the same version only one
// can insert the next number; the other gets duplicate key 11000 and answers ARTICLE_EDIT_CONFLICT. (A guarded update
// on `version` would not be atomic on FerretDB v1.)
const articleVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    articleId: { type: Schema.Types.ObjectId, required: true },
    // What made this version: create, edit, submit, approve, return, archive, restore, seed.
    action: { type: String, required: true },
    savedAt: { type: Date, required: true },
    savedBy: { type: String, required: true },
    ...contentFields,
    ...workflowFields,
  },
  { versionKey: false, collection: 'article_versions' },
);
// History of one article, newest first.
articleVersionSchema.index({ articleId: 1, version: -1 });

export const ArticleVersionModel = model('ArticleVersion', articleVersionSchema);

// One document per counted read: counted, never incremented ($inc loses updates on FerretDB v1). A reader counts once
// per article and China day: `_id` is the claim from audio/view-counting.ts (`${articleId}:${day}:${keyed hash}`), so
// a repeat is a duplicate key. Nothing about the reader is kept. (Views recorded before the limit have ObjectIds.)
const articleViewSchema = new Schema(
  {
    _id: { type: String, required: true },
    articleId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'article_views' },
);
// Counting the views of one article.
articleViewSchema.index({ articleId: 1 });

export const ArticleViewModel = model('ArticleView', articleViewSchema);
