// Hostile pages end to end: a real report with numbers no reader can trust, and the generated
// worst cases (test/fuzz/worst-cases.ts, here at 30 KB; `npm run bench` times them at 1 MB).
// One bad figure never loses the report; a table over the caps says so.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analyzeDocument } from '../../lib/analyze';
import { REPO_ROOT } from '../fixtures/seeds';
import { assertValidReport } from './properties';
import { worstCases } from './worst-cases';

const seed000 = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/html/000-clean.html'), 'utf8');

describe('a real report with hostile figures', () => {
  const { document } = parseHTML(seed000);
  const before = analyzeDocument(document, { source: '000-clean.html' });
  const cellOf = (key: string) => before.figures.get(key)!.cell.element!;
  cellOf('requests.newReceived.natural').innerHTML = '3<br>5';
  cellOf('requests.granted.natural').innerHTML = '<p>1</p><p>2</p>';
  cellOf('requests.carriedOver.natural').textContent = '9'.repeat(400);
  cellOf('requests.totalProcessed.natural').textContent = '9007199254740993';
  const after = analyzeDocument(document, { source: '000-clean.html' });

  it('keeps each unreadable figure as read, null, never as another number', () => {
    const read = (key: string) => {
      const f = after.figures.get(key)!;
      return { value: f.value, bad: f.bad, raw: f.raw.length > 40 ? `${f.raw.length} chars` : f.raw };
    };
    expect(read('requests.newReceived.natural')).toEqual({ value: null, bad: true, raw: '3\n5' });
    expect(read('requests.granted.natural')).toEqual({ value: null, bad: true, raw: '1\n2' });
    expect(read('requests.carriedOver.natural')).toEqual({ value: null, bad: true, raw: '400 chars' });
    expect(read('requests.totalProcessed.natural')).toEqual({ value: null, bad: true, raw: '9007199254740993' });
    expect(after.report.requests!.newReceived!.natural).toBeNull();
  });

  it('says why in VAL-BAD, and the report validates', () => {
    const valBad = after.report.findings.filter((f) => f.rule === 'VAL-BAD').map((f) => f.message);
    expect(valBad).toEqual([
      '表三 一、本年新收政府信息公开申请数量 · 自然人：“3 / 5”是一个单元格中的两个数字，无法读作一个数。',
      `表三 二、上年结转政府信息公开申请数量 · 自然人：“${'9'.repeat(20)}…”（共 400 个字符）位数过多，无法精确读取。`,
      '表三 （一）予以公开 · 自然人：“1 / 2”是一个单元格中的两个数字，无法读作一个数。',
      '表三 （七）总计 · 自然人：“9007199254740993”位数过多，无法精确读取。',
    ]);
    assertValidReport(after);
  });

  it('checks no sum that has an unreadable term (the natural-person column and the rows of those cells)', () => {
    const checked = after.report.findings.filter((f) => ['T3-ROW', 'T3-SUM', 'T3-BAL'].includes(f.rule)).flatMap((f) => f.cells);
    for (const key of ['requests.newReceived.natural', 'requests.granted.natural', 'requests.carriedOver.natural', 'requests.totalProcessed.natural']) {
      expect(checked).not.toContain(key);
    }
  });
});

describe('generated worst cases (30 KB each)', () => {
  const cases = worstCases(30_000);
  it.each(cases.map((c) => [c.name, c] as const))('%s: analysed, the report validates', (_name, c) => {
    const analysis = analyzeDocument(parseHTML(c.html).document, { source: 'https://www.example.gov.cn/worst.html' });
    assertValidReport(analysis);
  }, 60_000);

  it('says a table over the caps was read in part (TBL-UNREADABLE)', () => {
    const spans = cases.find((c) => c.name === 'huge spans')!;
    const findings = analyzeDocument(parseHTML(spans.html).document, { source: 'x' }).report.findings.filter((f) => f.rule === 'TBL-UNREADABLE');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('表格过大（超过 20000 个单元格），只读取了前 0 个')]);
  });

  it('keeps a figure of 10,000 digits unread (VAL-BAD), not Infinity', () => {
    const huge = cases.find((c) => c.name === 'huge number in a cell')!;
    const analysis = analyzeDocument(parseHTML(huge.html).document, { source: 'x' });
    // Read without a header: the first figure after the row label is the natural-person column.
    expect(analysis.figures.get('requests.newReceived.natural')).toMatchObject({ value: null, bad: true });
    expect(analysis.report.findings.find((f) => f.rule === 'VAL-BAD')!.message).toContain('位数过多，无法精确读取');
  });
});
