// buildReport does not parse its report with zod (a page's first analysis pays for zod's first
// parse): here every real page's report is parsed instead, and the parse must change nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeText, withPrevious } from '../analyze';
import { parseHtmlInNode } from '../extract/node-dom';
import { ReportSchema, type Report } from './schema';
import { SEEDS, SHARED, htmlPageFiles } from '../../test/fixtures/seeds';

const fits = (report: Report) => expect(ReportSchema.parse(JSON.parse(JSON.stringify(report)))).toStrictEqual(report);

describe('buildReport', () => {
  it.each(htmlPageFiles().map((file) => [path.basename(file), file]))('%s: the report fits the schema as built', (_name, file) => {
    fits(analyzeDocument(parseHtmlInNode(fs.readFileSync(file, 'utf8')), { source: file }).report);
  });

  it('saved text, the legacy template and the year-over-year findings fit it too', () => {
    const texts = [...SEEDS.map((s) => s.file), path.join(SHARED, 'corpus/pingtan-2018-legacy.txt')];
    const analyses = texts.map((file) => analyzeText(fs.readFileSync(file, 'utf8'), { source: file }));
    for (const a of analyses) fits(a.report);
    // Seed 000 as last year's report of seed 000: YOY findings, each naming what it was compared with.
    const again = withPrevious(analyses[0]!, { report: analyses[0]!.report, label: 'last year' });
    expect(again.report.findings.some((f) => f.against === 'last year')).toBe(true);
    fits(again.report);
  });
});
