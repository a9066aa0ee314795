// The bulk CLI as users run it (the bundled program in a child process): every kind of input (JSON
// Lines on stdin, --urls against a local HTTP server, a WARC made here), every output (--jsonl,
// --csv, --xlsx read back cell by cell), exit codes, input order with several workers, --agency,
// and the per-input limits (a file that runs out of memory or time in its worker; the rest reported).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Report } from '../lib/report/schema';
import { REPO_ROOT, SHARED, seed } from './fixtures/seeds';
import { bodyFromHtml, writeDocx } from './helpers/docx';
import { runCli, type CliRun } from './fixtures/cli';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-bulk-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const rel = (file: string) => path.relative(REPO_ROOT, file);
const html = (name: string) => `test/fixtures/html/${name}`;
const S000 = rel(seed('000').file);
const S001 = rel(seed('001').file);
const S003 = rel(seed('003').file);
const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
const lines = (s: string) => s.split('\n').filter(Boolean);
const jsonl = (s: string) => lines(s).map((l) => JSON.parse(l) as Report);

/** The CLI with stdin, without blocking this process (the HTTP server below must keep answering). */
function runAsync(args: string[], input = ''): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['cli/gongkai-lens.mjs', ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('JSON Lines on stdin (-)', () => {
  it('reads html, text and base64 records in order; a bad line is one problem', async () => {
    const input = [
      JSON.stringify({ source: 'https://www.hegang.gov.cn/a.html', html: read(html('000-word.html')) }),
      'not json',
      JSON.stringify({ source: 'seed-001', text: read(S001) }),
      '',
      JSON.stringify({ source: 'seed-003.txt', base64: Buffer.from(read(S003)).toString('base64') }),
      JSON.stringify({ source: 'nothing' }),
    ].join('\n');
    const run = await runAsync(['--jsonl', '-'], input);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('stdin:2: 输入行不是 JSON (line is not JSON: Unexpected token \'o\', "not json" is not valid JSON)\nnothing: 输入行缺少 html、text 或 base64 (line has no html, text or base64)\n');
    const reports = jsonl(run.stdout);
    expect(reports.map((r) => [r.source, r.form, r.agency, r.year, r.requests?.totalProcessed?.total])).toEqual([
      ['https://www.hegang.gov.cn/a.html', 'html', '鹤岗市人民政府办公室', 2024, 39],
      ['seed-001', 'text', '盘锦市双台子区人民政府办公室', 2023, 0],
      ['seed-003.txt', 'text', '衡阳市人民政府办公室', 2019, 49],
    ]);
  });
});

describe('--urls', () => {
  let server: http.Server;
  let base = '';
  const hits = new Map<string, number>();
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const n = (hits.get(req.url!) ?? 0) + 1;
      hits.set(req.url!, n);
      if (req.url === '/flaky.html' && n === 1) {
        res.writeHead(503, { 'retry-after': '0' }).end('busy');
      } else if (req.url === '/report.html' || req.url === '/flaky.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(read(req.url === '/report.html' ? html('000-clean.html') : html('002-split.html')));
      } else if (req.url === '/slow.html') {
        // Never answers: the request's time limit ends it.
      } else res.writeHead(404).end('no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fetches each URL once, retries a 503, names every failure on one line, and caches what it fetched', async () => {
    const list = path.join(tmp, 'urls.txt');
    const cache = path.join(tmp, 'cache');
    // A port nothing listens on: a server opened and closed.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/refused.html`;
    await new Promise((resolve) => closed.close(resolve));
    fs.writeFileSync(list, ['# reports of 2024', `${base}/report.html`, `${base}/flaky.html`, `${base}/missing.html`, '', `${base}/slow.html`, refused, 'ftp://example.org/x'].join('\n'));
    const args = ['--jsonl', '--urls', list, '--cache', cache, '--retries', '2', '--retry-delay', '0.05', '--fetch-timeout', '1'];
    const run = await runAsync(args);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `${base}/missing.html: 服务器返回 HTTP 404 (HTTP 404 Not Found)`,
      `${base}/slow.html: 请求超时（1 秒） (request timed out (1 s))`,
      `${refused}: 无法连接 (cannot connect: ECONNREFUSED)`,
      'ftp://example.org/x: 不是 http(s) 网址 (not an http(s) URL)',
    ]);
    expect(jsonl(run.stdout).map((r) => [r.source, r.agency, r.requests?.newReceived?.total])).toEqual([
      [`${base}/report.html`, '鹤岗市人民政府办公室', 38],
      [`${base}/flaky.html`, '精河县', 45],
    ]);
    // 503 then 200; a 404 is not retried; the silent server was tried three times.
    expect([hits.get('/report.html'), hits.get('/flaky.html'), hits.get('/missing.html'), hits.get('/slow.html')]).toEqual([1, 2, 1, 3]);

    // Again: both pages come from the cache, the failures are asked again.
    const again = await runAsync(args);
    expect(jsonl(again.stdout).map((r) => r.source)).toEqual([`${base}/report.html`, `${base}/flaky.html`]);
    expect([hits.get('/report.html'), hits.get('/flaky.html'), hits.get('/missing.html')]).toEqual([1, 2, 2]);
  });
});

