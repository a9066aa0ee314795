import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePage, expandInputs, isHtmlPage } from './inputs';

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

describe('expandInputs', () => {
  it('walks folders recursively in name order, keeps only pages, reads named files whatever their name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-inputs-'));
    for (const f of ['b.html', 'a.txt', 'notes.md', 'sub/c.htm', 'sub/d.json', 'A.HTML']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'x');
    }
    const extra = path.join(dir, 'notes.md');
    expect(expandInputs([dir, extra, path.join(dir, 'missing.html')])).toEqual([
      { file: path.join(dir, 'A.HTML'), source: path.join(dir, 'A.HTML') },
      { file: path.join(dir, 'a.txt'), source: path.join(dir, 'a.txt') },
      { file: path.join(dir, 'b.html'), source: path.join(dir, 'b.html') },
      { file: path.join(dir, 'sub/c.htm'), source: path.join(dir, 'sub/c.htm') },
      { file: extra, source: extra },
      { source: path.join(dir, 'missing.html'), reason: '文件不存在 (no such file or folder)' },
    ]);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('isHtmlPage', () => {
  it('reads .txt as text, .html/.htm as HTML, other names by their first character', () => {
    expect(isHtmlPage('a.txt', '<p>')).toBe(false);
    expect(isHtmlPage('a.HTM', 'plain')).toBe(true);
    expect(isHtmlPage('page', '  <!DOCTYPE html>')).toBe(true);
    expect(isHtmlPage('page', '鹤岗市')).toBe(false);
  });
});
