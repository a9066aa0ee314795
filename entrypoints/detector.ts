// The always-on part: runs on every *.gov.cn page (and on the sites the reader chose to always
// check), asks lib/recognize/quick whether the page is an annual report, and only then asks the
// background to inject the analyzer. On other pages it changes nothing and stays this small
// (budget: 4 kB built, 0.2 ms of main-thread work). No zod, no polyfill, no lib beyond quick.ts.
//
// An unlisted script declared in the manifest (wxt.config.ts), not a `*.content.ts`: WXT wraps
// content scripts in a ContentScriptContext that alone weighs 2.5 kB, posts a message to every
// page's window and touches the extension APIs at once. After the extension is reloaded, an old
// detector keeps observing its page until it would ask for an injection, which then fails quietly.
import { looksLikeReport } from '@/lib/recognize/quick';
import type { Message } from '@/utils/messages';
// Looked up only when a report is found, not at load as wxt/browser would: the extension APIs'
// bindings cost time on every page.
import { extensionApi } from '@/utils/browser-differences';

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
  const found = document.querySelectorAll(HEADINGS);
  // An index loop: for…of would build a NodeList iterator in the content script's world.
  for (let i = 0; i < found.length && headings.length < HEADINGS_MAX; i++) {
    const text = found[i]!.textContent!.trim();
    if (text && text.length <= HEADING_MAX) headings.push(text);
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
    if (!pageLooksLikeReport()) return;
    stop();
    const message: Message = { type: 'gkl:inject' };
    // Fails only when the extension was reloaded or removed under the page: nothing to do then.
    Promise.resolve()
      .then(() => extensionApi().runtime.sendMessage(message))
      .catch(() => undefined);
  }
  // Title and body changes, including a title set by history.pushState routers.
  observer.observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('popstate', recheck);
  addEventListener('hashchange', recheck);
  check();
});
