// The fuzz suite's properties, shared by `npm test` (test/fuzz/engine.fuzz.test.ts: fixed seed, a
// few dozen cases) and `npm run fuzz` (test/fuzz/run.ts: FUZZ_RUNS cases, figures printed). Each
// says what must hold for any input:
//   pages   mutated real pages (the seeds' HTML renderings and the corpus pages: spans, digits,
//           nesting, duplicated tables, hostile one-liners, truncation, random text): analysis never
//           throws, its report, through JSON, validates against the schema, and the CLI's own HTML
//           tree (lib/extract/node-dom.ts) gives the same report as a general DOM (linkedom) where
//           elements nest at most 512 deep (deeper, the CLI's tree places them as Chromium does);
//   bytes   the same pages as bytes (UTF-8 with and without BOM, UTF-16 with BOM, a wrong meta
//           charset; a GBK page), damaged and cut: readFile yields a Page whose report validates,
//           or says UnreadableFile;
//   table3  a real page's 表三 refilled with random numbers, some row totals made wrong: the engine
//           reads exactly those numbers, and T3-ROW fires exactly on the rows made wrong;
//   grids   random tables of random spans: a rectangular grid, every slot filled, within the cap.
// Each case's analysis time is measured into `stats`; nothing here asserts a time.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { analyzeDocument, analyzePage } from '../../lib/analyze';
import { readFile, UnreadableFile } from '../../lib/extract/file';
import { MAX_DEPTH, parseHtmlInNode } from '../../lib/extract/node-dom';
import { buildGridWithin, MAX_TABLE_CELLS } from '../../lib/grid';
import { createNormalizer } from '../../lib/normalize';
import { ReportSchema } from '../../lib/report/schema';
import { APPLICANT_PARTS, REQUEST_ROWS } from '../../lib/report/keys';
import type { Analysis } from '../../lib/types';
import { REPO_ROOT, SHARED } from '../fixtures/seeds';

/** Per-property figures: cases analysed, the slowest analysis and its page, the slowest of ≤ 1 MB. */
export interface Stats {
  cases: number;
  worstMs: number;
  worstBytes: number;
  worstCase: string;
  /** The slowest analysis of a page the budget covers (≤ 1 MB; mutations make some larger). */
  worstMsUpTo1Mb: number;
}
export const newStats = (): Stats => ({ cases: 0, worstMs: 0, worstBytes: 0, worstCase: '', worstMsUpTo1Mb: 0 });
const BUDGET_BYTES = 1_000_000;

function timed<T>(stats: Stats, label: string, bytes: number, run: () => T): T {
  const t0 = performance.now();
  const result = run();
  const ms = performance.now() - t0;
  stats.cases++;
  if (ms > stats.worstMs) Object.assign(stats, { worstMs: ms, worstBytes: bytes, worstCase: label });
  if (bytes <= BUDGET_BYTES) stats.worstMsUpTo1Mb = Math.max(stats.worstMsUpTo1Mb, ms);
  return result;
}

/** The report as it leaves the engine (JSON: NaN/Infinity would become null) validates. */
export function assertValidReport(analysis: Analysis): void {
  ReportSchema.parse(JSON.parse(JSON.stringify(analysis.report)));
}

// ---------------------------------------------------------------------------------------------
// Real pages and their mutations

export interface SeedPage {
  name: string;
  html: string;
}

export function realPages(): SeedPage[] {
  const dir = path.join(REPO_ROOT, 'test/fixtures/html');
  const corpus = path.join(SHARED, 'corpus');
  return [
    ...fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort().map((f) => ({ name: f, html: fs.readFileSync(path.join(dir, f), 'utf8') })),
    ...fs.readdirSync(corpus).filter((f) => f.endsWith('.html')).sort().map((f) => ({ name: f, html: fs.readFileSync(path.join(corpus, f), 'utf8') })),
  ];
}

/** The n-th (mod count) match of `pattern` in `html`, or null. */
function nth(html: string, pattern: RegExp, n: number): RegExpExecArray | null {
  const all = [...html.matchAll(new RegExp(pattern.source, 'g'))];
  return all.length ? all[n % all.length]! : null;
}

