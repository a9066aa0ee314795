// The Document the engine reads where no browser parses the page (the CLI, Node): a read-only tree
// of just what lib/extract/html.ts and lib/grid read (parent/child/sibling links, localName,
// attributes, text), built from htmlparser2's events. A general DOM (linkedom) builds a node list
// with end markers, Attr objects and listener maps per node — half of a bulk run's CPU and most of
// its garbage. The tree is htmlparser2's (the same tags imply the same closes as in linkedom, which
// uses it too); attribute names are lower-cased as browsers do (`<TD COLSPAN=2>` spans two columns),
// and only the attributes the engine reads are kept (READ_ATTRIBUTES). The tokenizer skips through
// text and attribute values natively (lib/extract/html-tokenizer.ts).
import { Parser, type ParserOptions } from 'htmlparser2';
import { SkippingTokenizer } from './html-tokenizer';

/**
 * The only attributes the engine reads (lib/grid: spans and hiding; lib/extract/html.ts: <meta>).
 * Others are not kept: a test fails when lib/ asks for one that is not listed here.
 */
export const READ_ATTRIBUTES: ReadonlySet<string> = new Set(['colspan', 'rowspan', 'style', 'hidden', 'name', 'content']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;

type Child = NodeElement | NodeText;

abstract class NodeParent {
  parentNode: NodeParent | null = null;
  nextSibling: Child | null = null;
  firstChild: Child | null = null;
  lastChild: Child | null = null;

  get firstElementChild(): NodeElement | null {
    return nextElement(this.firstChild);
  }

  get childNodes(): Child[] {
    const nodes: Child[] = [];
    for (let n = this.firstChild; n; n = n.nextSibling) nodes.push(n);
    return nodes;
  }

  /** Every text below, in document order (no recursion: pages nest 100,000 deep). */
  get textContent(): string {
    const parts: string[] = [];
    let node: Child | NodeParent = this;
    for (;;) {
      if (node instanceof NodeText) parts.push(node.nodeValue);
      else if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node !== this && !node.nextSibling) node = node.parentNode!;
      if (node === this) return parts.join('');
      node = node.nextSibling!;
    }
  }

  append(child: Child): void {
    child.parentNode = this;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
  }
}

class NodeText {
  readonly nodeType = TEXT_NODE;
  parentNode: NodeParent | null = null;
  nextSibling: Child | null = null;
  readonly firstChild = null;
  readonly lastChild = null;
  constructor(public nodeValue: string) {}
  get textContent(): string {
    return this.nodeValue;
  }
}

class NodeElement extends NodeParent {
  readonly nodeType = ELEMENT_NODE;
  constructor(readonly localName: string, private readonly attributes: Record<string, string>) {
    super();
  }

  get parentElement(): NodeElement | null {
    return this.parentNode instanceof NodeElement ? this.parentNode : null;
  }

  get nextElementSibling(): NodeElement | null {
    return nextElement(this.nextSibling);
  }

  getAttribute(name: string): string | null {
    return Object.hasOwn(this.attributes, name) ? this.attributes[name]! : null;
  }

  hasAttribute(name: string): boolean {
    return Object.hasOwn(this.attributes, name);
  }
}

class NodeDocument extends NodeParent {
  readonly nodeType = DOCUMENT_NODE;
  /** Elements by tag name in document order, filled while parsing. */
  readonly byTag = new Map<string, NodeElement[]>();

  get documentElement(): NodeElement | null {
    return this.firstElementChild;
  }

  getElementsByTagName(name: string): NodeElement[] {
    return this.byTag.get(name) ?? [];
  }
}

function nextElement(node: Child | null): NodeElement | null {
  while (node && !(node instanceof NodeElement)) node = node.nextSibling;
  return node;
}

/** The page's markup → a Document to hand to htmlPage (a subset of the DOM: see above). */
export function parseHtmlInNode(html: string): Document {
  const doc = new NodeDocument();
  let open: NodeParent = doc;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element = new NodeElement(name, attributes);
        open.append(element);
        open = element;
        const list = doc.byTag.get(name);
        if (list) list.push(element);
        else doc.byTag.set(name, [element]);
      },
      onclosetag() {
        open = open.parentNode ?? doc;
      },
      // The parser hands over text in pieces (around entities): one node, as a browser builds it.
      ontext(text) {
        const last = open.lastChild;
        if (last instanceof NodeText) last.nodeValue += text;
        else open.append(new NodeText(text));
      },
    },
    // The tokenizer takes its own options from the parser's (keptAttributes is one of them).
    { decodeEntities: true, lowerCaseAttributeNames: true, Tokenizer: SkippingTokenizer, keptAttributes: READ_ATTRIBUTES } as ParserOptions,
  );
  parser.end(html);
  return doc as unknown as Document;
}
