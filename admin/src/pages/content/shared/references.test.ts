import {
  normalizeReferences,
  referenceProblems,
  referenceTextProblem,
  referenceUrlProblem,
  REFERENCES_MAX,
} from './references';

describe('reference rows', () => {
  test('a url without a title is refused; a title without a url is fine', () => {
    expect(referenceTextProblem({ text: '', url: 'https://www.who.int' })).toContain('文献名称');
    expect(referenceTextProblem({ text: '国家卫生健康委员会. 心理健康素养十条.' })).toBeNull();
    expect(referenceTextProblem({ text: '  ', url: '  ' })).toBeNull();
  });

  test.each([
    ['https://www.who.int/news-room', null],
    ['HTTP://example.org/a?b=c', null],
    ['', null],
    ['www.who.int', '链接需以 http:// 或 https:// 开头'],
    ['javascript:alert(1)', '链接需以 http:// 或 https:// 开头'],
    ['https://a.org/"><script>', '链接需以 http:// 或 https:// 开头'],
    ['https://a.org/with space', '链接需以 http:// 或 https:// 开头'],
  ])('url %p → %p', (url, problem) => {
    expect(referenceUrlProblem(url)).toBe(problem);
  });

  test('an overlong title or url is refused before the server has to', () => {
    expect(referenceTextProblem({ text: '文'.repeat(501) })).toContain('500');
    expect(referenceUrlProblem(`https://a.org/${'x'.repeat(500)}`)).toContain('500');
  });
});

describe('the list', () => {
  test('problems name the row the editor has to fix', () => {
    expect(referenceProblems([{ text: 'WHO. 2022.' }, { text: '', url: 'https://x.org' }, { text: 'b', url: 'ftp://x' }])).toEqual([
      '第2条：请填写文献名称（作者、标题、年份）',
      '第3条：链接需以 http:// 或 https:// 开头',
    ]);
  });

  test('more than the limit of filled rows is one problem; empty rows do not count', () => {
    const rows = Array.from({ length: REFERENCES_MAX + 1 }, (_, i) => ({ text: `文献${i}` }));
    expect(referenceProblems(rows)).toEqual([`参考资料最多${REFERENCES_MAX}条`]);
    expect(referenceProblems([...rows.slice(1), { text: '' }, undefined])).toEqual([]);
  });

  test('normalizing trims, drops empty rows and sends an empty url as null', () => {
    expect(
      normalizeReferences([
        { text: '  WHO. Mental health. 2022. ', url: ' https://www.who.int ' },
        { text: '', url: '' },
        undefined,
        { text: '心理健康素养十条', url: '' },
      ]),
    ).toEqual([
      { text: 'WHO. Mental health. 2022.', url: 'https://www.who.int' },
      { text: '心理健康素养十条', url: null },
    ]);
    expect(normalizeReferences(undefined)).toEqual([]);
  });
});
