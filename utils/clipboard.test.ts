// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyToClipboard } from './clipboard';

/** A stand-in for Chrome's execCommand('copy'): fires `copy` at the focused element like Chrome. */
function fakeExecCommand(result = true) {
  const seen: { focused: Element | null; selected: string; data: Record<string, string>; sync: boolean }[] = [];
  let inClick = true;
  document.execCommand = vi.fn(() => {
    const shadowFocus = host.shadowRoot!.activeElement as HTMLTextAreaElement | null;
    const data = new Map<string, string>();
    const clipboardData = { setData: (t: string, v: string) => data.set(t, v) };
    const event = new Event('copy', { bubbles: true, cancelable: true, composed: true });
    Object.defineProperty(event, 'clipboardData', { value: clipboardData });
    shadowFocus?.dispatchEvent(event);
    const selected = shadowFocus ? shadowFocus.value.slice(shadowFocus.selectionStart ?? 0, shadowFocus.selectionEnd ?? 0) : '';
    seen.push({ focused: shadowFocus, selected, data: Object.fromEntries(data), sync: inClick });
    return result;
  }) as typeof document.execCommand;
  queueMicrotask(() => (inClick = false));
  return seen;
}

let host: HTMLElement;
let container: HTMLElement;
let button: HTMLButtonElement;

describe('copyToClipboard', () => {
  beforeEach(() => {
    document.body.innerHTML = '<p>page</p>';
    host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    container = document.createElement('div');
    button = document.createElement('button');
    container.append(button);
    shadow.append(container);
    button.focus();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('on a plain-http page copies text synchronously inside the click, from a textarea in the shadow root', async () => {
    vi.stubGlobal('isSecureContext', false);
    const seen = fakeExecCommand();
    const pageCopy = vi.fn();
    document.addEventListener('copy', pageCopy);
    const done = copyToClipboard({ text: '{\n  "year": 2023\n}' }, container);
    expect(seen).toHaveLength(1); // before any await: still inside the reader's click
    await done;
    expect(seen[0]!.sync).toBe(true);
    expect(seen[0]!.focused?.tagName).toBe('TEXTAREA');
    expect(seen[0]!.selected).toBe('{\n  "year": 2023\n}');
    expect(seen[0]!.data).toEqual({ 'text/plain': '{\n  "year": 2023\n}' });
    expect(pageCopy).not.toHaveBeenCalled(); // the page's copy handlers cannot rewrite it
    expect(container.querySelector('textarea')).toBeNull();
    expect(host.shadowRoot!.activeElement).toBe(button); // focus back on the copy button
    expect(document.body.innerHTML).toBe(`<p>page</p><div></div>`);
  });

  it('on a plain-http page copies HTML as text/html with a text/plain fallback', async () => {
    vi.stubGlobal('isSecureContext', false);
    const seen = fakeExecCommand();
    await copyToClipboard({ text: '自然人\t3', html: '<table><tr><td>自然人</td><td>3</td></tr></table>' }, container);
    expect(seen[0]!.data).toEqual({ 'text/plain': '自然人\t3', 'text/html': '<table><tr><td>自然人</td><td>3</td></tr></table>' });
  });

  it('rejects with a reason when the browser refuses, and leaves nothing behind', async () => {
    vi.stubGlobal('isSecureContext', false);
    fakeExecCommand(false);
    await expect(copyToClipboard({ text: 'x' }, container)).rejects.toThrow('refused to copy');
    expect(container.querySelector('textarea')).toBeNull();
  });

  it('on a secure page writes through navigator.clipboard: text, or HTML plus text as one item', async () => {
    vi.stubGlobal('isSecureContext', true);
    const writeText = vi.fn(async () => {});
    const write = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText, write } });
    class FakeItem { constructor(public items: Record<string, Blob>) {} }
    vi.stubGlobal('ClipboardItem', FakeItem);
    const seen = fakeExecCommand();
    await copyToClipboard({ text: 'a\tb' }, container);
    expect(writeText).toHaveBeenCalledWith('a\tb');
    await copyToClipboard({ text: 'plain', html: '<b>x</b>' }, container);
    const item = (write.mock.calls[0] as unknown as [FakeItem[]])[0][0]!;
    expect(Object.keys(item.items).sort()).toEqual(['text/html', 'text/plain']);
    expect(await item.items['text/html']!.text()).toBe('<b>x</b>');
    expect(await item.items['text/plain']!.text()).toBe('plain');
    expect(seen).toHaveLength(0);
  });

  it('falls back to execCommand when navigator.clipboard refuses', async () => {
    vi.stubGlobal('isSecureContext', true);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => { throw new Error('NotAllowedError'); } } });
    const seen = fakeExecCommand();
    await copyToClipboard({ text: 'x' }, container);
    expect(seen[0]!.data).toEqual({ 'text/plain': 'x' });
  });
});
