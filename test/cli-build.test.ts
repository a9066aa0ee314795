// The bundle-time patch of linkedom (scripts/build-cli.ts): EventTarget's listener map is made on
// the first addEventListener instead of in every node's constructor. Parsing must give the very same
// documents, and events must still reach their listeners.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleLinkedom, CLI_BUNDLE, patchEventTarget } from '../scripts/build-cli';
import { REPO_ROOT } from './fixtures/seeds';

vi.setConfig({ hookTimeout: 120_000 });

type ParseHTML = typeof import('linkedom').parseHTML;
const dir = fs.mkdtempSync(path.join(path.dirname(CLI_BUNDLE), 'test-linkedom-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let published: ParseHTML;
let lazy: ParseHTML;
beforeAll(async () => {
  const load = async (name: string, patched: boolean) => {
    const file = path.join(dir, `${name}.mjs`);
    await bundleLinkedom(file, patched);
    return ((await import(file)) as { parseHTML: ParseHTML }).parseHTML;
  };
  published = await load('published', false);
  lazy = await load('lazy', true);
});

describe('linkedom with lazy EventTargets', () => {
  it('changes the three places, and refuses a source that no longer has them', () => {
    const source = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/linkedom/esm/interface/event-target.js'), 'utf8');
    const patched = patchEventTarget(source);
    expect(patched).toContain('constructor() {}');
    expect(patched).toContain('if (!map) wm.set(this, map = new Map);');
    expect(patched).toContain('if (map && map.has(type))');
    expect(() => patchEventTarget(source.replace('wm.set(this, new Map);', ''))).toThrow(/linkedom event-target\.js changed/);
  });

  it('parses every HTML fixture into the same document as linkedom as published', () => {
    const files = fs.readdirSync(path.join(REPO_ROOT, 'test/fixtures/html')).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const html = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/html', f), 'utf8');
      expect(lazy(html).document.toString(), f).toBe(published(html).document.toString());
    }
  });

  it('still calls listeners (bubbling, once, removal) and ignores removal where none was added', () => {
    const { document, Event } = lazy('<div id="outer"><p id="inner">x</p></div>') as unknown as { document: Document; Event: typeof globalThis.Event };
    const inner = document.getElementById('inner')!;
    const outer = document.getElementById('outer')!;
    const seen: string[] = [];
    const once = () => seen.push('once');
    outer.addEventListener('ping', (e) => seen.push(`outer:${(e.target as Element).id}`));
    inner.addEventListener('ping', once, { once: true });
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    expect(seen).toEqual(['once', 'outer:inner', 'outer:inner']);
    expect(() => document.body.removeEventListener('ping', once)).not.toThrow();
    const removed = () => seen.push('removed');
    inner.addEventListener('pong', removed);
    inner.removeEventListener('pong', removed);
    inner.dispatchEvent(new Event('pong'));
    expect(seen).toHaveLength(3);
  });
});