describe('a WARC web archive', () => {
  async function record(url: string, status: string, type: string, body: string): Promise<Uint8Array> {
    const rec = WARCRecord.create(
      { url, type: 'response', warcVersion: 'WARC/1.1', statusline: `HTTP/1.1 ${status}`, httpHeaders: { 'Content-Type': type } },
      (async function* () {
        yield new TextEncoder().encode(body);
      })(),
    );
    return WARCSerializer.serialize(rec, { gzip: true });
  }

  it('checks each archived page (by its URL), passes over images, errors and redirects, in archive order', async () => {
    const parts = [
      await record('http://www.jinghe.gov.cn/zwgk/2024.html', '200 OK', 'text/html; charset=utf-8', read(html('002-word.html'))),
      await record('http://www.jinghe.gov.cn/logo.png', '200 OK', 'image/png', 'PNG'),
      await record('http://www.jinghe.gov.cn/gone.html', '404 Not Found', 'text/html', 'gone'),
      await record('http://www.hengyang.gov.cn/nb/2019.txt', '200 OK', 'text/plain; charset=utf-8', read(S003)),
    ];
    const warc = path.join(tmp, 'crawl.warc.gz');
    fs.writeFileSync(warc, Buffer.concat(parts));
    const broken = path.join(tmp, 'broken.warc.gz');
    fs.writeFileSync(broken, Buffer.concat(parts).subarray(0, 200));
    // The same WARC inside a WACZ (Webrecorder's zip: archive/*.warc.gz beside datapackage.json).
    const wacz = path.join(tmp, 'crawl.wacz');
    fs.writeFileSync(wacz, zipSync({ 'datapackage.json': strToU8('{}'), 'archive/data.warc.gz': [new Uint8Array(fs.readFileSync(warc)), { level: 0 }] }));
    const run = runCli(['--jsonl', warc, broken, wacz]);
    expect(run.stderr).toBe(`${broken}: WARC 存档中没有网页（可能已损坏或被截断） (no pages in the WARC archive (it may be broken or truncated))\n`);
    expect(run.code).toBe(2);
    const pages = [
      ['http://www.jinghe.gov.cn/zwgk/2024.html', 'html', '精河县', 2024],
      ['http://www.hengyang.gov.cn/nb/2019.txt', 'text', '衡阳市人民政府办公室', 2019],
    ];
    expect(jsonl(run.stdout).map((r) => [r.source, r.form, r.agency, r.year])).toEqual([...pages, ...pages]);
  });
});

// The cells of a sheet of an XLSX (write-excel-file writes shared strings and numbers), by row.
function readSheets(file: string): Record<string, (string | number | null)[][]> {
  const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const strings = [...strFromU8(zip['xl/sharedStrings.xml']!).matchAll(/<si>(.*?)<\/si>/gs)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')));
  const names = [...strFromU8(zip['xl/workbook.xml']!).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
  const col = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const sheets: Record<string, (string | number | null)[][]> = {};
  names.forEach((name, i) => {
    const xml = strFromU8(zip[`xl/worksheets/sheet${i + 1}.xml`]!);
    sheets[name] = [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/gs)].map((row) => {
      const cells: (string | number | null)[] = [];
      for (const c of row[1]!.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(?:<v>(.*?)<\/v>)?<\/c>)/g)) {
        const v = c[3];
        cells[col(c[1]!)] = v === undefined ? null : /t="s"/.test(c[2]!) ? strings[Number(v)]! : Number(v);
      }
      return cells;
    });
    // Trailing blank cells are not written: pad every row to the header's width.
    const width = Math.max(...sheets[name]!.map((r) => r.length));
    sheets[name] = sheets[name]!.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? null));
  });
  return sheets;
}

