// Re-renders the five seed pages (shared/seeds/*.txt) as the HTML real sites serve, three ways each:
//   <id>-word.html   Word-pasted markup: MsoNormalTable, <p class=MsoNormal><span>, split runs, &nbsp;, <o:p>
//   <id>-clean.html  a clean <table> with the national template's rowspan/colspan structure
//   <id>-split.html  clean markup with 表三 split into three <table>s, each repeating the header block
// and one SYNTHETIC page (not a real report): 000-next-word.html, seed 000's agency a year later, for
// the year-over-year test (see NEXT_YEAR below).
// Labels, narrative, notes and page chrome come from the seed text itself (its own script and wording,
// romanisation artefacts included); every figure is checked against test/fixtures/seeds.ts before it
// is written, so the renderings and the expectations cannot drift apart.
// Run: npx tsx scripts/render-seeds.ts  (writes test/fixtures/html/)
import fs from 'node:fs';
import path from 'node:path';
import { SEEDS, REPO_ROOT, type SeedExpectation, type SeedId } from '../test/fixtures/seeds';
import { createNormalizer, detectScript, parseFigure, type Normalizer } from '../lib/normalize';
import { ACTIVE_T2019, ACTIVE_T2021, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, REQUEST_ROWS } from '../lib/report/keys';
import { escapeHtml } from '../lib/export';

const OUT_DIR = path.join(REPO_ROOT, 'test/fixtures/html');

/** What the seed text does not say about its page: the site around the article. */
interface PageSetup {
  site: string;
  domain: string;
  urlPath: string;
  /** The report title as the site prints it (<h1>, <title>, ArticleTitle); lines = <br>. */
  titleLines: string[];
  /** The seed's own article-info line (publication time, source), if any. */
  info?: string;
  /** "YYYY-MM-DD HH:MM" for <meta name="PubDate">, only where the seed shows a date. */
  pubDate?: string;
  /** First line (1-based) of the article body in the seed text. */
  bodyFrom: number;
  /** The line where the page chrome after the article starts (QR code, related links …). */
  chromeFrom?: string;
  /** Navigation and breadcrumb words in the page's script. */
  words: { home: string; disclosure: string; column: string; nav: string[]; footer: string; siteCode: string };
}

const SIMPLIFIED_WORDS = {
  home: '首页', disclosure: '政府信息公开', column: '政府信息公开年报',
  nav: ['首页', '要闻动态', '政府信息公开', '政务服务', '互动交流'],
  footer: '版权所有', siteCode: '网站标识码',
};
const TRADITIONAL_WORDS = {
  home: '首頁', disclosure: '政府信息公開', column: '政府信息公開年報',
  nav: ['首頁', '要聞動態', '政府信息公開', '政務服務', '互動交流'],
  footer: '版權所有', siteCode: '網站標識碼',
};

