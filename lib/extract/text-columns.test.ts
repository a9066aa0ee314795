// `pdftotext -layout` text: space-aligned columns → rows of cells; the real tool's output of the
// huaian PDF and of the seeds printed by Chromium reads exactly as their expectations say.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnRows, isColumnLayout } from './text-columns';
import { textLayout } from './text';
import { analyzeText } from '../analyze';
import type { Analysis } from '../types';
import { figureKeys } from '../report/keys';
import { REPO_ROOT, SEEDS, SHARED, seed, type SeedId } from '../../test/fixtures/seeds';

const FORMS = path.join(REPO_ROOT, 'test/fixtures/forms');
const fixture = (name: string) => fs.readFileSync(path.join(FORMS, name), 'utf8');
const cellsOf = (text: string) => columnRows(text).map((r) => r.cells);
const figuresOf = (a: Analysis) => Object.fromEntries([...a.figures].map(([k, f]) => [k, f.value]));
const significant = (a: Analysis) => a.report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells[0]}`).sort();

describe('columnRows', () => {
  it('parts cells at runs of spaces; one space stays inside a cell, except between figures', () => {
    expect(cellsOf('规章            1          0        11\n第二十条 第（一）项\n一、本年新收政府信息公开申请数量    3 3   0 0')).toEqual([
      ['规章', '1', '0', '11'],
      ['第二十条 第（一）项'],
      ['一、本年新收政府信息公开申请数量', '3', '3', '0', '0'],
    ]);
  });

  it('drops page numbers and the lines printed at the top of every page; form feeds part pages', () => {
    const page = (n: number, body: string) => `某县人民政府办公室   第${n}页\n${body}\n\n                -${n}-\n`;
    expect(cellsOf([page(1, '一、总体情况'), page(2, '二、主动公开政府信息情况'), page(3, '规章   0   0   0')].join('\f'))).toEqual([
      ['一、总体情况'],
      ['二、主动公开政府信息情况'],
      ['规章', '0', '0', '0'],
    ]);
  });

  it('keeps table rows that stand first on two pages (no running header)', () => {
    // Both pages start with three figures (the same line once digits are masked, as headers are).
    expect(cellsOf('10   0   1\n行政许可   5\f20   0   2\n行政处罚   7')).toEqual([
      ['10', '0', '1'], ['行政许可', '5'], ['20', '0', '2'], ['行政处罚', '7'],
    ]);
  });

  it('drops a vertical row header, one character per line, beside the rows', () => {
    const text = ['三、', '', '本            2.其他法律行政法规禁止公开     30   1', '', '年', '度      3.危及“三安全一稳定”        5    0'].join('\n');
    expect(cellsOf(text)).toEqual([
      ['2.其他法律行政法规禁止公开', '30', '1'],
      ['3.危及“三安全一稳定”', '5', '0'],
    ]);
  });

  it('joins a label wrapped round its figures; a group label wrapping beside it stays apart', () => {
    const text = [
      '      （二）部分公开（区分处理的，只计这一情',
      '                                447         7',
      '      形，不计其他情形）',
      '',
      '     （六）其',
      '               2、申请人逾期未按收费通知要',
      '     他处理',
      '               求缴纳费用、行政机关不再处理           6         0',
      '               其政府信息公开申请',
    ].join('\n');
    expect(cellsOf(text)).toEqual([
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '447', '7'],
      ['（六）其'],
      ['他处理'],
      ['2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '6', '0'],
    ]);
  });

  it('takes no header row, no short whole label\'s next line and no unnumbered text above as a label part', () => {
    const text = ['信息内容          本年处理决定数量', '行政强制          88283', '第二十条 第（八）项', '本年共办理', '                  3'].join('\n');
    expect(cellsOf(text)).toEqual([['信息内容', '本年处理决定数量'], ['行政强制', '88283'], ['第二十条 第（八）项'], ['本年共办理'], ['3']]);
  });

  it('is told from the scrapers\' layouts: the seeds are cells per line, pdftotext output is columns', () => {
    for (const s of SEEDS) expect(textLayout(fs.readFileSync(s.file, 'utf8'))).toBe('cells');
    expect(textLayout(fs.readFileSync(path.join(SHARED, 'corpus/pingtan-2018-legacy.txt'), 'utf8'))).toBe('cells');
    expect(textLayout(fixture('huaian-2024.layout.txt'))).toBe('columns');
    expect(isColumnLayout(['一、总体情况', '\f二、主动公开政府信息情况'])).toBe(true);
    const aligned = Array.from({ length: 8 }, (_, i) => `第${i}段  正文  内容`);
    expect(isColumnLayout(aligned)).toBe(true);
    expect(isColumnLayout([...aligned, ...Array.from({ length: 9 }, () => '0 |')])).toBe(false);
  });
});

describe('huaian-2024.pdf as pdftotext -layout prints it', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(SHARED, 'corpus/huaian-2024.expected.json'), 'utf8'));
  const flat: Record<string, number | null> = {};
  const flatten = (node: unknown, prefix: string) => {
    if (node === null || typeof node !== 'object') flat[prefix] = node as number | null;
    else for (const [k, v] of Object.entries(node)) flatten(v, `${prefix}.${k}`);
  };
  for (const t of ['active', 'requests', 'appeals']) flatten(expected[t], t);
  const a = analyzeText(fixture('huaian-2024.layout.txt'), { source: 'huaian-2024.layout.txt' });

  it('reads the title block\'s agency, the year and the template', () => {
    expect({ agency: a.report.agency, year: a.report.year, template: a.report.template, form: a.report.form }).toEqual({
      agency: '淮安市人民政府', year: 2024, template: '2021', form: 'text',
    });
  });

  it('reads every figure exactly, and finds nothing (the text agrees with the tables)', () => {
    expect(Object.keys(flat).sort()).toEqual(figureKeys('2021').sort());
    expect(figuresOf(a)).toEqual(flat);
    expect(a.report.findings).toEqual([]);
  });

  it('finds an error injected into （七）总计', () => {
    const text = fixture('huaian-2024.layout.txt').replace(/(（七）总计\s+2932\s+53\s+0\s+0\s+61\s+4\s+)3050/, '$13051');
    const b = analyzeText(text, { source: 'x.txt' });
    expect(b.figures.get('requests.totalProcessed.total')?.value).toBe(3051);
    expect(significant(b)).toEqual(['T3-BAL requests.totalProcessed.total', 'T3-ROW requests.totalProcessed.total', 'T3-SUM requests.totalProcessed.total']);
  });
});

// Made by scripts/forms-fixtures.ts: the seeds' clean renderings printed by Chromium, then pdftotext -layout.
describe.each(['000', '001', '002', '003'] as SeedId[])('seed %s printed by Chromium, as pdftotext -layout prints it', (id) => {
  it('reads every figure and exactly the seed\'s errors and warnings', () => {
    const s = seed(id);
    const a = analyzeText(fixture(`${id}-clean.chromium.layout.txt`), { source: `${id}.txt` });
    expect({ agency: a.report.agency, year: a.report.year, template: a.report.template }).toEqual({ agency: s.agency, year: s.year, template: s.template });
    expect(figuresOf(a)).toEqual(s.figures);
    expect(significant(a)).toEqual(s.findings.map((f) => `${f.rule} ${f.cell}`).sort());
  });
});
