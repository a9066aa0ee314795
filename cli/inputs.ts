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

export { decodePage, type Decoded } from '../lib/extract/decode';

/** Saved text (.txt) is read as text; everything else as HTML when it looks like markup. */
export function isHtmlPage(file: string, text: string): boolean {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt') return false;
  if (ext === '.html' || ext === '.htm') return true;
  return /^\s*</.test(text);
}
