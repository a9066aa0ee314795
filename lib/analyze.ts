// The engine's entry points: a page (Document) or a saved text → Analysis (JSON report + figures
// with their cells). Pure: no extension APIs; runs in the page, in vitest and in the CLI.
import type { Analysis, Block, Extraction, PageMeta, Recognition } from './types';
import type { Report } from './report/schema';
import { detectScript, createNormalizer, type Normalizer } from './normalize';
import { htmlBlocks, htmlMeta } from './extract/html';
import { textBlocks, textMeta } from './extract/text';
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
}

/** What a page that is not an annual report yields: no figures, no sections, nothing invented. */
function nothingExtracted(rec: Recognition): Extraction {
  return { template: rec.template, figures: new Map(), tablesFound: new Set(), sections: new Set(), narrativeText: '', narrative: [], notes: [] };
}

function assemble(source: string, recognition: Recognition, extraction: Extraction, previous?: AnalyzeOptions['previous']): Analysis {
  const findings = recognition.isReport ? runChecks({ recognition, extraction, previous }) : [];
  return { report: buildReport(source, recognition, extraction, findings), figures: extraction.figures, recognition, extraction };
}

function run(meta: PageMeta, blocks: Block[], normalizer: Normalizer, opts: AnalyzeOptions): Analysis {
  const recognition = recognize(meta, blocks, normalizer);
  // An ordinary page's tables (a budget with a 合计 row) must not be read as a report's.
  const extraction = recognition.isReport ? extract(blocks, recognition) : nothingExtracted(recognition);
  extraction.narrative = readNarrative(extraction.narrativeText);
  return assemble(opts.source, recognition, extraction, opts.previous);
}

/**
 * The same analysis checked again with last year's report (YOY-CARRY, YOY-STOCK). The agency and
 * year that find last year's snapshot are only known after a first analysis; the page is not re-read.
 */
export function withPrevious(analysis: Analysis, previous: NonNullable<AnalyzeOptions['previous']>): Analysis {
  return assemble(analysis.report.source, analysis.recognition, analysis.extraction, previous);
}

export function analyzeDocument(doc: Document, opts: AnalyzeOptions): Analysis {
  // All top-level nodes, not body: linkedom throws on an empty document's body, and a saved
  // fragment (no <html>) has several top-level elements.
  const text = Array.from(doc.childNodes, (node) => node.textContent ?? '').join('');
  const normalizer = createNormalizer(detectScript(text));
  return run(htmlMeta(doc, opts.source, normalizer), htmlBlocks(doc, normalizer), normalizer, opts);
}

export function analyzeText(text: string, opts: AnalyzeOptions): Analysis {
  const normalizer = createNormalizer(detectScript(text));
  return run(textMeta(text, opts.source, normalizer), textBlocks(text, normalizer), normalizer, opts);
}
