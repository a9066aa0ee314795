/**
 * The browser test cases every supported browser must pass, written once against the driver
 * interface (./driver.ts) and run by test/e2e/cases/chromium.e2e.test.ts (real Chromium) and
 * test/e2e-firefox/firefox.e2e.test.ts (real Firefox ESR), each with the build of its own target.
 * What they hold to is what a reader depends on in any browser: recognition only on report pages,
 * the right verdict on the badge and in the page, the findings' cells marked, the JSON copied on a
 * plain-http page, a snapshot saved and listed. Assertions use no UI text: the browsers may show the
 * extension in different languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { PANEL_HOST, WRITE_SCREENSHOTS, type BrowserDriver, type DriverTab } from './driver';
import { fileRoute } from '../../../scripts/serve';
import { seedCmapPdf } from '../../fixtures/pdf/cmap';

export interface SharedCase {
  name: string;
  run(driver: BrowserDriver): Promise<void>;
}

/** Whether the panel's shadow root has an element matching `selector` (run in the page). */
const panelHas = ([host, selector]: readonly [string, string]) => !!document.querySelector(host)?.shadowRoot?.querySelector(selector);

/** A report page with the analyzer's panel mounted. */
async function openReport(driver: BrowserDriver, routeId: string): Promise<DriverTab> {
  const tab = await driver.open(routeId);
  await tab.waitForAnalyzer();
  return tab;
}

/** Expands the panel from its pill with a real click (the panel keeps its state across pages). */
async function expand(tab: DriverTab): Promise<void> {
  if (!(await tab.evaluate(panelHas, [PANEL_HOST, '[role="dialog"]'] as const))) {
    await tab.waitFor(panelHas, [PANEL_HOST, 'button.pill'] as const);
    await tab.click('button.pill', { inPanel: true });
  }
  await tab.waitFor(panelHas, [PANEL_HOST, '[role="dialog"] li.item, [role="dialog"] .findings-section .none'] as const);
}

/**
 * The rule id of every item listed in the panel, sorted: how the panel orders and groups them is the
 * panel's business (its own tests), which findings a browser shows is this one's. The id is the
 * item's data-rule (or, in the older layout, its .rule text).
 */
const rules = (tab: DriverTab) => tab.evaluate(itemRules, PANEL_HOST).then((ids) => ids.toSorted());
function itemRules(host: string): string[] {
  return [...document.querySelector(host)!.shadowRoot!.querySelectorAll<HTMLElement>('li.item')].map((li) => li.dataset.rule ?? li.querySelector('.rule')?.textContent ?? '');
}

/** Collapses the panel to its pill, so that it covers none of the page's cells. */
async function collapse(tab: DriverTab): Promise<void> {
  if (await tab.evaluate(panelHas, [PANEL_HOST, '[role="dialog"]'] as const)) await tab.click('button.collapse', { inPanel: true });
  await tab.waitFor(panelHas, [PANEL_HOST, 'button.pill'] as const);
}

/** Opens the panel from its pill — the reader's request to read the page's attachment, in the page (no viewer tab) — until it is read. */
async function readAttachment(tab: DriverTab): Promise<void> {
  await collapse(tab);
  await tab.click('button.pill', { inPanel: true });
  await tab.waitFor(panelHas, [PANEL_HOST, '.attachment-bar button.attachment-open'] as const);
}

/** [kind, text] of every cell the analyzer outlined in the page. */
const marks = (tab: DriverTab) =>
  tab.evaluate(() => [...document.querySelectorAll('[data-gkl-mark]')].map((td) => [td.getAttribute('data-gkl-mark'), td.textContent!.trim()]), undefined);

/** Seed 001's findings in the engine's order (the copied JSON keeps it). */
const SEED_001_RULES = ['T3-ROW', 'T3-SUM', 'T3-SUM', 'T3-SUM', 'T3-BAL', 'T3-BAL', 'T3-BAL', 'T2-STOCK'];