const spliceAt = (html: string, at: number, cut: number, insert: string) => html.slice(0, at) + insert + html.slice(at + cut);

/** Text built to hit the narrative, recognition and normalisation regexes at their worst. */
const HOSTILE_PIECES = [
  '1', '1,000', '收到申请1件', '共收到申请', '行政复议', '1件行政复议', '行政诉讼', '《', '〈', '》', '人民政府', '区', '、',
  '公開(kāi)', '(', '2024年', '统计期限', '时间:', '-', '—', ' ', '\u3000', '１２', '注：', '其中', '，',
];

const hostileText = fc
  .tuple(fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 20_000 }))
  .map(([pieces, times]) => pieces.join('').repeat(times));

/** A number cell as careless or hostile publishers print it. */
const figureText = fc.oneof(
  fc.nat().map(String),
  fc.bigInt({ min: 0n, max: 10n ** 400n }).map(String),
  fc.constantFrom('9007199254740993', '-0', '1e5', '3<br>5', '<p>3</p><p>5</p>', '１２', '1,184.92', '297.17万元', '/', '', '—', '0.1', 'NaN', 'Infinity'),
  fc.stringMatching(/^[0-9 ,.]{1,30}$/),
);

type Mutation =
  | { kind: 'span'; at: number; rowspan: number; colspan: number }
  | { kind: 'figure'; at: number; text: string }
  | { kind: 'nest'; depth: number; tag: string }
  | { kind: 'text'; at: number; text: string }
  | { kind: 'duplicate'; at: number; times: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string };

const spanValue = fc.oneof(fc.constantFrom(0, 1, 2, 1000, 1001, 65534, 65535, 99999, -1), fc.nat({ max: 100 }));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('span' as const), at: fc.nat(), rowspan: spanValue, colspan: spanValue }),
  fc.record({ kind: fc.constant('figure' as const), at: fc.nat(), text: figureText }),
  fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 1500 }), tag: fc.constantFrom('div', 'span', 'p', 'font', 'table><tr><td', 'li') }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: hostileText }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 200 }) }),
);

export function mutate(html: string, m: Mutation): string {
  switch (m.kind) {
    case 'span': {
      const td = nth(html, /<t[dh]\b/, m.at);
      return td ? spliceAt(html, td.index + 3, 0, ` rowspan="${m.rowspan}" colspan="${m.colspan}"`) : html;
    }
    case 'figure': {
      const cell = nth(html, />\s*[\d,.]+\s*</, m.at);
      return cell ? spliceAt(html, cell.index + 1, cell[0].length - 2, m.text) : html;
    }
    case 'nest': {
      const body = html.indexOf('<body');
      const at = body < 0 ? 0 : html.indexOf('>', body) + 1;
      return spliceAt(html, at, 0, `<${m.tag}>`.repeat(m.depth));
    }
    case 'text': {
      const p = nth(html, /<p\b[^>]*>/, m.at);
      return p ? spliceAt(html, p.index + p[0].length, 0, m.text.replace(/</g, '&lt;')) : html;
    }
    case 'duplicate': {
      const start = nth(html, /<table\b/, m.at);
      if (!start) return html;
      const end = html.indexOf('</table>', start.index);
      if (end < 0) return html;
      const table = html.slice(start.index, end + 8);
      return spliceAt(html, end + 8, 0, table.repeat(m.times));
    }
    case 'truncate':
      return html.slice(0, m.at % (html.length + 1));
    case 'insert':
      return spliceAt(html, m.at % (html.length + 1), 0, m.text);
  }
}

export const mutatedPage = (pages: readonly SeedPage[]) =>
  fc.record({ page: fc.constantFrom(...pages), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) }).map(({ page, mutations }) => ({
    name: `${page.name} ← ${mutations.map((m) => m.kind).join(', ')}`,
    html: mutations.reduce(mutate, page.html),
  }));

