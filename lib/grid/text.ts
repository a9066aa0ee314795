// Visible text of an element as printed: text nodes in order, a break between block-level
// elements and at <br>, nothing from scripts, styles or elements hidden inline. Standard DOM only
// (no innerText: linkedom has no layout).
import { foldSpaces } from '../normalize';

/** Elements whose text is never report content: scripts, styles, media, form controls. */
const NOT_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed',
  'svg', 'canvas', 'video', 'audio', 'select', 'textarea', 'input', 'button',
]);

/** Elements that start a new line of text (one block per visual paragraph). */
export const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/** An element whose text the reader does not see (or is no content): `hidden`, inline display:none. */
export function isHidden(el: Element): boolean {
  if (NOT_CONTENT.has(el.localName)) return true;
  if (el.hasAttribute('hidden')) return true;
  // The raw attribute (getAttribute escapes it in linkedom). Word pastes a style on every span:
  // test the regex only where it can match.
  const style = el.getAttributeNode('style')?.value;
  return style !== undefined && (style.includes('none') || style.includes('hidden')) && HIDDEN_STYLE.test(style);
}


function collectText(node: Node, parts: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
    else if (child.nodeType === 1) {
      const e = child as Element;
      if (isHidden(e)) continue;
      if (e.localName === 'br') parts.push(' ');
      else if (BLOCK_ELEMENTS.has(e.localName)) {
        parts.push(' ');
        collectText(e, parts);
        parts.push(' ');
      } else collectText(e, parts);
    }
  }
}

/** The visible text of an element, whitespace folded; block boundaries and <br> become spaces. */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  collectText(el, parts);
  return foldSpaces(parts.join(''));
}
