// What the viewer's browser tests share: the seed pages printed to PDF, the engine's own reading of
// a file (what the viewer and the attachment panel must show), the panel's list.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { CHROMIUM, inPanel } from './harness';
import { FIXTURES_HTML, PRINTED_DIR } from '../../scripts/serve';
import { analyzeFile } from '../../lib/extract/file';
import { verdictOf } from '../../components/model';

/**
 * The seed pages as "print to PDF" makes them: Chromium's own PDF of the Word-pasted rendering, from
 * a plain Chromium (as the PDF reader's own tests print them), into PRINTED_DIR where
 * scripts/serve.ts serves them under gov.cn addresses.
 */
export async function printSeeds(seeds: readonly string[]): Promise<void> {
  await mkdir(PRINTED_DIR, { recursive: true });
  const printer = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await printer.newPage();
    for (const seed of seeds) {
      await page.goto(pathToFileURL(path.join(FIXTURES_HTML, `${seed}-word.html`)).href);
      await page.pdf({ path: path.join(PRINTED_DIR, `${seed}-word.pdf`), format: 'A4' });
    }
    // Seed 001 as a later edition of its attachment: 行政许可's 处理决定数量 0 changed to 12.
    const html = await readFile(path.join(FIXTURES_HTML, '001-word.html'), 'utf8');
    const at = html.indexOf('許可');
    const changed = `${html.slice(0, at)}${html.slice(at).replace('>0<', '>12<')}`;
    if (changed === html) throw new Error('001-word.html: no 行政許可 figure to change');
    const file = path.join(PRINTED_DIR, '001-changed.html');
    await writeFile(file, changed);
    await page.goto(pathToFileURL(file).href);
    await page.pdf({ path: path.join(PRINTED_DIR, '001-changed.pdf'), format: 'A4' });
  } finally {
    await printer.close();
  }
}

/** The report the engine reads from the same file in Node: what the viewer must show. */
export async function engineReport(file: string) {
  const { report, recognition, figures } = await analyzeFile({ bytes: new Uint8Array(await readFile(file)), source: file }, { parseHtml: (html) => parseHTML(html).document });
  return { verdict: verdictOf(report, recognition.isReport), findings: report.findings.map((f) => [f.rule, f.message]).sort(), report, figures: figures.size };
}

/** The panel's list: [rule, message] of every item, sorted (the panel's own order is its tests' business). */
export const findings = async (page: Page) =>
  (await inPanel(page, 'li.item').evaluateAll((items) => items.map((li) => [(li as HTMLElement).dataset.rule!, li.querySelector('.message')!.textContent!]))).sort();

/** Expands the panel from its pill (a click), unless it is open already. */
export async function showPanel(page: Page): Promise<void> {
  const dialog = inPanel(page, '[role="dialog"]');
  if (await dialog.count()) return;
  await inPanel(page, 'button.pill').click();
  await dialog.waitFor();
}
