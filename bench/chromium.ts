// The extension's cost in real Chromium, against the budgets. Prints figures and ratios and
// asserts nothing (the machine is shared: read medians, not single runs).
//   - detector: main-thread time of detector.js on a gov.cn page that is not a report (CDP trace:
//     script compile + run, and every later callback of it), budget 0.2 ms;
//   - page load (loadEventEnd) of that page with vs without the extension, median of repeats,
//     budget 1.02×;
//   - analysis inside Chromium on every report page served (seeds in their three renderings, corpus
//     pages): the analyzer's `gkl:analyze` measure (recognition + extraction + checks), and the
//     whole analyzer script evaluation (compile, start-up, first analysis) from the trace.
//
//   npx tsx bench/chromium.ts [--repeats N]       builds into .output-bench first
//   import { runChromiumBench, formatChromiumBench } from './chromium'   (bench/run.ts)
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, chromiumArgs, launchLens, type Lens } from '../test/e2e/harness';
import { REPO_ROOT, availableRoutes, fileRoute, route, type Route } from '../scripts/serve';
import type { Verdict } from '../utils/messages';
import { median } from './pages';

export const DETECTOR_BUDGET_MS = 0.2;
export const LOAD_RATIO_BUDGET = 1.02;
/** The viewer, from its opening to the verdict in its pill, on a 6-page report PDF. */
export const VIEWER_BUDGET_MS = 300;

export interface ChromiumBench {
  chromium: string;
  repeats: number;
  detector: { bytes: number; mainThreadMs: number[]; medianMs: number };
  pageLoad: { url: string; withMs: number[]; withoutMs: number[]; medianWithMs: number; medianWithoutMs: number; ratio: number };
  analysis: { id: string; label: string; analyzeMs: number | null; analyzerScriptMs: number | null; errors: number; warnings: number }[];
  /** viewer.html on huaian-2024.pdf: navigation → verdict shown, → page 1 drawn, → analysis done (ms). */
  viewer: { file: string; verdictMs: number[]; firstPageMs: number[]; analysisEndMs: number[] };
}

export interface ChromiumBenchOptions {
  /** A built chrome-mv3 folder; default: build one into .output-bench. */
  extensionDir?: string;
  /** Page loads per measurement (default 15). */
  repeats?: number;
  /** Also time the analyzer on every report page (default true). */
  analysis?: boolean;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string }; fileName?: string };
}

/** Runs `load` while Chromium traces every process; returns the trace. */
async function traced(lens: Lens, load: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await lens.context.browser()!.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute'] }, transferMode: 'ReportEvents' });
  try {
    await load();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

/**
 * Main-thread time of one extension script: its top-level evaluation (compile + run) and every
 * callback it made later (observers, timers, listeners), in milliseconds.
 */
function scriptTime(events: TraceEvent[], file: string): number | null {
  const ours = events.filter((e) => e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args?.data?.url?.endsWith(file));
  return ours.length ? ours.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000 : null;
}

async function loadTime(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    // A string: functions would carry tsx's helper names into the page.
    return await page.evaluate<number>(`performance.getEntriesByType('navigation')[0].loadEventEnd`);
  } finally {
    await page.close();
  }
}

/** Builds the extension into `outDir` (also used by bench/snapshots.ts); returns its chrome-mv3 folder. */
export function build(outDir: string): string {
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, env: { ...process.env, GKL_OUT_DIR: outDir }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`wxt build failed:\n${result.stdout}\n${result.stderr}`);
  return path.join(outDir, 'chrome-mv3');
}

/**
 * The viewer opened on a 6-page report PDF (after one warm-up run), each time in a fresh tab: when the
 * verdict shows in its pill, when page 1 is drawn (the viewer's gkl:viewer:page1 mark) and when the
 * analysis ends (the analyzer's gkl:analyze measure), from the viewer's navigation start.
 */
async function viewerBench(lens: Lens, repeats: number): Promise<ChromiumBench['viewer']> {
  const file = fileRoute('huaian-2024-pdf');
  const url = `chrome-extension://${lens.extensionId}/viewer.html?${new URLSearchParams({ file: file.url })}`;
  const result: ChromiumBench['viewer'] = { file: path.basename(file.file), verdictMs: [], firstPageMs: [], analysisEndMs: [] };
  for (let i = 0; i <= repeats; i++) {
    const page = await lens.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'commit' });
      // Polled every frame from the start: the first frame the pill (or the open panel) is there.
      // Functions, not strings: an extension page's CSP forbids eval (no named inner functions: see harness.ts).
      const shown = await page.waitForFunction(
        () => (document.querySelector('gongkai-lens')?.shadowRoot?.querySelector('button.pill, [role="dialog"]') ? performance.now() : 0),
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      const verdict = (await shown.jsonValue()) as number;
      const marks = await page.evaluate((): [number | null, number | null] => {
        const analysis = performance.getEntriesByName('gkl:analyze')[0];
        return [performance.getEntriesByName('gkl:viewer:page1')[0]?.startTime ?? null, analysis ? analysis.startTime + analysis.duration : null];
      });
      if (i === 0) continue;
      result.verdictMs.push(verdict);
      if (marks[0] !== null) result.firstPageMs.push(marks[0]);
      if (marks[1] !== null) result.analysisEndMs.push(marks[1]);
    } finally {
      await page.close();
    }
  }
  return result;
}

