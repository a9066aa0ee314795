// Marks in the page: offending cells are outlined by styling the page's own <td>s (a data attribute
// plus ONE injected <style>), so the marks follow the page's layout on scroll, resize and zoom —
// no overlay that could drift. Everything we touch is recorded and put back on clear(): the page's
// DOM returns exactly to what it was.

/**
 * What a mark stands for. error/warning/info are the engine's severities; `flag` is the reader's own
 * flag on a cell (snapshots), drawn with a different channel (inset border) so that it stays
 * visible on a cell that also carries a finding's outline.
 */
export type MarkKind = 'error' | 'warning' | 'info' | 'flag';
export const MARK_KINDS: readonly MarkKind[] = ['error', 'warning', 'info', 'flag'];

export interface CellMark {
  element: Element;
  kind: MarkKind;
  /** Shown on hover while the cell is marked (the cell's title). */
  tooltip: string;
  /** Handed back when the reader clicks the cell: which panel item the mark stands for. */
  ref: string;
}

export interface PageMarks {
  /** Replaces the persistent marks (an empty list removes them). */
  set(marks: CellMark[]): void;
  /**
   * Outlines the cells of the item the reader is looking at (they stay outlined until the next
   * call) and flashes them; with `scrollTo`, brings the first into view near the top or the bottom
   * of the window (the part the panel leaves free).
   */
  focus(elements: Element[], options?: { scrollTo?: 'top' | 'bottom' | 'center' }): void;
  /** Removes every mark, focus, flash, title, listener and the style: the page is as before. */
  clear(): void;
}

const ATTR = 'data-gkl-mark';
const FOCUS_ATTR = 'data-gkl-focus';
const FLASH_ATTR = 'data-gkl-flash';
const STYLE_ATTR = 'data-gkl-marks';
const FLASH_MS = 1600;

// Outline styles differ as well as colours, so the kinds stay apart for colour-blind readers.
// Order matters: a cell with several kinds takes the outline of the most severe (the last rule).
export const MARKS_CSS = `
[${ATTR}~="info"]{outline:2px dotted #1565c0 !important;outline-offset:-2px !important;}
[${ATTR}~="warning"]{outline:2px dashed #b26a00 !important;outline-offset:-2px !important;background-color:rgba(255,179,0,.16) !important;}
[${ATTR}~="error"]{outline:2px solid #c62828 !important;outline-offset:-2px !important;background-color:rgba(229,57,53,.14) !important;}
[${ATTR}~="flag"]{box-shadow:inset 0 0 0 5px #7b1fa2 !important;}
[${ATTR}]{cursor:pointer !important;}
[${FOCUS_ATTR}]{outline:3px solid #0d47a1 !important;outline-offset:-3px !important;scroll-margin:48px !important;}
[${FOCUS_ATTR}][${ATTR}~="error"]{outline-color:#b71c1c !important;}
[${FLASH_ATTR}]{animation:gkl-flash .4s ease-in-out 0s 4 alternate !important;}
@keyframes gkl-flash{from{background-color:rgba(255,235,59,.85);}to{background-color:rgba(255,235,59,0);}}
@media (prefers-reduced-motion:reduce){[${FLASH_ATTR}]{animation:none !important;background-color:rgba(255,235,59,.6) !important;}}
`;

/** `onActivate` also gets the click, so the caller can tell the reader's from a page script's. */
export function createPageMarks(doc: Document, onActivate: (refs: string[], event: Event) => void): PageMarks {
  let marks = new Map<Element, CellMark[]>();
  let focused: Element[] = [];
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** Each touched cell's own title (null: it had none), to put back exactly. */
  const titles = new Map<Element, string | null>();
  let style: HTMLStyleElement | null = null;

  const onClick = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    for (let el = target; el; el = el.parentElement) {
      const found = marks.get(el);
      if (found) return onActivate(found.map((m) => m.ref), event);
    }
  };

  function ensureStyle() {
    if (style) return;
    style = doc.createElement('style');
    style.setAttribute(STYLE_ATTR, '');
    style.textContent = MARKS_CSS;
    (doc.head ?? doc.documentElement).append(style);
    doc.addEventListener('click', onClick, true);
  }

  function restoreTitle(el: Element) {
    if (!titles.has(el)) return;
    const own = titles.get(el)!;
    if (own === null) el.removeAttribute('title');
    else el.setAttribute('title', own);
    titles.delete(el);
  }

  function stopFlash() {
    clearTimeout(flashTimer);
    for (const el of focused) el.removeAttribute(FLASH_ATTR);
  }

  /** Drops the style and the listener once nothing is marked. */
  function releaseIfIdle() {
    if (marks.size || focused.length || !style) return;
    style.remove();
    style = null;
    doc.removeEventListener('click', onClick, true);
  }

  function set(next: CellMark[]) {
    const byElement = new Map<Element, CellMark[]>();
    for (const m of next) byElement.set(m.element, [...(byElement.get(m.element) ?? []), m]);
    for (const el of marks.keys()) {
      if (byElement.has(el)) continue;
      el.removeAttribute(ATTR);
      restoreTitle(el);
    }
    marks = byElement;
    if (marks.size) ensureStyle();
    for (const [el, list] of marks) {
      el.setAttribute(ATTR, MARK_KINDS.filter((k) => list.some((m) => m.kind === k)).join(' '));
      if (!titles.has(el)) titles.set(el, el.getAttribute('title'));
      el.setAttribute('title', list.map((m) => m.tooltip).join('\n'));
    }
    releaseIfIdle();
  }

  function focus(elements: Element[], options: { scrollTo?: 'top' | 'bottom' | 'center' } = {}) {
    stopFlash();
    for (const el of focused) el.removeAttribute(FOCUS_ATTR);
    focused = [...new Set(elements)];
    if (focused.length) ensureStyle();
    for (const el of focused) {
      el.setAttribute(FOCUS_ATTR, '');
      el.setAttribute(FLASH_ATTR, '');
    }
    flashTimer = setTimeout(stopFlash, FLASH_MS);
    const reduced = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    if (options.scrollTo && focused[0]) {
      const block = options.scrollTo === 'top' ? 'start' : options.scrollTo === 'bottom' ? 'end' : 'center';
      focused[0].scrollIntoView({ block, inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
    }
    releaseIfIdle();
  }

  function clear() {
    focus([]);
    clearTimeout(flashTimer);
    set([]);
  }

  return { set, focus, clear };
}
