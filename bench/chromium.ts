// The extension's cost in real Chromium, against the budgets. Prints figures and ratios and
// asserts nothing (the machine is shared: read medians, not single runs).
//   - detector: main-thread time of detector.js on a gov.cn page that is not a report (CDP trace:
//     script compile + run, and every later callback of it), budget 0.2 ms;
//   - page load (loadEventEnd) of that page with vs without the extension, median of repeats,
//     budget 1.02×;
//   - analysis inside Chromium on every report page served (seeds in their three renderings, corpus
//     pages): the analyzer's `gkl:analyze` measure and its steps (`gkl:analyze:<step>`, see
//     lib/analyze.ts STEPS), for the first analysis in a fresh page and for a second one in the same
//     page (the page's text changed: the analyzer's own re-analysis), so first-call cost (lazy
//     compilation, cold inline caches) shows apart from the work; and the whole
//     analyzer script evaluation (compile, start-up, first analysis) from the trace, with its share
//     of CPU (thread time / wall time: below 1 the thread waited, mostly for a CPU on a busy machine, and the wall figures are long).
//
//   npx tsx bench/chromium.ts [--repeats N] [--out DIR] [--analysis-only]
//     builds into DIR (default .output-bench) first; --analysis-only skips the detector, page load and viewer
//   import { runChromiumBench, formatChromiumBench } from './chromium'   (bench/run.ts)
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, chromiumArgs, launchLens, type Lens } from '../test/e2e/harness';
import { REPO_ROOT, availableRoutes, fileRoute, route, type Route } from '../scripts/serve';
import type { Verdict } from '../utils/messages';
import { STEPS, type Step } from '../lib/analyze';
import { median } from './pages';

export const DETECTOR_BUDGET_MS = 0.2;
export const LOAD_RATIO_BUDGET = 1.02;
/** The viewer, from its opening to the verdict in its pill, on a 6-page report PDF. */
export const VIEWER_BUDGET_MS = 300;
/** The first analysis of a report page (the budget), and the median measured before this split. */
export const ANALYSIS_BUDGET_MS = 10;
export const ANALYSIS_PREVIOUS_MEDIAN_MS = 34;

/** One analysis: the `gkl:analyze` measure and its steps; `other` is the rest (the attachment link, the panel's items). */
export interface AnalysisRun {
  totalMs: number;
  steps: Record<Step, number>;
}

export interface ChromiumBench {
  chromium: string;
  repeats: number;
  /** detector, pageLoad and viewer: null with `analysisOnly`. */
  detector: { bytes: number; mainThreadMs: number[]; medianMs: number } | null;
  pageLoad: { url: string; withMs: number[]; withoutMs: number[]; medianWithMs: number; medianWithoutMs: number; ratio: number } | null;
  analysis: {
    id: string;
    label: string;
    /** The first analysis in a fresh page, and a second in the same page after its text changed. */
    first: AnalysisRun | null;
    warm: AnalysisRun | null;
    analyzerScriptMs: number | null;
    /** Thread time / wall time of the analyzer script's evaluation: near 1 on an idle machine. */
    cpuShare: number | null;
    errors: number;
    warnings: number;
  }[];
  /** viewer.html on huaian-2024.pdf: navigation → verdict shown, → page 1 drawn, → analysis done (ms). */
  viewer: { file: string; verdictMs: number[]; firstPageMs: number[]; analysisEndMs: number[] } | null;
}

