// The generated worst cases in real Chromium: its own HTML parser builds the page (nesting stops
// at 512 there), then the engine — bundled as the analyzer bundles it — analyses the live DOM. Per
// case: the analysis time, and how far the JS heap grew (total heap size after − before, with a
// GC first: an upper bound of the peak the analysis needed, as the heap rarely shrinks at once).
import path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../test/e2e/harness';
import { REPO_ROOT } from '../test/fixtures/seeds';
import { worstCases } from '../test/fuzz/worst-cases';

export interface ChromiumCase {
  name: string;
  analysisMs: number;
  heapGrowthMb: number;
  error?: string;
}

export async function runHostileChromium(bytes = 1_000_000): Promise<ChromiumCase[]> {
  const bundle = await esbuild.build({
    stdin: { contents: "import { analyzeDocument } from './lib/analyze'; (globalThis as any).__gklAnalyze = analyzeDocument;", resolveDir: REPO_ROOT, loader: 'ts' },
    bundle: true, format: 'iife', write: false, logLevel: 'warning',
  });
  const engine = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc', '--enable-precise-memory-info'] });
  const results: ChromiumCase[] = [];
  try {
    for (const c of worstCases(bytes)) {
      const page = await browser.newPage();
      try {
        await page.setContent(c.html, { waitUntil: 'load', timeout: 120_000 });
        await page.addScriptTag({ content: engine });
        const r = await page.evaluate(() => {
          const w = globalThis as unknown as { gc(): void; __gklAnalyze(d: Document, o: { source: string }): unknown; performance: { memory: { totalJSHeapSize: number } } };
          w.gc();
          const before = w.performance.memory.totalJSHeapSize;
          const t0 = performance.now();
          w.__gklAnalyze(document, { source: location.href });
          const analysisMs = performance.now() - t0;
          return { analysisMs, heapGrowthMb: (w.performance.memory.totalJSHeapSize - before) / 2 ** 20 };
        });
        results.push({ name: c.name, ...r });
      } catch (e) {
        results.push({ name: c.name, analysisMs: NaN, heapGrowthMb: NaN, error: String(e).split('\n')[0] });
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(REPO_ROOT, 'bench/hostile-chromium.ts')) {
  for (const r of await runHostileChromium()) console.log(r);
}
