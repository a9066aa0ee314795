// A small XML reader for the parts of an Office file (word/document.xml, docProps/core.xml): tags,
// attributes, text and the five entities plus character references. No DTD, no namespaces resolved
// (names keep their prefix, "w:tc"): Word writes the same prefixes everywhere. Runs anywhere (no DOM).

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const MAX_DEPTH = 256;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesOf(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

/**
 * The document's root element. Unclosed elements are closed at the end (a cut-off part still
 * yields what it holds); a stray end tag closes up to its element, or is ignored.
 */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > at) stack[stack.length - 1]!.children.push(decodeEntities(xml.slice(at, textEnd)));
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      at = end < 0 ? xml.length : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      stack[stack.length - 1]!.children.push(xml.slice(lt + 9, end < 0 ? xml.length : end));
      at = end < 0 ? xml.length : end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) break;
    at = gt + 1;
    const tag = xml.slice(lt + 1, gt);
    if (tag[0] === '?' || tag[0] === '!') continue; // declaration, processing instruction, doctype
    if (tag[0] === '/') {
      const name = tag.slice(1).trim();
      let open = stack.length - 1;
      while (open > 0 && stack[open]!.name !== name) open--;
      if (open > 0) stack.length = open;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const space = body.search(/\s/);
    const name = space < 0 ? body : body.slice(0, space);
    const element: XmlElement = { name, attrs: space < 0 ? {} : attributesOf(body.slice(space)), children: [] };
    stack[stack.length - 1]!.children.push(element);
    // Past a sane depth, content is kept flat: a hostile file cannot overflow the readers' recursion.
    if (!selfClosing && stack.length < MAX_DEPTH) stack.push(element);
  }
  return root;
}

export const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string';

/** The first descendant element named `name` (depth first), or undefined. */
export function findElement(el: XmlElement, name: string): XmlElement | undefined {
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

/** The element's text content (all descendant text, in order). */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (isElement(c) ? textOf(c) : c)).join('');
}