describe('--xlsx and --csv', () => {
  const book = path.join(tmp, 'province.xlsx');
  const inputs = [S000, S001, S003, 'no/such/report.html'];
  let run: CliRun;
  beforeAll(() => {
    run = runCli(['--xlsx', book, ...inputs]);
  });

  it('writes the workbook and keeps only the closing lines on stdout (exit 2: one input is missing)', () => {
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(`共 3 份报告：19 个错误，1 个警告；1 个输入无法读取或不是年报\n已写入 ${book}\n`);
    expect(Object.keys(readSheets(book))).toEqual(['汇总', '问题', '覆盖']);
  });

  it('汇总: one row per input, with agency, dates, figures read, counts, findings in words and source', () => {
    const rows = readSheets(book)['汇总']!;
    expect(rows[0]).toEqual(['发布机关', '年度', '格式', '发布日期', '期限', '按期发布', '读到的数字', '错误', '警告', '发现的问题', '来源', '文件形式', '无法检查的原因']);
    expect(rows).toHaveLength(5);
    const [r000, r001, r003, missing] = rows.slice(1);
    expect(r000!.slice(0, 9)).toEqual(['鹤岗市人民政府办公室', 2024, '2021版', '2025-01-24', '2025-01-31', '是', r000![6], 0, 0]);
    expect(r000![6]).toBeGreaterThan(100);
    expect(r000!.slice(9)).toEqual([null, S000, 'text', null]);
    expect(r001!.slice(0, 9)).toEqual(['盘锦市双台子区人民政府办公室', 2023, '2021版', null, '2024-01-31', null, r001![6], 7, 1]);
    expect((r001![9] as string).split('\n')[0]).toBe('错误 T3-ROW 表三 （七）总计 · 总计：六类申请人（自然人至其他）之和为 6，表中填报 0。');
    expect((r001![9] as string).split('\n')).toHaveLength(8);
    expect(r003!.slice(0, 9)).toEqual(['衡阳市人民政府办公室', 2019, '2019版（试行）', '2020-03-25', '2020-01-31', '否', r003![6], 12, 0]);
    expect(missing).toEqual([null, null, null, null, null, null, null, null, null, null, 'no/such/report.html', null, '文件不存在']);
  });

  it('问题: one row per finding, its table, row and column in words, the expected and printed figures', () => {
    const rows = readSheets(book)['问题']!;
    expect(rows[0]).toEqual(['来源', '发布机关', '年度', '级别', '规则', '表', '行', '列', '应为', '表中填报', '说明', '报告的注']);
    expect(rows).toHaveLength(1 + 8 + 13);
    expect(rows[1]).toEqual([S001, '盘锦市双台子区人民政府办公室', 2023, '错误', 'T3-ROW', '表三', '（七）总计', '总计', 6, 0, '表三 （七）总计 · 总计：六类申请人（自然人至其他）之和为 6，表中填报 0。', null]);
    const late = rows.find((r) => r[4] === 'DATE-LATE')!;
    expect(late.slice(0, 10)).toEqual([S003, '衡阳市人民政府办公室', 2019, '提示', 'DATE-LATE', null, null, null, null, null]);
    const sum = rows.find((r) => r[0] === S003 && r[4] === 'T3-SUM')!;
    expect(sum.slice(5, 10)).toEqual(['表三', '（七）总计', '自然人', 48, 46]);
    expect(sum[11]).toMatch(/^注/);
  });

  it('覆盖: agency × year, 缺 where a year has no report, 逾期 and the error count where they apply', () => {
    expect(readSheets(book)['覆盖']).toEqual([
      ['发布机关', '2019', '2020', '2021', '2022', '2023', '2024'],
      // In pinyin order: hè, héng, pán.
      ['鹤岗市人民政府办公室', '缺', '缺', '缺', '缺', '缺', '✓'],
      ['衡阳市人民政府办公室', '逾期；错误 12', '缺', '缺', '缺', '缺', '缺'],
      ['盘锦市双台子区人民政府办公室', '缺', '缺', '缺', '缺', '错误 7', '缺'],
    ]);
  });

  it('--csv: the same summary rows, UTF-8 with a BOM, CRLF, quoted where needed', () => {
    const csv = runCli(['--csv', S000, S001, 'no/such/report.html']);
    expect(csv.code).toBe(2);
    expect(csv.stdout.startsWith('\ufeff发布机关,年度,格式,发布日期,期限,按期发布,读到的数字,错误,警告,发现的问题,来源,文件形式,无法检查的原因\r\n')).toBe(true);
    const rows = csv.stdout.slice(1).split('\r\n');
    expect(rows[1]).toMatch(new RegExp(`^鹤岗市人民政府办公室,2024,2021版,2025-01-24,2025-01-31,是,\\d+,0,0,,${S000},text,$`));
    expect(rows[2]!.startsWith('盘锦市双台子区人民政府办公室,2023,2021版,,2024-01-31,,')).toBe(true);
    expect(rows[2]).toContain(',7,1,"错误 T3-ROW 表三 （七）总计 · 总计：六类申请人（自然人至其他）之和为 6，表中填报 0。\n错误 T3-SUM');
    expect(rows[3]).toBe(',,,,,,,,,,no/such/report.html,,文件不存在');
    expect(rows[4]).toBe('');
  });

  it('exit 3 when the workbook cannot be written (the reports are still checked)', () => {
    const bad = runCli(['--xlsx', path.join(tmp, 'no-such-folder', 'x.xlsx'), S000]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toBe(`${path.join(tmp, 'no-such-folder', 'x.xlsx')}: 无法写入工作簿 (cannot write the workbook: ENOENT)\n`);
    expect(bad.stdout).toBe('共 1 份报告：0 个错误，0 个警告\n');
  });
});

describe('exit codes, order and --agency', () => {
  it('0 when no report has an error, 1 when one has, 2 when an input gives no report', () => {
    expect(runCli([S000]).code).toBe(0);
    expect(runCli([S000, S001]).code).toBe(1);
    expect(runCli([S000, html('nonreport-gov.html')]).code).toBe(2);
  });

  it('keeps input order with several workers: the same output as one worker', () => {
    const files = [S003, html('001-split.html'), S000, html('002-word.html'), html('004-clean.html'), S001, html('000-word.html'), html('003-clean.html')];
    const many = [...files, ...files.slice().reverse(), ...files];
    const two = runCli(['--jobs', '2', '--jsonl', ...many]);
    const one = runCli(['--jobs', '1', '--jsonl', ...many]);
    expect(jsonl(two.stdout).map((r) => r.source)).toEqual(many);
    expect(two.stdout).toBe(one.stdout);
    // --json streams one array in the same order.
    expect((JSON.parse(runCli(['--jobs', '2', '--json', ...many]).stdout) as Report[]).map((r) => r.source)).toEqual(many);
  });

  it('--agency keeps the reports of one agency: by part of its name, its abbreviation, or in traditional script', () => {
    const inputs = [S000, S001, S003, html('003-word.html')];
    for (const query of ['衡阳', '衡阳市政府办', '衡陽市人民政府辦公室']) {
      const run = runCli(['--jsonl', '--agency', query, ...inputs]);
      expect(jsonl(run.stdout).map((r) => r.source), query).toEqual([S003, html('003-word.html')]);
    }
    expect(runCli(['--agency', '衡阳', ...inputs]).stdout.trimEnd().split('\n').at(-1)).toBe('共 2 份报告：24 个错误，0 个警告；2 份报告不属于所选机关');
  });
});

describe('per-input limits', () => {
  let huge = '';
  let endless = '';
  beforeAll(() => {
    // 30 MB of table rows: parsing it takes far more than 64 MB of heap.
    const row = '<tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>2</td></tr>';
    huge = path.join(tmp, 'huge.html');
    fs.writeFileSync(huge, `<title>某县2024年政府信息公开工作年度报告</title><table>${row.repeat(Math.ceil(30e6 / row.length))}</table>`);
    // 40 MB of saved text: many seconds of work in a small heap.
    const line = '某县人民政府2024年政府信息公开工作年度报告 本年新收政府信息公开申请数量 12 件 |\n';
    endless = path.join(tmp, 'endless.txt');
    fs.writeFileSync(endless, line.repeat(Math.ceil(40e6 / Buffer.byteLength(line))));
  });

  it('a file that runs out of memory in its worker is one line; the worker is replaced and the others are reported', () => {
    const run = runCli(['--jobs', '1', '--max-memory', '64', '--jsonl', S000, huge, S001]);
    expect(run.stderr).toBe(`${huge}: 超出内存上限（64 MB），已中止 (over the memory limit (64 MB), stopped)\n`);
    expect(run.code).toBe(2);
    expect(jsonl(run.stdout).map((r) => r.source)).toEqual([S000, S001]);
  });

  it('a file that runs out of time is one line; the others are reported', () => {
    const run = runCli(['--jobs', '2', '--timeout', '1', '--max-memory', '4096', '--jsonl', S000, endless, S001, S003]);
    expect(run.stderr).toBe(`${endless}: 超过时间上限（1 秒），已中止 (over the time limit (1 s), stopped)\n`);
    expect(run.code).toBe(2);
    expect(jsonl(run.stdout).map((r) => r.source)).toEqual([S000, S001, S003]);
  });

  it('binary garbage, an empty file and a file over --max-size: one line each, counted by kind', () => {
    const garbage = path.join(tmp, 'garbage.bin');
    fs.writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const empty = path.join(tmp, 'empty.txt');
    fs.writeFileSync(empty, '');
    const run = runCli(['--max-size', '1', garbage, empty, huge, S000]);
    const size = (fs.statSync(huge).size / 1048576).toFixed(0);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `${garbage}: 无法识别编码 (unreadable encoding: neither UTF-8 nor GB18030)`,
      `${empty}: 文件为空 (empty file)`,
      `${huge}: 文件过大（${size} MB，上限 1 MB） (file too large (${size} MB, limit 1 MB))`,
    ]);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('共 1 份报告：0 个错误，0 个警告；3 个输入无法读取或不是年报（无法读取 2，超出上限 1）');
  });
});

