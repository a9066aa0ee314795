// Markdown: headings, paragraphs and pipe tables → rows of cells; tables are read by their row
// labels whatever header a converter made up. The seeds converted to markdown read exactly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { isMarkdown, markdownRows } from './text-markdown';
import { textForm } from './text';
import { readFile } from './file';
import { analyzeText } from '../analyze';
import type { Analysis } from '../types';
import { REPO_ROOT, SEEDS, seed, type SeedId } from '../../test/fixtures/seeds';

const FORMS = path.join(REPO_ROOT, 'test/fixtures/forms');
const markdown = (id: SeedId) => fs.readFileSync(path.join(FORMS, `${id}-clean.md`), 'utf8');
const rows = (text: string) => markdownRows(text.split('\n'), 0).map((r) => r.cells);
const figuresOf = (a: Analysis) => Object.fromEntries([...a.figures].map(([k, f]) => [k, f.value]));
const significant = (a: Analysis) => a.report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells[0]}`).sort();
const expectedFindings = (id: SeedId) => seed(id).findings.map((f) => `${f.rule} ${f.cell}`).sort();

/** Every pipe table's header line (the one over "|---|") replaced by `header(width)`. */
const withHeaders = (text: string, header: (width: number) => string) =>
  text.replace(/^(\|.*\|)\n(\|(?: --- \|)+)$/gm, (_, _head: string, rule: string) => `${header(rule.split('---').length - 1)}\n${rule}`);

describe('markdownRows', () => {
  it('reads headings and paragraphs as one cell, table rows as their cells; no header, no separator', () => {
    const text = ['# 某县2023年政府信息公开工作年度报告', '', '## 二、**主动公开**政府信息情况', '', '| 列1 | 列2 | 列3 |', '|:---|---:|---|', '| 规章 | 0 | \\| |', '| [行政许可](http://x) | 5<br>件 |  |', '> 注：本表 `数据`'].join('\n');
    expect(rows(text)).toEqual([
      ['某县2023年政府信息公开工作年度报告'],
      ['二、主动公开政府信息情况'],
      ['规章', '0', '|'],
      ['行政许可', '5\n件', ''],
      ['注：本表 数据'],
    ]);
  });

  it('keeps a header row that holds figures (a table whose first row is data)', () => {
    expect(rows('| 规章 | 0 | 0 | 0 |\n| --- | --- | --- | --- |\n| 行政规范性文件 | 1 | 0 | 5 |')).toEqual([
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '1', '0', '5'],
    ]);
  });

  it('tells markdown from the other layouts', () => {
    expect(isMarkdown(['| a | b |', '|---|---|'])).toBe(true);
    expect(isMarkdown(['## 一、总体情况', '## 二、主动公开政府信息情况'])).toBe(true);
    // The scrapers' pipe layout has no separator row.
    expect(isMarkdown(['规章 |', '0 |', '|||'])).toBe(false);
    for (const s of SEEDS) expect(textForm(fs.readFileSync(s.file, 'utf8'))).toBe('text');
    expect(textForm(markdown('000'))).toBe('markdown');
  });
});

// Made by scripts/forms-fixtures.ts the way markdownify converts HTML: colspans as their text and
// empty cells, rowspans dropped, each table's first row as the header.
describe.each(['000', '001', '002', '003'] as SeedId[])('seed %s as markdown', (id) => {
  const s = seed(id);
  const check = (text: string) => {
    const a = analyzeText(text, { source: `${id}.md` });
    expect({ form: a.report.form, agency: a.report.agency, year: a.report.year, template: a.report.template }).toEqual({
      form: 'markdown', agency: s.agency, year: s.year, template: s.template,
    });
    expect(figuresOf(a)).toEqual(s.figures);
    expect(significant(a)).toEqual(expectedFindings(id));
  };

  it('reads every figure and exactly the seed\'s errors and warnings', () => check(markdown(id)));

  it('reads the same under made-up headers (empty, "列1 | 列2", one copied from another table)', () => {
    check(withHeaders(markdown(id), (w) => `|${' |'.repeat(w)}`));
    check(withHeaders(markdown(id), (w) => `| ${Array.from({ length: w }, (_, i) => `列${i + 1}`).join(' | ')} |`));
    check(withHeaders(markdown(id), (w) => `| 信息内容 | 本年处理决定数量 |${' |'.repeat(Math.max(0, w - 2))}`));
  });
});

describe('an error injected into a markdown table is found', () => {
  it('seed 000 with 表三 一、本年新收 自然人 10 → 12: T3-ROW on the row, T3-BAL on the column', () => {
    const row = /^(\| 一、本年新收政府信息公开申请数量 (?:\|\s*)*\| )10 \|/m;
    expect(row.test(markdown('000'))).toBe(true);
    const a = analyzeText(markdown('000').replace(row, '$112 |'), { source: '000.md' });
    expect(a.figures.get('requests.newReceived.natural')?.value).toBe(12);
    expect(significant(a)).toEqual(['T3-BAL requests.totalProcessed.natural', 'T3-ROW requests.newReceived.total']);
  });
});

describe('a row whose blank cells cannot be told from a merged cell\'s padding', () => {
  it('is not read: TBL-UNREADABLE for its table, no TBL-MISSING, no figure of that row', () => {
    const text = [
      '# 某县人民政府2023年政府信息公开工作年度报告',
      '## 一、总体情况', '本年收到申请1件。',
      '## 三、收到和处理政府信息公开申请情况',
      '| 列1 | 列2 | 列3 | 列4 | 列5 | 列6 | 列7 | 列8 | 列9 |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 一、本年新收政府信息公开申请数量 |  | 1 | 0 | 0 | 0 | 0 | 1 |  |',
      '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ].join('\n');
    const a = analyzeText(text, { source: 'x.md' });
    expect(a.figures.has('requests.newReceived.natural')).toBe(false);
    expect(a.figures.get('requests.carriedOver.total')?.value).toBe(0);
    const unreadable = a.report.findings.filter((f) => f.rule === 'TBL-UNREADABLE' || f.rule === 'TBL-MISSING');
    expect(unreadable.map((f) => f.rule)).toEqual(['TBL-UNREADABLE']);
    expect(unreadable[0]!.message).toContain('空白格与合并格无法区分');
  });
});

describe('a .md file', () => {
  it('reads as markdown through readFile', async () => {
    const page = await readFile({ bytes: new TextEncoder().encode(markdown('002')), source: '002.md' }, { parseHtml: (h) => parseHTML(h).document });
    expect(page.form).toBe('markdown');
  });
});
