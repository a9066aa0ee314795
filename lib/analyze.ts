// The engine's entry points: a page (Document) or a saved text → Analysis (JSON report + figures
// with their cells). Pure: no extension APIs; runs in the page, in vitest and in the CLI.
import type { Analysis, Block, PageMeta } from './types';
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

function run(meta: PageMeta, blocks: Block[], normalizer: Normalizer, opts: AnalyzeOptions): Analysis {
  const recognition = recognize(meta, blocks, normalizer);
  const extraction = extract(blocks, recognition);
  extraction.narrative = readNarrative(extraction.narrativeText);
  const findings = recognition.isReport ? runChecks({ recognition, extraction, previous: opts.previous }) : [];
  return { report: buildReport(opts.source, recognition, extraction, findings), figures: extraction.figures, recognition };
}

export function analyzeDocument(doc: Document, opts: AnalyzeOptions): Analysis {
  const normalizer = createNormalizer(detectScript(doc.body?.textContent ?? ''));
  return run(htmlMeta(doc, opts.source, normalizer), htmlBlocks(doc, normalizer), normalizer, opts);
}

export function analyzeText(text: string, opts: AnalyzeOptions): Analysis {
  const normalizer = createNormalizer(detectScript(text));
  return run(textMeta(text, opts.source, normalizer), textBlocks(text, normalizer), normalizer, opts);
}