const PAGES: Record<SeedId, PageSetup> = {
  '000': {
    site: '鹤岗市人民政府', domain: 'www.hegang.gov.cn', urlPath: '/hegang/c100744/202501/c11_187452.shtml',
    titleLines: ['鹤岗市人民政府办公室2024年', '政府信息公开工作年度报告'],
    info: '2025-01-24 09:44', pubDate: '2025-01-24 09:44', bodyFrom: 6, chromeFrom: '扫一扫在手机打开当前页',
    words: SIMPLIFIED_WORDS,
  },
  '001': {
    site: '盤錦市雙臺子區人民政府', domain: 'www.shuangtaizi.gov.cn', urlPath: '/zwgk/zfxxgknb/202401/t20240131_1138.html',
    titleLines: ['盤錦市雙臺子區人民政府辦公室2023年政府信息公開工作年度報告'], bodyFrom: 2,
    words: TRADITIONAL_WORDS,
  },
  '002': {
    // The saved text starts at the preamble; the page's title is the county's report.
    site: '精河县人民政府', domain: 'www.xjjh.gov.cn', urlPath: '/info/1261/98765.htm',
    titleLines: ['精河县2024年政府信息公开工作年度报告'], bodyFrom: 1,
    words: SIMPLIFIED_WORDS,
  },
  '003': {
    site: '衡陽市人民政府', domain: 'www.hengyang.gov.cn', urlPath: '/xxgk/gknb/20200325/i1934526.html',
    titleLines: ['衡陽市人民政府辦公室 2019年政府信息公開年度報告'],
    info: '發(fā)布時間:2020-03-25 17:05\u00a0\u00a0\u00a0\u00a0來源:衡陽市政府辦\u00a0\u00a0\u00a0\u00a0瀏覽量:',
    pubDate: '2020-03-25 17:05', bodyFrom: 6, chromeFrom: '相關(guān)閱讀:',
    words: {
      home: '首頁', disclosure: '政府信息公開(kāi)', column: '政府信息公開(kāi)年度報(bào)告',
      nav: ['首頁', '政務(wù)動態(tài)', '政府信息公開(kāi)', '政務(wù)服務(wù)', '互動交流'],
      footer: '版權(quán)所有', siteCode: '網(wǎng)站標(biāo)識碼',
    },
  },
  '004': {
    site: '威海市文登區(qū)人民政府', domain: 'www.wendeng.gov.cn', urlPath: '/art/2025/1/20/art_52712_3301.html',
    titleLines: ['2024年政府信息公開(kāi)工作年度報(bào)告'], bodyFrom: 2,
    words: {
      home: '首頁', disclosure: '政府信息公開(kāi)', column: '政府信息公開(kāi)年報(bào)',
      nav: ['首頁', '走進(jìn)文登', '政府信息公開(kāi)', '政務(wù)服務(wù)', '互動交流'],
      footer: '版權(quán)所有', siteCode: '網(wǎng)站標(biāo)識碼',
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Reading the seed text

/** A label as the page prints it: one or more fragments (lines of a cell), each possibly with spaces. */
type Label = string[];

interface ActiveBlock { caption: string; header: Label[]; rows: { key: string; label: Label; values: string[] }[] }
interface RequestsHeader { relation: Label | null; applicant: Label; natural: Label; legalPersons: Label; total: Label; orgs: Label[] }
interface RequestRowText { key: string; resultsLabel?: Label; groupLabel?: Label; label: Label; values: string[] }
interface RequestsPart { header: RequestsHeader; rows: RequestRowText[] }
interface AppealsText { review: Label; suit: Label; reviewCols: Label[]; direct: Label; afterReview: Label; suitCols: Label[]; values: string[] }

interface SeedPage {
  seed: SeedExpectation;
  setup: PageSetup;
  /** The article body in reading order. */
  body: BodyPart[];
  chrome: string[];
  spam: string | null;
}

type BodyPart =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'active'; blocks: ActiveBlock[] }
  | { kind: 'requests'; parts: RequestsPart[] }
  | { kind: 'appeals'; table: AppealsText }
  | { kind: 'image'; table: 'active' | 'requests' | 'appeals' };

/** A saved-text cell line: " |" cell ends and lines of bare pipes are the scraper's, not the page's. */
const cellText = (line: string) => line.replace(/\s*\|+\s*$/, '').replace(/^\|+$/, '');
/** A cell holding a number, read as the engine reads it: after normalisation ("297.17萬元"). */
const figureOf = (n: Normalizer, raw: string) => {
  const p = parseFigure(n.plain(raw));
  return p.bad || p.blank ? null : p.value;
};
const isFigure = (n: Normalizer, raw: string) => figureOf(n, raw) !== null;

function fail(seed: SeedExpectation, what: string): never {
  throw new Error(`seed ${seed.id}: ${what}`);
}

/** Section headings that open and close the table regions (label-normalised text). */
const HEADING = {
  active: /^二、.*主动公开/,
  requests: /^三、收到和处理/,
  appeals: /^四、.*(行政复议|行政诉讼)/,
  problems: /^五、/,
};
const SECTION_HEADING = /^([一二三四五六七八九十]、|、)/;

function readSeed(seed: SeedExpectation): SeedPage {
  const setup = PAGES[seed.id];
  const text = fs.readFileSync(seed.file, 'utf8');
  const n = createNormalizer(detectScript(text));
  const all = text.split(/\r?\n/);
  let lines = all.slice(setup.bodyFrom - 1);
  let chrome: string[] = [];
  let spam: string | null = null;
  const spamAt = lines.findIndex((l) => l.startsWith('主站蜘蛛池模板'));
  if (spamAt >= 0) {
    spam = lines[spamAt]!;
    lines = lines.slice(0, spamAt);
  }
  if (setup.chromeFrom) {
    const at = lines.findIndex((l) => l.trim() === setup.chromeFrom);
    if (at < 0) fail(seed, `chrome line "${setup.chromeFrom}" not found`);
    chrome = lines.slice(at).map((l) => l.trim()).filter(Boolean);
    lines = lines.slice(0, at);
  }

  const body: BodyPart[] = [];
  let seenHeading = false;
  let i = 0;
  const tableRegion = (end: RegExp[]): { cells: string[]; notes: string[] } => {
    const cells: string[] = [];
    const notes: string[] = [];
    while (i < lines.length && !end.some((re) => re.test(n.label(lines[i]!)))) {
      const t = cellText(lines[i]!);
      if (/^注[:：]/.test(n.label(t))) notes.push(t.trim());
      else if (t.trim()) cells.push(t);
      i++;
    }
    return { cells, notes };
  };
  while (i < lines.length) {
    const raw = lines[i]!.trim();
    const label = n.label(raw);
    i++;
    if (!raw) continue;
    if (SECTION_HEADING.test(label) && raw.length <= 40) {
      seenHeading = true;
      body.push({ kind: 'heading', text: raw });
      const table = HEADING.active.test(label) ? 'active' : HEADING.requests.test(label) ? 'requests' : HEADING.appeals.test(label) ? 'appeals' : null;
      if (!table) continue;
      const region = tableRegion(
        table === 'active' ? [HEADING.requests, HEADING.appeals, HEADING.problems] : table === 'requests' ? [HEADING.appeals, HEADING.problems] : [HEADING.problems],
      );
      if (!region.cells.length) body.push({ kind: 'image', table });
      else if (table === 'active') body.push({ kind: 'active', blocks: readActive(seed, n, region.cells) });
      else if (table === 'requests') body.push({ kind: 'requests', parts: readRequests(seed, n, region.cells) });
      else body.push({ kind: 'appeals', table: readAppeals(seed, n, region.cells) });
      for (const note of region.notes) body.push({ kind: 'para', text: note });
      continue;
    }
    // Before the first heading, short lines without closing punctuation are the centred title.
    const isTitle = !seenHeading && raw.length <= 30 && !/[。:：,，;；]$/.test(raw) && !/[。，]/.test(raw);
    body.push({ kind: isTitle ? 'title' : 'para', text: raw });
  }
  if (seed.figures) {
    const kinds = new Set(body.map((b) => b.kind));
    for (const k of ['active', 'requests', 'appeals'] as const) if (!kinds.has(k)) fail(seed, `table ${k} not found in the text`);
  }
  return { seed, setup, body, chrome, spam };
}

/** Checks a printed figure against the fixture: the renderings must carry exactly SEEDS' figures. */
function checkFigure(seed: SeedExpectation, n: Normalizer, key: string, raw: string) {
  const expected = seed.figures?.[key];
  const read = figureOf(n, raw);
  if (expected === undefined) fail(seed, `${key} is not a figure of T${seed.template}`);
  if (read !== expected) fail(seed, `${key}: the text prints "${raw}", the fixture says ${expected}`);
}

function readActive(seed: SeedExpectation, n: Normalizer, cells: string[]): ActiveBlock[] {
  const blocks: ActiveBlock[] = [];
  let pending: string[] = [];
  for (const cell of cells) {
    if (/^第二十条/.test(n.label(cell))) {
      blocks.push({ caption: cell.trim(), header: [], rows: [] });
      pending = [];
      continue;
    }
    const block = blocks.at(-1) ?? fail(seed, `表二 starts with "${cell}", not a 第二十条 caption`);
    if (!isFigure(n, cell)) {
      pending.push(cell.trim());
      continue;
    }
    if (pending.length) {
      if (!block.header.length) block.header = pending.slice(0, -1).map((l) => [l]);
      block.rows.push({ key: '', label: [pending.at(-1)!], values: [] });
      pending = [];
    }
    (block.rows.at(-1) ?? fail(seed, `表二: figure "${cell}" before any row label`)).values.push(cell);
  }
  const layout: [string, readonly string[]][] = Object.entries(seed.template === '2021' ? ACTIVE_T2021 : ACTIVE_T2019);
  const rows = blocks.flatMap((b) => b.rows);
  if (rows.length !== layout.length) fail(seed, `表二 has ${rows.length} rows, T${seed.template} has ${layout.length}`);
  rows.forEach((row, r) => {
    const [name, cols] = layout[r]!;
    if (row.values.length !== cols.length) fail(seed, `表二 row "${row.label}" has ${row.values.length} figures, expected ${cols.length}`);
    row.key = `active.${name}`;
    cols.forEach((c, k) => checkFigure(seed, n, `active.${name}.${c}`, row.values[k]!));
  });
  return blocks;
}

/**
 * Joins label fragments (a cell printed over several lines, "商业" / "企业") until the joined
 * label is accepted; returns the fragments of each label.
 */
function takeLabels(seed: SeedExpectation, n: Normalizer, cells: string[], at: number, count: number, accept: (norm: string, k: number) => boolean) {
  const labels: Label[] = [];
  let i = at;
  while (labels.length < count) {
    const fragments: string[] = [];
    while (i < cells.length) {
      fragments.push(cells[i++]!.trim());
      if (accept(n.label(fragments.join('')), labels.length)) break;
      if (fragments.length > 4) fail(seed, `cannot read a header label from "${fragments.join(' ')}"`);
    }
    if (!accept(n.label(fragments.join('')), labels.length)) fail(seed, `header ends inside "${fragments.join(' ')}"`);
    labels.push(fragments);
  }
  return { labels, next: i };
}

const ORGS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
const APPEAL_HEADS = new Set(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '驳回申请', '驳回起诉']);

function readRequestsHeader(seed: SeedExpectation, n: Normalizer, cells: string[], at: number) {
  let i = at;
  let relation: Label | null = null;
  const named: Record<string, Label> = {};
  for (; i < cells.length; i++) {
    const norm = n.label(cells[i]!);
    if (norm.includes('勾稽关系')) relation = [cells[i]!.trim()];
    else if (['申请人情况', '自然人', '法人或其他组织', '总计'].includes(norm)) named[norm] = [cells[i]!.trim()];
    else break;
  }
  for (const k of ['申请人情况', '自然人', '法人或其他组织', '总计']) if (!named[k]) fail(seed, `表三 header lacks ${k}`);
  const { labels: orgs, next } = takeLabels(seed, n, cells, i, 5, (norm, k) => norm === ORGS[k]);
  return {
    header: { relation, applicant: named['申请人情况']!, natural: named['自然人']!, legalPersons: named['法人或其他组织']!, total: named['总计']!, orgs },
    next,
  };
}

const isHeaderStart = (norm: string) => norm.includes('勾稽关系') || norm === '申请人情况';
const TOP_ROWS = new Set(['newReceived', 'carriedOver', 'carriedForward']);
/** The group a 表三 row sits in under 三、本年度办理结果 ("denied" …), or null for a row of its own. */
const groupOf = (row: string) => (row.includes('.') && row !== 'otherHandling.total' ? row.slice(0, row.indexOf('.')) : null);

function readRequests(seed: SeedExpectation, n: Normalizer, cells: string[]): RequestsPart[] {
  const rowKeys = REQUEST_ROWS.filter((r) =>
    seed.template === '2021' ? r !== 'otherHandling.total' : !r.startsWith('otherHandling.') || r === 'otherHandling.total',
  );
  const parts: RequestsPart[] = [];
  let pending: string[] = [];
  let values: string[] = [];
  let r = 0;
  for (let i = 0; i < cells.length; ) {
    const cell = cells[i]!;
    if (!values.length && isHeaderStart(n.label(cell))) {
      if (pending.length) fail(seed, `表三: labels ${pending.join(' / ')} before a repeated header`);
      const { header, next } = readRequestsHeader(seed, n, cells, i);
      parts.push({ header, rows: [] });
      i = next;
      continue;
    }
    i++;
    const part = parts.at(-1) ?? fail(seed, '表三 does not start with its header');
    if (!isFigure(n, cell)) {
      if (values.length) fail(seed, `表三: label "${cell}" inside a row of figures`);
      pending.push(cell.trim());
      continue;
    }
    values.push(cell);
    if (values.length < APPLICANT_COLUMNS.length) continue;
    const row = rowKeys[r++] ?? fail(seed, '表三 has more rows than its template');
    const previous = part.rows.at(-1)?.key.slice('requests.'.length);
    const needsResults = !TOP_ROWS.has(row) && (previous === undefined || TOP_ROWS.has(previous));
    const group = groupOf(row);
    const needsGroup = group !== null && (previous === undefined || groupOf(previous) !== group);
    const expectedLabels = 1 + Number(needsResults) + Number(needsGroup);
    if (pending.length !== expectedLabels) fail(seed, `表三 row ${row}: labels ${JSON.stringify(pending)}, expected ${expectedLabels}`);
    const text: RequestRowText = { key: `requests.${row}`, label: [pending.at(-1)!], values };
    if (needsResults) text.resultsLabel = [pending[0]!];
    if (needsGroup) text.groupLabel = [pending.at(-2)!];
    APPLICANT_COLUMNS.forEach((c, k) => checkFigure(seed, n, `requests.${row}.${c}`, values[k]!));
    part.rows.push(text);
    pending = [];
    values = [];
  }
  if (r !== rowKeys.length) fail(seed, `表三 has ${r} rows, T${seed.template} has ${rowKeys.length}`);
  return parts;
}

function readAppeals(seed: SeedExpectation, n: Normalizer, cells: string[]): AppealsText {
  const want = (i: number, norm: string) => (n.label(cells[i] ?? '') === norm ? [cells[i]!.trim()] : fail(seed, `表四: expected ${norm}, found "${cells[i]}"`));
  const review = want(0, '行政复议');
  const suit = want(1, '行政诉讼');
  const first = takeLabels(seed, n, cells, 2, 5, (norm) => APPEAL_HEADS.has(norm));
  const direct = want(first.next, '未经复议直接起诉');
  const afterReview = want(first.next + 1, '复议后起诉');
  const second = takeLabels(seed, n, cells, first.next + 2, 10, (norm) => APPEAL_HEADS.has(norm));
  const values = cells.slice(second.next).map((c) => c.trim());
  if (values.length !== 15 || !values.every((v) => isFigure(n, v))) fail(seed, `表四: expected 15 figures, found ${JSON.stringify(values)}`);
  let k = 0;
  for (const g of APPEAL_GROUPS) for (const c of APPEAL_COLUMNS) checkFigure(seed, n, `appeals.${g}.${c}`, values[k++]!);
  return { review, suit, reviewCols: first.labels, direct, afterReview, suitCols: second.labels, values };
}

// ---------------------------------------------------------------------------------------------
// Tables as rows of cells, independent of markup

interface TCell { label?: Label; figure?: string; rowspan?: number; colspan?: number; bold?: boolean }
type TRow = TCell[];

function activeRows(blocks: ActiveBlock[]): TRow[] {
  const width = 1 + Math.max(...blocks.map((b) => b.header.length - 1));
  const rows: TRow[] = [];
  // The last column takes what is left, as in the national template (本年处理决定数量 spans three).
  const spread = <T extends TCell>(cells: T[]): T[] => cells.map((c, k) => (k === cells.length - 1 && cells.length < width ? { ...c, colspan: width - cells.length + 1 } : c));
  for (const b of blocks) {
    rows.push([{ label: [b.caption], colspan: width, bold: true }]);
    rows.push(spread(b.header.map((label) => ({ label, bold: true }))));
    for (const row of b.rows) rows.push(spread([{ label: row.label }, ...row.values.map((figure) => ({ figure }))]));
  }
  return rows;
}

function requestsRows(part: RequestsPart, resultsLabel: Label): TRow[] {
  const h = part.header;
  const rows: TRow[] = [
    [{ label: h.relation ?? [''], rowspan: 3, colspan: 3 }, { label: h.applicant, colspan: 7 }],
    [{ label: h.natural, rowspan: 2 }, { label: h.legalPersons, colspan: 5 }, { label: h.total, rowspan: 2 }],
    h.orgs.map((label) => ({ label })),
  ];
  const keys = part.rows.map((r) => r.key.slice('requests.'.length));
  part.rows.forEach((row, k) => {
    const key = keys[k]!;
    const cells: TRow = [];
    if (TOP_ROWS.has(key)) cells.push({ label: row.label, colspan: 3 });
    else {
      const prev = keys[k - 1];
      if (prev === undefined || TOP_ROWS.has(prev)) {
        let span = 0;
        while (keys[k + span] !== undefined && !TOP_ROWS.has(keys[k + span]!)) span++;
        cells.push({ label: row.resultsLabel ?? resultsLabel, rowspan: span });
      }
      const group = groupOf(key);
      if (group === null) cells.push({ label: row.label, colspan: 2 });
      else {
        if (prev === undefined || groupOf(prev) !== group) {
          let span = 0;
          while (keys[k + span] !== undefined && groupOf(keys[k + span]!) === group) span++;
          cells.push({ label: row.groupLabel ?? [''], rowspan: span });
        }
        cells.push({ label: row.label });
      }
    }
    for (const figure of row.values) cells.push({ figure });
    rows.push(cells);
  });
  return rows;
}

function appealsRows(t: AppealsText): TRow[] {
  return [
    [{ label: t.review, colspan: 5 }, { label: t.suit, colspan: 10 }],
    [...t.reviewCols.map((label) => ({ label, rowspan: 2 })), { label: t.direct, colspan: 5 }, { label: t.afterReview, colspan: 5 }],
    t.suitCols.map((label) => ({ label })),
    t.values.map((figure) => ({ figure })),
  ];
}

/**
 * 表三 as the page shows it: one table (word, clean) or three (split). Where the seed itself was
 * split (002), its own parts are kept; otherwise it is split where 002 splits: after 二、上年结转
 * and before （六）其他处理.
 */
function requestsTables(parts: RequestsPart[], split: boolean): TRow[][] {
  const first = parts[0]!;
  const rows = parts.flatMap((p) => p.rows);
  const resultsLabel = rows.find((r) => r.resultsLabel)!.resultsLabel!;
  if (!split) return [requestsRows({ header: first.header, rows }, resultsLabel)];
  if (parts.length === 3) return parts.map((p) => requestsRows(p, resultsLabel));
  const granted = rows.findIndex((r) => r.key === 'requests.granted');
  const other = rows.findIndex((r) => r.key.startsWith('requests.otherHandling.'));
  return [rows.slice(0, granted), rows.slice(granted, other), rows.slice(other)].map((slice) =>
    requestsRows({ header: first.header, rows: slice }, resultsLabel),
  );
}

// ---------------------------------------------------------------------------------------------
// Markup

/** Spaces printed around a figure ("0 ") come from &nbsp; on the real page. */
const nbsp = (s: string) => escapeHtml(s).replace(/^ +| +$/g, (m) => '&nbsp;'.repeat(m.length));

const spans = (attrs: string) => (k: number) => (k === 0 ? attrs : `style='font-size:10.0pt;font-family:宋体;mso-bidi-font-family:宋体;color:black;mso-font-kerning:0pt'`);

/** Word splits a run wherever formatting state changed: here after the first two characters of a label. */
function wordRuns(text: string, style: string): string {
  const parts = text.length >= 4 ? [text.slice(0, 2), text.slice(2)] : [text];
  return parts
    .map((p, k) => `<span\n${k === 0 ? style : spans(style)(k)}>${nbsp(p)}${k === parts.length - 1 ? '<o:p></o:p>' : ''}</span>`)
    .join('');
}

function wordCell(c: TCell): string {
  const span = `${c.rowspan ? ` rowspan=${c.rowspan}` : ''}${c.colspan ? ` colspan=${c.colspan}` : ''}`;
  const style = `style='font-size:10.0pt;font-family:宋体;mso-bidi-font-family:宋体;color:#333333;mso-font-kerning:0pt'`;
  let inner: string;
  if (c.figure !== undefined) {
    inner = `<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'><span lang=EN-US\nstyle='font-size:10.0pt;font-family:"Times New Roman",serif;color:black'>${nbsp(c.figure)}<o:p></o:p></span></p>`;
  } else {
    // Each fragment of a label that the page printed over several lines is a paragraph of the cell;
    // spaces inside a fragment are source line breaks between runs.
    inner = c.label!.map((fragment) => {
      const runs = fragment.split(/ +/).map((piece) => wordRuns(piece, style)).join('\n');
      const body = c.bold ? `<b>${runs}</b>` : runs;
      return `<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'>${body || '<span lang=EN-US>&nbsp;<o:p></o:p></span>'}</p>`;
    }).join('\n');
  }
  return `  <td${span} valign=middle style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n  ${inner}\n  </td>`;
}

function cleanCell(c: TCell): string {
  const span = `${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.colspan ? ` colspan="${c.colspan}"` : ''}`;
  const text = c.figure !== undefined ? nbsp(c.figure) : c.label!.map(escapeHtml).join('<br>');
  return `<td${span}>${c.bold ? `<strong>${text}</strong>` : text}</td>`;
}

type Variant = 'word' | 'clean' | 'split';

function tableHtml(rows: TRow[], variant: Variant): string {
  if (variant === 'word') {
    const trs = rows.map((r) => ` <tr style='mso-yfti-irow:0;height:20.0pt'>\n${r.map(wordCell).join('\n')}\n </tr>`).join('\n');
    return `<div align=center>\n<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=602\n style='width:451.5pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n${trs}\n</table>\n</div>`;
  }
  const trs = rows.map((r) => `<tr>${r.map(cleanCell).join('')}</tr>`).join('\n');
  return `<table class="gknb-table" border="1" cellspacing="0" cellpadding="4">\n<tbody>\n${trs}\n</tbody>\n</table>`;
}

function paragraphHtml(part: BodyPart & { text: string }, variant: Variant): string {
  if (variant === 'word') {
    const style = `style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体;color:black'`;
    if (part.kind === 'title') return `<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;mso-line-height-rule:exactly'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>${escapeHtml(part.text)}<o:p></o:p></span></b></p>`;
    if (part.kind === 'heading') return `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly'><b><span style='font-size:16.0pt;font-family:黑体'>${escapeHtml(part.text)}<o:p></o:p></span></b></p>`;
    // Long paragraphs carry several runs in Word: split after the first sentence.
    const cut = part.text.indexOf('。') + 1;
    const runs = cut > 0 && cut < part.text.length ? [part.text.slice(0, cut), part.text.slice(cut)] : [part.text];
    return `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly'>${runs.map((r) => `<span\n${style}>${escapeHtml(r)}</span>`).join('')}<span lang=EN-US ${style}><o:p></o:p></span></p>`;
  }
  if (part.kind === 'title') return `<p style="text-align: center;"><strong>${escapeHtml(part.text)}</strong></p>`;
  if (part.kind === 'heading') return `<p style="text-indent: 2em;"><strong>${escapeHtml(part.text)}</strong></p>`;
  return `<p style="text-indent: 2em;">${escapeHtml(part.text)}</p>`;
}

const IMAGE_NAMES = { active: 'table2', requests: 'table3', appeals: 'table4' } as const;

function bodyHtml(page: SeedPage, variant: Variant): string {
  const out: string[] = [];
  const emptyPara = variant === 'word' ? `<p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p>` : '';
  for (const part of page.body) {
    switch (part.kind) {
      case 'title':
      case 'heading':
      case 'para':
        out.push(paragraphHtml(part, variant));
        break;
      case 'active':
        out.push(tableHtml(activeRows(part.blocks), variant));
        break;
      case 'requests':
        out.push(requestsTables(part.parts, variant === 'split').map((rows) => tableHtml(rows, variant)).join('\n<p>&nbsp;</p>\n'));
        break;
      case 'appeals':
        out.push(tableHtml(appealsRows(part.table), variant));
        break;
      case 'image':
        out.push(`<p style="text-align: center;"><img src="img/${page.seed.id}-${IMAGE_NAMES[part.table]}.svg" width="600" alt="" border="0"></p>`);
        break;
    }
    if (emptyPara && (part.kind === 'active' || part.kind === 'requests' || part.kind === 'appeals')) out.push(emptyPara);
  }
  return out.join('\n');
}

const PAGE_CSS = `body{margin:0;font:14px/1.6 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;color:#333;background:#f3f3f3}
.top{background:#b71c1c;color:#fff}.top .wrap{display:flex;align-items:center;gap:32px;height:72px}
.site-name{font-size:26px;font-weight:bold;letter-spacing:2px}.nav{display:flex;gap:20px;list-style:none;margin:0;padding:0}.nav a{color:#fff;text-decoration:none}
.wrap{width:1100px;margin:0 auto}.crumb{padding:12px 0;color:#666}.crumb a{color:#666;text-decoration:none}
.article{background:#fff;padding:30px 50px;margin-bottom:20px}.article h1{text-align:center;font-size:24px;color:#b71c1c;line-height:1.5}
.info{text-align:center;color:#999;border-bottom:1px dashed #ddd;padding-bottom:10px;margin-bottom:20px}
.article-content{font-size:16px;line-height:2}.article-content table{border-collapse:collapse;margin:10px auto}.article-content td{border:1px solid #000;padding:4px;text-align:center}
.page-tools{color:#999;text-align:right;padding:10px 0}.footer{background:#333;color:#ccc;text-align:center;padding:20px 0;font-size:13px}`;

function pageHtml(page: SeedPage, variant: Variant, comment?: string): string {
  const { setup } = page;
  const title = setup.titleLines.join('');
  const w = setup.words;
  const metas = [
    `<meta name="SiteName" content="${escapeHtml(setup.site)}">`,
    `<meta name="SiteDomain" content="${setup.domain}">`,
    `<meta name="ColumnName" content="${escapeHtml(w.column)}">`,
    `<meta name="ArticleTitle" content="${escapeHtml(title)}">`,
    setup.pubDate ? `<meta name="PubDate" content="${setup.pubDate}">` : '',
    `<meta name="Url" content="http://${setup.domain}${setup.urlPath}">`,
  ].filter(Boolean);
  // Word pages keep Word's own style block in the article; clean pages the CMS's.
  const wordHead = variant === 'word'
    ? `<style>\n<!--\n /* Style Definitions */\n p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm;text-align:justify;text-justify:inter-ideograph;font-size:10.5pt;font-family:"Calibri",sans-serif;}\n table.MsoNormalTable {font-size:10.0pt;font-family:"Times New Roman",serif;}\n-->\n</style>\n`
    : '';
  const chrome = page.chrome.length ? `<div class="page-tools">\n${page.chrome.map((l) => `<div>${escapeHtml(l)}</div>`).join('\n')}\n</div>\n` : '';
  const spam = page.spam ? `<div class="friend-links">${escapeHtml(page.spam)}</div>\n` : '';
  return `<!DOCTYPE html>
${comment ? `<!-- ${comment} -->\n` : ''}<html lang="zh-CN"${variant === 'word' ? ' xmlns:o="urn:schemas-microsoft-com:office:office"' : ''}>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
${metas.join('\n')}
<title>${escapeHtml(title)}_${escapeHtml(w.column)}_${escapeHtml(setup.site)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<div class="top"><div class="wrap"><span class="site-name">${escapeHtml(setup.site)}</span>
<ul class="nav">${w.nav.map((x) => `<li><a href="#">${escapeHtml(x)}</a></li>`).join('')}</ul></div></div>
<div class="wrap">
<div class="crumb"><a href="#">${escapeHtml(w.home)}</a> &gt; <a href="#">${escapeHtml(w.disclosure)}</a> &gt; <a href="#">${escapeHtml(w.column)}</a></div>
<div class="article">
<h1>${setup.titleLines.map(escapeHtml).join('<br>')}</h1>
${setup.info ? `<div class="info">${escapeHtml(setup.info)}</div>\n` : ''}<div class="article-content TRS_Editor">
${wordHead}${bodyHtml(page, variant)}
</div>
</div>
${chrome}</div>
<div class="footer">${escapeHtml(w.footer)}：${escapeHtml(setup.site)}　${escapeHtml(w.siteCode)}：0000000000</div>
${spam}</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// A synthetic next year, for the YOY rules (a saved 2024 snapshot against this 2025 page)

/**
 * Seed 000's page as 鹤岗市人民政府办公室 could publish its 2025 report. Only what is listed here
 * changes: 二、上年结转 reads 2 (自然人, 总计) where the 2024 report carried 0 forward (YOY-CARRY);
 * every other rule holds: one more carried forward keeps 一 + 二 = （七） + 四, and 110 documents in
 * force = 109 + 4 issued − 3 repealed (YOY-STOCK).
 */
const NEXT_YEAR = {
  seed: '000' as SeedId,
  name: '000-next-word.html',
  year: ['2024', '2025'],
  published: '2026-01-20 09:30',
  urlPath: '/hegang/c100744/202601/c11_201733.shtml',
  rows: {
    'active.normativeDocs': ['4', '3', '110'],
    'requests.carriedOver': ['2', '0', '0', '0', '0', '0', '2'],
    'requests.carriedForward': ['1', '0', '0', '0', '0', '0', '1'],
  } as Record<string, string[]>,
  comment: 'SYNTHETIC page for the year-over-year test, not a real report: seed 000 (鹤岗市人民政府办公室 2024) rendered as its 2025 report, 二、上年结转 = 2 (自然人, 总计) against 2024’s 结转下年度 0 (scripts/render-seeds.ts)',
};

function nextYear(page: SeedPage): SeedPage {
  const [was, now] = NEXT_YEAR.year;
  const year = (text: string) => text.replaceAll(was!, now!);
  const figures = <T extends { key: string; values: string[] }>(row: T): T => {
    const values = NEXT_YEAR.rows[row.key];
    if (values && values.length !== row.values.length) fail(page.seed, `next year: ${row.key} has ${row.values.length} figures`);
    return values ? { ...row, values } : row;
  };
  const body = page.body.map((part): BodyPart => {
    switch (part.kind) {
      case 'title':
      case 'heading':
      case 'para':
        return { ...part, text: year(part.text) };
      case 'active':
        return { ...part, blocks: part.blocks.map((b) => ({ ...b, rows: b.rows.map(figures) })) };
      case 'requests':
        return { ...part, parts: part.parts.map((p) => ({ ...p, rows: p.rows.map(figures) })) };
      default:
        return part;
    }
  });
  const { setup } = page;
  return {
    ...page,
    body,
    setup: { ...setup, titleLines: setup.titleLines.map(year), info: NEXT_YEAR.published, pubDate: NEXT_YEAR.published, urlPath: NEXT_YEAR.urlPath },
  };
}

/** A table published as a picture (seed 004): a grid with no text, so nothing can be read from it. */
function tableImage(rows: number, cols: number): string {
  const w = 600, h = rows * 24;
  const lines: string[] = [];
  for (let r = 0; r <= rows; r++) lines.push(`<line x1="0" y1="${r * 24}" x2="${w}" y2="${r * 24}"/>`);
  for (let c = 0; c <= cols; c++) lines.push(`<line x1="${(c * w) / cols}" y1="0" x2="${(c * w) / cols}" y2="${h}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="#fff"/><g stroke="#000" stroke-width="1">${lines.join('')}</g></svg>\n`;
}

function main() {
  fs.mkdirSync(path.join(OUT_DIR, 'img'), { recursive: true });
  for (const seed of SEEDS) {
    const page = readSeed(seed);
    for (const variant of ['word', 'clean', 'split'] as const) {
      fs.writeFileSync(path.join(OUT_DIR, `${seed.id}-${variant}.html`), pageHtml(page, variant));
    }
    if (seed.id === NEXT_YEAR.seed) fs.writeFileSync(path.join(OUT_DIR, NEXT_YEAR.name), pageHtml(nextYear(page), 'word', NEXT_YEAR.comment));
    for (const part of page.body) {
      if (part.kind !== 'image') continue;
      const [rows, cols] = part.table === 'active' ? [12, 4] : part.table === 'requests' ? [29, 10] : [4, 15];
      fs.writeFileSync(path.join(OUT_DIR, 'img', `${seed.id}-${IMAGE_NAMES[part.table]}.svg`), tableImage(rows, cols));
    }
  }
  console.log(`rendered ${SEEDS.length * 3 + 1} pages into ${path.relative(process.cwd(), OUT_DIR)}`);
}

main();
