// The toolbar popup: the verdict of the tab it was opened on, "check this page", the settings.
// Opened from the toolbar it works on the active tab; opened as a page (tests, a bookmark) it takes
// the tab from `?tab=<id>`.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Popup } from './Popup';
import './popup.css';

async function targetTab(): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

document.documentElement.lang = i18n.t('popup.lang');
document.title = i18n.t('extName');
void targetTab().then((tabId) => render(<Popup tabId={tabId} />, document.getElementById('app')!));