/** pages: any mutated real page is analysed, and its report validates. */
export function pagesProperty(pages: readonly SeedPage[], stats: Stats) {
  return fc.property(mutatedPage(pages), ({ name, html }) => {
    const source = `https://www.example.gov.cn/${encodeURIComponent(name)}`;
    const document = parseHtmlInNode(html);
    const analysis = timed(stats, name, html.length, () => analyzeDocument(document, { source }));
    assertValidReport(analysis);
    const { document: general } = parseHTML(html);
    if (deepestElement(general) > MAX_DEPTH) return;
    if (JSON.stringify(analysis.report) !== JSON.stringify(analyzeDocument(general, { source }).report)) {
      throw new Error(`${name}: the CLI's HTML tree reads the page otherwise than linkedom`);
    }
  });
}

/** How deep the document's elements nest (a walk, no recursion). */
function deepestElement(doc: Document): number {
  let deepest = 0;
  const stack: [Element, number][] = Array.from(doc.children, (e) => [e, 1]);
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}

// ---------------------------------------------------------------------------------------------
// Bytes: encodings and damage, through the file front door

const nodeDom = { parseHtml: parseHtmlInNode };

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

const encoding = fc.constantFrom('utf-8', 'utf-8 with BOM', 'utf-16le with BOM', 'wrong meta charset', 'the GBK rendering of seed 000');

let gbkPage: Uint8Array | undefined;

function encode(html: string, how: string): Uint8Array {
  if (how === 'the GBK rendering of seed 000') {
    gbkPage ??= fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/gbk/000-word-gbk.html'));
    return gbkPage.slice();
  }
  const utf8 = new TextEncoder().encode(html);
  if (how === 'utf-8 with BOM') return concat([0xef, 0xbb, 0xbf], utf8);
  if (how === 'utf-16le with BOM') return utf16le(html);
  if (how === 'wrong meta charset') return new TextEncoder().encode(`<meta charset="gb2312">${html}`);
  return utf8;
}

function concat(head: number[], tail: Uint8Array): Uint8Array {
  const out = new Uint8Array(head.length + tail.length);
  out.set(head, 0);
  out.set(tail, head.length);
  return out;
}

const damage = fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 20 });

