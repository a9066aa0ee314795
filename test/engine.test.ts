// The engine end to end on real pages: the five seeds as saved text, each seed re-rendered as HTML
// three ways (Word-pasted, clean, 表三 split in three), and the corpus pages. Every figure must be
// read exactly, and the errors and warnings must be exactly the expected ones (none missing, none extra).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analyzeDocument, analyzeText } from '../lib/analyze';
import { analyzeFile } from '../lib/extract/file';
import { createNormalizer } from '../lib/normalize';
import type { Analysis } from '../lib/types';
import type { Finding } from '../lib/report/schema';
import { APPLICANT_COLUMNS, figureKeys } from '../lib/report/keys';
import { REPO_ROOT, SEEDS, SHARED, seed, type SeedExpectation } from './fixtures/seeds';

const HTML_DIR = path.join(REPO_ROOT, 'test/fixtures/html');
const CORPUS = path.join(SHARED, 'corpus');

const cache = new Map<string, Analysis>();
/** Analyses a saved page once per run, the way the CLI does (HTML via linkedom, text as text). */
function analyse(file: string): Analysis {
  let a = cache.get(file);
  if (!a) {
    const text = fs.readFileSync(file, 'utf8');
    a = file.endsWith('.txt') ? analyzeText(text, { source: file }) : analyzeDocument(parseHTML(text).document, { source: file });
    cache.set(file, a);
  }
  return a;
}

// A PDF's first read loads pdf.js: longer than vitest's 5 s default on a loaded machine.
const READ_FILE_TIMEOUT = 60_000;
const fileCache = new Map<string, Promise<Analysis>>();
/** Analyses a file of any form (HTML, text, PDF…) once per run, through the front door the CLI uses. */
function analyseFile(file: string): Promise<Analysis> {
  let a = fileCache.get(file);
  if (!a) {
    a = analyzeFile({ bytes: new Uint8Array(fs.readFileSync(file)), source: file }, { parseHtml: (html) => parseHTML(html).document });
    fileCache.set(file, a);
  }
  return a;
}

const figuresOf = (a: Analysis) => Object.fromEntries([...a.figures].map(([k, f]) => [k, f.value]));
/** Errors and warnings as (rule, checked cell), in a stable order. Infos are not part of the contract. */
const byRuleAndCell = (a: { rule: string; cell?: string }, b: { rule: string; cell?: string }) =>
  `${a.rule} ${a.cell}`.localeCompare(`${b.rule} ${b.cell}`);
const significant = (findings: Finding[]) =>
  findings
    .filter((f) => f.severity !== 'info')
    .map((f) => ({ rule: f.rule, cell: f.cells[0] }))
    .sort(byRuleAndCell);

interface Page {
  name: string;
  file: string;
  seed: SeedExpectation;
}
const pages: Page[] = SEEDS.flatMap((s) => [
  { name: `${s.id} text`, file: s.file, seed: s },
  ...(['word', 'clean', 'split'] as const).map((v) => ({ name: `${s.id} ${v}`, file: path.join(HTML_DIR, `${s.id}-${v}.html`), seed: s })),
]);

describe.each(pages)('seed $name', ({ file, seed: s }) => {
  it('is recognised: agency, year, template, script, publication date', () => {
    const { report, recognition } = analyse(file);
    expect(recognition.isReport).toBe(true);
    expect({ agency: report.agency, year: report.year, template: report.template, script: report.script, publishedAt: report.publishedAt }).toEqual({
      agency: s.agency, year: s.year, template: s.template, script: s.script, publishedAt: s.publishedAt,
    });
  });

  it('reads every figure exactly', () => {
    const a = analyse(file);
    if (s.figures === null) {
      // Tables published as images: nothing may be invented.
      expect(figuresOf(a)).toEqual({});
      expect([a.report.active, a.report.requests, a.report.appeals]).toEqual([null, null, null]);
    } else {
      expect(figuresOf(a)).toEqual(s.figures);
    }
  });

  it('finds exactly the expected errors and warnings', () => {
    expect(significant(analyse(file).report.findings)).toEqual([...s.findings].sort(byRuleAndCell));
  });
});

