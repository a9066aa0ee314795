// Ends `npm test` with one plain line counting every test of every suite ("N passed, N failed"),
// read from the JSON reports the vitest runs write (test-results/*.json): unit, Chromium and
// Firefox. A suite that left no report (its run broke before any test: a failed build, no browser)
// counts as failed, so the line never looks better than the run was. Exit code: 1 when anything failed.
import { existsSync, readFileSync } from 'node:fs';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  /** Files that failed outside any test (a hook, an import). */
  numFailedTestSuites: number;
}

const files = process.argv.slice(2);
const missing = files.filter((file) => !existsSync(file));
const reports = files.filter((file) => existsSync(file)).map((file) => JSON.parse(readFileSync(file, 'utf8')) as VitestJson);
const sum = (pick: (r: VitestJson) => number) => reports.reduce((n, r) => n + pick(r), 0);
const skipped = sum((r) => r.numPendingTests + r.numTodoTests);
const failed = sum((r) => r.numFailedTests);
// A suite file that broke before its tests ran (beforeAll: the browser did not start) has its tests
// counted as skipped, not failed: name it.
const brokenFiles = sum((r) => r.numFailedTestSuites);
for (const file of missing) console.log(`no report from ${file}: that suite did not run to its end`);
const notes = [skipped && `${skipped} skipped`, brokenFiles && `${brokenFiles} test files broken`, missing.length && `${missing.length} suites without a report`].filter(Boolean);
console.log(`${sum((r) => r.numPassedTests)} passed, ${failed} failed${notes.length ? `, ${notes.join(', ')}` : ''}`);
process.exitCode = failed || brokenFiles || missing.length ? 1 : 0;
