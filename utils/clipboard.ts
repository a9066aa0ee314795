// Copying from a content script. On https pages navigator.clipboard works; on plain-http pages (many
// government sites) a content script has none, so the fallback is document.execCommand('copy'),
// which only works synchronously inside the reader's click: callers must call copyToClipboard from
// the click handler itself, before any await.

export interface ClipboardPayload {
  /** Always written (text/plain): what a plain-text paste gets. */
  text: string;
  /** Also written as text/html when given (Word, WPS keep the table). */
  html?: string;
}

/**
 * Writes the payload to the clipboard; rejects with a readable reason when the browser refuses.
 * `container` is where the fallback's hidden textarea goes: a node inside our shadow root, so the
 * page never sees it and its styles cannot hide it from selection.
 */
export async function copyToClipboard(payload: ClipboardPayload, container: Element): Promise<void> {
  const win = container.ownerDocument.defaultView;
  const clipboard = win?.isSecureContext ? win.navigator.clipboard : undefined;
  if (!clipboard) return execCopy(payload, container);
  try {
    if (payload.html !== undefined && typeof win!.ClipboardItem === 'function') {
      const blob = (type: string, data: string) => new Blob([data], { type });
      await clipboard.write([
        new win!.ClipboardItem({ 'text/plain': blob('text/plain', payload.text), 'text/html': blob('text/html', payload.html) }),
      ]);
    } else {
      await clipboard.writeText(payload.text);
    }
  } catch {
    // Refused (permissions policy of the page, document not focused): the click's activation
    // still holds for a few seconds, so the legacy path can still succeed.
    execCopy(payload, container);
  }
}

/** execCommand('copy') on a hidden textarea; our `copy` listener sets both formats. */
function execCopy(payload: ClipboardPayload, container: Element): void {
  const doc = container.ownerDocument;
  const root = container.getRootNode() as Document | ShadowRoot;
  const previousFocus = root.activeElement;
  const area = doc.createElement('textarea');
  area.value = payload.text;
  area.readOnly = true;
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;pointer-events:none;';
  // On the textarea itself (the event's target) and stopped there, so a page that rewrites or
  // blocks copying in its own bubbling listeners cannot touch what we copy.
  area.addEventListener('copy', (event) => {
    const data = (event as ClipboardEvent).clipboardData;
    if (!data) return;
    data.setData('text/plain', payload.text);
    if (payload.html !== undefined) data.setData('text/html', payload.html);
    event.preventDefault();
    event.stopPropagation();
  });
  container.append(area);
  let copied = false;
  try {
    area.focus();
    area.select();
    copied = doc.execCommand('copy');
  } finally {
    area.remove();
    if (previousFocus instanceof HTMLElement) previousFocus.focus();
  }
  if (!copied) throw new Error('the browser refused to copy (document.execCommand)');
}