describe('finding messages name the row, the column and both numbers', () => {
  const number = (n: number) => new RegExp(`(?<![\\d.])${n}(?![\\d.])`);
  const findingOf = (id: '001' | '003', rule: string, cell: string) => {
    const f = analyse(seed(id).file).report.findings.find((x) => x.rule === rule && x.cells[0] === cell);
    expect(f, `${rule} on ${cell}`).toBeDefined();
    return f!;
  };

  it('001 T3-ROW on （七）总计: the row sums to 6, the total reads 0', () => {
    const f = findingOf('001', 'T3-ROW', 'requests.totalProcessed.total');
    expect(f.severity).toBe('error');
    expect({ expected: f.expected, actual: f.actual }).toEqual({ expected: 6, actual: 0 });
    expect(f.message).toContain('（七）总计');
    expect(f.message).toMatch(number(6));
    expect(f.message).toMatch(number(0));
    expect(f.messageEn).toContain('Total handled');
  });

  it('003 T3-SUM on 商业企业: the results add up to 38, the total reads 1', () => {
    const f = findingOf('003', 'T3-SUM', 'requests.totalProcessed.commercial');
    expect({ expected: f.expected, actual: f.actual }).toEqual({ expected: 38, actual: 1 });
    expect(f.message).toContain('（七）总计');
    expect(f.message).toContain('商业企业');
    expect(f.message).toMatch(number(38));
    expect(f.message).toMatch(number(1));
    expect(f.messageEn).toContain('Businesses');
  });

  it("003's own note on 表三 is shown with its 表三 findings", () => {
    const f = findingOf('003', 'T3-BAL', 'requests.totalProcessed.total');
    // Shown as the page prints it (traditional here): compare it simplified.
    expect(createNormalizer('traditional').plain(f.note ?? '')).toMatch(/^注:因多数依申请公开件并非[“"]一事一申请[”"]/);
  });
});

// ---------------------------------------------------------------------------------------------
// Corpus pages (shared/corpus/*.expected.json)

interface CorpusExpectation {
  source: string;
  agency: string;
  year: number;
  template: string;
  publishedAt: string | null;
  active?: Record<string, unknown>;
  requests?: Record<string, unknown>;
  appeals?: Record<string, unknown>;
  findings: { rule: string; severity: string }[];
}

/** Nested expected figures → canonical keys, as the engine's FigureMap holds them. */
function flatten(node: unknown, prefix: string, out: Record<string, number | null>) {
  if (node === null || typeof node !== 'object') {
    out[prefix] = node as number | null;
    return;
  }
  for (const [k, v] of Object.entries(node)) flatten(v, `${prefix}.${k}`, out);
}

const corpus = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(CORPUS, f), 'utf8')) as CorpusExpectation);

describe.each(corpus)('corpus $source', (exp) => {
  const file = path.join(CORPUS, exp.source);

  it('is recognised: agency, year, template, publication date', async () => {
    const { report, recognition } = await analyseFile(file);
    expect(recognition.isReport).toBe(true);
    expect({ agency: report.agency, year: report.year, template: report.template, publishedAt: report.publishedAt }).toEqual({
      agency: exp.agency, year: exp.year, template: exp.template, publishedAt: exp.publishedAt,
    });
  }, READ_FILE_TIMEOUT);

  it('reads every figure exactly (null where the cell is blank)', async () => {
    const expected: Record<string, number | null> = {};
    for (const t of ['active', 'requests', 'appeals'] as const) if (exp[t]) flatten(exp[t], t, expected);
    if (exp.template === '2021' || exp.template === '2019') expect(Object.keys(expected).sort()).toEqual(figureKeys(exp.template).sort());
    expect(figuresOf(await analyseFile(file))).toEqual(expected);
  }, READ_FILE_TIMEOUT);

  it('gives exactly the expected findings', async () => {
    const { findings } = (await analyseFile(file)).report;
    if (exp.findings.length === 0) {
      // No error, no warning, and no info either: these pages are in order.
      expect(findings).toEqual([]);
      return;
    }
    expect(significant(findings).map((f) => f.rule)).toEqual(exp.findings.map((f) => f.rule));
  }, READ_FILE_TIMEOUT);
});

describe('corpus specifics', () => {
  it('shuyang: one VAL-BLANK for 表三 listing the 125 blank 法人或其他组织 cells', () => {
    const { report } = analyse(path.join(CORPUS, 'shuyang-fgj-2023.html'));
    const blanks = report.findings.filter((f) => f.rule === 'VAL-BLANK');
    expect(blanks).toHaveLength(1);
    expect(blanks[0]!.severity).toBe('warning');
    const orgColumns = APPLICANT_COLUMNS.slice(1, 6);
    const expected = figureKeys('2021').filter((k) => k.startsWith('requests.') && orgColumns.some((c) => k.endsWith(`.${c}`)));
    expect(expected).toHaveLength(125);
    expect([...blanks[0]!.cells].sort()).toEqual([...expected].sort());
    expect(report.noErrors).toBe(true);
  });

  it('pingtan-2018: a legacy report, no figures, no template rule', () => {
    const a = analyse(path.join(CORPUS, 'pingtan-2018-legacy.txt'));
    expect(a.report.template).toBe('legacy');
    expect(a.figures.size).toBe(0);
    expect([a.report.active, a.report.requests, a.report.appeals]).toEqual([null, null, null]);
  });
});

describe('pages that are not reports', () => {
  it.each(['nonreport-gov.html', 'nonreport-other.html'])('%s is not taken for a report and gets no findings', (name) => {
    const a = analyse(path.join(HTML_DIR, name));
    expect(a.recognition.isReport).toBe(false);
    expect(a.report.findings).toEqual([]);
  });
});
