// Ends `npm test` with one plain line counting every test of every suite ("N passed, N failed"),
// read from the JSON reports the vitest runs write (test-results/*.json): unit, Chromium and
// Firefox. A suite that left no report (its run broke before writing one: a failed build) and a test
// file that broke outside its tests (beforeAll: the browser did not start) are named and make the
// run fail, so the line never looks better than the run was. Exit code: 1 when anything failed.
import { existsSync, readFileSync } from 'node:fs';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
}

const files = process.argv.slice(2);
const missing = files.filter((file) => !existsSync(file));
const reports = files.filter((file) => existsSync(file)).map((file) => JSON.parse(readFileSync(file, 'utf8')) as VitestJson);
const sum = (pick: (r: VitestJson) => number) => reports.reduce((n, r) => n + pick(r), 0);
const skipped = sum((r) => r.numPendingTests + r.numTodoTests);
const failed = sum((r) => r.numFailedTests);
// Failed with no failed test in it: its tests never ran (they count as skipped).
const broken = reports.flatMap((r) => r.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')).map((file) => file.name));
for (const file of missing) console.log(`no report in ${file}: that suite did not run to its end`);
for (const file of broken) console.log(`${file} broke before its tests ran`);
const notes = [skipped && `${skipped} skipped`, broken.length && `${broken.length} test files broken`, missing.length && `${missing.length} suites without a report`].filter(Boolean);
console.log(`${sum((r) => r.numPassedTests)} passed, ${failed} failed${notes.length ? `, ${notes.join(', ')}` : ''}`);
process.exitCode = failed || broken.length || missing.length ? 1 : 0;
