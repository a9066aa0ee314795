// npm run fuzz: the properties of test/fuzz/properties.ts on many cases (FUZZ_RUNS each, default
// 1000; FUZZ_SEED to replay a run), then the figures: cases, the slowest analysis and its page,
// the process's peak memory. A failing property prints its counterexample and exits 1.
import fc from 'fast-check';
import { bytesProperty, gridsProperty, newStats, pagesProperty, realPages, table3Pages, table3Property, type Stats } from './properties';

const runs = Number(process.env.FUZZ_RUNS ?? 1000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const pages = realPages();

const results: [string, Stats][] = [];
let failed = false;

async function run(name: string, property: (stats: Stats) => fc.IProperty<unknown> | fc.IAsyncProperty<unknown>) {
  const stats = newStats();
  const t0 = performance.now();
  const details = await fc.check(property(stats) as fc.IAsyncProperty<unknown>, { seed, numRuns: runs });
  const seconds = ((performance.now() - t0) / 1000).toFixed(0);
  if (details.failed) {
    failed = true;
    console.log(`✗ ${name}: ${fc.defaultReportMessage(details)}`);
  } else console.log(`✓ ${name}: ${runs} cases in ${seconds} s (${stats.cases} analysed; the others read as no page, or as a grid only)`);
  results.push([name, stats]);
}

console.log(`fuzz: ${runs} cases per property, seed ${seed} (FUZZ_SEED=${seed} replays it)\n`);
await run('pages  (mutated real pages)', (s) => pagesProperty(pages, s));
await run('bytes  (encodings, damage)', (s) => bytesProperty(pages, s));
await run('table3 (random counts in a real 表三)', (s) => table3Property(table3Pages(pages), s));
await run('grids  (random spans)', (s) => gridsProperty(s));

console.log('\nslowest analysis per property (budget: 1000 ms for a page of ≤ 1 MB):');
for (const [name, s] of results) {
  console.log(`  ${name.padEnd(40)} ${s.worstMs.toFixed(1).padStart(8)} ms  (${(s.worstBytes / 1024).toFixed(0)} KB: ${s.worstCase.slice(0, 80)}); of pages ≤ 1 MB: ${s.worstMsUpTo1Mb.toFixed(1)} ms`);
}
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`peak memory of the whole run (resident, parser and test data included): ${peakMb.toFixed(0)} MB (budget 100 MB per page)`);
process.exit(failed ? 1 : 0);
