// Running the analyzer in a tab: on request of the detector (a report page was recognised) or of
// the reader ("check this page" in the popup, which works anywhere through `activeTab`).
import { browser } from 'wxt/browser';
import type { CheckOutcome, Message } from './messages';

/** The analyzer entrypoint (registration: 'runtime'), built by WXT to this file. */
export const ANALYZER_FILE = '/content-scripts/analyzer.js';

export async function injectAnalyzer(tabId: number, frameId = 0): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [ANALYZER_FILE] });
}

/** Asks the analyzer of the tab's top frame to open its panel; false when none runs there. */
async function openPanel(tabId: number): Promise<boolean> {
  const message: Message = { type: 'gkl:open-panel' };
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return true;
  } catch {
    return false;
  }
}

/** "Check this page": show the panel, injecting the analyzer first unless it already runs there. */
export async function checkTab(tabId: number): Promise<CheckOutcome> {
  if (await openPanel(tabId)) return { ok: true };
  try {
    await injectAnalyzer(tabId);
  } catch {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    return { ok: false, reason: tab ? 'not-allowed' : 'no-tab' };
  }
  await openPanel(tabId);
  return { ok: true };
}

/** The keyboard shortcut: toggle the panel where an analyzer runs, else check the page (the shortcut grants activeTab). */
export async function togglePanel(tabId: number): Promise<CheckOutcome> {
  const message: Message = { type: 'gkl:toggle-panel' };
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return { ok: true };
  } catch {
    return checkTab(tabId);
  }
}
