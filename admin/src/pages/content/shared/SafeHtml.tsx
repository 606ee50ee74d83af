import { createElement, useMemo, type ReactNode } from 'react';
import { decideElement, safeProps, VOID_TAGS } from './safe-html-rules';

function attributesOf(element: Element): Record<string, string> {
  const result: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes)) result[attribute.name.toLowerCase()] = attribute.value;
  return result;
}

function toReact(node: Node, key: string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  const decision = decideElement(tag);
  if (decision === 'drop') return null;
  const children = Array.from(element.childNodes).map((child, i) => toReact(child, `${key}.${i}`));
  if (decision === 'unwrap') return children;
  const props = safeProps(tag, attributesOf(element));
  if (!props) return null;
  return VOID_TAGS.has(tag) ? createElement(tag, { key, ...props }) : createElement(tag, { key, ...props }, children);
}

/**
 * Article HTML from the API, rebuilt as React elements from an allow-list (safe-html-rules.ts). DOMParser makes
 * an inert document: nothing in it runs or loads while we read it.
 */
export default function SafeHtml({ html, className }: { html: string; className?: string }) {
  const content = useMemo(() => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return Array.from(doc.body.childNodes).map((node, i) => toReact(node, String(i)));
  }, [html]);
  return <div className={className}>{content}</div>;
}
