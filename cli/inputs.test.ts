import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../lib/extract/decode';
import { countInputs, countUrls, globRegExp, pathItems, Skipped, type Item } from './inputs';

const gbk = (s: string) => {
  // 你好，年报 in GBK, written out so the test does not depend on an encoder.
  const table: Record<string, number[]> = { 你: [0xc4, 0xe3], 好: [0xba, 0xc3], '，': [0xa3, 0xac], 年: [0xc4, 0xea], 报: [0xb1, 0xa8] };
  return [...s].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]);
};
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('decodePage', () => {
  it('follows a BOM', () => {
    expect(decodePage(bytes([0xef, 0xbb, 0xbf], '年报'))).toEqual({ text: '年报', encoding: 'utf-8' });
    expect(decodePage(new Uint8Array([0xff, 0xfe, 0x74, 0x5e, 0xa5, 0x62]))).toEqual({ text: '年报', encoding: 'utf-16le' });
  });

  it('follows <meta charset> and http-equiv in the first bytes (gb2312 and gbk read as GBK)', () => {
    expect(decodePage(bytes('<meta charset="gbk"><p>', gbk('你好'), '</p>'))).toEqual({ text: '<meta charset="gbk"><p>你好</p>', encoding: 'gbk' });
    const equiv = bytes('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>', gbk('年报'));
    expect(decodePage(equiv)).toEqual({ text: '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>年报', encoding: 'gbk' });
  });

  it('reads undeclared text as UTF-8 when it decodes cleanly, else as GB18030', () => {
    expect(decodePage(bytes('你好，年报'))).toEqual({ text: '你好，年报', encoding: 'utf-8' });
    expect(decodePage(bytes(gbk('你好，年报')))).toEqual({ text: '你好，年报', encoding: 'gb18030' });
  });

  it('does not trust a declared charset the bytes contradict', () => {
    expect(decodePage(bytes('<meta charset="utf-8">', gbk('年报')))).toEqual({ text: '<meta charset="utf-8">年报', encoding: 'gb18030' });
  });

  it('explains what it cannot read', () => {
    expect(decodePage(bytes('<meta charset="x-martian">'))).toEqual({ error: '不支持的字符集 "x-martian" (unsupported charset)' });
    expect(decodePage(new Uint8Array([0x41, 0xff]))).toEqual({ error: '无法识别编码 (unreadable encoding: neither UTF-8 nor GB18030)' });
  });
});

const list = async (args: string[], skipped = new Skipped()) => {
  const out: (string | [string, string])[] = [];
  for await (const item of pathItems(args, skipped, { maxBytes: 1 << 20 })) out.push('problem' in item ? [item.source, `${item.problem.zh} (${item.problem.en})`] : item.source);
  return out;
};

describe('pathItems', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-inputs-'));
  for (const f of ['b.html', 'a.txt', 'notes.md', 'sub/c.htm', 'sub/d.json', 'sub/e.PDF', 'A.HTML', 'x.docx', 'logo.png', 'big.html']) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), f === 'big.html' ? Buffer.alloc((1 << 20) + 1, 0x20) : 'x');
  }
  const at = (f: string) => path.join(dir, f);

  it('walks folders recursively in byte order, keeps the forms it reads, counts the files it skips', async () => {
    const skipped = new Skipped();
    const extra = at('sub/d.json');
    expect(await list([dir, extra, at('missing.html')], skipped)).toEqual([
      at('A.HTML'), at('a.txt'), at('b.html'), [at('big.html'), '文件过大（1 MB，上限 1 MB） (file too large (1 MB, limit 1 MB))'], at('notes.md'),
      at('sub/c.htm'), at('sub/e.PDF'), at('x.docx'),
      // A file named on the command line is read whatever its name.
      extra,
      [at('missing.html'), '文件不存在 (no such file or folder)'],
    ]);
    expect([...skipped.byExtension]).toEqual([['.png', 1], ['.json', 1]]);
  });

  it('expands globs (*, **, {a,b}) in the same order, and says when one matches nothing', async () => {
    expect(await list([`${dir}/*.{html,HTML}`])).toEqual([at('A.HTML'), at('b.html'), [at('big.html'), '文件过大（1 MB，上限 1 MB） (file too large (1 MB, limit 1 MB))']]);
    expect(await list([`${dir}/**/*.htm`])).toEqual([at('sub/c.htm')]);
    expect(await list([`${dir}/*.xyz`])).toEqual([[`${dir}/*.xyz`, '没有匹配的文件 (no file matches)']]);
    expect(globRegExp('a/**/*.txt').test('a/b/c/d.txt')).toBe(true);
    expect(globRegExp('a/**/*.txt').test('a/d.txt')).toBe(true);
    expect(globRegExp('a/*.txt').test('a/b/d.txt')).toBe(false);
  });

  it('counts the inputs ahead for the progress bar without reading them', async () => {
    expect(await countInputs([dir, `${dir}/**/*.htm`, at('sub/d.json')])).toBe(10);
    expect(await countInputs(['-'])).toBeNull();
    fs.writeFileSync(at('urls.list'), '# reports\nhttp://a.gov.cn/1.html\n\n  http://a.gov.cn/2.html\n');
    expect(await countUrls(at('urls.list'))).toBe(2);
    expect(await countUrls(at('no-such.list'))).toBeNull();
  });

  it('reads the bytes of each file', async () => {
    const items: Item[] = [];
    for await (const item of pathItems([at('a.txt')], new Skipped(), { maxBytes: 100 })) items.push(item);
    expect(items).toEqual([{ source: at('a.txt'), bytes: new Uint8Array([0x78]) }]);
  });
});
