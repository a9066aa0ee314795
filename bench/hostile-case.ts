// One worst case of test/fuzz/worst-cases.ts in a fresh process (bench/hostile.ts runs one per
// case, so each peak is its own): prints JSON with the parse and analysis times and how far the
// peak resident memory rose during the analysis.
import { parseHtmlInNode } from '../lib/extract/node-dom';
import { analyzeDocument } from '../lib/analyze';
import { worstCases } from '../test/fuzz/worst-cases';

const [index, bytes] = process.argv.slice(2).map(Number);
const c = worstCases(bytes)[index!]!;
const t0 = performance.now();
const document = parseHtmlInNode(c.html);
const t1 = performance.now();
const rssBefore = process.memoryUsage().rss;
const analysis = analyzeDocument(document, { source: 'https://www.example.gov.cn/worst.html' });
const t2 = performance.now();
// maxRSS is the process's peak (KB): what the analysis added on top of the parsed page.
const peakRise = Math.max(0, process.resourceUsage().maxRSS * 1024 - rssBefore);
console.log(JSON.stringify({
  name: c.name, bytes: Buffer.byteLength(c.html), parseMs: t1 - t0, analysisMs: t2 - t1, peakRiseMb: peakRise / 2 ** 20,
  findings: analysis.report.findings.map((f) => f.rule).filter((r) => r === 'TBL-UNREADABLE' || r === 'VAL-BAD'),
}));
