import fs from 'node:fs';
import path from 'node:path';
import content from '@xinan/content';
import { z } from 'zod';
import { chinaMidnight, isChinaDate } from '../availability/china-time';
import { ARTICLE_AUDIENCES, ARTICLE_CATEGORIES, type ArticleAudience, type ArticleCategory } from './article-taxonomy';
import { referenceInput, slugSchema } from './articles.schemas';

// Reads the seed library (content/articles/<slug>.md: YAML front matter, then Markdown) and checks each file against
// the content contract. Problems are reported per file instead of thrown, so one bad file does not stop a start.

const frontMatterSchema = z.object({
  slug: slugSchema,
  title: z.string().max(80).trim().min(1),
  summary: z.string().max(120).trim().min(1),
  category: z.enum(ARTICLE_CATEGORIES),
  audience: z.array(z.enum(ARTICLE_AUDIENCES)).default([]),
  // `tags: [12356, 996]` reads as numbers in YAML; as tags they are words.
  tags: z.array(z.union([z.string(), z.number().transform(String)]).pipe(z.string().max(20).trim().min(1))).min(1).max(6),
  // YAML 1.2 reads 2026-03-21 as a string; a YAML 1.1 reader would give a Date.
  date: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date()]),
  occasion: z.string().max(40).trim().min(1).optional(),
  references: z.array(referenceInput).min(1, '至少需要一条参考文献'),
}).strict();

export interface LibraryArticle {
  file: string;
  slug: string;
  title: string;
  summary: string;
  category: ArticleCategory;
  audience: ArticleAudience[];
  tags: string[];
  /** The front-matter date at midnight China time: when the article was first published. */
  publishedAt: Date;
  occasion: string | null;
  references: { text: string; url: string | null }[];
  markdown: string;
}

export interface LibraryProblem { file: string; problems: string[] }

function dateOf(value: string | Date): Date | null {
  // YAML reads an unquoted `date: 2026-05-06` as UTC midnight of that day, so its UTC fields are the day written.
  const day = typeof value === 'string' ? value : value.toISOString().slice(0, 10);
  // isChinaDate rejects impossible days (2026-02-30) that Date would roll over.
  return isChinaDate(day) ? chinaMidnight(day) : null;
}

export function parseLibraryFile(file: string, source: string): { article: LibraryArticle } | { problems: string[] } {
  let parsed: { data: unknown; body: string };
  try {
    parsed = content.parseFrontMatter(source);
  } catch (e) {
    return { problems: [`front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  if (parsed.data === null) return { problems: ['no front matter (--- … ---) at the top'] };
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) return { problems: result.error.issues.map((i) => `${i.path.join('.') || '(front matter)'}: ${i.message}`) };
  const fm = result.data;
  const problems: string[] = [];
  const publishedAt = dateOf(fm.date);
  if (!publishedAt) problems.push(`date: ${String(fm.date)} is not a calendar day`);
  if (path.basename(file) !== `${fm.slug}.md`) problems.push(`file name should be ${fm.slug}.md`);
  const markdown = parsed.body.trim();
  if (!markdown) problems.push('the body is empty');
  if (problems.length || !publishedAt) return { problems };
  return {
    article: {
      file, slug: fm.slug, title: fm.title, summary: fm.summary, category: fm.category, audience: [...new Set(fm.audience)],
      tags: [...new Set(fm.tags)], publishedAt, occasion: fm.occasion ?? null,
      references: fm.references.map((r) => ({ text: r.text, url: r.url ?? null })), markdown,
    },
  };
}

/** Every `.md` file of `dir` (none when the directory does not exist), in file-name order. */
export function loadArticleLibrary(dir: string): { articles: LibraryArticle[]; problems: LibraryProblem[] } {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];
  const articles: LibraryArticle[] = [];
  const problems: LibraryProblem[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    const result = parseLibraryFile(file, fs.readFileSync(file, 'utf8'));
    // File names are unique in a folder and must be `<slug>.md`, so slugs are unique too.
    if ('problems' in result) problems.push({ file: name, problems: result.problems });
    else articles.push(result.article);
  }
  return { articles, problems };
}
