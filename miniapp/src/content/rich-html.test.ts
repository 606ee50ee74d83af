import { prepareArticleHtml } from './rich-html'

const H5 = '/api/v1'
const WEAPP = 'https://api.example.cn/api/v1'

describe('prepareArticleHtml', () => {
  test('keeps the readable structure and styles each tag inline (em-based, so 长辈模式 scales it)', () => {
    const out = prepareArticleHtml('<h2>小标题</h2><p>一段<strong>重点</strong>文字</p><ul><li>一</li></ul><blockquote><p>引用</p></blockquote>', H5)
    expect(out).toMatch(/^<h2 style="font-size:1\.18em;[^"]*">小标题<\/h2>/)
    expect(out).toContain('<p style="margin:0 0 0.9em;">一段<strong style="font-weight:600;color:#1f2b27;">重点</strong>文字</p>')
    expect(out).toContain('<li style="margin:0.35em 0;">一</li>')
    expect(out).toContain('<blockquote style="margin:0 0 0.9em;padding:0.6em 0.9em;')
    expect(out).not.toMatch(/\d+px;[^"]*font-size|font-size:\d+px/)
  })

  test('script, style and iframe go with their content; event handlers and javascript: links are stripped', () => {
    const out = prepareArticleHtml(
      '<p onclick="steal()">好</p><script>alert(1)</script><style>p{}</style><iframe src="https://evil"></iframe>' +
        '<a href="javascript:alert(2)" onmouseover="x()">链接</a><SCRIPT type="x">alert(3)</SCRIPT>',
      H5,
    )
    expect(out).toBe('<p style="margin:0 0 0.9em;">好</p><a style="color:#2f7d6d;">链接</a>')
  })

  test('unknown tags are dropped but their text stays; stray angle brackets become text', () => {
    expect(prepareArticleHtml('<div><font color="red">温和</font></div> 1 < 2', H5)).toBe('温和 1 &lt; 2')
    expect(prepareArticleHtml('<scr<script>ipt>alert(1)</script>', H5)).not.toMatch(/<script|alert\(1\)<\/script/)
  })

  test('an unclosed script swallows the rest rather than leaking it', () => {
    expect(prepareArticleHtml('<p>前</p><script>alert(1)<p>后</p>', H5)).toBe('<p style="margin:0 0 0.9em;">前</p>')
  })

  test('images only from our media, resolved for the platform; attributes other than src/alt are dropped', () => {
    const html = '<img src="/api/v1/media/abc" alt="示意" onerror="x()"><img src="https://evil.example/a.png"><img src="data:image/png;base64,xx">'
    expect(prepareArticleHtml(html, H5)).toBe(
      '<img src="/api/v1/media/abc" alt="示意" style="max-width:100%;height:auto;display:block;margin:0.6em auto;border-radius:6px;"/>',
    )
    expect(prepareArticleHtml('<img src="/api/v1/media/abc">', WEAPP)).toContain('src="https://api.example.cn/api/v1/media/abc"')
    expect(prepareArticleHtml('<img src="https://api.example.cn/api/v1/media/abc">', WEAPP)).toContain('src="https://api.example.cn/api/v1/media/abc"')
  })

  test('attribute values cannot break out of the rebuilt tag', () => {
    const out = prepareArticleHtml('<img src="/api/v1/media/a" alt=\'"><script>alert(1)</script>\'>', H5)
    expect(out).not.toContain('<script')
    expect(out).toContain('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
  })

  test('comments and doctype vanish; entities in text are kept as they are', () => {
    expect(prepareArticleHtml('<!-- x --><!DOCTYPE html><p>A &amp; B</p>', H5)).toBe('<p style="margin:0 0 0.9em;">A &amp; B</p>')
  })
})
