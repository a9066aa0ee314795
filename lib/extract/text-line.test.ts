// A whole report on one line: headings and cells parted by spaces read exactly; figures glued
// together are read only where one parting exists, else the table is TBL-UNREADABLE (no guess).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOneLine, oneLineRows } from './text-line';
import { textLayout } from './text';
import { uniqueParting } from '../match/text';
import { analyzeText } from '../analyze';
import { createNormalizer } from '../normalize';
import type { Analysis } from '../types';
import { REPO_ROOT, SHARED, seed, type SeedId } from '../../test/fixtures/seeds';

const FORMS = path.join(REPO_ROOT, 'test/fixtures/forms');
const fixture = (name: string) => fs.readFileSync(path.join(FORMS, name), 'utf8');
const figuresOf = (a: Analysis) => Object.fromEntries([...a.figures].map(([k, f]) => [k, f.value]));
const significant = (a: Analysis) => a.report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells[0]}`).sort();
const { label } = createNormalizer('simplified');

const HEAD = '某县人民政府2023年政府信息公开工作年度报告 一、总体情况 2023年，本县共收到政府信息公开申请 3 件。';
const pad = (line: string) => line + ' 五、存在的主要问题及改进情况 ' + '加强培训。'.repeat(200);

describe('oneLineRows', () => {
  it('cuts the line into headings, labels, their figures, and the words between as one cell', () => {
    const line = `${HEAD} 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 5 2 30 三、收到和处理政府信息公开申请情况 社会公 益组织 1.申请人无正当理由逾期 不补正、行政机关不再处理其政府信息公开申请 0 0`;
    expect(oneLineRows([line], 0, label)[0]!.cells).toEqual([
      '某县人民政府2023年政府信息公开工作年度报告', '一、总体情况', '2023年，本县共收到政府信息公开申请 3 件。',
      '二、主动公开政府信息情况', '第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数',
      '规章', '0', '0', '0', '行政规范性文件', '5', '2', '30',
      '三、收到和处理政府信息公开申请情况', '社会公 益组织', '1.申请人无正当理由逾期 不补正、行政机关不再处理其政府信息公开申请', '0', '0',
    ]);
  });

  it('keeps glued table text and notes as cells of their own', () => {
    expect(oneLineRows([`${HEAD} 规章000行政规范性文件8855698 注：本表单位为件。 下一步`], 0, label)[0]!.cells.slice(3)).toEqual([
      '规章000行政规范性文件8855698', '注：本表单位为件。', '下一步',
    ]);
  });

  it('is a flattened page only with its headings standing apart; a legacy page with headings run in stays one cell', () => {
    expect(isOneLine([pad(`${HEAD} 二、主动公开政府信息情况`)])).toBe(true);
    expect(isOneLine([pad(HEAD).replace(/ /g, '')])).toBe(false);
    expect(textLayout(fs.readFileSync(path.join(SHARED, 'corpus/pingtan-2018-legacy.txt'), 'utf8'))).toBe('cells');
  });
});

describe('uniqueParting', () => {
  it('parts digits only where one way exists (no leading zeros; a blank cell leaves no trace)', () => {
    expect(uniqueParting('000', 3)).toEqual(['0', '0', '0']);
    expect(uniqueParting('0000000', 7)).toEqual(Array(7).fill('0'));
    expect(uniqueParting('447228', 1)).toEqual(['447228']);
    expect(uniqueParting('1184.92', 1)).toEqual(['1184.92']);
    expect(uniqueParting('8855698', 3)).toBeNull();
    expect(uniqueParting('100', 2)).toBeNull(); // 10|0, or 100 and a blank
    expect(uniqueParting('00', 3)).toBeNull(); // a blank somewhere
    expect(uniqueParting('0000', 3)).toBeNull(); // "00" is no number
    // Longer than seven figures can be: refused at once (hostile input), not searched.
    expect(uniqueParting('0'.repeat(100_000), 7)).toBeNull();
  });
});

describe('the brief case: "规章000行政规范性文件8855698"', () => {
  it('reads 规章 0/0/0, not 行政规范性文件: TBL-UNREADABLE for 表二, no TBL-MISSING', () => {
    const a = analyzeText(pad(`${HEAD} 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件8855698`), { source: 'x.txt' });
    expect(figuresOf(a)).toEqual({ 'active.rules.issued': 0, 'active.rules.repealed': 0, 'active.rules.inForce': 0 });
    const tables = a.report.findings.filter((f) => f.rule.startsWith('TBL-') && f.cells[0] === 'active');
    expect(tables.map((f) => [f.rule, f.message])).toEqual([['TBL-UNREADABLE', '表二无法读取：数字粘连在一起，无法确定各栏数字。其数字无法核对。']]);
    expect(tables[0]!.messageEn).toBe('Table 2 cannot be read: figures run together; their columns cannot be told. Its figures cannot be checked.');
  });
});

// Made by scripts/forms-fixtures.ts: each seed's article under an archive header, on one line.
describe.each(['000', '001', '002', '003'] as SeedId[])('seed %s on one line', (id) => {
  const s = seed(id);

  it('cells parted by spaces: every figure and exactly the seed\'s errors and warnings', () => {
    const a = analyzeText(fixture(`${id}-clean.line.txt`), { source: `${id}.txt` });
    expect({ form: a.report.form, agency: a.report.agency, year: a.report.year, template: a.report.template }).toEqual({ form: 'text', agency: s.agency, year: s.year, template: s.template });
    expect(figuresOf(a)).toEqual(s.figures);
    expect(significant(a)).toEqual(s.findings.map((f) => `${f.rule} ${f.cell}`).sort());
  });

  it('cells glued together: no figure guessed, every table with figures run together TBL-UNREADABLE, none TBL-MISSING', () => {
    const a = analyzeText(fixture(`${id}-clean.glued.txt`), { source: `${id}.txt` });
    for (const [key, f] of a.figures) expect([key, f.value]).toEqual([key, s.figures![key]]);
    const unreadable: Record<string, string[]> = { '000': ['active', 'requests', 'appeals'], '001': ['active', 'requests'], '002': ['requests', 'appeals'], '003': ['active', 'requests', 'appeals'] };
    const read: Record<string, number> = { '000': 42, '001': 64, '002': 59, '003': 38 };
    expect(a.figures.size).toBe(read[id]);
    expect(significant(a)).toEqual(unreadable[id]!.map((t) => `TBL-UNREADABLE ${t}`).sort());
  });
});

describe('an error injected into a one-line report is found', () => {
  it('seed 002 with 表四 行政复议 总计 5 → 6: T4-SUM, nothing else', () => {
    const text = fixture('002-clean.line.txt');
    const appeals = / 1 4 0 0 5 ((?:0 ){9}0) /;
    expect(appeals.test(text)).toBe(true);
    const a = analyzeText(text.replace(appeals, ' 1 4 0 0 6 $1 '), { source: '002.txt' });
    expect(significant(a)).toEqual(['T4-SUM appeals.review.total']);
  });
});

describe('pingtan-2018-legacy.txt (a real archive page, flattened, legacy)', () => {
  it('still reads as its expected.json says: legacy, no figures, no findings', () => {
    const expected = JSON.parse(fs.readFileSync(path.join(SHARED, 'corpus/pingtan-2018-legacy.expected.json'), 'utf8'));
    const a = analyzeText(fs.readFileSync(path.join(SHARED, 'corpus/pingtan-2018-legacy.txt'), 'utf8'), { source: 'pingtan-2018-legacy.txt' });
    expect({ agency: a.report.agency, year: a.report.year, template: a.report.template }).toEqual({ agency: expected.agency, year: expected.year, template: expected.template });
    expect(a.figures.size).toBe(0);
    expect(a.report.findings.map((f) => f.rule)).toEqual(expected.findings.map((f: { rule: string }) => f.rule));
  });
});
