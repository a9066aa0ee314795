// Ends `npm test` with one plain line counting every test of both suites ("N passed, N failed"),
// read from the JSON reports the two vitest runs write (test-results/*.json).
import { readFileSync } from 'node:fs';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const reports = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')) as VitestJson);
const sum = (pick: (r: VitestJson) => number) => reports.reduce((n, r) => n + pick(r), 0);
const skipped = sum((r) => r.numPendingTests + r.numTodoTests);
console.log(`${sum((r) => r.numPassedTests)} passed, ${sum((r) => r.numFailedTests)} failed${skipped ? `, ${skipped} skipped` : ''}`);