/** bytes: any re-encoded, damaged page gives a Page whose report validates, or UnreadableFile. */
export function bytesProperty(pages: readonly SeedPage[], stats: Stats) {
  return fc.asyncProperty(fc.constantFrom(...pages), encoding, damage, fc.nat(), async (page, how, hits, cut) => {
    const bytes = encode(page.html, how);
    for (const { at, byte } of hits) if (bytes.length) bytes[at % bytes.length] = byte;
    const kept = cut % 4 === 0 ? bytes.subarray(0, cut % (bytes.length + 1)) : bytes;
    try {
      const read = await readFile({ bytes: kept, source: `${page.name}.html` }, nodeDom);
      assertValidReport(timed(stats, `${page.name} as ${how}`, kept.length, () => analyzePage(read, { source: page.name })));
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// 表三 with random numbers: the engine reads exactly what was written

/** A page whose 表三 figure cells are each a <td> of their own, ready to be refilled. */
export interface Table3Page {
  name: string;
  html: string;
  /** Rows whose six parts and total are all on the page. */
  rows: string[];
}

export function table3Pages(pages: readonly SeedPage[]): Table3Page[] {
  return pages.flatMap((page) => {
    const analysis = analyzeDocument(parseHTML(page.html).document, { source: page.name });
    const elements = new Map<Element, number>();
    for (const f of analysis.figures.values()) if (f.cell.element) elements.set(f.cell.element, (elements.get(f.cell.element) ?? 0) + 1);
    const own = (key: string) => {
      const e = analysis.figures.get(key)?.cell.element;
      return !!e && elements.get(e) === 1;
    };
    const rows = REQUEST_ROWS.filter((row) => [...APPLICANT_PARTS, 'total'].every((c) => own(`requests.${row}.${c}`)));
    return rows.length >= 5 ? [{ name: page.name, html: page.html, rows }] : [];
  });
}

const count = fc.oneof(fc.nat({ max: 100 }), fc.nat({ max: 1_000_000 }), fc.integer({ min: 0, max: 2 ** 50 }));

/** table3: random counts in, the same counts out; T3-ROW exactly on the rows whose total was made wrong. */
export function table3Property(pages: readonly Table3Page[], stats: Stats) {
  const filled = fc.constantFrom(...pages).chain((page) =>
    fc.record({
      page: fc.constant(page),
      parts: fc.array(fc.array(count, { minLength: 6, maxLength: 6 }), { minLength: page.rows.length, maxLength: page.rows.length }),
      wrong: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -1000, max: 1000 })), { minLength: page.rows.length, maxLength: page.rows.length }),
    }),
  );
  return fc.property(filled, ({ page, parts, wrong }) => {
    const { document } = parseHTML(page.html);
    const before = analyzeDocument(document, { source: page.name });
    const written = new Map<string, number>();
    const wrongRows = new Set<string>();
    page.rows.forEach((row, i) => {
      const sum = parts[i]!.reduce((s, v) => s + BigInt(v), 0n);
      const total = sum + BigInt(wrong[i]!) >= 0n ? sum + BigInt(wrong[i]!) : sum;
      if (total !== sum) wrongRows.add(`requests.${row}.total`);
      APPLICANT_PARTS.forEach((c, k) => written.set(`requests.${row}.${c}`, parts[i]![k]!));
      written.set(`requests.${row}.total`, Number(total));
    });
    for (const [key, value] of written) before.figures.get(key)!.cell.element!.textContent = String(value);
    const analysis = timed(stats, page.name, page.html.length, () => analyzeDocument(document, { source: page.name }));
    assertValidReport(analysis);
    for (const [key, value] of written) {
      if (analysis.figures.get(key)?.value !== value) throw new Error(`${key}: wrote ${value}, read ${analysis.figures.get(key)?.value}`);
    }
    const fired = analysis.report.findings.filter((f) => f.rule === 'T3-ROW').map((f) => f.cells[0]!);
    const expected = [...wrongRows];
    if (fired.length !== expected.length || expected.some((k) => !fired.includes(k))) {
      throw new Error(`T3-ROW fired on ${fired.join(', ') || 'nothing'}; the totals made wrong: ${expected.join(', ') || 'none'}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Random grids

const gridCell = fc.record({
  rowspan: fc.oneof(fc.constant(1), fc.nat({ max: 4 }), fc.constantFrom(0, 65534, 99999)),
  colspan: fc.oneof(fc.constant(1), fc.nat({ max: 4 }), fc.constantFrom(1000, 5000)),
  text: fc.oneof(fc.nat().map(String), fc.constantFrom('', '合计', '3<br>5')),
});
const randomTable = fc.array(fc.array(gridCell, { maxLength: 8 }), { maxLength: 40 });

/** grids: any table becomes a rectangular grid, every slot filled, at most the cap, each cell placed at most once. */
export function gridsProperty(stats: Stats, cap = MAX_TABLE_CELLS) {
  const normalizer = createNormalizer('simplified');
  return fc.property(randomTable, (rows) => {
    const html = `<table>${rows.map((r) => `<tr>${r.map((c) => `<td rowspan="${c.rowspan}" colspan="${c.colspan}">${c.text}</td>`).join('')}</tr>`).join('')}</table>`;
    const table = parseHTML(`<html><body>${html}</body></html>`).document.getElementsByTagName('table')[0]!;
    const { grid, cells, truncated } = timed(stats, `${rows.length} rows`, html.length, () => buildGridWithin(table, 0, normalizer, cap));
    const width = grid.rows[0]?.length ?? 0;
    if (cells > cap || cells !== grid.rows.length * width) throw new Error(`${cells} cells for ${grid.rows.length} × ${width} (cap ${cap})`);
    if (!truncated && grid.rows.length !== rows.length) throw new Error(`${rows.length} rows read as ${grid.rows.length}`);
    const origins = new Set<Element>();
    grid.rows.forEach((row, r) => {
      if (row.length !== width) throw new Error(`row ${r} is ${row.length} wide, not ${width}`);
      row.forEach((slot, c) => {
        if (!slot || slot.row !== r || slot.col !== c) throw new Error(`slot ${r},${c} misplaced`);
        if (slot.origin) {
          if (origins.has(slot.element!)) throw new Error(`a cell placed twice (${r},${c})`);
          origins.add(slot.element!);
        }
      });
    });
  });
}
