// Finding the saved pages named on the command line and decoding them to text. Pure Node.
import fs from 'node:fs';
import path from 'node:path';

/** Extensions read when a folder is given; a file named explicitly is always read. */
export const PAGE_EXTENSIONS = ['.html', '.htm', '.txt'];

export interface Input {
  /** File path to read. */
  file: string;
  /** The path as the user gave it (joined under a given folder): report.source. */
  source: string;
}

/** An input that cannot be turned into a report, with the reason shown on stderr. */
export interface InputProblem {
  source: string;
  reason: string;
}

const isPage = (name: string) => PAGE_EXTENSIONS.includes(path.extname(name).toLowerCase());

function walk(dir: string, source: string, out: Input[]) {
  // Sorted by name, byte-wise, so runs are repeatable on every machine and locale.
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const file = path.join(dir, e.name);
    const src = path.join(source, e.name);
    if (e.isDirectory()) walk(file, src, out);
    else if (e.isFile() && isPage(e.name)) out.push({ file, source: src });
  }
}

/** Expands the arguments into files in order: folders recursively (sorted), files as given. */
export function expandInputs(args: string[]): (Input | InputProblem)[] {
  const inputs: (Input | InputProblem)[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (e) {
      inputs.push({ source: arg, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在 (no such file or folder)' : `无法读取 (cannot read: ${(e as Error).message})` });
      continue;
    }
    if (!stat.isDirectory()) {
      inputs.push({ file: arg, source: arg });
      continue;
    }
    const found: Input[] = [];
    try {
      walk(arg, arg, found);
    } catch (e) {
      inputs.push({ source: arg, reason: `无法读取文件夹 (cannot read folder: ${(e as Error).message})` });
      continue;
    }
    if (!found.length) inputs.push({ source: arg, reason: '文件夹中没有 .html/.htm/.txt 文件 (no pages in folder)' });
    inputs.push(...found);
  }
  return inputs;
}

export type Decoded = { text: string; encoding: string } | { error: string };

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

// <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes → text: a BOM decides, else the page's declared charset (first 2 kB), else UTF-8 when it
 * decodes cleanly, else GB18030 (a superset of GBK and GB2312, what Chinese sites use without UTF-8).
 * A declared charset that the bytes contradict falls back to the same sniffing: sites do mislabel.
 */
export function decodePage(bytes: Uint8Array): Decoded {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      const text = decodeStrict(bytes.subarray(bom.length), encoding);
      return text === null ? { error: `无法按 ${encoding} 解码 (bytes are not valid ${encoding} despite the BOM)` } : { text, encoding };
    }
  }
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const declared = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  if (declared) {
    let encoding: string;
    try {
      encoding = new TextDecoder(declared).encoding;
    } catch {
      return { error: `不支持的字符集 "${declared}" (unsupported charset)` };
    }
    const text = decodeStrict(bytes, encoding);
    if (text !== null) return { text, encoding };
  }
  for (const encoding of ['utf-8', 'gb18030']) {
    const text = decodeStrict(bytes, encoding);
    if (text !== null) return { text, encoding };
  }
  return { error: '无法识别编码 (unreadable encoding: neither UTF-8 nor GB18030)' };
}

/** Saved text (.txt) is read as text; everything else as HTML when it looks like markup. */
export function isHtmlPage(file: string, text: string): boolean {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt') return false;
  if (ext === '.html' || ext === '.htm') return true;
  return /^\s*</.test(text);
}