export interface ChromiumBenchOptions {
  /** A built chrome-mv3 folder; default: build one into .output-bench. */
  extensionDir?: string;
  /** Page loads per measurement (default 15). */
  repeats?: number;
  /** Also time the analyzer on every report page (default true). */
  analysis?: boolean;
  /** Only the analysis: no detector, page load or viewer (default false). */
  analysisOnly?: boolean;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** Thread (CPU) time of a complete event, in µs. */
  tdur?: number;
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
 * callback it made later (observers, timers, listeners), in milliseconds; and the share of it the
 * thread was on a CPU (thread time / wall time).
 */
function scriptTime(events: TraceEvent[], file: string): { ms: number; cpuShare: number | null } | null {
  const ours = events.filter((e) => e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args?.data?.url?.endsWith(file));
  if (!ours.length) return null;
  const wall = ours.reduce((sum, e) => sum + (e.dur ?? 0), 0);
  const cpu = ours.every((e) => e.tdur !== undefined) ? ours.reduce((sum, e) => sum + e.tdur!, 0) : null;
  return { ms: wall / 1000, cpuShare: cpu === null || wall === 0 ? null : cpu / wall };
}

/** The analyzer's `index`-th analysis in the page (its measures on the page's timeline), or null. */
async function analysisRun(page: Page, index: number): Promise<AnalysisRun | null> {
  const names = ['gkl:analyze', ...STEPS.map((step) => `gkl:analyze:${step}`)];
  // A string: functions would carry tsx's helper names into the page.
  const ms = await page.evaluate<(number | null)[]>(`${JSON.stringify(names)}.map((n) => performance.getEntriesByName(n, 'measure')[${index}]?.duration ?? null)`);
  const [totalMs, ...steps] = ms;
  if (totalMs === null || totalMs === undefined || steps.some((x) => x === null)) return null;
  return { totalMs, steps: Object.fromEntries(STEPS.map((step, i) => [step, steps[i]!])) as Record<Step, number> };
}

const analysesIn = (page: Page) => page.evaluate<number>(`performance.getEntriesByName('gkl:analyze', 'measure').length`);

/** Waits (polling: a string predicate in waitForFunction never resolves on these pages) until `ready`. */
async function until(page: Page, ready: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await ready()); await page.waitForTimeout(100)) {
    if (Date.now() > deadline) throw new Error(`${page.url()}: no ${what} within ${timeoutMs} ms`);
  }
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
async function viewerBench(lens: Lens, repeats: number): Promise<NonNullable<ChromiumBench['viewer']>> {
  const file = fileRoute('huaian-2024-pdf');
  const url = `chrome-extension://${lens.extensionId}/viewer.html?${new URLSearchParams({ file: file.url })}`;
  const result: NonNullable<ChromiumBench['viewer']> = { file: path.basename(file.file), verdictMs: [], firstPageMs: [], analysisEndMs: [] };
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
  try {
    const version = lens.context.browser()?.version() ?? 'unknown';
    const load = options.analysisOnly ? { detector: null, pageLoad: null } : await loadBench(lens, extensionDir, repeats);
    const analysis = options.analysis === false ? [] : await analysisBench(lens);
    return { chromium: version, repeats, ...load, analysis, viewer: options.analysisOnly ? null : await viewerBench(lens, Math.min(repeats, 7)) };
  } finally {
    await lens.close();
  }
}

/** The detector's main-thread time on a page that is not a report, and that page's load with and without the extension. */
async function loadBench(lens: Lens, extensionDir: string, repeats: number): Promise<Pick<ChromiumBench, 'detector' | 'pageLoad'>> {
  const plainProfile = await mkdtemp(path.join(os.tmpdir(), 'gkl-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainProfile, { executablePath: CHROMIUM, headless: true, args: chromiumArgs(lens.server.port) });
  try {
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
      const time = scriptTime(events, '/detector.js');
      if (time !== null) mainThreadMs.push(time.ms);
    }

    // Alternate with and without, so a busy moment of the machine hits both alike.
    const withMs: number[] = [];
    const withoutMs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      withMs.push(await loadTime(lens.context, nonReport));
      withoutMs.push(await loadTime(plain, nonReport));
    }
    return {
      detector: { bytes: (await readFile(path.join(extensionDir, 'detector.js'))).length, mainThreadMs, medianMs: median(mainThreadMs) },
      pageLoad: { url: nonReport, withMs, withoutMs, medianWithMs: median(withMs), medianWithoutMs: median(withoutMs), ratio: median(withMs) / median(withoutMs) },
    };
  } finally {
    await plain.close();
    await rm(plainProfile, { recursive: true, force: true });
  }
}

/** Every report page, each in a fresh tab: its first analysis, then a second one in the same page. */
async function analysisBench(lens: Lens): Promise<ChromiumBench['analysis']> {
  const analysis: ChromiumBench['analysis'] = [];
  const reports = availableRoutes().filter((r: Route) => r.kind === 'report' && r.id !== 'elsewhere-001');
  for (const r of reports) {
    let verdict: Verdict | null = null;
    let page: Page | null = null;
    const events = await traced(lens, async () => {
      page = await lens.open(r.url);
      verdict = await lens.waitForVerdict(page);
    });
    const opened = page as unknown as Page;
    try {
      // The panel up (the analyzer watches the page from then on), and past a re-analysis already
      // due (deferred-000's report arrives after 1 s; re-analyses are ≥ 2 s apart).
      await lens.waitForAnalyzer(opened);
      await opened.waitForTimeout(2_500);
      const before = await analysesIn(opened);
      // One space more in a cell of the report's last table (innermost: not a layout table around
      // the page, which may be outside what the analyzer watches): it reads the page again.
      await opened.evaluate(`([...document.querySelectorAll('table')].filter((t) => !t.querySelector('table')).pop()?.querySelector('td') ?? document.body).append(' ')`);
      await until(opened, async () => (await analysesIn(opened)) > before, 'second analysis');
      const counts = verdict as Verdict | null;
      const script = scriptTime(events, '/content-scripts/analyzer.js');
      analysis.push({
        id: r.id,
        label: r.label,
        first: await analysisRun(opened, 0),
        warm: await analysisRun(opened, before),
        analyzerScriptMs: script?.ms ?? null,
        cpuShare: script?.cpuShare ?? null,
        errors: counts?.errors ?? 0,
        warnings: counts?.warnings ?? 0,
      });
    } finally {
      await opened.close();
    }
  }

  return analysis;
}

