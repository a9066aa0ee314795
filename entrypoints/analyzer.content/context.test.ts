// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ANALYZER_STARTED_EVENT, AnalyzerContext, isReaderInput } from './context';

const made: AnalyzerContext[] = [];
const context = () => {
  const ctx = new AnalyzerContext();
  made.push(ctx);
  return ctx;
};

afterEach(() => {
  for (const ctx of made.splice(0)) ctx.notifyInvalidated();
  fakeBrowser.reset();
});

describe('the analyzer’s context', () => {
  it('a newer analyzer ends the older one (one per frame)', () => {
    const older = context();
    let ended = 0;
    older.onInvalidated(() => ended++);
    const newer = context();
    expect([older.isValid, newer.isValid, ended]).toEqual([false, true, 1]);
  });

  it('ignores WXT’s content-script-started event, whoever sends it, and its own signal while the extension lives', () => {
    // The exact name WXT's contexts listen for (<extension id>:<entrypoint>:wxt:content-script-started).
    const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    const forged = () => document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'analyzer', messageId: 'page' } }));
    const ctx = context();
    forged();
    window.postMessage({ type, contentScriptName: 'analyzer', messageId: 'page' }, '*');
    document.dispatchEvent(new CustomEvent(ANALYZER_STARTED_EVENT));
    expect(ctx.isValid).toBe(true);
    // WXT's own context does end on it: what this context is for.
    const wxt = new ContentScriptContext('analyzer');
    forged();
    expect(wxt.isValid).toBe(false);
  });

  it('ends on the start signal once its extension is gone (reloaded, removed)', () => {
    const ctx = context();
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    document.dispatchEvent(new CustomEvent(ANALYZER_STARTED_EVENT));
    expect(ctx.signal.aborted).toBe(true);
  });

  it('tells the reader’s input from a script’s only in the analyzer’s own context', () => {
    const script = new MouseEvent('click');
    expect(isReaderInput(context(), script)).toBe(false);
    expect(isReaderInput(new ContentScriptContext('test'), script)).toBe(true);
  });
});