describe('PDF and DOCX', () => {
  it('go through the same path, the form told by content, not by name; a zip bomb is one line', () => {
    // Named wrongly on purpose: the content decides.
    const docx = path.join(tmp, 'jinghe-2024.html');
    fs.writeFileSync(docx, writeDocx({ body: bodyFromHtml(read(html('002-word.html'))) }));
    const pdf = path.join(tmp, 'huaian-2024.txt');
    fs.copyFileSync(path.join(SHARED, 'corpus/huaian-2024.pdf'), pdf);
    const bomb = path.join(tmp, 'bomb.docx');
    fs.writeFileSync(bomb, zipSync({ 'word/document.xml': [new Uint8Array(300 * 1048576).fill(0x20), { level: 9 }] }));
    const run = runCli(['--jsonl', docx, bomb, pdf]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr.startsWith(`${bomb}: `)).toBe(true);
    expect(jsonl(run.stdout).map((r) => [r.source, r.form, r.agency, r.year])).toEqual([
      [docx, 'docx', '精河县', 2024],
      [pdf, 'pdf', '淮安市人民政府', 2024],
    ]);
  });

  it('old binary .doc/.wps files in a folder are each one line saying to save them as .docx or PDF, not skipped', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'old-word-'));
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    fs.writeFileSync(path.join(dir, 'a.doc'), ole);
    fs.writeFileSync(path.join(dir, 'b.wps'), ole);
    fs.copyFileSync(path.join(SHARED, 'seeds/002_1991ca55819bf86e.txt'), path.join(dir, 'c.txt'));
    const run = runCli([dir]);
    expect(run.code).toBe(2);
    const reason = '旧版 Word/WPS 文件（.doc/.wps），请另存为 .docx 或 PDF 后再检查 (old binary Word/WPS file (.doc/.wps): save it as .docx or PDF and check again)';
    expect(lines(run.stderr)).toEqual([`${path.join(dir, 'a.doc')}: ${reason}`, `${path.join(dir, 'b.wps')}: ${reason}`]);
    expect(run.stdout).toContain('精河县 · 2024年');
  });
});

