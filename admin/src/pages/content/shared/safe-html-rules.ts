// The admin's second line of defence for article HTML. The API already renders Markdown through an allow-list
// (api/src/modules/articles/article-markdown.ts); the preview shows that HTML to reviewers, which is exactly the
// place a hostile draft would aim at (Strapi #26857). So the browser rebuilds the HTML as React elements from
// this same allow-list instead of trusting innerHTML. Pure: decisions only; SafeHtml.tsx walks the DOM.

/** Tags the mini-program's rich-text renders (same list as the API). */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'a', 'img', 'br', 'hr',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre',
]);

export const VOID_TAGS: ReadonlySet<string> = new Set(['br', 'hr', 'img']);

/** Not allowed, and their text is not content either: dropped with everything inside. */
export const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'textarea', 'select', 'title',
  'head',
]);

const OWN_MEDIA_SRC = /^\/api\/v1\/media\/[A-Za-z0-9_-]{1,64}$/;
const WEB_URL = /^https?:\/\/[^\s"'<>\\]+$/i;

export type SafeProps = {
  className?: string;
  href?: string;
  target?: string;
  rel?: string;
  src?: string;
  alt?: string;
  start?: number;
};

/** What an element keeps of its attributes, as React props; everything else (on*, style, id…) is dropped. */
export function safeProps(tag: string, attributes: Readonly<Record<string, string>>): SafeProps | null {
  const props: SafeProps = {};
  const classes = (attributes.class ?? '').split(/\s+/).filter((c) => /^xa-[a-z0-9-]+$/.test(c));
  if (classes.length) props.className = classes.join(' ');
  if (tag === 'a') {
    const href = (attributes.href ?? '').trim();
    if (WEB_URL.test(href)) {
      props.href = href;
      // Opens outside the admin, and the other site gets no handle on this window.
      props.target = '_blank';
      props.rel = 'noopener noreferrer';
    }
  }
  if (tag === 'img') {
    const src = (attributes.src ?? '').trim();
    // An image from anywhere else could track the reviewer; the API removes those too.
    if (!OWN_MEDIA_SRC.test(src)) return null;
    props.src = src;
    if (attributes.alt) props.alt = attributes.alt.slice(0, 200);
  }
  if (tag === 'ol' && attributes.start && /^\d{1,6}$/.test(attributes.start)) props.start = Number(attributes.start);
  return props;
}

export type NodeDecision = 'keep' | 'unwrap' | 'drop';

/** keep: render the tag; unwrap: render only its children; drop: render nothing of it. */
export function decideElement(tag: string): NodeDecision {
  const name = tag.toLowerCase();
  if (ALLOWED_TAGS.has(name)) return 'keep';
  if (DROP_WITH_CONTENT.has(name)) return 'drop';
  return 'unwrap';
}
