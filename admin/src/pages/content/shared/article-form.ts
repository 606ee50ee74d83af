// The editor form ↔ the API's article fields. Pure.
import type { Article, ArticleCategory, ArticleFields } from '../../../services/content';
import { normalizeReferences, type ReferenceDraft } from './references';

export interface ArticleFormValues {
  title: string;
  slug: string;
  summary: string;
  category: ArticleCategory | undefined;
  audience: string[];
  tags: string[];
  coverMediaId: string | null;
  markdown: string;
  references: ReferenceDraft[];
}

export const TITLE_MAX = 80;
export const SUMMARY_MAX = 120;
export const TAGS_MAX = 6;
export const TAG_MAX = 20;
export const MARKDOWN_MAX = 30_000;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function emptyFormValues(): ArticleFormValues {
  return {
    title: '',
    slug: '',
    summary: '',
    category: undefined,
    audience: [],
    tags: [],
    coverMediaId: null,
    markdown: '',
    references: [],
  };
}

export function formValuesFromArticle(article: Pick<Article, keyof ArticleFields>): ArticleFormValues {
  return {
    title: article.title,
    slug: article.slug ?? '',
    summary: article.summary,
    category: article.category,
    audience: [...article.audience],
    tags: [...article.tags],
    coverMediaId: article.coverMediaId,
    markdown: article.markdown,
    references: article.references.map((r) => ({ text: r.text, url: r.url ?? '' })),
  };
}

/** Tags trimmed, empty and repeated ones dropped (the API would refuse an empty tag). */
export function normalizeTags(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const tag of tags ?? []) {
    const value = tag.trim();
    if (value) seen.add(value);
  }
  return [...seen];
}

/**
 * What to send. `category` must be chosen before this is called (the form requires it); an empty slug is left
 * out so the API makes one from the title.
 */
export function toArticleFields(values: Partial<ArticleFormValues>): ArticleFields {
  const slug = (values.slug ?? '').trim();
  return {
    title: (values.title ?? '').trim(),
    ...(slug ? { slug } : {}),
    summary: (values.summary ?? '').trim(),
    category: values.category as ArticleCategory,
    audience: [...(values.audience ?? [])],
    tags: normalizeTags(values.tags),
    coverMediaId: values.coverMediaId ?? null,
    markdown: values.markdown ?? '',
    references: normalizeReferences(values.references),
  };
}

/** True when the two would save the same article (whitespace at the ends and empty rows do not count). */
export function sameContent(a: Partial<ArticleFormValues>, b: Partial<ArticleFormValues>): boolean {
  return JSON.stringify(toArticleFields(a)) === JSON.stringify(toArticleFields(b));
}

/** The problem with a tag list, or null. */
export function tagsProblem(tags: readonly string[] | undefined): string | null {
  const list = normalizeTags(tags);
  if (list.length > TAGS_MAX) return `标签最多${TAGS_MAX}个`;
  const long = list.find((tag) => tag.length > TAG_MAX);
  if (long) return `标签“${long.slice(0, 8)}…”太长了，每个不超过${TAG_MAX}字`;
  return null;
}
