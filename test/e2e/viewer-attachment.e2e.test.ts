// Getting to the viewer, in real Chromium with the built extension: a report page whose report is a
// PDF attachment (read on one click into the page's own panel), a page with tables and the same
// report attached (offered for comparison), the context menu on a link to a PDF, and the popup on a
// tab showing a report PDF.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { inPanel, useLens } from './harness';
import { engineReport, findings, printSeeds, showPanel } from './viewer-helpers';
import path from 'node:path';
import { PRINTED_DIR, fileRoute } from '../../scripts/serve';
import { cellLabel } from '../../lib/formats/labels';

/** The extension API inside the service worker (code run there through lens.inWorker). */
declare const chrome: typeof browser;

const lens = useLens({ lang: 'zh-CN' });
beforeAll(async () => {
  await printSeeds(['001']);
}, 90_000);

/** Collapses the panel to its pill (the expanded state is a setting that outlives pages). */
async function showPill(page: Page) {
  if (await inPanel(page, '[role="dialog"]').count()) await inPanel(page, 'button.collapse').click();
  const pill = inPanel(page, 'button.pill');
  await pill.waitFor();
  return pill;
}

describe('a report page whose report is a PDF attachment', () => {
  it('the pill says so; one click reads the attachment and the panel and badge show its report', async () => {
    const route = fileRoute('huaian-2024-pdf');
    const expected = await engineReport(route.file);
    const page = await lens.openReport('attachment-huaian');
    const pill = await showPill(page);
    expect(await pill.textContent()).toContain(await lens.t('viewer.attachment.pill'));
    // The page itself holds no table: nothing has been fetched yet.
    expect((await lens.waitForVerdict(page)).errors).toBe(0);
    await pill.click();
    const status = inPanel(page, '.attachment-status');
    const name = '淮安市人民政府2024年政府信息公开工作年度报告.pdf';
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe(await lens.t('viewer.attachment.shown', [name]));
    await expect.poll(() => lens.verdict(page)).toEqual(expected.verdict);
    expect(await findings(page)).toEqual(expected.findings);
    expect(await pill.count()).toBe(0);
    await lens.screenshot(page, 'viewer-attachment-huaian');
    // The reader can open the file in the viewer from there.
    const opened = lens.context.waitForEvent('page');
    await inPanel(page, 'button.attachment-open').click();
    const viewer = await opened;
    expect(viewer.url()).toBe(`chrome-extension://${lens.extensionId}/viewer.html?file=${encodeURIComponent(route.url)}`);
    await viewer.close();
  });

  it('a page with its own tables is read from its HTML; the attachment is offered for comparison', async () => {
    const page = await lens.openReport('attachment-001');
    expect(await lens.waitForVerdict(page)).toEqual({ isReport: true, errors: 7, warnings: 1, infos: 0, agency: '盘锦市双台子区人民政府办公室', year: 2023 });
    const pill = await showPill(page);
    expect(await pill.textContent()).not.toContain(await lens.t('viewer.attachment.pill'));
    await showPanel(page);
    const before = await findings(page);
    const name = '2023年政府信息公开工作年度报告.pdf';
    const compare = inPanel(page, 'button.attachment-read');
    expect(await compare.textContent()).toBe(await lens.t('viewer.attachment.compare', [name]));
    await compare.click();
    const printed = await engineReport(path.join(PRINTED_DIR, '001-word.pdf'));
    // The printed PDF holds the same figures as the page: said so, and the page's findings unchanged.
    await expect
      .poll(() => inPanel(page, '.attachment-status').textContent(), { timeout: 30_000 })
      .toBe(await lens.t('viewer.attachment.same', [name, String(printed.figures)]));
    expect(await findings(page)).toEqual(before);
  });
  it('the attachment differs from the page: each figure that differs is listed, named and with both numbers', async () => {
    const page = await lens.openReport('attachment-001-changed');
    await showPanel(page);
    await inPanel(page, 'button.attachment-read').click();
    const rule = await lens.t('viewer.attachment.differsRule');
    const differing = inPanel(page, `li.item[data-rule="${rule}"] .message`);
    await expect.poll(() => differing.allTextContents(), { timeout: 30_000 }).toEqual([`${cellLabel('active.licensing.decisions', 'zh')}：${await lens.t('viewer.attachment.differs', ['12', '0'])}`]);
    // The page's own findings and verdict stay the page's.
    expect((await lens.verdict(page))?.errors).toBe(7);
  });
});

describe('opening the viewer', () => {
  it('the context menu on a link to a PDF opens it in the viewer beside the page', async () => {
    // The item exists (update fails on an unknown id).
    await lens.inWorker(() => chrome.contextMenus.update('gkl-open-viewer', {}), undefined);
    const page = await lens.openReport('attachment-huaian');
    const link = await page.locator('a[href$=".pdf"]').evaluate((a) => (a as HTMLAnchorElement).href);
    const opened = lens.context.waitForEvent('page');
    const tabId = await lens.tabId(page);
    // Headless Chromium shows no native menu: run what choosing its item runs.
    await lens.inWorker(
      ({ tab, url, linkUrl }) =>
        (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
          { menuItemId: 'gkl-open-viewer', frameId: 0, editable: false, pageUrl: url, linkUrl },
          { id: tab, index: 0, windowId: -1, url },
        ),
      { tab: tabId, url: page.url(), linkUrl: link },
    );
    const viewer = await opened;
    await viewer.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
    expect(viewer.url()).toBe(`chrome-extension://${lens.extensionId}/viewer.html?file=${encodeURIComponent(link)}`);
    expect((await lens.waitForVerdict(viewer)).agency).toBe('淮安市人民政府');
  });

  it('the popup on a tab showing a report PDF opens it in the viewer, in that tab', async () => {
    const pdf = fileRoute('huaian-2024-pdf').url;
    const tabId = await lens.inWorker(async (url) => (await chrome.tabs.create({ url, active: true })).id!, pdf);
    await expect.poll(() => lens.inWorker(async (id) => (await chrome.tabs.get(id)).url, tabId)).toBe(pdf);
    const popup = await lens.context.newPage();
    await popup.goto(`chrome-extension://${lens.extensionId}/popup.html?tab=${tabId}`);
    const open = popup.locator('button.open-viewer');
    expect(await open.textContent()).toBe(await lens.t('viewer.popupOpen'));
    await open.click();
    const viewer = `chrome-extension://${lens.extensionId}/viewer.html?file=${encodeURIComponent(pdf)}`;
    await expect.poll(() => lens.inWorker(async (id) => (await chrome.tabs.get(id)).url, tabId), { timeout: 30_000 }).toBe(viewer);
  });

  it('the popup offers nothing of the kind on a web page', async () => {
    const page = await lens.openReport('001-word');
    const popup = await lens.popup(page);
    await popup.locator('button.primary').first().waitFor();
    expect(await popup.locator('button.open-viewer').count()).toBe(0);
  });
});
