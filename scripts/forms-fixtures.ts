// Makes the text-form fixtures of test/fixtures/forms from the seeds' HTML renderings, with the
// tools users have: each clean rendering printed by Chromium (A4, as "Save as PDF" does) and turned
// into text by `pdftotext -layout`; and each converted to markdown the way HTML-to-markdown tools
// do it (markdownify/turndown: "## " headings, pipe tables whose first row is made the header, a
// colspan's text in its first cell and empty cells after it, rowspans dropped); and flattened onto
// one line under an archive's header, as archives' text extraction saves a page: blocks and table
// cells parted by one space, or the cells of each table glued together (a table's textContent).
//
//   npx tsx scripts/forms-fixtures.ts        (needs /usr/bin/chromium and poppler-utils)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { REPO_ROOT } from './serve';

const HTML = path.join(REPO_ROOT, 'test/fixtures/html');
const OUT = path.join(REPO_ROOT, 'test/fixtures/forms');
const SEED_IDS = ['000', '001', '002', '003'];

const cellText = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

/** A table as markdownify writes it: every <tr> a line, the first one the header. */
function tableMarkdown(table: Element): string[] {
  const rows = Array.from(table.querySelectorAll('tr')).map((tr) =>
    Array.from(tr.children).flatMap((td) => {
      const span = Math.max(1, parseInt(td.getAttribute('colspan') ?? '1', 10) || 1);
      return [cellText(td), ...Array<string>(span - 1).fill('')];
    }),
  );
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return ['', line(rows[0]!), line(Array<string>(rows[0]!.length).fill('---')), ...rows.slice(1).map(line), ''];
}

/** The article as markdown: the title (#), section headings (##), paragraphs, tables. */
export function articleMarkdown(html: string): string {
  const { document } = parseHTML(html);
  const out: string[] = [`# ${cellText(document.querySelector('h1')!)}`, ''];
  const visit = (el: Element) => {
    if (el.localName === 'table') {
      out.push(...tableMarkdown(el));
      return;
    }
    if (el.querySelector('table')) {
      for (const child of Array.from(el.children)) visit(child);
      return;
    }
    const text = cellText(el);
    if (!text) return;
    // Section headings are bold paragraphs on the sites; converters that know headings make them ##.
    out.push(/^[一二三四五六七八九十]+、/.test(text) && text.length < 40 ? `## ${text}` : text, '');
  };
  for (const child of Array.from(document.querySelector('.article-content')!.children)) visit(child);
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The article on one line: title, paragraphs and each table's cells parted by a space or glued. */
export function articleLine(html: string, cells: 'spaced' | 'glued'): string {
  const { document } = parseHTML(html);
  const title = cellText(document.querySelector('h1')!);
  const parts: string[] = [title];
  const visit = (el: Element) => {
    if (el.localName === 'table') {
      const texts = Array.from(el.querySelectorAll('td, th')).map((td) => (td.textContent ?? '').replace(/\s+/g, cells === 'glued' ? '' : ' ').trim());
      parts.push(texts.filter((t) => t !== '').join(cells === 'glued' ? '' : ' '));
      return;
    }
    if (el.querySelector('table')) {
      for (const child of Array.from(el.children)) visit(child);
      return;
    }
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) parts.push(text);
  };
  for (const child of Array.from(document.querySelector('.article-content')!.children)) visit(child);
  return `标题: ${title}\n栏目: 政府信息公开年报\n==================== 正文 ====================\n${parts.join(' ')}\n`;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'forms-'));
  try {
    const page = await browser.newPage();
    for (const id of SEED_IDS) {
      const html = fs.readFileSync(path.join(HTML, `${id}-clean.html`), 'utf8');
      await page.goto(`file://${path.join(HTML, `${id}-clean.html`)}`);
      const pdf = path.join(tmp, `${id}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: false });
      execFileSync('pdftotext', ['-layout', pdf, path.join(OUT, `${id}-clean.chromium.layout.txt`)]);
      fs.writeFileSync(path.join(OUT, `${id}-clean.md`), articleMarkdown(html));
      fs.writeFileSync(path.join(OUT, `${id}-clean.line.txt`), articleLine(html, 'spaced'));
      fs.writeFileSync(path.join(OUT, `${id}-clean.glued.txt`), articleLine(html, 'glued'));
    }
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
