// The analyzer's lifetime, safe from the page it runs in.
//
// WXT's ContentScriptContext ends itself when a `<extension id>:<entrypoint>:wxt:content-script-started`
// CustomEvent reaches the document, so that a newer copy of a script replaces an older one. Any
// page script can dispatch that event (the extension id shows in every chrome-extension:// URL the
// page loads), which took the panel, the marks and every listener away. Here the context ends only
//  - when a newer analyzer starts in the same frame: the content scripts of one extension share
//    their isolated world, so the newer one ends the older through a global the page cannot reach;
//  - when the extension is gone (reloaded, updated, removed): an orphaned analyzer (its runtime has
//    no id any more) ends on the next start signal. A page sending that signal can end only an
//    analyzer that is dead already.
import { ContentScriptContext } from 'wxt/utils/content-script-context';

type ScriptOptions = ConstructorParameters<typeof ContentScriptContext>[1];

/** The isolated world's current analyzer (a Symbol.for key: the same in every injected copy). */
const CURRENT = Symbol.for('gongkai-lens.analyzer-context');
/** Tells analyzers of a reloaded extension (another world, or no runtime any more) to end. */
export const ANALYZER_STARTED_EVENT = 'gongkai-lens:analyzer-started';

type World = typeof globalThis & { [CURRENT]?: AnalyzerContext };

export class AnalyzerContext extends ContentScriptContext {
  constructor(options?: ScriptOptions) {
    super('analyzer', options);
    const world = globalThis as World;
    world[CURRENT]?.notifyInvalidated();
    world[CURRENT] = this;
    // Reading isInvalid ends the context when the extension's runtime is gone (WXT's own check).
    const onStarted = () => void this.isInvalid;
    document.addEventListener(ANALYZER_STARTED_EVENT, onStarted);
    this.onInvalidated(() => {
      document.removeEventListener(ANALYZER_STARTED_EVENT, onStarted);
      if (world[CURRENT] === this) delete world[CURRENT];
    });
    document.dispatchEvent(new CustomEvent(ANALYZER_STARTED_EVENT));
  }

  /** WXT announces every start to the page; this context announces nothing the page could replay. */
  override stopOldScripts(): void {}

  /** WXT ends on an event the page can forge; this context listens to none (see the constructor). */
  override listenForNewerScripts(): void {}
}

/**
 * Whether an event came from the reader (not from a page script: `el.click()`, dispatchEvent).
 * Only the analyzer's own context in a real page asks for this; test contexts accept every event.
 */
export function isReaderInput(ctx: ContentScriptContext, event: Event): boolean {
  return event.isTrusted || !(ctx instanceof AnalyzerContext);
}

/** Every kind of input the panel's controls react to. */
const INPUT_EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'reset', 'paste', 'cut', 'drop',
  'focus', 'blur', 'focusin', 'focusout',
] as const;

/**
 * The panel's shadow root is open (screen readers, tests and axe read it), so a page script can
 * reach its buttons. Input the reader did not make is stopped before any control sees it, and its
 * default action (a button's submit, a radio's check) cancelled. A form's submit event is the
 * browser's own even when a script calls requestSubmit(), so it passes only as the outcome of the
 * reader's click or key in the panel (the same task).
 */
export function acceptOnlyReaderInput(ctx: ContentScriptContext, root: ShadowRoot): void {
  let readerTurn = false;
  let turnEnds: ReturnType<typeof setTimeout> | undefined;
  const options = { capture: true, signal: ctx.signal };
  for (const type of INPUT_EVENTS) {
    root.addEventListener(type, (event) => {
      if (!isReaderInput(ctx, event)) {
        event.stopImmediatePropagation();
        event.preventDefault();
        return;
      }
      if (type !== 'click' && type !== 'keydown') return;
      readerTurn = true;
      clearTimeout(turnEnds);
      turnEnds = setTimeout(() => (readerTurn = false));
    }, options);
  }
  root.addEventListener('submit', (event) => {
    if (readerTurn || !(ctx instanceof AnalyzerContext)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  }, options);
}
