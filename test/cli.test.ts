// The CLI as users run it (a child process): on the seed folder, --json, --tsv, unreadable inputs,
// and a GBK-encoded page. test/fixtures/gbk/ was made from the UTF-8 fixtures with Debian's iconv:
//   sed 's|<meta charset="utf-8">|<meta http-equiv="Content-Type" content="text/html; charset=gb2312">|;
//        s|\xe2\x80\x82|\&ensp;|g' test/fixtures/html/000-word.html | iconv -f utf-8 -t gbk > test/fixtures/gbk/000-word-gbk.html
//   sed 's|\xe2\x80\x82| |g; s|\xc2\xa0| |g' ../shared/seeds/000_….txt | iconv -f utf-8 -t gbk > test/fixtures/gbk/000-gbk.txt
// (GBK has no en space or no-break space: the page would carry &ensp; and plain spaces.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { Report } from '../lib/report/schema';
import { SCHEMA_FILE } from '../scripts/gen-schema';
import { REPO_ROOT, SEEDS, seed } from './fixtures/seeds';
import { runCli } from './fixtures/cli';
import { createNormalizer } from '../lib/normalize';

const simplified = createNormalizer('traditional');

// Each call starts a process that compiles the sources with tsx: seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const Ajv2020 = ((Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));

// Paths as a user in the repository would type them.
const SEEDS_DIR = '../shared/seeds';
const rel = (file: string) => path.relative(REPO_ROOT, file);
const html = (name: string) => `test/fixtures/html/${name}`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true }));

