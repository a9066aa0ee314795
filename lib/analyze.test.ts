import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEPS, analyzeDocument, analyzeText, withPrevious, type Step } from './analyze';
import { seed } from '../test/fixtures/seeds';

describe('withPrevious', () => {
  const text = readFileSync(seed('000').file, 'utf8');
  const first = analyzeText(text, { source: '000.txt' });
  // Seed 000 stands in for last year's report of the same agency: its 结转下年度 is 0 in every
  // column, while this year's 上年结转 reads 1 for 自然人 and 总计.
  const previous = { report: first.report, label: '鹤岗市人民政府办公室 2023 年报' };

  it('adds the year-over-year findings without re-reading the page', () => {
    const again = withPrevious(first, previous);
    const yoy = again.report.findings.filter((f) => f.rule.startsWith('YOY-'));
    expect(yoy.map((f) => [f.rule, f.cells[0], f.expected, f.actual, f.against])).toEqual([
      ['YOY-CARRY', 'requests.carriedOver.natural', 0, 1, previous.label],
      ['YOY-CARRY', 'requests.carriedOver.total', 0, 1, previous.label],
      ['YOY-STOCK', 'active.normativeDocs.inForce', 110, 109, previous.label],
    ]);
    expect(again.figures).toBe(first.figures);
    expect(first.report.findings.some((f) => f.rule.startsWith('YOY-'))).toBe(false);
  });

  it('gives the same report as analysing with `previous` from the start', () => {
    expect(withPrevious(first, previous).report).toEqual(analyzeText(text, { source: '000.txt', previous }).report);
  });
});

describe('pages with nothing to read', () => {
  it('an empty document and a bare fragment are not reports, and do not throw', async () => {
    const { parseHTML } = await import('linkedom');
    for (const html of ['', '<p>年度报告</p>']) {
      const a = analyzeDocument(parseHTML(html).document, { source: 'empty.html' });
      expect([a.recognition.isReport, a.report.findings, a.figures.size]).toEqual([false, [], 0]);
    }
  });

  it('a traditional fragment without <body> is still read as traditional', async () => {
    const { parseHTML } = await import('linkedom');
    const text = readFileSync(seed('001').file, 'utf8');
    const fragment = parseHTML(text.split('\n').map((l) => `<p>${l}</p>`).join('')).document;
    expect(analyzeDocument(fragment, { source: '001.html' }).recognition.script).toBe('traditional');
  });
});

describe('the step timer', () => {
  it('runs every step once, in order, and changes nothing in the report', async () => {
    const { parseHTML } = await import('linkedom');
    const html = readFileSync(new URL('../test/fixtures/html/001-word.html', import.meta.url), 'utf8');
    const seen: Step[] = [];
    const timed = analyzeDocument(parseHTML(html).document, {
      source: '001.html',
      time: (step, run) => {
        seen.push(step);
        return run();
      },
    });
    expect(seen).toEqual([...STEPS]);
    expect(timed.report).toEqual(analyzeDocument(parseHTML(html).document, { source: '001.html' }).report);
    expect(timed.report.findings.length).toBe(8);
  });
});
