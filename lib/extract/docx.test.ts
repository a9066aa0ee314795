// The DOCX front door: word/document.xml's tables and paragraphs → the Page the HTML path yields;
// the seeds' renderings saved as DOCX read exactly as the seeds; bad files get one clear message.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { strToU8, zipSync } from 'fflate';
import { readDocx, MAX_PART_BYTES } from './docx';
import { readFile, UnreadableFile } from './file';
import { analyzePage } from '../analyze';
import type { Analysis, Block, Grid } from '../types';
import { bodyFromHtml, paragraph, writeDocx } from '../../test/helpers/docx';
import { REPO_ROOT, SEEDS, seed, type SeedId } from '../../test/fixtures/seeds';

const env = { parseHtml: (html: string) => parseHTML(html).document };
const read = (bytes: Uint8Array, source = 'report.docx') => readFile({ bytes, source }, env);
const seedHtml = (id: SeedId, variant: string) => fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/html', `${id}-${variant}.html`), 'utf8');

async function analyseDocx(bytes: Uint8Array): Promise<Analysis> {
  return analyzePage(await read(bytes), { source: 'report.docx' });
}
const figuresOf = (a: Analysis) => Object.fromEntries([...a.figures].map(([k, f]) => [k, f.value]));
const significant = (a: Analysis) =>
  a.report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells[0]}`).sort();
const expectedFindings = (id: SeedId) => seed(id).findings.map((f) => `${f.rule} ${f.cell}`).sort();

const gridOf = (blocks: Block[], n = 0): Grid => blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')[n]!.grid;
const texts = (g: Grid) => g.rows.map((r) => r.map((c) => (c.origin ? c.text : c.text ? `(${c.text})` : '·')));

const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${text ? paragraph(text) : '<w:p/>'}</w:tc>`;

