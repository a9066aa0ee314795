// The toolbar popup in real Chromium: the tab's verdict, "check this page" through activeTab (a
// real toolbar click), the settings, by keyboard and by accessible names. Headless Chromium cannot
// answer the permission prompt of "always check this site": what follows the grant is covered by
// utils/sites.test.ts, the prompt's request by Popup.test.tsx.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLens } from './harness';
import type { Settings } from '../../utils/settings';
import type { browser } from 'wxt/browser';

declare const chrome: typeof browser;

const lens = useLens({ lang: 'zh-CN' });

// utils/settings.ts needs the extension's storage: its defaults are written out here.
const DEFAULT_SETTINGS: Settings = { alwaysCheckSites: [], panel: { expanded: false, dock: 'bottom-right' }, marks: true, autoSave: false, hiddenPillSites: [], neverCheckSites: [] };
const settings = () => lens.inWorker(async () => (await chrome.storage.local.get('settings')).settings as Settings | undefined, undefined);
const setSettings = (value: Settings) => lens.inWorker((v) => chrome.storage.local.set({ settings: v }), value);
const status = (popup: Page) => popup.getByRole('status');

describe('the verdict of the tab', () => {
  it('names the report and counts its findings', async () => {
    const page = await lens.open('001-word');
    const verdict = await lens.waitForVerdict(page);
    const popup = await lens.popup(page);
    await expect.poll(() => popup.locator('.report-name').textContent()).toBe(await lens.t('popup.report', ['盘锦市双台子区人民政府办公室', '2023']));
    expect(await popup.locator('.counts li').allTextContents()).toEqual([
      await lens.t('badge.errors', undefined, 7),
      await lens.t('badge.warnings', undefined, 1),
      await lens.t('popup.infos', undefined, verdict.infos),
    ]);
    // A checked report: the button shows its panel; "check this page" is not offered again.
    expect(await popup.locator('button.check').textContent()).toBe(await lens.t('ux.popup.showPanel'));
    expect(await popup.getByRole('button', { name: await lens.t('popup.check') }).count()).toBe(0);
    await lens.screenshot(popup.locator('main'), 'popup-report');
    await popup.close();
  });

  it('says so when the report passed every check', async () => {
    const page = await lens.open('002-word');
    await lens.waitForVerdict(page);
    const popup = await lens.popup(page);
    await expect.poll(() => popup.locator('.verdict').textContent()).toBe(
      (await lens.t('popup.report', ['精河县', '2024'])) + (await lens.t('popup.clean')),
    );
    await popup.close();
  });

  it('on a gov.cn page that is not a report, says it was looked at — once, without "not checked yet"', async () => {
    const page = await lens.open('nonreport-gov');
    const popup = await lens.popup(page);
    const said = await lens.t('ux.popup.govNotReport');
    await expect.poll(() => popup.locator('section').first().locator('p').first().textContent()).toBe(said);
    const text = (await popup.locator('section').first().textContent())!;
    expect(text.split(said)).toHaveLength(2);
    expect(text).not.toContain('尚未核对');
    // No sentence said twice.
    const sentences = text.split('。').map((x) => x.trim()).filter(Boolean);
    expect(new Set(sentences).size).toBe(sentences.length);
    await popup.close();
  });

  it('on another site, says why nothing was checked (its address is not even visible without a click)', async () => {
    const page = await lens.open('nonreport-other');
    const popup = await lens.popup(page);
    await expect.poll(() => popup.locator('section').first().locator('p').first().textContent()).toBe(await lens.t('ux.popup.noAddress'));
    await popup.close();
  });
});

describe('check this page, outside gov.cn', () => {
  it('is refused without a click on the toolbar button: no access to the page', async () => {
    const page = await lens.open('elsewhere-001');
    expect(await lens.checkTab(page)).toEqual({ ok: false, reason: 'not-allowed' });
    const popup = await lens.popup(page);
    await popup.getByRole('button', { name: await lens.t('popup.check') }).click();
    await expect.poll(() => status(popup).textContent()).toBe(await lens.t('popup.refused.notAllowed'));
    expect(lens.scripts(page)).toEqual([]);
    await popup.close();
  });

  it('runs the analyzer through activeTab after the toolbar button was clicked', async () => {
    // An address of its own: the click is aimed at a tab by its address.
    const page = await lens.open(`${lens.url('elsewhere-001')}?clicked`);
    await lens.clickToolbarButton(page);
    const popup = await lens.popup(page);
    // With activeTab the popup sees the site and offers to check it always.
    const always = popup.getByRole('button', { name: await lens.t('popup.alwaysCheck', ['10.1.2.3']) });
    expect(await always.count()).toBe(1);
    await popup.getByRole('button', { name: await lens.t('popup.check') }).click();
    await expect.poll(() => status(popup).textContent()).toBe(await lens.t('popup.checked'));
    await lens.waitForAnalyzer(page);
    expect(lens.scripts(page)).toEqual(['/content-scripts/analyzer.js']);
    // The verdict reaches the open popup and the badge.
    await expect.poll(() => popup.locator('.counts li').first().textContent()).toBe(await lens.t('badge.errors', undefined, 7));
    expect((await lens.badge(page)).text).toBe('7');
    await popup.close();
  });

  it('opens the panel of a report whose analyzer already runs, without injecting it again', async () => {
    const page = await lens.open('003-word');
    await lens.waitForAnalyzer(page);
    expect(await lens.checkTab(page)).toEqual({ ok: true });
    await page.waitForTimeout(500);
    expect(lens.scripts(page)).toEqual(['/detector.js', '/content-scripts/analyzer.js']);
  });
});

