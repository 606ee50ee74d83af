import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Markdown is the source of every article; this is the one renderer the public API, the admin preview and the
// seed step use. markdown-it never passes raw HTML through (html: false: typed tags become visible text), and
// sanitize-html then keeps only what the mini-program `rich-text` component renders. Both layers are needed:
// markdown-it's own link check still lets through relative links, data: images and links to anywhere.

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

/** Images must come from our own media library (anything else could track readers or show unreviewed pictures). */
export const OWN_MEDIA_URL = /^\/api\/v1\/media\/[A-Za-z0-9_-]{1,64}$/;
const WEB_URL = /^https?:\/\/[^\s"'<>\\]+$/i;

const ALLOWED_TAGS = [
  'p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'a', 'img', 'br', 'hr',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre',
];

// Every element gets a class `xa-<tag>`: rich-text has no descendant selectors, so the mini-program and the admin
// preview style article content through these classes (plus xa-align-* for table cell alignment).
const CLASSES = [...ALLOWED_TAGS.map((t) => `xa-${t}`), 'xa-align-left', 'xa-align-center', 'xa-align-right'];

// sanitize-html runs a tag's own transform and then the '*' one, so classes we already set are kept; any other
// class (markdown-it's language-* on code fences) is dropped.
function withClass(tag: string, attribs: sanitizeHtml.Attributes, extra: string[] = []): sanitizeHtml.Attributes {
  const ours = (attribs.class ?? '').split(/\s+/).filter((c) => c.startsWith('xa-'));
  return { ...attribs, class: [...new Set([`xa-${tag}`, ...ours, ...extra])].join(' ') };
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'class', 'rel', 'target'],
    img: ['src', 'alt', 'class'],
    ol: ['start', 'class'],
    '*': ['class'],
  },
  allowedClasses: { '*': CLASSES },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // Anything else (script, style, iframe, svg, object…) is dropped; their text too for the non-text ones.
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: (_t, a) => ({ tagName: 'h2', attribs: withClass('h2', a) }),
    h5: (_t, a) => ({ tagName: 'h4', attribs: withClass('h4', a) }),
    h6: (_t, a) => ({ tagName: 'h4', attribs: withClass('h4', a) }),
    a: (_t, a) => {
      const { href, ...rest } = a;
      const safe: sanitizeHtml.Attributes = href && WEB_URL.test(href) ? { href, rel: 'noopener noreferrer nofollow', target: '_blank' } : {};
      return { tagName: 'a', attribs: withClass('a', { ...rest, ...safe }) };
    },
    th: (_t, a) => ({ tagName: 'th', attribs: withClass('th', {}, alignClass(a.style)) }),
    td: (_t, a) => ({ tagName: 'td', attribs: withClass('td', {}, alignClass(a.style)) }),
    '*': (tagName, a) => ({ tagName, attribs: withClass(tagName, a) }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !OWN_MEDIA_URL.test(frame.attribs.src ?? ''),
};

function alignClass(style: string | undefined): string[] {
  const m = /text-align\s*:\s*(left|center|right)/.exec(style ?? '');
  return m ? [`xa-align-${m[1]}`] : [];
}

/** Sanitized HTML for `rich-text` and the admin preview. */
export function renderArticleHtml(markdown: string): string {
  // A paragraph whose only content was a removed image would leave an empty gap.
  return sanitizeHtml(md.render(markdown), SANITIZE).replace(/<p class="xa-p">\s*<\/p>\n?/g, '').trim();
}

/** The words a reader reads: text and code of the Markdown, without link targets, image URLs or markup. */
export function articlePlainText(markdown: string): string {
  const parts: string[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') parts.push(child.content);
        if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push('\n');
      }
      parts.push('\n');
    } else if (token.type === 'fence' || token.type === 'code_block') {
      parts.push(token.content, '\n');
    }
  }
  return parts.join('');
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;

/** Chinese characters (CJK ideographs) in a text; punctuation, digits and Latin letters are not counted. */
export function countChineseChars(text: string): number {
  return text.match(CJK)?.length ?? 0;
}

export const CHARS_PER_MINUTE = 400;

/** About 400 Chinese characters a minute; a Latin word counts as two characters. At least one minute. */
export function readingMinutes(markdown: string): number {
  const text = articlePlainText(markdown);
  const units = countChineseChars(text) + 2 * (text.match(LATIN_WORD)?.length ?? 0);
  return Math.max(1, Math.round(units / CHARS_PER_MINUTE));
}