describe('the progress bar', () => {
  it('is drawn on stderr with --progress (files done, pages/s, errors so far), and leaves stdout as it was', () => {
    const files = [S000, S001, S003, html('002-word.html'), html('004-clean.html')];
    const plain = runCli(files);
    const run = runCli(['--progress', ...files]);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toMatch(/\r\x1b\[2K(\[[#.]{20}\] )?\d+(\/5)? 个文件 · \d+ 页\/秒( · 剩余约 \d+s)? · 错误 \d+ · 无法检查 0/);
    // Cleared at the end: nothing of it is left on the last line.
    expect(run.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(plain.stderr).toBe('');
  });
});

describe('the bin', () => {
  it('gongkai-lens check … runs the same program; --help lists every option and the exit codes', () => {
    const r = spawnSync(process.execPath, ['cli/gongkai-lens.mjs', 'check', '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const option of ['--json', '--jsonl', '--csv', '--tsv', '--xlsx', '--lang', '--urls', '--agency', '--jobs', '--timeout', '--max-memory', '--max-size', '--progress', '--timings', '--cache', '--concurrency', '--retries', '--retry-delay', '--fetch-timeout']) {
      expect(r.stdout).toContain(`  ${option}`);
    }
    expect(r.stdout).toContain('  3  无法写入输出');
  });
});
