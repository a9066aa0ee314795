// The Document the engine reads where no browser parses the page (the CLI, Node): a read-only tree
// of just what lib/extract/html.ts and lib/grid read (parent/child/sibling links, localName,
// attributes, text), built from htmlparser2's tokenizer. A general DOM (linkedom) builds a node list
// with end markers, Attr objects and listener maps per node — half of a bulk run's CPU and most of
// its garbage. The tree follows htmlparser2's tree rules (the same tags imply the same closes as in
// linkedom, which builds on them); attribute names are lower-cased as browsers do (`<TD COLSPAN=2>` spans two columns),
// only the attributes the engine reads are kept (READ_ATTRIBUTES), and elements nest at most
// MAX_DEPTH deep, as in Chromium. The tokenizer skips through text and attribute values natively
// (lib/extract/html-tokenizer.ts).
import type { TokenizerCallbacks } from 'htmlparser2';
import { SkippingTokenizer } from './html-tokenizer';

/**
 * The only attributes the engine reads (lib/grid: spans and hiding; lib/extract/html.ts: <meta>).
 * Others are not kept: a test fails when lib/ asks for one that is not listed here.
 */
export const READ_ATTRIBUTES: ReadonlySet<string> = new Set(['colspan', 'rowspan', 'style', 'hidden', 'name', 'content']);

/** Deepest an element is nested, as in Chromium's parser; deeper tags are dropped, their text kept. */
export const MAX_DEPTH = 512;

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

  setAttribute(name: string, value: string): void {
    this.attributes[name] = value;
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

// htmlparser2's tree rules (its Parser, HTML mode), kept as they are so that the tree is the one
// linkedom built (and tested so: lib/extract/node-dom.test.ts), with one difference: its open
// elements lived in an array grown with unshift, each level costing as much as those above it.
/** An element these open closes first, when it is the current one (repeatedly). */
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P_TAG = new Set(['p']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])], ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])], ['p', P_TAG], ['h1', P_TAG], ['h2', P_TAG], ['h3', P_TAG], ['h4', P_TAG], ['h5', P_TAG], ['h6', P_TAG],
  ['select', FORM_TAGS], ['input', FORM_TAGS], ['output', FORM_TAGS], ['button', FORM_TAGS], ['datalist', FORM_TAGS], ['textarea', FORM_TAGS],
  ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])], ['dd', DD_DT], ['dt', DD_DT],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((tag) => [tag, P_TAG] as const),
  ['rt', RT_RP], ['rp', RT_RP], ['tbody', TABLE_SECTIONS], ['tfoot', TABLE_SECTIONS],
]);
const VOID_ELEMENTS = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Inside <svg>/<math> (not in their HTML islands) "<x/>" closes itself.
const FOREIGN = new Set(['math', 'svg']);
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
// Longer attribute names are not sliced to be compared.
const LONGEST_READ = Math.max(...[...READ_ATTRIBUTES].map((name) => name.length));

/** Builds the tree from the tokenizer's events; `open` is the stack of open elements, innermost last. */
class TreeBuilder implements TokenizerCallbacks {
  readonly doc = new NodeDocument();
  private readonly open: NodeElement[] = [];
  /** How many open elements have each name: a close tag nothing matches costs no scan. */
  private readonly openNamed = new Map<string, number>();
  /** Innermost last; the document itself is not foreign. */
  private readonly foreign: boolean[] = [false];
  /** The element whose tag is being read, and where it goes. */
  private tag: NodeElement | null = null;
  private parent: NodeParent | null = null;
  private attribute: string | null = null;
  private value = '';

  constructor(private readonly html: string) {}

  private get current(): NodeParent {
    return this.open[this.open.length - 1] ?? this.doc;
  }

  private text(data: string): void {
    const parent = this.current;
    const last = parent.lastChild;
    // Pieces (around entities, split runs) join into one node, as a browser builds it.
    if (last instanceof NodeText) last.nodeValue += data;
    else parent.append(new NodeText(data));
  }

