import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Parser, type ParserOptions } from 'htmlparser2';
import { SkippingTokenizer } from './html-tokenizer';
import { READ_ATTRIBUTES } from './node-dom';
import { markup } from '../../test/fuzz/markup';
import { htmlPageFiles, REPO_ROOT } from '../../test/fixtures/seeds';

/**
 * Everything htmlparser2's parser reports, in order (adjacent texts joined: how they arrive depends
 * on where entities fall, the tree joins them).
 */
function events(html: string, skipping: boolean): string[] {
  const out: string[] = [];
  const text = (kind: string, data: string) => {
    const last = out.length - 1;
    if (out[last]?.startsWith(kind)) out[last] += data;
    else out.push(kind + data);
  };
  const options: ParserOptions = { decodeEntities: true, lowerCaseAttributeNames: true, ...(skipping ? { Tokenizer: SkippingTokenizer } : {}) };
  const parser = new Parser(
    {
      onopentag: (name, attributes) => out.push(`<${name} ${JSON.stringify(attributes)}`),
      onclosetag: (name) => out.push(`</${name}`),
      ontext: (data) => text('#', data),
      oncomment: (data) => text('!', data),
      onprocessinginstruction: (name, data) => out.push(`?${name} ${data}`),
    },
    options,
  );
  parser.end(html);
  return out;
}



describe('SkippingTokenizer', () => {
  const files = htmlPageFiles();

  it.each(files.map((f) => [path.relative(REPO_ROOT, f), f]))('gives the parser the same events as htmlparser2 on %s', (_, file) => {
    const html = fs.readFileSync(file, 'utf8');
    const own = events(html, true);
    expect(own.length).toBeGreaterThan(100);
    expect(own).toEqual(events(html, false));
  });

  it('gives the same events on random markup (10,000 pages of broken and hostile HTML)', () => {
    fc.assert(
      fc.property(markup, (html) => {
        expect(events(html, true)).toEqual(events(html, false));
      }),
      { seed: 20261206, numRuns: 10_000 },
    );
  });

  it('decodes entities in text, <title> and attributes, and keeps raw text raw', () => {
    expect(events('<title>A&amp;B</title><p title="x" style="a&lt;b">1&nbsp;2&copy3</p><script>a&amp;b</script><textarea>&lt;</textarea>', true)).toEqual([
      '<title {}', '#A&B', '</title', '<p {"title":"x","style":"a<b"}', '#1\u00a02©3', '</p', '<script {}', '#a&amp;b', '</script', '<textarea {}', '#&lt;', '</textarea',
    ]);
  });
});

describe('READ_ATTRIBUTES', () => {
  it('lists every attribute the engine reads from HTML (any other would read as absent in the CLI)', () => {
    const asked = new Set<string>();
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(path.join(REPO_ROOT, 'lib'))) {
      // The DOCX reader reads XML with its own reader; node-dom.ts defines the methods.
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || /extract[\\/](docx|xml|node-dom)\.ts$/.test(file)) continue;
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/\b(?:getAttribute|hasAttribute|getAttributeNode)\(([^)]*)\)/g)) {
        const literal = /^'([a-z-]+)'$/.exec(m[1]!.trim());
        expect(literal, `${path.relative(REPO_ROOT, file)}: ${m[0]} (name the attribute literally)`).not.toBeNull();
        asked.add(literal![1]!);
      }
    }
    expect([...asked].sort()).toEqual([...READ_ATTRIBUTES].sort());
  });
});