describe('settings', () => {
  it('saves the panel position, the marks and auto-save as the reader changes them', async () => {
    await setSettings(DEFAULT_SETTINGS);
    const page = await lens.open('nonreport-gov');
    const popup = await lens.popup(page);
    await popup.getByLabel(await lens.t('settings.dock')).selectOption('top-left');
    await popup.getByLabel(await lens.t('settings.marks')).uncheck();
    await popup.getByLabel(await lens.t('settings.autoSave')).check();
    await expect.poll(settings).toEqual({ ...DEFAULT_SETTINGS, panel: { ...DEFAULT_SETTINGS.panel, dock: 'top-left' }, marks: false, autoSave: true });
    await popup.close();
  });

  it('lists the sites always checked and forgets one on request', async () => {
    await setSettings({ ...DEFAULT_SETTINGS, alwaysCheckSites: ['http://10.1.2.3'] });
    const page = await lens.open('nonreport-gov');
    const popup = await lens.popup(page);
    const remove = popup.getByRole('button', { name: await lens.t('settings.sites.removeLabel', ['10.1.2.3']) });
    await remove.click();
    await expect.poll(() => status(popup).textContent()).toBe(await lens.t('settings.sites.removed', ['10.1.2.3']));
    expect((await settings())?.alwaysCheckSites).toEqual([]);
    expect(await popup.getByText(await lens.t('settings.sites.none')).count()).toBe(1);
    expect(await lens.inWorker(() => chrome.scripting.getRegisteredContentScripts(), undefined)).toEqual([]);
    await popup.close();
  });

  it('is all reachable by keyboard, in reading order, starting at "show the panel"', async () => {
    await setSettings(DEFAULT_SETTINGS);
    const page = await lens.open('001-word');
    await lens.waitForVerdict(page);
    const popup = await lens.popup(page);
    const host = 'www.shuangtaizi.gov.cn';
    const controls = [
      popup.getByRole('button', { name: await lens.t('ux.popup.showPanel') }),
      popup.getByRole('checkbox', { name: await lens.t('ux.popup.hidePill', [host]) }),
      popup.getByRole('checkbox', { name: await lens.t('ux.popup.neverCheck', [host]) }),
      popup.getByRole('combobox', { name: await lens.t('settings.dock') }),
      popup.getByRole('checkbox', { name: await lens.t('settings.marks') }),
      popup.getByRole('checkbox', { name: await lens.t('settings.autoSave') }),
      popup.getByRole('link', { name: await lens.t('popup.snapshots') }),
    ];
    await controls[0]!.waitFor();
    const focusedAt = [];
    for (const control of controls) {
      focusedAt.push(await control.evaluate((el) => el === document.activeElement));
      await popup.keyboard.press('Tab');
    }
    expect(focusedAt).toEqual(controls.map(() => true));
    expect(await popup.getByRole('link', { name: await lens.t('popup.snapshots') }).getAttribute('href')).toBe(
      `chrome-extension://${lens.extensionId}/snapshots.html`,
    );
    await popup.close();
  });
});

describe('per-site control, undone in the settings', () => {
  it('hides the pill on a site, and shows it again', async () => {
    const page = await lens.open('003-word');
    await lens.waitForAnalyzer(page);
    const root = page.locator('gongkai-lens .gkl-root');
    await root.waitFor();
    const popup = await lens.popup(page);
    await popup.locator('input.hide-pill').check();
    await expect.poll(() => status(popup).textContent()).toBe(await lens.t('ux.popup.hideOn', ['www.hengyang.gov.cn']));
    await expect.poll(() => root.count()).toBe(0);
    // The badge still counts.
    expect((await lens.badge(page)).text).toBe('12');
    // Undone from the settings' list.
    await popup.getByRole('button', { name: await lens.t('ux.popup.hideOffLabel', ['www.hengyang.gov.cn']) }).click();
    await expect.poll(() => root.count()).toBe(1);
    expect((await settings())?.hiddenPillSites).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('never checks a site, until undone', async () => {
    const first = await lens.open('004-word');
    await lens.waitForAnalyzer(first);
    const popup = await lens.popup(first);
    await popup.locator('input.never-check').check();
    await expect.poll(async () => (await settings())?.neverCheckSites).toEqual(['http://www.wendeng.gov.cn']);
    // Opened again: the detector asks, the background declines; a report elsewhere, opened after it, is checked.
    const again = await lens.open('004-word');
    const other = await lens.open('002-word');
    await lens.waitForAnalyzer(other);
    await lens.waitForVerdict(other);
    expect(await again.locator('gongkai-lens').count()).toBe(0);
    expect(await lens.verdict(again)).toBeNull();
    await popup.getByRole('button', { name: await lens.t('ux.popup.neverOffLabel', ['www.wendeng.gov.cn']) }).click();
    await expect.poll(async () => (await settings())?.neverCheckSites).toEqual([]);
    await again.reload();
    await lens.waitForAnalyzer(again);
    await popup.close();
  });
});