const f = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));

/** The analysis figures: per page, then the first and the warm analysis by step, beside the budget. */
function formatAnalysis(analysis: ChromiumBench['analysis']): string[] {
  const lines = [
    'analysis in the page, ms: first = the first analysis in a fresh page, warm = a second one in the same page',
    '(its text changed); script = the analyzer script: compile + start + first analysis, with its CPU share',
    '(thread time / wall time: below 1 the thread waited, mostly for a CPU on a busy machine, and the wall times run long)',
    ...analysis.map(
      (a) =>
        `  ${a.id.padEnd(18)} first ${f(a.first?.totalMs ?? null).padStart(7)}   warm ${f(a.warm?.totalMs ?? null).padStart(6)}   script ${f(a.analyzerScriptMs).padStart(7)} (CPU ${f(a.cpuShare)})   ${a.errors} errors, ${a.warnings} warnings`,
    ),
  ];
  const runs = (which: 'first' | 'warm') => analysis.flatMap((a) => a[which] ?? []);
  const first = runs('first');
  const warm = runs('warm');
  if (!first.length || !warm.length) return lines;
  const total = (xs: AnalysisRun[]) => median(xs.map((x) => x.totalMs));
  const step = (xs: AnalysisRun[], s: Step) => median(xs.map((x) => x.steps[s]));
  const other = (xs: AnalysisRun[]) => median(xs.map((x) => x.totalMs - STEPS.reduce((sum, s) => sum + x.steps[s], 0)));
  const firstMs = total(first);
  const warmMs = total(warm);
  const row = (name: string, a: number, b: number) => `    ${name.padEnd(10)} ${f(a).padStart(7)} ${f(b).padStart(7)} ${f(a - b).padStart(7)}`;
  lines.push(
    `  first analysis: median ${f(firstMs)} ms, max ${f(Math.max(...first.map((x) => x.totalMs)))} ms over ${first.length} pages — budget ${ANALYSIS_BUDGET_MS} ms (${f(firstMs / ANALYSIS_BUDGET_MS, 1)}×); before: median ${ANALYSIS_PREVIOUS_MEDIAN_MS} ms`,
    `  warm analysis:  median ${f(warmMs)} ms, max ${f(Math.max(...warm.map((x) => x.totalMs)))} ms over ${warm.length} pages`,
    '  by step (lib/analyze.ts STEPS; other = the attachment link and the panel\'s items), medians over the pages:',
    '               first    warm   first − warm',
    ...STEPS.map((s) => row(s, step(first, s), step(warm, s))),
    row('other', other(first), other(warm)),
    `  floor: the warm analysis, ${f(warmMs)} ms, is the work; the first pays ${f(firstMs - warmMs)} ms more (${f((100 * (firstMs - warmMs)) / firstMs, 0)} %) in every step, because`,
    '  each report page runs in a new renderer (a fresh V8) and Chromium keeps no code cache for an injected script: every',
    '  function the analysis calls is compiled on that call and runs cold (docs/first-analysis.md); below that, cut the work',
  );
  return lines;
}

export function formatChromiumBench(b: ChromiumBench): string {
  const d = b.detector;
  const l = b.pageLoad;
  const lines = [`Chromium ${b.chromium} with the built extension — medians of ${b.repeats} page loads`];
  if (d && l) {
    lines.push(
      '',
      `detector on a gov.cn page that is not a report (${d.bytes} B):`,
      `  main thread ${f(d.medianMs, 3)} ms (min ${f(Math.min(...d.mainThreadMs), 3)}, max ${f(Math.max(...d.mainThreadMs), 3)}) — ${f(d.medianMs / DETECTOR_BUDGET_MS, 1)}× the budget of ${DETECTOR_BUDGET_MS} ms`,
      `page load (loadEventEnd) of ${l.url}:`,
      `  with the extension ${f(l.medianWithMs, 1)} ms, without ${f(l.medianWithoutMs, 1)} ms — ratio ${f(l.ratio, 3)}× (budget ${LOAD_RATIO_BUDGET}×)`,
    );
  }
  if (b.analysis.length) lines.push('', ...formatAnalysis(b.analysis));
  const v = b.viewer;
  if (v?.verdictMs.length) {
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
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const repeats = arg('--repeats');
  const extensionDir = build(path.resolve(arg('--out') ?? path.join(REPO_ROOT, '.output-bench')));
  console.log(formatChromiumBench(await runChromiumBench({ extensionDir, repeats: repeats === undefined ? undefined : Number(repeats), analysisOnly: process.argv.includes('--analysis-only') })));
}
