/**
 * Prepares the article HTML from the API for the `RichText` component. The server already sanitizes; this is
 * the second line (H5 puts the string into innerHTML): only an allow-list of tags survives, every attribute is
 * dropped except an image `src` that points at our own media, and script-like elements go with their content.
 *
 * It also styles the tags inline: WeChat's rich-text does not apply page CSS to tag selectors inside it, so
 * readability (headings, spacing, quotes, lists) has to travel with each tag. Sizes are in em, so the
 * container's font size (larger in 长辈模式) scales everything. Pure.
 */
import { apiOrigin, resolveMediaUrl } from './media-url'

const TAG_STYLES: Readonly<Record<string, string>> = {
  h1: 'font-size:1.3em;font-weight:600;line-height:1.45;margin:1.2em 0 0.6em;color:#1f2b27;',
  h2: 'font-size:1.18em;font-weight:600;line-height:1.45;margin:1.3em 0 0.6em;color:#1f2b27;',
  h3: 'font-size:1.08em;font-weight:600;line-height:1.5;margin:1.1em 0 0.5em;color:#1f2b27;',
  h4: 'font-size:1em;font-weight:600;margin:1em 0 0.5em;',
  h5: 'font-size:1em;font-weight:600;margin:1em 0 0.5em;',
  h6: 'font-size:1em;font-weight:600;margin:1em 0 0.5em;',
  p: 'margin:0 0 0.9em;',
  ul: 'margin:0 0 0.9em;padding-left:1.4em;',
  ol: 'margin:0 0 0.9em;padding-left:1.6em;',
  li: 'margin:0.35em 0;',
  blockquote: 'margin:0 0 0.9em;padding:0.6em 0.9em;background:#eef5f2;border-left:4px solid #9cc5b9;color:#3f4f4a;border-radius:4px;',
  strong: 'font-weight:600;color:#1f2b27;',
  b: 'font-weight:600;color:#1f2b27;',
  em: 'font-style:italic;',
  i: 'font-style:italic;',
  a: 'color:#2f7d6d;',
  code: 'font-family:monospace;background:#f1f3f2;padding:0 0.2em;border-radius:3px;',
  pre: 'white-space:pre-wrap;background:#f1f3f2;padding:0.6em;border-radius:4px;margin:0 0 0.9em;',
  hr: 'border:none;border-top:1px solid #dfe8e4;margin:1.2em 0;',
  img: 'max-width:100%;height:auto;display:block;margin:0.6em auto;border-radius:6px;',
  table: 'border-collapse:collapse;margin:0 0 0.9em;width:100%;',
  th: 'border:1px solid #dfe8e4;padding:0.3em 0.5em;font-weight:600;background:#f4f8f6;',
  td: 'border:1px solid #dfe8e4;padding:0.3em 0.5em;',
}

/** Allowed without a style of their own. */
const PLAIN_TAGS = new Set(['br', 'span', 'sup', 'sub', 'del', 'thead', 'tbody', 'tr'])
const VOID_TAGS = new Set(['br', 'hr', 'img'])
/** Removed together with everything inside them. */
const DROP_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'textarea', 'select', 'title', 'head'])

const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!(?:[^>]*)>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g

const escapeText = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function attribute(attrs: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs)
  if (!match) return null
  return match[1] ?? match[2] ?? match[3] ?? null
}

/** An image only from our own media: a root-relative /…/media/… path, or that path on the API's own origin. */
function ownMediaSrc(src: string, apiBase: string): string | null {
  const value = src.trim().replace(/&amp;/g, '&')
  const origin = apiOrigin(apiBase)
  const path = origin && value.toLowerCase().startsWith(origin.toLowerCase()) ? value.slice(origin.length) : value
  if (!path.startsWith('/') || path.startsWith('//') || !/\/media\//.test(path)) return null
  return resolveMediaUrl(path, apiBase)
}

function openTag(name: string, attrs: string, apiBase: string): string | null {
  const style = TAG_STYLES[name]
  if (name === 'img') {
    const src = ownMediaSrc(attribute(attrs, 'src') ?? '', apiBase)
    if (!src) return null
    const alt = attribute(attrs, 'alt')
    return `<img src="${escapeAttr(src)}"${alt ? ` alt="${escapeAttr(alt)}"` : ''} style="${style}"/>`
  }
  const body = style ? `${name} style="${style}"` : name
  return VOID_TAGS.has(name) ? `<${body}/>` : `<${body}>`
}

/** Allow-listed, inline-styled HTML for RichText. `apiBase` resolves our media paths (see media-url.ts). */
export function prepareArticleHtml(html: string, apiBase: string): string {
  let out = ''
  let at = 0
  TAG.lastIndex = 0
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    out += escapeText(html.slice(at, match.index))
    at = TAG.lastIndex
    const [, slash, rawName, attrs = ''] = match
    if (!rawName) continue // comment, CDATA, doctype
    const name = rawName.toLowerCase()
    if (DROP_WITH_CONTENT.has(name)) {
      if (slash) continue
      const close = new RegExp(`</${name}\\s*>`, 'i')
      const rest = html.slice(at)
      const end = close.exec(rest)
      at = end ? at + end.index + end[0].length : html.length
      TAG.lastIndex = at
      continue
    }
    if (!(name in TAG_STYLES) && !PLAIN_TAGS.has(name)) continue
    if (slash) {
      if (!VOID_TAGS.has(name)) out += `</${name}>`
      continue
    }
    out += openTag(name, attrs, apiBase) ?? ''
  }
  out += escapeText(html.slice(at))
  return out
}