describe("npm run check -- '../shared/seeds/*.txt'", () => {
  // A glob (quoted: the CLI expands it) picks the five pages; the folder itself also holds EXPECTED.md.
  const run = runCli([`${SEEDS_DIR}/*.txt`]);
  // One block per report, separated by a blank line, the summary last.
  const blocks = run.stdout.trimEnd().split('\n\n');
  const blockOf = (id: string) => {
    const b = blocks.find((x) => x.startsWith(path.join(SEEDS_DIR, path.basename(seed(id as '000').file))));
    expect(b, `report block of seed ${id}`).toBeDefined();
    return b!;
  };
  const findingLines = (block: string) => block.split('\n').filter((l) => /^ {2}(错误|警告) /.test(l)).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '));

  it('exits 1: two reports have errors', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('reads the five seeds in name order, skipping EXPECTED.md', () => {
    expect(blocks).toHaveLength(6);
    expect(blocks.slice(0, 5).map((b) => b.split('\n')[0])).toEqual(SEEDS.map((s) => path.join(SEEDS_DIR, path.basename(s.file))));
    expect(run.stdout).not.toContain('EXPECTED.md');
  });

  it('prints agency, year, format and dates, and the key totals of the three tables', () => {
    const b = blockOf('000');
    expect(b).toContain('鹤岗市人民政府办公室 · 2024年 · 2021版 · 发布于 2025-01-24（期限 2025-01-31，按期）');
    expect(b).toContain('表二  行政规范性文件：本年制发件数 4 · 本年废止件数 3 · 现行有效件数 109');
    expect(b).toContain('表三  一、本年新收政府信息公开申请数量 38 · 二、上年结转政府信息公开申请数量 1 · （七）总计 39 · 四、结转下年度继续办理 0');
    expect(b).toContain('表四  行政复议 1 · 行政诉讼 未经复议直接起诉 0 · 行政诉讼 复议后起诉 0');
    expect(blockOf('004')).toContain('表三  未找到');
  });

  it("reports 001's and 003's errors, none for 000 and 002, TBL-MISSING for 004", () => {
    expect(findingLines(blockOf('000'))).toEqual([]);
    expect(findingLines(blockOf('002'))).toEqual([]);
    expect(findingLines(blockOf('001')).sort()).toEqual(
      ['警告 T2-STOCK', '错误 T3-ROW', '错误 T3-SUM', '错误 T3-SUM', '错误 T3-SUM', '错误 T3-BAL', '错误 T3-BAL', '错误 T3-BAL'].sort(),
    );
    expect(findingLines(blockOf('003')).sort()).toEqual([...Array(3).fill('错误 T3-ROW'), ...Array(4).fill('错误 T3-SUM'), ...Array(5).fill('错误 T3-BAL')].sort());
    expect(findingLines(blockOf('004'))).toEqual(['警告 TBL-MISSING', '警告 TBL-MISSING', '警告 TBL-MISSING']);
  });

  it("shows 003's own note with its 表三 findings", () => {
    // The note is shown as the page prints it (traditional here): compare it simplified.
    const noteLines = blockOf('003').split('\n').filter((l) => /^ {4}注/.test(l)).map((l) => simplified.plain(l));
    expect(noteLines.length).toBeGreaterThan(0);
    for (const l of noteLines) expect(l).toMatch(/^注:因多数依申请公开件并非[“"]一事一申请[”"]/);
  });

  it('ends with the summary, and uses no colour when not on a terminal', () => {
    expect(blocks.at(-1)).toBe('共 5 份报告：19 个错误，4 个警告');
    expect(run.stdout).not.toContain('\x1b[');
  });
});

describe('--json', () => {
  const inputs = [rel(seed('003').file), html('002-split.html'), rel(seed('000').file)];
  const run = runCli(['--json', ...inputs]);

  it('prints one array, one report per input in input order, valid against schema/report.schema.json', () => {
    expect(run.code).toBe(1);
    const reports = JSON.parse(run.stdout) as Report[];
    expect(reports.map((r) => r.source)).toEqual(inputs);
    for (const r of reports) expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
    expect(reports.map((r) => r.noErrors)).toEqual([false, true, true]);
    expect(reports[1]!.requests!.newReceived).toEqual({ natural: 45, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 45 });
  });
});

describe('--tsv', () => {
  it("prints seed 002's tables row by row, as toTsv lays them out", () => {
    const run = runCli(['--tsv', rel(seed('002').file)]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`# ${rel(seed('002').file)}`);
    const zeros = '\t0\t0\t0\t0\t0\t0\t0';
    const expectRun = (from: string, rows: string[]) => {
      const at = lines.indexOf(from);
      expect(at, from).toBeGreaterThan(0);
      expect(lines.slice(at, at + rows.length)).toEqual(rows);
    };
    expectRun('表二 主动公开政府信息情况', [
      '表二 主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t0\t0\t0',
      '行政规范性文件\t0\t0\t5',
      '第二十条第（五）项',
      '信息内容\t处理决定数量',
      '行政许可\t26493',
      '第二十条第（六）项',
      '信息内容\t处理决定数量',
      '行政处罚\t1502',
      '行政强制\t1766',
      '第二十条第（八）项',
      '信息内容\t本年收费金额（万元）',
      '行政事业性收费\t1184.92',
      '',
    ]);
    expectRun('一、本年新收政府信息公开申请数量\t45\t0\t0\t0\t0\t0\t45', [
      '一、本年新收政府信息公开申请数量\t45\t0\t0\t0\t0\t0\t45',
      `二、上年结转政府信息公开申请数量${zeros}`,
      '（一）予以公开\t43\t0\t0\t0\t0\t0\t43',
      `（二）部分公开${zeros}`,
    ]);
    expect(lines).toContain('（三）不予公开 4.保护第三方合法权益\t1\t0\t0\t0\t0\t0\t1');
    expect(lines).toContain('（七）总计\t45\t0\t0\t0\t0\t0\t45');
    expectRun('表四 行政复议、行政诉讼情况', [
      '表四 行政复议、行政诉讼情况',
      '\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
      '行政复议\t1\t4\t0\t0\t5',
      '行政诉讼 未经复议直接起诉\t0\t0\t0\t0\t0',
      '行政诉讼 复议后起诉\t0\t0\t0\t0\t0',
      '',
    ]);
  });
});

describe('inputs that give no report', () => {
  it('a folder is read whole: its EXPECTED.md is not a report (one line, exit 2), the five seeds are checked', () => {
    const run = runCli([SEEDS_DIR]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${SEEDS_DIR}/EXPECTED.md: 不是政府信息公开工作年度报告 (not an annual report)\n`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('共 5 份报告：19 个错误，4 个警告；1 个输入无法读取或不是年报');
  });


  it('exit 2 for a missing file, with its path and reason, and the other reports still printed', () => {
    const run = runCli([rel(seed('001').file), 'no/such/page.html']);
    expect(run.code).toBe(2); // 2 wins over 001's errors
    expect(run.stderr).toBe('no/such/page.html: 文件不存在 (no such file or folder)\n');
    expect(run.stdout.startsWith(`${rel(seed('001').file)}\n`)).toBe(true);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('共 1 份报告：7 个错误，1 个警告；1 个输入无法读取或不是年报');
  });

  it('exit 2 for pages that are not annual reports', () => {
    const run = runCli(['--json', html('nonreport-gov.html'), html('nonreport-other.html'), html('000-clean.html')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${html('nonreport-gov.html')}: 不是政府信息公开工作年度报告 (not an annual report)\n` +
        `${html('nonreport-other.html')}: 不是政府信息公开工作年度报告 (not an annual report)\n`,
    );
    expect((JSON.parse(run.stdout) as Report[]).map((r) => r.source)).toEqual([html('000-clean.html')]);
  });

  it('exit 2 for an empty file and for bytes in no known encoding', () => {
    const empty = path.join(tmp, 'empty.html');
    const garbage = path.join(tmp, 'garbage.txt');
    fs.writeFileSync(empty, '');
    fs.writeFileSync(garbage, Buffer.from([0x41, 0xff, 0xff]));
    const run = runCli([empty, garbage]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${empty}: 文件为空 (empty file)\n${garbage}: 无法识别编码 (unreadable encoding: neither UTF-8 nor GB18030)\n`);
    expect(run.stdout).toBe('共 0 份报告：0 个错误，0 个警告；2 个输入无法读取或不是年报\n');
  });

  it('exit 2 and the usage for no input or an unknown option; --help exits 0', () => {
    expect(runCli([]).code).toBe(2);
    const bad = runCli(['--frobnicate', SEEDS_DIR]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知选项 --frobnicate (unknown option)');
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法 Usage:  npm run check -- [选项 options] <文件或文件夹 files or folders>');
  });
});

describe('a GBK-encoded page', () => {
  it('reads like its UTF-8 original, declared (gb2312 meta) or not (saved text)', () => {
    const gbkHtml = 'test/fixtures/gbk/000-word-gbk.html';
    const gbkText = 'test/fixtures/gbk/000-gbk.txt';
    const run = runCli(['--json', gbkHtml, html('000-word.html'), gbkText, rel(seed('000').file)]);
    expect(run.stderr).toBe('');
    const [fromGbk, fromUtf8, textGbk, textUtf8] = JSON.parse(run.stdout) as Report[];
    expect(fromGbk!.agency).toBe('鹤岗市人民政府办公室');
    expect(fromGbk!.active!.normativeDocs).toEqual({ issued: 4, repealed: 3, inForce: 109 });
    expect({ ...fromGbk, source: '' }).toEqual({ ...fromUtf8, source: '' });
    expect(textGbk!.requests!.totalProcessed!.total).toBe(39);
    expect({ ...textGbk, source: '' }).toEqual({ ...textUtf8, source: '' });
  });
});
