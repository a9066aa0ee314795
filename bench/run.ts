// npm run bench: prints the engine's speed against the budgets (≤ 10 ms per page for recognition +
// extraction + checks; ≥ 100 pages/s for the CLI). Asserts nothing: the numbers are for reading.
// Each environment is one module returning plain numbers: bench/node.ts, bench/cli.ts, and
// bench/chromium.ts (the detector's cost, page load with/without the extension, the analysis in the
// page). `npm run bench -- --node` skips Chromium.
import path from 'node:path';
import { REPO_ROOT } from '../scripts/serve';
import { benchPages } from './pages';
import { runNodeBench } from './node';
import { formatHostileBench, runHostileBench } from './hostile';
import { formatCliBench, runCliBench } from './cli';
import { formatPdfBench, runPdfBench } from './pdf';
import { formatChromiumBench, runChromiumBench } from './chromium';
import { formatSnapshotIndexBench, runSnapshotIndexBench } from './snapshots';

const BUDGET_MS_PER_PAGE = 10;
const BUDGET_PAGES_PER_S = 100;

const ms = (x: number) => x.toFixed(2).padStart(7);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

const pages = benchPages();
const node = runNodeBench(pages);

console.log(`Node ${process.version} — median of ${node.repeats} runs after warm-up, per page (ms)\n`);
console.log(`${pad('page', 46)}${pad('script', 13)} parse  analysis  opencc   vs ${BUDGET_MS_PER_PAGE} ms`);
for (const t of node.pages) {
  const ratio = t.analysisMs / BUDGET_MS_PER_PAGE;
  console.log(`${pad(t.page.name, 46)}${pad(t.script, 12)}${ms(t.parseMs)}${ms(t.analysisMs)}  ${t.conversionMs ? ms(t.conversionMs) : '      -'}   ${(ratio * 100).toFixed(0).padStart(3)}%`);
}
const analysis = node.pages.map((t) => t.analysisMs);
const total = analysis.reduce((a, b) => a + b, 0);
const parse = node.pages.reduce((a, t) => a + t.parseMs, 0);
const traditional = node.pages.filter((t) => t.script === 'traditional');
const convShare = traditional.reduce((a, t) => a + t.conversionMs, 0) / traditional.reduce((a, t) => a + t.analysisMs, 0);
console.log(`
analysis: mean ${(total / analysis.length).toFixed(2)} ms, max ${Math.max(...analysis).toFixed(2)} ms per page (budget ${BUDGET_MS_PER_PAGE} ms: max is ${((Math.max(...analysis) / BUDGET_MS_PER_PAGE) * 100).toFixed(0)}% of it)
throughput, one core: ${(1000 / (total / analysis.length)).toFixed(0)} pages/s analysis only, ${(1000 / ((total + parse) / analysis.length)).toFixed(0)} pages/s with the HTML parse (budget ${BUDGET_PAGES_PER_S})
opencc: converter build ${node.converterBuildMs.toFixed(1)} ms once per process; converting a traditional page's whole text is ${(convShare * 100).toFixed(0)}% of its analysis time (${traditional.length} traditional pages)`);

// Issue 12: ≥ 200 real pages/s per core for the bundled CLI.
console.log(`\n${formatCliBench(await runCliBench(pages), 200)}`);

// Issue 10: any page of ≤ 1 MB in ≤ 1 s and ≤ 100 MB (generated worst cases, the fuzz corpus).
console.log(`\n${formatHostileBench(await runHostileBench(!process.argv.includes('--node')))}`);

// Issue 8: a 6-page PDF read and checked in ≤ 150 ms (huaian-2024.pdf), beside pdftotext -layout.
console.log(`\n${formatPdfBench(await runPdfBench())}`);

if (!process.argv.includes('--node')) {
  console.log('');
  console.log(formatChromiumBench(await runChromiumBench()));
  console.log('');
  console.log(formatSnapshotIndexBench(await runSnapshotIndexBench({ extensionDir: path.join(REPO_ROOT, '.output-bench', 'chrome-mv3') })));
}
