// PDFs whose Chinese text is read only through pdf.js's predefined CMaps: a Type0 font over Adobe's
// STSong-Light (Adobe-GB1: UniGB-UCS2-H as iText writes it, and UTF-16, GBpc and GBK codes) or
// MSung-Light (Adobe-CNS1: UniCNS-UCS2-H, and Big5 codes), not embedded, without a ToUnicode map,
// as Java and .NET report systems write them (test/fixtures/pdf/cmap.ts).
// Without the CMaps pdf.js yields no text and the report was called a scan; with them each reads
// exactly as its seed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analyzeFile, UnreadableFile } from '../file';
import { analyzePage } from '../../analyze';
import { readPdfDocument } from './index';
import { EXTENSION_PDFJS_DIR, pdfResourcesUnder } from './resources';
import { pdfjsAssets } from '../../../scripts/pdfjs-assets';
import type { Analysis } from '../../types';
import type { Finding } from '../../report/schema';
import { seed, type SeedId } from '../../../test/fixtures/seeds';
import { CJK_FONTS, seedCmapPdf, type CjkFont } from '../../../test/fixtures/pdf/cmap';

const env = { parseHtml: (html: string) => parseHTML(html).document };
const READ = 60_000;

const CASES: { name: string; seed: SeedId; font: CjkFont; encoding?: string }[] = [
  { name: '000 in STSong-Light, UniGB-UCS2-H', seed: '000', font: 'simplified' },
  { name: '000 in STSong-Light, UniGB-UTF16-H', seed: '000', font: 'simplified', encoding: 'UniGB-UTF16-H' },
  { name: '000 in STSong-Light, GBpc-EUC-H', seed: '000', font: 'simplified', encoding: 'GBpc-EUC-H' },
  { name: '002 in STSong-Light, GBK-EUC-H', seed: '002', font: 'simplified', encoding: 'GBK-EUC-H' },
  { name: '003 in MSung-Light, UniCNS-UCS2-H', seed: '003', font: 'traditional' },
  { name: '001 in MSung-Light, ETen-B5-H (Big5)', seed: '001', font: 'traditional', encoding: 'ETen-B5-H' },
];
/** 表三's heading as each seed prints it. */
const HEADING = { simplified: '三、收到和处理政府信息公开申请情况', traditional: '三、收到和處理政府信息公開申請情況' };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-cmaps-'));
const pdfs = new Map<string, Uint8Array>();
const files = new Map<string, string>();

beforeAll(async () => {
  for (const c of CASES) {
    const bytes = await seedCmapPdf(c.seed, c.font, c.encoding);
    const file = path.join(tmp, `${c.seed}-${c.font}-${c.encoding ?? CJK_FONTS[c.font].encoding}.pdf`);
    fs.writeFileSync(file, bytes);
    pdfs.set(c.name, bytes);
    files.set(c.name, file);
  }
});
afterAll(() => fs.rmSync(tmp, { recursive: true }));

const figuresOf = (a: Analysis) => Object.fromEntries([...a.figures].map(([k, f]) => [k, f.value]));
const significant = (findings: Finding[]) => findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells[0]}`).sort();

describe.each(CASES)('seed $name (font not embedded, no ToUnicode)', (c) => {
  it('is what such systems write, and its text is there: poppler lists the font so and reads the report', () => {
    const fonts = execFileSync('pdffonts', [files.get(c.name)!], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const { baseFont, encoding } = CJK_FONTS[c.font];
    const used = c.encoding ?? encoding;
    // name, type, encoding, embedded, subset, ToUnicode, object: one font, not embedded, no ToUnicode.
    expect(fonts.map((l) => l.split(/\s+/))).toEqual([[`${baseFont}-${used}`, 'CID', 'Type', '0', used, 'no', 'no', 'no', '3', '0']]);
    const text = execFileSync('pdftotext', ['-layout', files.get(c.name)!, '-'], { encoding: 'utf8' });
    expect(text).toContain(HEADING[c.font]);
  });

  it('reads as the seed: agency, year, template, script, date, every figure, exactly the expected findings', async () => {
    const a = await analyzeFile({ bytes: pdfs.get(c.name)!, source: `${c.seed}.pdf` }, env);
    const s = seed(c.seed);
    expect(a.report.form).toBe('pdf');
    expect({ agency: a.report.agency, year: a.report.year, template: a.report.template, script: a.report.script, publishedAt: a.report.publishedAt }).toEqual({
      agency: s.agency, year: s.year, template: s.template, script: s.script, publishedAt: s.publishedAt,
    });
    expect(figuresOf(a)).toEqual(s.figures);
    expect(significant(a.report.findings)).toEqual(s.findings.map((f) => `${f.rule} ${f.cell}`).sort());
  }, READ);
});

describe('the traditional report\'s errors, with their numbers', () => {
  it('T3-ROW on 一、本年新收: the six applicant columns add to 98, the total says 49', async () => {
    const a = await analyzeFile({ bytes: pdfs.get('003 in MSung-Light, UniCNS-UCS2-H')!, source: '003.pdf' }, env);
    const row = a.report.findings.find((f) => f.rule === 'T3-ROW' && f.cells[0] === 'requests.newReceived.total')!;
    expect({ expected: row.expected, actual: row.actual }).toEqual({ expected: 98, actual: 49 });
  }, READ);
});

describe("the extension's CMaps (scripts/pdfjs-assets.ts: Adobe-GB1's and Adobe-CNS1's only)", () => {
  // The build's copy, laid out as in the extension; and a folder with none.
  const shipped = path.join(tmp, 'extension');
  const none = path.join(tmp, 'none');
  beforeAll(() => {
    for (const { absoluteSrc, relativeDest } of pdfjsAssets()) {
      fs.mkdirSync(path.dirname(path.join(shipped, relativeDest)), { recursive: true });
      fs.copyFileSync(absoluteSrc, path.join(shipped, relativeDest));
    }
    fs.mkdirSync(path.join(none, EXTENSION_PDFJS_DIR, 'cmaps'), { recursive: true });
  });

  /** The page read from a document opened as the viewer opens it, with the CMaps under `root`. */
  async function readWith(name: string, root: string) {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: pdfs.get(name)!.slice(), isEvalSupported: false, verbosity: 0, ...pdfResourcesUnder(`${path.join(root, EXTENSION_PDFJS_DIR)}${path.sep}`) }).promise;
    try {
      return await readPdfDocument(doc, `${name}.pdf`);
    } finally {
      await doc.destroy();
    }
  }

  it('are 77 CMaps and pdf.js\'s licence', () => {
    expect(fs.readdirSync(path.join(shipped, EXTENSION_PDFJS_DIR, 'cmaps')).length).toBe(78);
  });

  it.each(CASES)('$name: read with these alone, every figure as the seed', async (c) => {
    expect(figuresOf(analyzePage(await readWith(c.name, shipped), { source: c.name }))).toEqual(seed(c.seed).figures);
  }, READ);

  it('without them the same file has no text: the message a scan gets', async () => {
    const error = await readWith(CASES[0]!.name, none).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFile);
    expect((error as UnreadableFile).zh).toBe('PDF 没有文字层（扫描件），无法读取数字');
  }, READ);
});
