import { z } from 'zod';
import { objectId, pageQuery, pagedList } from '../../http/schema-helpers';
import { ARTICLE_AUDIENCES, ARTICLE_CATEGORIES, ARTICLE_STATES, SLUG_MAX, SLUG_PATTERN } from './article-taxonomy';
import { FLAG_CODES } from './safe-messaging';

// Search words: no control characters (a NUL cannot even be sent to the database inside a regex).
const searchText = z.string().regex(/^[^\u0000-\u001f\u007f]*$/, '搜索词里有无法识别的字符').max(50).trim().optional();

// Limits: what an article needs, well under the 100 kB JSON body limit (Chinese is 3 bytes a character in UTF-8).
export const MARKDOWN_MAX = 30_000;

export const slugSchema = z.string().max(SLUG_MAX).regex(SLUG_PATTERN, '链接名只能用小写字母、数字和连字符');
export const referenceInput = z.object({
  text: z.string().max(500).trim().min(1),
  url: z.string().max(500).trim().regex(/^https?:\/\/[^\s<>"']+$/i, '参考链接需以 http:// 或 https:// 开头').nullable().optional(),
});
const title = z.string().max(80).trim().min(1, '请填写标题');
const summary = z.string().max(120, '摘要不超过120字').trim();
const tags = z.array(z.string().max(20).trim().min(1)).max(6, '标签最多6个');
const audience = z.array(z.enum(ARTICLE_AUDIENCES)).max(ARTICLE_AUDIENCES.length);
const markdown = z.string().max(MARKDOWN_MAX, `正文不超过${MARKDOWN_MAX}字`);
const references = z.array(referenceInput).max(30);

export const articleCreateBody = z.object({
  title,
  slug: slugSchema.optional(),
  summary: summary.default(''),
  category: z.enum(ARTICLE_CATEGORIES),
  audience: audience.default([]),
  tags: tags.default([]),
  coverMediaId: objectId().nullable().optional(),
  markdown: markdown.default(''),
  references: references.default([]),
});

export const articleUpdateBody = z.object({
  version: z.number().int().min(1).max(1_000_000),
  title: title.optional(),
  slug: slugSchema.optional(),
  summary: summary.optional(),
  category: z.enum(ARTICLE_CATEGORIES).optional(),
  audience: audience.optional(),
  tags: tags.optional(),
  coverMediaId: objectId().nullable().optional(),
  markdown: markdown.optional(),
  references: references.optional(),
});

export const approveBody = z.object({
  publishAt: z.iso.datetime({ offset: true, message: '发布时间格式不正确' }).optional(),
});
export const returnBody = z.object({ comment: z.string().max(2000).trim().min(1, '请写下退回的原因') });
export const emptyBody = z.object({});
export const restoreBody = z.object({ version: z.number().int().min(1).optional() });
export const previewBody = z.object({
  markdown,
  title: z.string().max(200).optional(),
  summary: z.string().max(500).optional(),
  category: z.enum(ARTICLE_CATEGORIES).optional(),
});

export const articleIdParams = z.object({ id: objectId() });
export const versionParams = z.object({ id: objectId(), version: z.coerce.number().int().min(1).max(1_000_000) });
// Any string reaches the service, which answers 404 for one that cannot be a slug (a URL typed by hand is "not found").
export const slugParams = z.object({ slug: z.string().max(200) });

export const publicListQuery = z.object({
  category: z.enum(ARTICLE_CATEGORIES).optional(),
  q: searchText,
  ...pageQuery({ defaultPageSize: 10 }),
});

export const adminListQuery = z.object({
  state: z.enum(ARTICLE_STATES).optional(),
  category: z.enum(ARTICLE_CATEGORIES).optional(),
  q: searchText,
  ...pageQuery({ maxPageSize: 100 }),
});

// Response shapes (the OpenAPI document; the service builds objects of these types).
export const flagView = z.object({ code: z.enum(FLAG_CODES), message: z.string(), excerpt: z.string().optional() });
export const referenceView = z.object({ text: z.string(), url: z.string().nullable() });

export const articleCard = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.enum(ARTICLE_CATEGORIES),
  audience: z.array(z.string()),
  tags: z.array(z.string()),
  cover: z.string().nullable(),
  readingMinutes: z.number().int(),
  publishedAt: z.string(),
});
export type ArticleCard = z.infer<typeof articleCard>;

export const articleDetail = articleCard.extend({
  html: z.string(),
  references: z.array(referenceView),
  reviewedBy: z.string(),
  reviewedAt: z.string(),
  views: z.number().int(),
  related: z.array(articleCard),
});
export type ArticleDetail = z.infer<typeof articleDetail>;

export const articleList = pagedList(articleCard);
export const categoryList = z.object({ items: z.array(z.object({ name: z.enum(ARTICLE_CATEGORIES), count: z.number().int() })) });

export const adminArticle = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.enum(ARTICLE_CATEGORIES),
  audience: z.array(z.string()),
  tags: z.array(z.string()),
  coverMediaId: z.string().nullable(),
  cover: z.string().nullable(),
  markdown: z.string(),
  html: z.string(),
  references: z.array(referenceView),
  state: z.enum(ARTICLE_STATES),
  version: z.number().int(),
  flags: z.array(flagView),
  reviewComment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  readingMinutes: z.number().int(),
});
export type AdminArticle = z.infer<typeof adminArticle>;

export const adminListItem = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  category: z.enum(ARTICLE_CATEGORIES),
  state: z.enum(ARTICLE_STATES),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  flags: z.array(flagView),
});
export type AdminListItem = z.infer<typeof adminListItem>;
export const adminList = pagedList(adminListItem);

export const versionItem = z.object({
  version: z.number().int(), title: z.string(), savedAt: z.string(), savedBy: z.string().nullable(), action: z.string(), state: z.enum(ARTICLE_STATES),
});
export const versionList = z.object({ items: z.array(versionItem) });
export const versionSnapshot = versionItem.extend({
  slug: z.string(),
  summary: z.string(),
  category: z.enum(ARTICLE_CATEGORIES),
  audience: z.array(z.string()),
  tags: z.array(z.string()),
  coverMediaId: z.string().nullable(),
  markdown: z.string(),
  html: z.string(),
  references: z.array(referenceView),
});
export type VersionSnapshot = z.infer<typeof versionSnapshot>;

export const previewResult = z.object({ html: z.string(), flags: z.array(flagView), readingMinutes: z.number().int() });