  private pop(): void {
    const element = this.open.pop()!;
    this.openNamed.set(element.localName, this.openNamed.get(element.localName)! - 1);
  }

  /**
   * An open tag's name: the elements it closes are closed and the element is made (and opened,
   * unless void); it joins the tree when its tag ends (finishTag), as a tag the page ends inside
   * makes none.
   */
  private openTag(name: string): void {
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes) while (this.open.length && closes.has(this.open[this.open.length - 1]!.localName)) this.pop();
    // Past MAX_DEPTH an element goes beside the current one, as Chromium places it.
    this.parent = this.open.length >= MAX_DEPTH ? this.current.parentNode ?? this.doc : this.current;
    const element = new NodeElement(name, {});
    this.tag = element;
    if (VOID_ELEMENTS.has(name)) return;
    this.open.push(element);
    this.openNamed.set(name, (this.openNamed.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) this.foreign.push(true);
    else if (HTML_INTEGRATION.has(name)) this.foreign.push(false);
  }

  private finishTag(): void {
    const element = this.tag!;
    this.parent!.append(element);
    const list = this.doc.byTag.get(element.localName);
    if (list) list.push(element);
    else this.doc.byTag.set(element.localName, [element]);
    this.tag = null;
  }

  private slice(start: number, end: number): string {
    return this.html.slice(start, end);
  }

  onopentagname(start: number, end: number): void {
    this.openTag(this.slice(start, end).toLowerCase());
  }

  onattribname(start: number, end: number): void {
    const name = end - start > LONGEST_READ ? null : this.slice(start, end).toLowerCase();
    this.attribute = name !== null && READ_ATTRIBUTES.has(name) ? name : null;
  }

  onattribdata(start: number, end: number): void {
    if (this.attribute) this.value += this.slice(start, end);
  }

  onattribentity(codePoint: number): void {
    if (this.attribute) this.value += String.fromCodePoint(codePoint);
  }

  onattribend(): void {
    // The first of a repeated attribute counts.
    if (this.attribute && !this.tag!.hasAttribute(this.attribute)) this.tag!.setAttribute(this.attribute, this.value);
    this.attribute = null;
    this.value = '';
  }

  onopentagend(): void {
    this.finishTag();
  }

  onselfclosingtag(): void {
    // "<x/>" closes x only where SVG or MathML is the context (not in their HTML islands); in HTML it
    // is an open tag. Like htmlparser2, this leaves the foreign context as the open tag set it.
    const closes = this.foreign[this.foreign.length - 1] && this.open[this.open.length - 1] === this.tag;
    this.finishTag();
    if (closes) this.pop();
  }

  onclosetag(start: number, end: number): void {
    const name = this.slice(start, end).toLowerCase();
    if (FOREIGN.has(name) || HTML_INTEGRATION.has(name)) this.foreign.pop();
    if (VOID_ELEMENTS.has(name)) {
      // "</br>" is a <br> (without the closes an open tag implies).
      if (name === 'br') {
        this.parent = this.current;
        this.tag = new NodeElement('br', {});
        this.finishTag();
      }
      return;
    }
    if (this.openNamed.get(name)) {
      let top: NodeElement;
      do {
        top = this.open[this.open.length - 1]!;
        this.pop();
      } while (top.localName !== name);
    } else if (name === 'p') {
      // "</p>" without a <p> is an empty one.
      this.openTag('p');
      this.finishTag();
      this.pop();
    }
  }

  ontext(start: number, end: number): void {
    this.text(this.slice(start, end));
  }

  ontextentity(codePoint: number): void {
    this.text(String.fromCodePoint(codePoint));
  }

  // Comments, CDATA, declarations and processing instructions are no part of the tree.
  oncomment(): void {}
  oncdata(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}

/** The page's markup → a Document to hand to htmlPage (a subset of the DOM: see above). */
export function parseHtmlInNode(html: string): Document {
  const builder = new TreeBuilder(html);
  const tokenizer = new SkippingTokenizer({ decodeEntities: true }, builder);
  tokenizer.write(html);
  tokenizer.end();
  return builder.doc as unknown as Document;
}
