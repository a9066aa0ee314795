// Visible text of an element as printed: text nodes in order, a break between block-level
// elements and at <br>, nothing from scripts, styles or elements hidden inline. Standard DOM only
// (no innerText: the DOMs of Node have no layout).

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
  // Any case: old markup writes STYLE="DISPLAY:NONE".
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}


/**
 * Visits `start` and the nodes under it in document order, without recursion (pages nest elements
 * 100,000 deep). `enter` returns whether to go into the node's children; `leave` is called for
 * every node entered, after its children.
 */
export function walkTree(start: Node, enter: (node: Node) => boolean, leave: (node: Node) => void): void {
  let node = start;
  for (;;) {
    const entered = enter(node);
    if (entered && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (entered) leave(node);
    for (;;) {
      if (node === start) return;
      const next = node.nextSibling;
      if (next) {
        node = next;
        break;
      }
      node = node.parentNode!;
      leave(node);
    }
  }
}

// Source whitespace inside text nodes (indentation, wrapped markup) prints as one space; a block
// boundary or <br> prints as a line break, kept as "\n" so "3<br>5" stays two numbers.
const LINE_BREAK = '\n';
const SPACES = /\s+/g;

/**
 * The visible text of an element, whitespace folded: block boundaries and <br> become one "\n"
 * (a cell printed on two lines keeps its break), other whitespace one space; trimmed.
 */
export function visibleText(el: Element): string {
  // Most cells hold one text node: no walk, no parts. Its source line breaks print as spaces.
  const only = el.firstChild;
  if (only && only === el.lastChild && only.nodeType === 3) return (only.nodeValue ?? '').replace(SPACES, ' ').trim();
  const parts: string[] = [];
  walkTree(
    el,
    (node) => {
      if (node === el) return true;
      if (node.nodeType === 3) parts.push((node.nodeValue ?? '').replace(SPACES, ' '));
      if (node.nodeType !== 1) return false;
      const e = node as Element;
      if (isHidden(e)) return false;
      if (e.localName === 'br') {
        parts.push(LINE_BREAK);
        return false;
      }
      if (BLOCK_ELEMENTS.has(e.localName)) parts.push(LINE_BREAK);
      return true;
    },
    (node) => {
      if (node !== el && BLOCK_ELEMENTS.has((node as Element).localName)) parts.push(LINE_BREAK);
    },
  );
  return foldLines(parts.join(''));
}

/** Runs of spaces → one space, runs of whitespace holding a line break → one "\n"; trimmed. */
export function foldLines(text: string): string {
  const folded = text.includes(LINE_BREAK) ? text.replace(SPACES, (run) => (run.includes(LINE_BREAK) ? LINE_BREAK : ' ')) : text.replace(SPACES, ' ');
  return folded.trim();
}
