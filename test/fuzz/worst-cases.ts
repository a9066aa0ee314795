// Generated worst cases for the engine: pages of about 1 MB built to hit each place where work
// could grow faster than the page (span expansion, deep nesting, long one-line paragraphs fed to
// the narrative and recognition regexes, huge tables, huge numbers). Shared by the fuzz suite
// (smaller sizes) and `npm run bench` (full size).

export interface WorstCase {
  name: string;
  html: string;
}

const REPORT_HEAD =
  '<html><head><title>某某县人民政府2024年政府信息公开工作年度报告</title></head><body>' +
  '<p>某某县人民政府2024年政府信息公开工作年度报告</p><p>一、总体情况</p>';
const page = (body: string) => `${REPORT_HEAD}${body}</body></html>`;
// A title that names neither agency nor year: recognition reads both from the body's text.
const bareTitled = (body: string) =>
  `<html><head><title>政府信息公开工作年度报告</title></head><body><p>政府信息公开工作年度报告</p><p>一、总体情况</p>${body}<p>二、主动公开政府信息情况</p></body></html>`;

/** Levels of nesting a page of `bytes` holds at `perLevel` bytes a level. */
const depth = (bytes: number, perLevel: number) => Math.floor(bytes / perLevel);
/** Repeats `unit` until the text is about `bytes` long (UTF-16 units, ~ bytes for ASCII markup). */
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

/** 表三's header and one row, for pages whose tables must be read as the report's. */
const T3_HEAD = '<p>三、收到和处理政府信息公开申请情况</p>';

export function worstCases(bytes = 1_000_000): WorstCase[] {
  const rows = Math.floor(bytes / 8);
  return [
    // Every cell spans as far as HTML allows: ~18 KB took 4 s and 1 GB before the caps.
    { name: 'huge spans', html: page(`<table>${fill('<tr><td rowspan="65534" colspan="1000">1</td><td colspan="1000">2</td></tr>', Math.min(bytes, 20_000))}</table>`) },
    { name: 'huge spans, 1 MB', html: page(`<table>${fill('<tr><td rowspan="65534" colspan="1000">1</td></tr>', bytes)}</table>`) },
    // 125k one-cell rows: Math.max(...rows) overflowed the stack.
    { name: 'table of 125k rows', html: page(`${T3_HEAD}<table>${'<tr><td>'.repeat(rows)}</table>`) },
    // 200,000 levels in 1 MB: Chromium's parser and the CLI's tree stop nesting at 512 (linkedom, the
    // CLI's parser before, took minutes; htmlparser2's own parser is quadratic in the depth).
    { name: 'deep nesting (div)', html: page(`${'<div>'.repeat(depth(bytes, 5))}收到申请1件`) },
    { name: 'deep nesting (tables)', html: page('<table><tr><td>'.repeat(depth(bytes, 15)) + '1') },
    { name: 'deep nesting (span in a cell)', html: page(`<table><tr><td>${'<span>'.repeat(depth(bytes, 6))}1</td></tr></table>`) },
    // One-line paragraphs for the narrative and recognition regexes.
    { name: 'one line: digits', html: bareTitled(`<p>收到申请${'1'.repeat(bytes / 3)}</p>`) },
    { name: 'one line: 收到申请1件 repeated', html: bareTitled(`<p>${fill('共收到申请1件', bytes / 3)}</p>`) },
    { name: 'one line: 行政复议 + digits', html: bareTitled(`<p>${fill('行政复议123456789', bytes / 3)}</p>`) },
    { name: 'one line: open 《 without close', html: bareTitled(`<p>${fill('《某某县人民政府', bytes / 3)}</p>`) },
    // Every character a place ending: the issuer regex tries thousands of splits per 、.
    { name: 'one line: places before 人民政府', html: bareTitled(`<p>${fill(`、${'区'.repeat(44)}人民政府`, bytes / 3)}</p>`) },
    { name: 'one line: 1,000 separators', html: bareTitled(`<p>收到申请${fill('1,000', bytes / 3)}件</p>`) },
    { name: 'one line: romanisation', html: bareTitled(`<p>${fill('公開(kāi)', bytes / 3)}</p>`) },
    // A traditional page: the whole text goes through opencc.
    { name: 'one line: traditional text', html: bareTitled(`<p>${fill('本機關收到政府信息公開申請數量為', bytes / 3)}</p>`) },
    // A figure cell of 300k digits: Infinity in the report lost it whole.
    { name: 'huge number in a cell', html: page(`${T3_HEAD}<table><tr><td>本年新收政府信息公开申请数量</td><td>${'9'.repeat(bytes / 3)}</td></tr></table>`) },
    { name: 'many small tables', html: page(fill('<table><tr><td>1</td><td>2</td></tr></table>', bytes)) },
  ];
}