export const SHARED_CASES: SharedCase[] = [
  {
    name: 'recognises report pages and only them: the analyzer goes into a report, nothing into other pages',
    async run(driver) {
      // The non-report pages load (and their detector runs) before the report: by the time the
      // report's analyzer is in, theirs would have been too.
      const govPage = await driver.open('nonreport-gov');
      const otherSite = await driver.open('nonreport-other');
      const report = await openReport(driver, '001-word');
      expect((await report.waitForVerdict()).isReport).toBe(true);
      for (const page of [govPage, otherSite]) {
        expect(await page.evaluate((host) => document.querySelectorAll(host).length, PANEL_HOST)).toBe(0);
        expect(await page.evaluate(() => document.querySelectorAll('[data-gkl-mark]').length, undefined)).toBe(0);
        expect(await page.verdict()).toBeNull();
        expect(await page.badgeText()).toBe('');
      }
      expect(await report.evaluate((host) => document.querySelectorAll(host).length, PANEL_HOST)).toBe(1);
      for (const page of [govPage, otherSite, report]) await page.close();
    },
  },
  {
    name: 'seed 001 (traditional, T2021): 7 errors and 1 warning on the badge and in the panel, the four cells marked',
    async run(driver) {
      const tab = await openReport(driver, '001-word');
      expect(await tab.waitForVerdict()).toEqual({ isReport: true, errors: 7, warnings: 1, infos: 0, agency: '盘锦市双台子区人民政府办公室', year: 2023 });
      expect(await tab.badgeText()).toBe('7');
      expect(await marks(tab)).toEqual([['warning', '0'], ['error', '0'], ['error', '6'], ['error', '0']]);
      await expand(tab);
      expect(await rules(tab)).toEqual(SEED_001_RULES.toSorted());
      if (WRITE_SCREENSHOTS && driver.name === 'firefox') await tab.screenshot('firefox-panel-001');
      await tab.close();
    },
  },
  {
    name: "the toolbar popup shows the tab's verdict: the report's agency and year, its 7 errors and 1 warning",
    async run(driver) {
      const tab = await openReport(driver, '001-word');
      await tab.waitForVerdict();
      const popup = await tab.popup();
      await popup.waitFor('.verdict .counts');
      const [name] = await popup.texts('.verdict .report-name');
      expect(name).toContain('盘锦市双台子区人民政府办公室');
      expect(name).toContain('2023');
      // Errors, warnings, infos, each with its number (the words are the browser's language; none reads "无说明", "no notes").
      expect((await popup.texts('.verdict .counts li')).map((text) => Number(/\d+/.exec(text)?.[0] ?? 0))).toEqual([7, 1, 0]);
      expect(await popup.texts('.verdict .counts li.error')).toHaveLength(1);
      await popup.close();
      await tab.close();
    },
  },
  {
    name: '"check this page" in the popup reads a report outside gov.cn, once the toolbar button was clicked there (activeTab)',
    async run(driver) {
      // A county site on a bare IP address: the extension may not read it by itself.
      const tab = await driver.open('elsewhere-001');
      // Without the click the popup's "check" is refused (its status says why) and the page stays as it was.
      const refused = await tab.popup();
      await refused.waitFor('button.check');
      await refused.click('button.check');
      await refused.waitFor('p.status:not(:empty)');
      expect(await tab.evaluate((host) => document.querySelectorAll(host).length, PANEL_HOST)).toBe(0);
      await refused.close();
      await tab.clickToolbarButton();
      const popup = await tab.popup();
      await popup.waitFor('button.check');
      await popup.click('button.check');
      await tab.waitForAnalyzer();
      expect(await tab.waitForVerdict()).toEqual({ isReport: true, errors: 7, warnings: 1, infos: 0, agency: '盘锦市双台子区人民政府办公室', year: 2023 });
      expect(await tab.badgeText()).toBe('7');
      await popup.close();
      await tab.close();
    },
  },
  {
    name: 'seed 003 (traditional with romanisation, T2019): 12 errors',
    async run(driver) {
      const tab = await openReport(driver, '003-word');
      expect(await tab.waitForVerdict()).toMatchObject({ isReport: true, errors: 12, warnings: 0, agency: '衡阳市人民政府办公室', year: 2019 });
      expect(await tab.badgeText()).toBe('12');
      await expand(tab);
      const errors = await tab.evaluate((host) => document.querySelector(host)!.shadowRoot!.querySelectorAll('li.item.kind-error').length, PANEL_HOST);
      expect(errors).toBe(12);
      expect((await rules(tab)).filter((rule) => rule.startsWith('T3-'))).toEqual([...Array(5).fill('T3-BAL'), ...Array(3).fill('T3-ROW'), ...Array(4).fill('T3-SUM')]);
      await tab.close();
    },
  },
  {
    name: 'seed 002 (simplified, 表三 in three blocks): no finding, a green tick, nothing marked',
    async run(driver) {
      const tab = await openReport(driver, '002-word');
      expect(await tab.waitForVerdict()).toEqual({ isReport: true, errors: 0, warnings: 0, infos: 0, agency: '精河县', year: 2024 });
      expect(await tab.badgeText()).toBe('✓');
      expect(await marks(tab)).toEqual([]);
      await expand(tab);
      expect(await rules(tab)).toEqual([]);
      await tab.close();
    },
  },
  {
    name: 'a finding clicked in the panel outlines its cells in the page',
    async run(driver) {
      const tab = await openReport(driver, '001-word');
      await expand(tab);
      // The second T3-SUM finding (the engine lists the columns in order): 商业企业, where 6 was filled in for 3.
      const nth = (await tab.evaluate(itemRules, PANEL_HOST)).map((rule, i) => [rule, i] as const).filter(([rule]) => rule === 'T3-SUM')[1]![1];
      await tab.click('li.item .item-button', { inPanel: true, nth });
      // （七）总计 and the 21 result rows （一）–（六） of the 商业企业 column
      await tab.waitFor(() => document.querySelectorAll('[data-gkl-focus]').length === 22, undefined);
      const checked = await tab.evaluate(() => [...document.querySelectorAll('[data-gkl-focus][data-gkl-mark~="error"]')].map((td) => td.textContent!.trim()), undefined);
      expect(checked).toEqual(['6']);
      expect(await tab.evaluate(() => document.querySelectorAll('[data-gkl-flash]').length, undefined)).toBe(22);
      await tab.close();
    },
  },
  {
    name: "a figure flagged through the page's context menu is outlined, and is outlined again after a reload",
    async run(driver) {
      const tab = await openReport(driver, '000-word');
      // The report's own cells (the panel's tables are in its shadow root): the first reading 39, （七）总计 · 总计.
      const cells = '.article-content td';
      const nth = await tab.evaluate((sel) => [...document.querySelectorAll(sel)].findIndex((td) => td.textContent!.trim() === '39'), cells);
      await collapse(tab);
      await tab.chooseFromContextMenu(cells, nth, 'gkl-flag-cell');
      await tab.waitFor(panelHas, [PANEL_HOST, 'form.flag-form'] as const);
      await tab.click('form.flag-form input[value="doubtful"]', { inPanel: true });
      await tab.type('form.flag-form textarea', '正文称办理 39 件', { inPanel: true });
      await tab.click('form.flag-form button[type="submit"]', { inPanel: true });
      // [index, tooltip] of the flagged cells; the tooltip names the cell in the browser's language, then the note.
      const flagged = () => tab.evaluate((sel) => [...document.querySelectorAll(sel)].flatMap((td, i) => (td.matches('[data-gkl-mark~="flag"]') ? [[i, td.getAttribute('title')!.replace(/^.*[:：]\s*/, '')]] : [])), cells);
      const expected = [[nth, '正文称办理 39 件']];
      await tab.waitFor((sel) => document.querySelectorAll(`${sel}[data-gkl-mark~="flag"]`).length > 0, cells);
      expect(await flagged()).toEqual(expected);
      await tab.reload();
      await tab.waitForAnalyzer();
      await tab.waitFor((sel) => document.querySelectorAll(`${sel}[data-gkl-mark~="flag"]`).length > 0, cells);
      expect(await flagged()).toEqual(expected);
      await tab.close();
    },
  },
  {
    name: "a report page whose report is its PDF attachment: one click on the pill reads the file into the page's own panel and badge",
    async run(driver) {
      // 淮安市人民政府's 2024 report page: no table of its own, the report is the linked WPS-made PDF.
      const tab = await openReport(driver, 'attachment-huaian');
      // The page alone: a report with no table, its sections said missing (warnings), no error.
      expect(await tab.waitForVerdict()).toMatchObject({ isReport: true, errors: 0, warnings: 6 });
      await readAttachment(tab);
      expect(await tab.waitForVerdict()).toEqual({ isReport: true, errors: 0, warnings: 0, infos: 0, agency: '淮安市人民政府', year: 2024 });
      expect(await tab.badgeText()).toBe('✓');
      await tab.close();
    },
  },
  {
    name: "an attachment whose Chinese font is not embedded (iText's MSung-Light, UniCNS-UCS2-H): read with the CMaps the extension ships",
    async run(driver) {
      // Seed 003 written as an iText-based system writes it, where the fixture server serves it.
      const { file } = fileRoute('cmap-003-pdf');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, await seedCmapPdf('003', 'traditional'));
      const tab = await openReport(driver, 'attachment-003-cmap');
      await readAttachment(tab);
      // Its 12 errors, as the engine reads the file (no "no text layer").
      expect(await tab.waitForVerdict()).toEqual({ isReport: true, errors: 12, warnings: 0, infos: 1, agency: '衡阳市人民政府办公室', year: 2019 });
      expect(await tab.badgeText()).toBe('12');
      await tab.close();
    },
  },
  {
    name: "a report PDF linked from a page opens in the viewer from the link's context menu: six pages drawn, the report read",
    async run(driver) {
      // 淮安市人民政府's 2024 report page, whose body is only its PDF attachment (a real WPS-made PDF).
      const tab = await openReport(driver, 'attachment-huaian');
      await tab.chooseFromContextMenu('a[href$=".pdf"]', 0, 'gkl-open-viewer');
      const viewer = await driver.extensionTab('/viewer.html');
      await viewer.waitFor('body[data-state="ready"]');
      expect(await viewer.texts('.pdf-page')).toHaveLength(6);
      await viewer.waitFor('.pdf-page[data-page="1"][data-drawn] .textLayer');
      expect((await viewer.texts('.pdf-page[data-page="1"] .textLayer')).join('').replace(/\s+/g, '')).toContain('政府信息公开工作年度报告');
      // The window's title is the report's title, as the engine read it from the file.
      expect((await viewer.texts('title'))[0]).toContain('淮安市人民政府');
      await viewer.close();
      await tab.close();
    },
  },
  {
    name: 'the JSON copied on a plain-http page parses, and is the report shown',
    async run(driver) {
      const tab = await openReport(driver, '001-word');
      expect(tab.url.startsWith('http://')).toBe(true);
      await expand(tab);
      await tab.click('button.copy-json', { inPanel: true });
      await tab.waitFor(([host]) => document.querySelector(host)!.shadowRoot!.querySelector('.copybar > [role="status"]')!.textContent !== '', [PANEL_HOST] as const);
      const report = JSON.parse(await driver.clipboard());
      expect(report).toMatchObject({ source: tab.url, form: 'html', agency: '盘锦市双台子区人民政府办公室', year: 2023, template: '2021' });
      expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual(SEED_001_RULES);
      await tab.close();
    },
  },
  {
    name: 'a report saved from the panel opens on the Snapshots page and is listed there',
    async run(driver) {
      const tab = await openReport(driver, '003-word');
      await expand(tab);
      await tab.click('.copybar button.save', { inPanel: true });
      await tab.waitFor(panelHas, [PANEL_HOST, '.keep-status button.open-snapshot'] as const);
      // The extension opens its own page (tabs.create): tests cannot navigate to it in Firefox.
      await tab.click('.keep-status button.open-snapshot', { inPanel: true });
      const snapshots = await driver.extensionTab('/snapshots.html');
      await snapshots.waitFor('article.snapshot .facts a');
      expect(await snapshots.texts('article.snapshot .facts a')).toEqual([tab.url]);
      await snapshots.click('article.snapshot .buttons button');
      await snapshots.waitFor('table.list tbody th');
      expect(await snapshots.texts('table.list tbody th')).toEqual(['衡阳市人民政府办公室']);
      expect(await snapshots.texts('table.list tbody td:nth-child(3)')).toEqual(['2019']);
      await snapshots.close();
      await tab.close();
    },
  },
];