export async function runChromiumBench(options: ChromiumBenchOptions = {}): Promise<ChromiumBench> {
  const extensionDir = options.extensionDir ?? build(path.join(REPO_ROOT, '.output-bench'));
  const repeats = options.repeats ?? 15;
  const lens: Lens = await launchLens({ extensionDir });
  const plainProfile = await mkdtemp(path.join(os.tmpdir(), 'gkl-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainProfile, { executablePath: CHROMIUM, headless: true, args: chromiumArgs(lens.server.port) });
  try {
    const version = lens.context.browser()?.version() ?? 'unknown';
    const nonReport = route('nonreport-gov').url;

    // Warm both browsers' caches of the page's own files, then measure.
    await loadTime(lens.context, nonReport);
    await loadTime(plain, nonReport);

    const mainThreadMs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const events = await traced(lens, async () => {
        const page = await lens.open(nonReport);
        // Past the detector's re-check delay: a late callback of it would be counted too.
        await page.waitForTimeout(500);
        await page.close();
      });
      const ms = scriptTime(events, '/detector.js');
      if (ms !== null) mainThreadMs.push(ms);
    }

    // Alternate with and without, so a busy moment of the machine hits both alike.
    const withMs: number[] = [];
    const withoutMs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      withMs.push(await loadTime(lens.context, nonReport));
      withoutMs.push(await loadTime(plain, nonReport));
    }

    const analysis: ChromiumBench['analysis'] = [];
    const reports = options.analysis === false ? [] : availableRoutes().filter((r: Route) => r.kind === 'report' && r.id !== 'elsewhere-001');
    for (const r of reports) {
      let analyzeMs: number | null = null;
      let verdict: Verdict | null = null;
      const events = await traced(lens, async () => {
        const page = await lens.open(r.url);
        verdict = await lens.waitForVerdict(page);
        // The measure is taken in the analyzer's world; the page's timeline holds it too.
        analyzeMs = await page.evaluate<number | null>(`performance.getEntriesByName('gkl:analyze')[0]?.duration ?? null`);
        await page.close();
      });
      const counts = verdict as Verdict | null;
      analysis.push({
        id: r.id,
        label: r.label,
        analyzeMs,
        analyzerScriptMs: scriptTime(events, '/content-scripts/analyzer.js'),
        errors: counts?.errors ?? 0,
        warnings: counts?.warnings ?? 0,
      });
    }

    return {
      chromium: version,
      repeats,
      detector: { bytes: (await readFile(path.join(extensionDir, 'detector.js'))).length, mainThreadMs, medianMs: median(mainThreadMs) },
      pageLoad: { url: nonReport, withMs, withoutMs, medianWithMs: median(withMs), medianWithoutMs: median(withoutMs), ratio: median(withMs) / median(withoutMs) },
      analysis,
      viewer: await viewerBench(lens, Math.min(repeats, 7)),
    };
  } finally {
    await plain.close();
    await rm(plainProfile, { recursive: true, force: true });
    await lens.close();
  }
}

const f = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));

export function formatChromiumBench(b: ChromiumBench): string {
  const d = b.detector;
  const l = b.pageLoad;
  const lines = [
    `Chromium ${b.chromium} with the built extension — medians of ${b.repeats} page loads`,
    '',
    `detector on a gov.cn page that is not a report (${d.bytes} B):`,
    `  main thread ${f(d.medianMs, 3)} ms (min ${f(Math.min(...d.mainThreadMs), 3)}, max ${f(Math.max(...d.mainThreadMs), 3)}) — ${f(d.medianMs / DETECTOR_BUDGET_MS, 1)}× the budget of ${DETECTOR_BUDGET_MS} ms`,
    `page load (loadEventEnd) of ${l.url}:`,
    `  with the extension ${f(l.medianWithMs, 1)} ms, without ${f(l.medianWithoutMs, 1)} ms — ratio ${f(l.ratio, 3)}× (budget ${LOAD_RATIO_BUDGET}×)`,
    '',
    'analysis in the page (gkl:analyze = recognition + extraction + checks; script = analyzer compile + start + first analysis), ms:',
    ...b.analysis.map((a) => `  ${a.id.padEnd(18)} analyze ${f(a.analyzeMs).padStart(7)}   script ${f(a.analyzerScriptMs).padStart(7)}   ${a.errors} errors, ${a.warnings} warnings`),
  ];
  const analyze = b.analysis.flatMap((a) => (a.analyzeMs === null ? [] : [a.analyzeMs]));
  if (analyze.length) lines.push(`  median analyze ${f(median(analyze))} ms, max ${f(Math.max(...analyze))} ms over ${analyze.length} pages`);
  const v = b.viewer;
  if (v.verdictMs.length) {
    const firstBefore = v.firstPageMs.filter((ms, i) => ms < (v.analysisEndMs[i] ?? Infinity)).length;
    lines.push(
      '',
      `viewer on ${v.file} (6 pages), from opening viewer.html, median of ${v.verdictMs.length}:`,
      `  verdict shown ${f(median(v.verdictMs), 0)} ms (budget ${VIEWER_BUDGET_MS} ms: ${f(median(v.verdictMs) / VIEWER_BUDGET_MS, 2)}×), page 1 drawn ${f(median(v.firstPageMs), 0)} ms, analysis done ${f(median(v.analysisEndMs), 0)} ms`,
      `  page 1 drawn before the analysis ended in ${firstBefore} of ${v.firstPageMs.length} runs`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--repeats');
  const repeats = at > 0 ? Number(process.argv[at + 1]) : undefined;
  console.log(formatChromiumBench(await runChromiumBench({ repeats })));
}
