import type { Article } from '../../../services/content';
import { emptyFormValues, formValuesFromArticle, sameContent, tagsProblem, toArticleFields } from './article-form';

const article: Article = {
  id: 'a1',
  slug: 'sleep-hygiene-basics',
  title: '睡不着的夜里',
  summary: '几件小事',
  category: '睡眠',
  audience: ['老年人'],
  tags: ['失眠'],
  coverMediaId: '65ab12cd34ef56ab78cd90ef',
  cover: '/api/v1/media/65ab12cd34ef56ab78cd90ef',
  markdown: '## 先放下手机\n\n正文',
  html: '<h2 class="xa-h2">先放下手机</h2>',
  references: [{ text: 'WHO. 2022.', url: null }],
  state: 'draft',
  version: 3,
  flags: [],
  reviewComment: null,
  reviewedBy: null,
  reviewedAt: null,
  publishAt: null,
  publishedAt: null,
  createdAt: '2026-03-21T00:00:00Z',
  updatedAt: '2026-03-21T00:00:00Z',
  readingMinutes: 3,
};

describe('article form values', () => {
  test('an article round-trips to the same fields it came from', () => {
    const fields = toArticleFields(formValuesFromArticle(article));
    expect(fields).toEqual({
      title: article.title,
      slug: article.slug,
      summary: article.summary,
      category: article.category,
      audience: article.audience,
      tags: article.tags,
      coverMediaId: article.coverMediaId,
      markdown: article.markdown,
      references: article.references,
    });
  });

  test('an empty slug is left out, so the API makes one from the title', () => {
    const fields = toArticleFields({ ...emptyFormValues(), title: ' 新文章 ', category: '焦虑', slug: '  ' });
    expect(fields).not.toHaveProperty('slug');
    expect(fields.title).toBe('新文章');
  });

  test('tags are trimmed and de-duplicated; empty reference rows are dropped', () => {
    const fields = toArticleFields({
      ...emptyFormValues(),
      category: '焦虑',
      tags: [' 焦虑 ', '焦虑', ''],
      references: [{ text: '', url: '' }, { text: 'WHO', url: '' }],
    });
    expect(fields.tags).toEqual(['焦虑']);
    expect(fields.references).toEqual([{ text: 'WHO', url: null }]);
  });

  test('dirty detection ignores what would not change the saved article, and notices what would', () => {
    const saved = formValuesFromArticle(article);
    expect(sameContent(saved, { ...saved, title: `${saved.title} `, references: [...saved.references, { text: '' }] })).toBe(true);
    expect(sameContent(saved, { ...saved, markdown: `${saved.markdown}。` })).toBe(false);
    expect(sameContent(saved, { ...saved, coverMediaId: null })).toBe(false);
  });
});

describe('tagsProblem', () => {
  test('at most six tags of at most twenty characters', () => {
    expect(tagsProblem(['a', 'b', 'c', 'd', 'e', 'f'])).toBeNull();
    expect(tagsProblem(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('标签最多6个');
    expect(tagsProblem(['一'.repeat(21)])).toContain('太长');
    expect(tagsProblem(undefined)).toBeNull();
  });
});
