// Writes DOCX files for the tests: from an HTML rendering of a seed (its article: headings,
// paragraphs, tables with rowspan/colspan → w:tbl with w:gridSpan and w:vMerge restart/continue,
// the way Word saves them), or from hand-written body XML.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { parseHTML } from 'linkedom';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A paragraph: runs of text, a w:br between lines. */
export function paragraph(...lines: string[]): string {
  const runs = lines.map((l, i) => `${i ? '<w:r><w:br/></w:r>' : ''}<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${escapeXml(l)}</w:t></w:r>`);
  return `<w:p><w:pPr><w:jc w:val="left"/></w:pPr>${runs.join('')}</w:p>`;
}

export interface DocxParts {
  /** The content of <w:body>. */
  body: string;
  /** docProps/core.xml's dc:title. */
  title?: string;
  /** Extra or replacing zip entries. */
  extra?: Zippable;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
}

/** A DOCX file (zip) with the parts Word writes. */
export function writeDocx({ body, title, extra }: DocxParts): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(documentXml(body)),
    ...(title !== undefined
      ? { 'docProps/core.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(title)}</dc:title></cp:coreProperties>`) }
      : {}),
    ...extra,
  };
  return zipSync(files);
}

const PARAGRAPH_BREAKS = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** An element's text as Word paragraphs: <p>, <div>, <br> end one. */
function linesOf(el: Element): string[] {
  const lines: string[] = [''];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) lines[lines.length - 1] += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const name = (child as Element).localName;
        if (name === 'script' || name === 'style') continue;
        if (PARAGRAPH_BREAKS.has(name)) lines.push('');
        walk(child);
        if (PARAGRAPH_BREAKS.has(name)) lines.push('');
      }
    }
  };
  walk(el);
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
}

const cellXml = (paragraphs: string[], span: number, merge: 'restart' | 'continue' | null) => {
  const props = `${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge ? '<w:vMerge/>' : ''}`;
  const content = paragraphs.length ? paragraphs.map((p) => paragraph(p)).join('') : '<w:p/>';
  return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${props}</w:tcPr>${content}</w:tc>`;
};

/** An HTML table as Word writes it: a rowspan is a restart cell and continuation cells below it. */
function tableXml(table: Element): string {
  interface Placed { td: Element; r: number; c: number; colspan: number; rowspan: number }
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  const slots: (Placed | undefined)[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of Array.from(tr.children).filter((e) => e.localName === 'td' || e.localName === 'th')) {
      while (slots[r]![c]) c++;
      const colspan = Math.max(1, parseInt(td.getAttribute('colspan') ?? '1', 10) || 1);
      const rowspan = Math.max(1, Math.min(parseInt(td.getAttribute('rowspan') ?? '1', 10) || 1, rows.length - r));
      const placed = { td, r, c, colspan, rowspan };
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) slots[r + dr]![c + dc] = placed;
      c += colspan;
    }
  });
  const width = Math.max(...slots.map((s) => s.length));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="800"/>'.repeat(width)}</w:tblGrid>`;
  const trs = slots.map((row, r) => {
    const tcs: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const p = row[c];
      if (!p || p.c !== c) continue;
      if (p.r === r) tcs.push(cellXml(linesOf(p.td), p.colspan, p.rowspan > 1 ? 'restart' : null));
      else tcs.push(cellXml([], p.colspan, 'continue'));
    }
    return `<w:tr>${tcs.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${trs.join('')}</w:tbl>`;
}

/** The body XML of an HTML page's article: its h1 and content, paragraphs and tables in order. */
export function bodyFromHtml(html: string): string {
  const { document } = parseHTML(html);
  const roots = [document.querySelector('h1'), document.querySelector('.article-content') ?? document.body].filter((e): e is Element => !!e);
  const out: string[] = [];
  const visit = (el: Element) => {
    if (el.localName === 'table') {
      out.push(tableXml(el));
      return;
    }
    if (!el.querySelector('table')) {
      for (const line of linesOf(el)) out.push(paragraph(line));
      return;
    }
    for (const child of Array.from(el.children)) visit(child);
  };
  for (const root of roots) visit(root);
  return out.join('\n');
}
