import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { MAX_DEPTH, parseHtmlInNode, READ_ATTRIBUTES } from './node-dom';
import { htmlPage } from './html';
import { analyzePage } from '../analyze';
import { createNormalizer, detectScript } from '../normalize';
import type { Block } from '../types';
import { htmlPageFiles, REPO_ROOT } from '../../test/fixtures/seeds';
import { treeMarkup } from '../../test/fuzz/markup';

const simplified = createNormalizer('simplified');

/** What the engine reads from a page: every block's text, its normalised form and its place. */
const reading = (blocks: Block[]) =>
  blocks.map((b) => (b.kind === 'text' ? ['text', b.cell.text, b.cell.norm] : ['table', b.grid.index, b.grid.rows.map((r) => r.map((c) => [c.text, c.norm, c.row, c.col, c.origin]))]));

/** The tree as text: elements with the attributes the engine reads, texts joined, comments left out. */
function tree(node: Node): string {
  let out = '';
  let text = '';
  const flush = () => {
    if (text) out += JSON.stringify(text);
    text = '';
  };
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += child.nodeValue;
    else if (child.nodeType === 1) {
      flush();
      const e = child as Element;
      const attributes = [...READ_ATTRIBUTES].filter((a) => e.getAttribute(a) !== null).map((a) => `${a}=${JSON.stringify(e.getAttribute(a))}`);
      out += `<${e.localName}${attributes.map((a) => ` ${a}`).join('')}>${tree(e)}</>`;
    }
  }
  flush();
  return out;
}

const grid = (html: string) => {
  const block = htmlPage(parseHtmlInNode(`<html><body>${html}</body></html>`), 'x', simplified).blocks.find((b) => b.kind === 'table');
  return block?.kind === 'table' ? block.grid.rows.map((r) => r.map((c) => c.text)) : null;
};

describe('parseHtmlInNode (the CLI reads pages with it)', () => {
  const files = htmlPageFiles();

  it.each(files.map((f) => [path.relative(REPO_ROOT, f), f]))('reads %s exactly as through a general DOM (linkedom)', (_, file) => {
    const html = fs.readFileSync(file, 'utf8');
    const normalizer = createNormalizer(detectScript(html));
    const general = htmlPage(parseHTML(html).document as unknown as Document, file, normalizer);
    const own = htmlPage(parseHtmlInNode(html), file, normalizer);
    expect(reading(own.blocks)).toEqual(reading(general.blocks));
    expect(own.meta).toEqual(general.meta);
    expect(analyzePage(own, { source: file }).report).toEqual(analyzePage(general, { source: file }).report);
  });

  it('builds the tree linkedom builds from random broken markup (htmlparser2\'s tree rules, 20,000 pages)', () => {
    fc.assert(
      fc.property(treeMarkup, (html) => {
        expect(tree(parseHtmlInNode(html))).toBe(tree(parseHTML(html).document as unknown as Node));
      }),
      { seed: 20261206, numRuns: 20_000 },
    );
  });

  it('reads upper-case attributes as a browser does (<TD COLSPAN=2>; linkedom ignored them)', () => {
    expect(grid('<TABLE><TR><TD COLSPAN=2>合计</TD></TR><TR><TD ROWSPAN="2">a</TD><TD>1</TD></TR><TR><TD>2</TD></TR></TABLE>')).toEqual([
      ['合计', '合计'],
      ['a', '1'],
      ['a', '2'],
    ]);
    const hidden = htmlPage(parseHtmlInNode('<html><body><P STYLE="DISPLAY:NONE">隐藏</P><DIV HIDDEN>也隐藏</DIV><p>正文</p></body></html>'), 'x', simplified);
    expect(reading(hidden.blocks)).toEqual([['text', '正文', '正文']]);
  });

  it('closes cells and rows the markup leaves open, as htmlparser2 (and browsers) do', () => {
    expect(grid('<table><tr><td>申请<td>1<tr><th>办结<td>2</table><p>后</p>')).toEqual([
      ['申请', '1'],
      ['办结', '2'],
    ]);
  });

  it('decodes entities into one text node, so source line breaks print as spaces wherever the entities fall', () => {
    const doc = parseHtmlInNode('<html><body><table><tr><td>信息公开年报\n  &nbsp;&nbsp;其他\n报告 &amp; &#x4E00;&#19968; &copy</td></tr></table></body></html>');
    const td = doc.getElementsByTagName('td')[0]!;
    expect(td.firstChild).toBe(td.lastChild);
    expect(td.textContent).toBe('信息公开年报\n  \u00a0\u00a0其他\n报告 & 一一 ©');
    expect(grid('<table><tr><td>信息公开年报\n  &nbsp;&nbsp;其他\n报告</td></tr></table>')).toEqual([['信息公开年报 其他 报告']]);
  });

  it('keeps the first of a repeated attribute, only the attributes the engine reads, and never answers from Object.prototype', () => {
    const td = parseHtmlInNode('<table><tr><td class="x" colspan="2" colspan="5" width=3>a</td></tr></table>').getElementsByTagName('td')[0]!;
    expect(td.getAttribute('colspan')).toBe('2');
    expect([td.getAttribute('class'), td.getAttribute('width')]).toEqual([null, null]);
    expect(td.getAttribute('constructor')).toBeNull();
    expect(td.hasAttribute('toString')).toBe(false);
  });

  it('gives a fragment several top-level nodes, the first element as documentElement, tags in document order', () => {
    const doc = parseHtmlInNode('前言<p>一</p><table name="a"><tr><td><table name="b"></table></td></tr></table><p>二</p>');
    expect(doc.documentElement!.localName).toBe('p');
    expect(Array.from(doc.childNodes, (n) => n.textContent)).toEqual(['前言', '一', '', '二']);
    expect(Array.from(doc.getElementsByTagName('table'), (t) => t.getAttribute('name'))).toEqual(['a', 'b']);
    expect(doc.getElementsByTagName('title')).toHaveLength(0);
  });

  it('nests elements at most 512 deep, as Chromium does: deeper ones go beside the deepest (a table there falls apart, as in the browser), their text kept', () => {
    const doc = parseHtmlInNode(`<html><body>${'<div>'.repeat(20_000)}<table><tr><td>本年新收申请</td><td style="display:none">9</td><td>1</td></tr></table></body></html>`);
    let depth = 0;
    for (let e: Element | null = doc.documentElement; e; e = e.firstElementChild) depth++;
    expect(depth).toBe(MAX_DEPTH);
    expect(doc.getElementsByTagName('div')).toHaveLength(20_000);
    // <tr> and <td> went beside the <table>: no grid, the visible cells' text as paragraphs.
    expect(reading(htmlPage(doc, 'x', simplified).blocks)).toEqual([
      ['text', '本年新收申请', '本年新收申请'],
      ['text', '1', '1'],
    ]);
  });
});
