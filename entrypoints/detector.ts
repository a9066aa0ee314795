// The always-on part: runs on every *.gov.cn page (and on the sites the reader chose to always
// check), asks lib/recognize/quick whether the page is an annual report, and only then asks the
// background to inject the analyzer. On other pages it changes nothing and stays this small
// (budget: 4 kB built, 0.2 ms of main-thread work). No zod, no polyfill, no lib beyond quick.ts.
//
// An unlisted script declared in the manifest (wxt.config.ts), not a `*.content.ts`: WXT wraps
// content scripts in a ContentScriptContext that alone weighs 2.5 kB and posts a message to every
// page's window; this one handles its own (rare) invalidation.
import { looksLikeReport } from '@/lib/recognize/quick';
import type { Message } from '@/utils/messages';

// Report titles and section headings: real headings, bold paragraphs, CMS title blocks.
const HEADINGS = 'h1,h2,h3,h4,h5,h6,strong,b,[class*=title]';
// A heading is short; longer bold runs are emphasis inside a paragraph.
const HEADING_MAX = 60;
const HEADINGS_MAX = 40;
// Content switched in after load ("文字版", tabs, SPA routes) is checked again this long after the
// first change; busy pages (news tickers) thus cost one check per interval, not one per change.
const RECHECK_MS = 300;

function pageLooksLikeReport(): boolean {
  const headings: string[] = [];
  for (const element of document.querySelectorAll(HEADINGS)) {
    const text = element.textContent!.trim();
    if (text && text.length <= HEADING_MAX && headings.push(text) === HEADINGS_MAX) break;
  }
  return looksLikeReport({ title: document.title, headings, path: location.pathname });
}

export default defineUnlistedScript(() => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const recheck = () => (timer ??= setTimeout(check, RECHECK_MS));
  const observer = new MutationObserver(recheck);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    removeEventListener('popstate', recheck);
    removeEventListener('hashchange', recheck);
  };
  function check() {
    timer = undefined;
    // The extension was reloaded or removed under the page: this script is an orphan now.
    if (!browser.runtime?.id) return stop();
    if (!pageLooksLikeReport()) return;
    stop();
    const message: Message = { type: 'gkl:inject' };
    browser.runtime.sendMessage(message).catch(() => undefined);
  }
  // Title and body changes, including a title set by history.pushState routers.
  observer.observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('popstate', recheck);
  addEventListener('hashchange', recheck);
  check();
});
