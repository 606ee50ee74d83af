import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadArticleLibrary, parseLibraryFile } from './article-library';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/articles');

const file = (frontMatter: string, body = '正文。') => `---\n${frontMatter}\n---\n\n${body}\n`;
const VALID = [
  'slug: a-valid-one', 'title: 标题', 'summary: 摘要', 'category: 焦虑', 'audience: [青少年]', 'tags: [焦虑]', 'date: 2025-10-10',
  'references:', '  - text: 国家卫生健康委员会. 心理健康素养十条（2018年版）.',
].join('\n');
const problemsOf = (name: string, source: string) => {
  const r = parseLibraryFile(name, source);
  return 'problems' in r ? r.problems.join('\n') : '';
};

describe('loadArticleLibrary', () => {
  test('reads the fixture articles with their front matter; the date is midnight China time', () => {
    const { articles, problems } = loadArticleLibrary(FIXTURES);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.slug)).toEqual(['fixture-crisis-where-to-call', 'fixture-sleep-small-steps', 'fixture-workplace-breaks']);
    const sleep = articles.find((a) => a.slug === 'fixture-sleep-small-steps')!;
    expect(sleep).toMatchObject({ category: '睡眠', audience: ['职场人群', '老年人'], tags: ['失眠', '睡眠卫生'], occasion: '世界睡眠日' });
    expect(sleep.publishedAt.toISOString()).toBe('2025-03-20T16:00:00.000Z');
    expect(sleep.references[0]!.url).toMatch(/^https:\/\/www\.who\.int\//);
    expect(sleep.references[1]!.url).toBeNull();
    expect(sleep.markdown.startsWith('偶尔睡不好')).toBe(true);
  });

  test('a missing directory is an empty library, not an error', () => {
    expect(loadArticleLibrary(path.join(os.tmpdir(), 'no-such-dir-xinan'))).toEqual({ articles: [], problems: [] });
  });

  test('a bad file is reported by name and the others still load; files in subfolders are not read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-lib-'));
    try {
      fs.writeFileSync(path.join(dir, 'a-valid-one.md'), file(VALID));
      fs.writeFileSync(path.join(dir, 'broken.md'), file('slug: broken\ntitle: [unclosed'));
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'a-valid-one.md'), file(VALID));
      const { articles, problems } = loadArticleLibrary(dir);
      expect(articles.map((a) => a.slug)).toEqual(['a-valid-one']);
      expect(problems.map((p) => p.file)).toEqual(['broken.md']);
      expect(problems.find((p) => p.file === 'broken.md')!.problems[0]).toMatch(/YAML/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseLibraryFile checks the content contract', () => {
  test.each<[string, string, RegExp]>([
    ['a category outside the 12', VALID.replace('category: 焦虑', 'category: 星座'), /category/],
    ['an audience outside the list', VALID.replace('audience: [青少年]', 'audience: [网民]'), /audience/],
    ['no tags', VALID.replace('tags: [焦虑]', 'tags: []'), /tags/],
    ['seven tags', VALID.replace('tags: [焦虑]', 'tags: [一, 二, 三, 四, 五, 六, 七]'), /tags/],
    ['a summary over 120 characters', VALID.replace('summary: 摘要', `summary: ${'长'.repeat(121)}`), /summary/],
    ['an impossible date', VALID.replace('date: 2025-10-10', 'date: 2025-02-30'), /date/],
    ['a date in another format', VALID.replace('date: 2025-10-10', 'date: 2025/10/10'), /date/],
    ['no references', VALID.replace(/references:[\s\S]*/, 'references: []'), /references/],
    ['a javascript: reference URL', VALID.replace('2018年版）.', '2018年版）.\n    url: javascript:alert(1)'), /references/],
    ['an unknown key (a typo)', `${VALID}\ncatgory: 焦虑`, /catgory|Unrecognized/],
    ['an upper-case slug', VALID.replace('slug: a-valid-one', 'slug: A-Valid'), /slug/],
  ])('refuses %s', (_name, fm, expected) => {
    expect(problemsOf('a-valid-one.md', file(fm))).toMatch(expected);
  });

  test('a number in the tags (12356) is taken as the word it is', () => {
    const r = parseLibraryFile('a-valid-one.md', file(VALID.replace('tags: [焦虑]', 'tags: [12356, 焦虑]')));
    expect('article' in r && r.article.tags).toEqual(['12356', '焦虑']);
  });

  test('refuses a file whose name is not <slug>.md, a file without front matter and an empty body', () => {
    expect(problemsOf('other-name.md', file(VALID))).toMatch(/a-valid-one\.md/);
    expect(problemsOf('a-valid-one.md', '只有正文')).toMatch(/front matter/);
    expect(problemsOf('a-valid-one.md', file(VALID, '  '))).toMatch(/empty/);
  });
});