describe('word/document.xml → blocks', () => {
  it('expands w:gridSpan and w:vMerge into every slot, copies marked origin:false', () => {
    const body = `<w:tbl><w:tblGrid/>
      <w:tr>${tc('信息内容', '<w:vMerge w:val="restart"/>')}${tc('本年新制发件数', '<w:gridSpan w:val="2"/>')}${tc('现行有效件数')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('a')}${tc('b')}${tc('c')}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('1')}${tc('2')}</w:tr>
    </w:tbl>`;
    const page = readDocx(writeDocx({ body }), 'x.docx');
    expect(page.form).toBe('docx');
    expect(texts(gridOf(page.blocks))).toEqual([
      ['信息内容', '本年新制发件数', '(本年新制发件数)', '现行有效件数'],
      ['(信息内容)', 'a', 'b', 'c'],
      ['·', '1', '2', '·'],
    ]);
    expect(gridOf(page.blocks).rows[1]![0]!.norm).toBe('信息内容');
  });

  it('keeps a cell\'s paragraphs and breaks on lines of their own: "3" over "5" is two numbers, never 35', () => {
    const body = `<w:tbl><w:tr><w:tc>${paragraph('3')}${paragraph('5')}</w:tc><w:tc>${paragraph('行政', '许可')}</w:tc></w:tr></w:tbl>`;
    const cells = gridOf(readDocx(writeDocx({ body }), 'x.docx').blocks).rows[0]!;
    expect(cells.map((c) => c.text)).toEqual(['3\n5', '行政\n许可']);
    expect(cells[1]!.norm).toBe('行政许可');
  });

  it('reads runs, tabs and breaks; text boxes, content controls and insertions; not deleted text or field codes', () => {
    const body = [
      '<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">总体</w:t></w:r><w:ins><w:r><w:t>情况</w:t></w:r></w:ins><w:del><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>',
      '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙 &amp; &#x4E01;</w:t></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>',
      '<w:sdt><w:sdtContent><w:p><w:r><w:t>控件内</w:t></w:r></w:p></w:sdtContent></w:sdt>',
      '<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    ].join('');
    const page = readDocx(writeDocx({ body }), 'x.docx');
    expect(page.blocks.map((b) => (b.kind === 'text' ? b.cell.text : 'table'))).toEqual(['一、总体情况', '甲 乙', '丙 & 丁', '控件内', '文本框']);
  });

  it('reads a table holding tables as a layout: its text flows, the inner table is a grid', () => {
    const inner = `<w:tbl><w:tr>${tc('行政许可')}${tc('5')}</w:tr></w:tbl>`;
    const body = `<w:tbl><w:tr><w:tc>${paragraph('二、主动公开政府信息情况')}${inner}<w:p/></w:tc></w:tr></w:tbl>`;
    const page = readDocx(writeDocx({ body }), 'x.docx');
    expect(page.blocks.map((b) => b.kind)).toEqual(['text', 'table']);
    expect(texts(gridOf(page.blocks))).toEqual([['行政许可', '5']]);
  });

  it('reads a table over the size cap up to its last whole row that fits, and says so', () => {
    const row = `<w:tr>${tc('0').repeat(10)}</w:tr>`;
    const page = readDocx(writeDocx({ body: `<w:tbl>${row.repeat(2100)}</w:tbl>` }), 'x.docx');
    expect(gridOf(page.blocks).rows).toHaveLength(2000);
    expect(page.unreadable).toEqual([{ table: null, reason: '表格过大（超过 20000 个单元格），只读取了前 20000 个', reasonEn: 'a table too large (over 20000 cells): only its first 20000 were read' }]);
  });

  it('takes the title from the first title-like paragraph, else from docProps/core.xml', () => {
    const withHeading = writeDocx({ body: paragraph('淮安市人民政府') + paragraph('2024年政府信息公开工作年度报告'), title: 'WPS 文档' });
    expect(readDocx(withHeading, 'x.docx').meta.title).toBe('2024年政府信息公开工作年度报告');
    const without = writeDocx({ body: paragraph('一、总体情况'), title: '某县2023年政府信息公开工作年度报告' });
    expect(readDocx(without, 'x.docx').meta.title).toBe('某县2023年政府信息公开工作年度报告');
    expect(readDocx(writeDocx({ body: paragraph('一、总体情况') }), 'x.docx').meta.title).toBeNull();
  });

  it('normalises traditional text as the page script says', () => {
    const page = readDocx(writeDocx({ body: paragraph('二、主動公開政府信息情況') + paragraph('規章制發件數') }), 'x.docx');
    expect(page.script).toBe('traditional');
    expect(page.blocks.map((b) => (b.kind === 'text' ? b.cell.norm : ''))).toEqual(['二、主动公开政府信息情况', '规章制发件数']);
  });
});

// Each seed's Word-pasted, clean and split HTML rendering saved as DOCX (w:gridSpan, w:vMerge).
describe.each(SEEDS.flatMap((s) => (['word', 'clean', 'split'] as const).map((v) => ({ s, v }))))('seed $s.id $v as DOCX', ({ s, v }) => {
  it('reads every figure, the agency and year, and exactly the seed\'s errors and warnings', async () => {
    const a = await analyseDocx(writeDocx({ body: bodyFromHtml(seedHtml(s.id, v)) }));
    expect(a.report.form).toBe('docx');
    expect({ agency: a.report.agency, year: a.report.year, template: a.report.template }).toEqual({ agency: s.agency, year: s.year, template: s.template });
    expect(figuresOf(a)).toEqual(s.figures ?? {});
    expect(significant(a)).toEqual(expectedFindings(s.id));
  });
});

// Word's automatic numbering (w:numPr) prints "一、", "（三）", "1." that are not in w:t: the text
// holds "总体情况", "不予公开", "属于国家秘密". Headings and rows still read by their words.
describe.each(['000', '001', '002', '003'] as SeedId[])('seed %s as DOCX with Word numbering its headings and rows', (id) => {
  it('reads every figure and exactly the seed\'s errors and warnings', async () => {
    const numbered = /(<w:t xml:space="preserve">)(?:[（(][一二三四五六七八九十]+[)）]\s*|[一二三四五六七八九十]+、|\d+[.、．](?!\d))/g;
    const body = bodyFromHtml(seedHtml(id, 'clean'));
    expect(body.match(numbered)!.length).toBeGreaterThan(30);
    const a = await analyseDocx(writeDocx({ body: body.replace(numbered, '$1') }));
    expect(figuresOf(a)).toEqual(seed(id).figures);
    expect(significant(a)).toEqual(expectedFindings(id));
  });
});

describe('an error injected into a DOCX table is found', () => {
  it('seed 002 with 表四 行政复议 总计 5 → 6: T4-SUM on it, nothing else', async () => {
    // 002's 表四 review row reads 1,4,0,0,5; its total cell is the first "5" of that row.
    const html = seedHtml('002', 'clean');
    const review = /(<td[^>]*>\s*1\s*<\/td>\s*<td[^>]*>\s*4\s*<\/td>\s*<td[^>]*>\s*0\s*<\/td>\s*<td[^>]*>\s*0\s*<\/td>\s*<td[^>]*>\s*)5(\s*<\/td>)/;
    expect(review.test(html)).toBe(true);
    const a = await analyseDocx(writeDocx({ body: bodyFromHtml(html.replace(review, '$16$2')) }));
    expect(a.figures.get('appeals.review.total')?.value).toBe(6);
    expect(significant(a)).toEqual(['T4-SUM appeals.review.total']);
  });
});

describe('bad DOCX files get one clear message', () => {
  const message = async (bytes: Uint8Array, source = 'bad.docx') => {
    const error = await read(bytes, source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFile);
    return [(error as UnreadableFile).zh, (error as UnreadableFile).en];
  };

  it('a zip bomb: document.xml inflating past the cap is refused before it is inflated', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(MAX_PART_BYTES + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await message(bomb)).toEqual(['DOCX 解压后过大（可能是压缩炸弹），未读取', 'DOCX too large once decompressed (possibly a zip bomb); not read']);
  });

  it('a truncated file', async () => {
    const whole = writeDocx({ body: bodyFromHtml(seedHtml('000', 'clean')) });
    expect(await message(whole.subarray(0, Math.floor(whole.length / 2)))).toEqual(['DOCX 文件不完整或已损坏（压缩包无法打开）', 'DOCX file truncated or damaged (the zip cannot be opened)']);
  });

  it('an old binary .doc / .wps (OLE compound file)', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const expected = ['旧版 Word/WPS 文件（.doc/.wps），请另存为 .docx 或 PDF 后再检查', 'old binary Word/WPS file (.doc/.wps): save it as .docx or PDF and check again'];
    expect(await message(ole, 'report.doc')).toEqual(expected);
    expect(await message(ole, 'report.wps')).toEqual(expected);
  });

  it('a zip without word/document.xml (an XLSX, a zip of files)', async () => {
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(await message(zip)).toEqual(['压缩包中没有 Word 正文（word/document.xml），不是 DOCX 文件', 'zip without word/document.xml: not a DOCX file']);
  });

  it('a DOCX with no text', async () => {
    expect(await message(writeDocx({ body: '<w:p/>' }))).toEqual(['DOCX 中没有文字', 'DOCX holds no text']);
  });

  it('zero bytes', async () => {
    expect(await message(new Uint8Array(0))).toEqual(['文件为空', 'empty file']);
  });
});
