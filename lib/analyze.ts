// The engine's entry points: a Page (what every front door yields: an HTML Document, saved text,
// markdown, PDF, DOCX) → Analysis (JSON report + figures with their cells). Pure: no extension
// APIs; runs in the page, in vitest and in the CLI. Files of any form: lib/extract/file.ts.
import type { Analysis, Extraction, Page, Recognition } from './types';
import type { Report } from './report/schema';
import { detectScript, createNormalizer } from './normalize';
import { htmlPage } from './extract/html';
import { textPage } from './extract/text';
import { recognize } from './recognize';
import { extract } from './match';
import { readNarrative } from './narrative';
import { runChecks } from './checks';
import { buildReport } from './report/build';

export interface AnalyzeOptions {
  /** URL or file name, copied into `report.source`. */
  source: string;
  /** Last year's report of the same agency, for YOY-CARRY / YOY-STOCK. */
  previous?: { report: Report; label: string };
  /** Runs each step of the analysis (the extension's analyzer times them for the bench); default: just runs it. */
  time?: StepTimer;
}

/** The analysis' steps, in the order they run. */
export const STEPS = ['script', 'blocks', 'recognize', 'extract', 'narrative', 'checks', 'report'] as const;
export type Step = (typeof STEPS)[number];
export type StepTimer = <T>(step: Step, run: () => T) => T;
const untimed: StepTimer = (_step, run) => run();

/** What a page that is not an annual report yields: no figures, no sections, nothing invented. */
function nothingExtracted(rec: Recognition): Extraction {
  return { template: rec.template, figures: new Map(), tablesFound: new Set(), sections: new Set(), narrativeText: '', narrative: [], notes: [], unreadable: [] };
}

function assemble(page: Pick<Page, 'form'>, source: string, recognition: Recognition, extraction: Extraction, previous?: AnalyzeOptions['previous'], time = untimed): Analysis {
  const findings = time('checks', () => (recognition.isReport ? runChecks({ recognition, extraction, previous }) : []));
  const report = time('report', () => buildReport(source, page.form, recognition, extraction, findings));
  return { report, figures: extraction.figures, recognition, extraction };
}

/** Any front door's Page → the report. */
export function analyzePage(page: Page, opts: AnalyzeOptions): Analysis {
  const time = opts.time ?? untimed;
  const recognition = time('recognize', () => recognize(page.meta, page.blocks, createNormalizer(page.script)));
  // An ordinary page's tables (a budget with a 合计 row) must not be read as a report's.
  const extraction = time('extract', () => (recognition.isReport ? extract(page.blocks, recognition) : nothingExtracted(recognition)));
  // concat, not unshift(...): a spread of page data as arguments can overflow the stack.
  if (recognition.isReport) extraction.unreadable = page.unreadable.concat(extraction.unreadable);
  extraction.narrative = time('narrative', () => readNarrative(extraction.narrativeText));
  return assemble(page, opts.source, recognition, extraction, opts.previous, time);
}

/**
 * The same analysis checked again with last year's report (YOY-CARRY, YOY-STOCK). The agency and
 * year that find last year's snapshot are only known after a first analysis; the page is not re-read.
 */
export function withPrevious(analysis: Analysis, previous: NonNullable<AnalyzeOptions['previous']>): Analysis {
  const form = analysis.report.form ?? 'html';
  return assemble({ form }, analysis.report.source, analysis.recognition, analysis.extraction, previous);
}

export function analyzeDocument(doc: Document, opts: AnalyzeOptions): Analysis {
  // All top-level nodes, not body: linkedom throws on an empty document's body, and a saved
  // fragment (no <html>) has several top-level elements.
  const time = opts.time ?? untimed;
  const normalizer = time('script', () => createNormalizer(detectScript(Array.from(doc.childNodes, (node) => node.textContent ?? '').join(''))));
  return analyzePage(time('blocks', () => htmlPage(doc, opts.source, normalizer)), opts);
}

export function analyzeText(text: string, opts: AnalyzeOptions): Analysis {
  return analyzePage(textPage(text, opts.source), opts);
}
