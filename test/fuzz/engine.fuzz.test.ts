// The fuzz suite in `npm test`: each property of test/fuzz/properties.ts on a fixed seed and a
// bounded number of cases, so a failure is reproducible (fast-check prints the counterexample
// and its path). `npm run fuzz` runs the same properties on many more cases and prints timings.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { bytesProperty, gridsProperty, newStats, pagesProperty, realPages, table3Pages, table3Property } from './properties';

const SEED = 20261206;
const pages = realPages();

describe('fuzz (fixed seed)', () => {
  it('analyses any mutated real page into a report that validates', () => {
    fc.assert(pagesProperty(pages, newStats()), { seed: SEED, numRuns: 15 });
  }, 60_000);

  it('reads any re-encoded, damaged page as a Page or says it cannot', async () => {
    await fc.assert(bytesProperty(pages, newStats()), { seed: SEED, numRuns: 15 });
  }, 60_000);

  it('reads exactly the numbers written into 表三, and T3-ROW fires exactly on the totals made wrong', () => {
    const t3 = table3Pages(pages);
    // The renderings of seeds 000, 001, 003, 004 (three each) carry a full 表三.
    if (t3.length < 6) throw new Error(`only ${t3.length} pages with a refillable 表三`);
    fc.assert(table3Property(t3, newStats()), { seed: SEED, numRuns: 15 });
  }, 60_000);

  it('makes any table of random spans a rectangular grid within the cap', () => {
    fc.assert(gridsProperty(newStats()), { seed: SEED, numRuns: 200 });
    // A small cap is hit often: the rows kept are whole and within it.
    fc.assert(gridsProperty(newStats(), 60), { seed: SEED, numRuns: 200 });
  }, 60_000);
});
