// Node timings of the engine: per page, the median of many repeats after warm-up, with the HTML
// parse (lib/extract/node-dom.ts, the CLI's cost, not the extension's) kept apart from the analysis itself
// (recognition + extraction + checks), and what opencc costs.
import { performance } from 'node:perf_hooks';
import { parseHtmlInNode } from '../lib/extract/node-dom';
import { analyzeDocument, analyzeText } from '../lib/analyze';
import { detectScript, simplifiedConverter } from '../lib/normalize';
import { median, type BenchPage } from './pages';

export interface PageTiming {
  page: BenchPage;
  script: 'simplified' | 'traditional';
  /** parseHtmlInNode, ms (0 for text). */
  parseMs: number;
  /** analyzeDocument / analyzeText, ms. */
  analysisMs: number;
  /** Converting the page's whole text with opencc, ms (0 for simplified pages, which are never converted). */
  conversionMs: number;
}

export interface NodeBench {
  repeats: number;
  /** Building the t→cn converter, once per process. */
  converterBuildMs: number;
  pages: PageTiming[];
}

function time(fn: () => void, repeats: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

export function runNodeBench(pages: BenchPage[], repeats = 25, warmup = 5): NodeBench {
  // First, before anything has built it: the converter's one-off cost.
  const t0 = performance.now();
  const convert = simplifiedConverter();
  const converterBuildMs = performance.now() - t0;

  const timings = pages.map((page): PageTiming => {
    const source = page.name;
    let parseMs = 0;
    let analysisMs: number;
    let text = page.content;
    if (page.kind === 'html') {
      parseMs = time(() => parseHtmlInNode(page.content), repeats, warmup);
      // The engine reads the document, it does not change it: one parsed page serves every repeat.
      const document = parseHtmlInNode(page.content);
      text = document.documentElement?.textContent ?? '';
      analysisMs = time(() => analyzeDocument(document, { source }), repeats, warmup);
    } else {
      analysisMs = time(() => analyzeText(page.content, { source }), repeats, warmup);
    }
    const script = detectScript(text);
    const conversionMs = script === 'traditional' ? time(() => convert(text), repeats, warmup) : 0;
    return { page, script, parseMs, analysisMs, conversionMs };
  });
  return { repeats, converterBuildMs, pages: timings };
}
