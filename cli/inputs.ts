// What the command line names, as a stream of inputs in a stable order: files, folders (recursively,
// sorted), globs, `-` (JSON Lines on stdin), and web archives (WARC/WACZ, one input per archived
// page). Nothing is read before it is needed, so 100k files take no more memory than ten.
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from './worker';
import { archiveKind, archiveItems } from './archive';

/** Read when a folder is walked or a glob matches; a file named explicitly is always read. */
// .doc/.wps are picked up to be told apart: each gets its "save as .docx or PDF" line, not a silent skip.
export const PAGE_EXTENSIONS = ['.html', '.htm', '.txt', '.md', '.pdf', '.docx', '.doc', '.wps', '.warc', '.warc.gz', '.wacz'];

/** One input: its bytes, or why there are none. */
export type Item =
  | { source: string; bytes: Uint8Array; contentType?: string }
  | { source: string; problem: Problem };

/** An input still being fetched (an async generator awaits a promise it yields, so it is wrapped). */
export interface Later {
  later: Promise<Item>;
}

export interface InputOptions {
  /** Larger files are not read (one problem each). */
  maxBytes: number;
}

/** Files a folder walk or glob passed over, by extension: said in the summary. */
export class Skipped {
  readonly byExtension = new Map<string, number>();
  add(name: string) {
    const ext = path.extname(name).toLowerCase() || '(无扩展名)';
    this.byExtension.set(ext, (this.byExtension.get(ext) ?? 0) + 1);
  }
  get count() {
    let n = 0;
    for (const k of this.byExtension.values()) n += k;
    return n;
  }
}

const isPage = (name: string) => {
  const lower = name.toLowerCase();
  return PAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
};
const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export const problem = (source: string, kind: Problem['kind'], zh: string, en: string): Item => ({ source, problem: { kind, zh, en } });

function cannotRead(source: string, e: unknown, what: 'file' | 'folder'): Item {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return problem(source, 'unreadable', '文件不存在', 'no such file or folder');
  return problem(source, 'unreadable', what === 'folder' ? '无法读取文件夹' : '无法读取', `cannot read${what === 'folder' ? ' folder' : ''}: ${code ?? (e as Error).message}`);
}

/** One file: its bytes, or each page of a web archive. */
export async function* fileItems(file: string, source: string, opts: InputOptions): AsyncGenerator<Item> {
  let size: number;
  try {
    size = (await fs.promises.stat(file)).size;
  } catch (e) {
    yield cannotRead(source, e, 'file');
    return;
  }
  const archive = await archiveKind(file).catch(() => null);
  if (archive) {
    yield* archiveItems(file, source, archive, opts);
    return;
  }
  if (size > opts.maxBytes) {
    yield problem(source, 'limit', `文件过大（${mb(size)}，上限 ${mb(opts.maxBytes)}）`, `file too large (${mb(size)}, limit ${mb(opts.maxBytes)})`);
    return;
  }
  try {
    yield { source, bytes: new Uint8Array(await fs.promises.readFile(file)) };
  } catch (e) {
    yield cannotRead(source, e, 'file');
  }
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 0)} MB`;

/** Pages under a folder, depth first, each folder's entries in byte order (the same on every machine). */
async function* walk(dir: string, source: string, skipped: Skipped, opts: InputOptions, match?: RegExp): AsyncGenerator<Item> {
  let entries: fs.Dirent[];
  try {
    entries = (await fs.promises.readdir(dir, { withFileTypes: true })).sort(byName);
  } catch (e) {
    yield cannotRead(source, e, 'folder');
    return;
  }
  for (const e of entries) {
    const file = path.join(dir, e.name);
    const src = path.join(source, e.name);
    if (e.isDirectory()) yield* walk(file, src, skipped, opts, match);
    else if (!e.isFile() || (match && !match.test(src))) continue;
    else if (isPage(e.name)) yield* fileItems(file, src, opts);
    else skipped.add(e.name);
  }
}

const GLOB_CHARS = /[*?[{]/;

/** A glob as a regular expression over paths: `*` and `?` within a folder, `**` across folders, {a,b}, [abc]. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map((p) => p.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = end;
      }
    } else if (c === '[') {
      const end = glob.indexOf(']', i);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files a glob matches, walked from its last folder without glob characters. */
async function* globItems(glob: string, skipped: Skipped, opts: InputOptions): AsyncGenerator<Item> {
  const parts = glob.split('/');
  const fixed = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = parts.slice(0, fixed).join('/') || (glob.startsWith('/') ? '/' : '.');
  const pattern = globRegExp(base === '.' && !glob.startsWith('./') ? `./${glob}` : glob);
  const before = skipped.count;
  let found = false;
  for await (const item of walk(base, base, skipped, opts, pattern)) {
    found = true;
    yield item;
  }
  if (!found && skipped.count === before) yield problem(glob, 'unreadable', '没有匹配的文件', 'no file matches');
}

/** The arguments → inputs, in order. `-` is JSON Lines on stdin (cli/stdin.ts); --urls come after. */
export async function* pathItems(args: string[], skipped: Skipped, opts: InputOptions): AsyncGenerator<Item> {
  for (const arg of args) {
    let stat: fs.Stats | null = null;
    try {
      stat = await fs.promises.stat(arg);
    } catch (e) {
      if (GLOB_CHARS.test(arg)) {
        yield* globItems(arg, skipped, opts);
        continue;
      }
      yield cannotRead(arg, e, 'file');
      continue;
    }
    if (!stat.isDirectory()) {
      yield* fileItems(arg, arg, opts);
      continue;
    }
    const before = skipped.count;
    let found = false;
    for await (const item of walk(arg, arg, skipped, opts)) {
      found = true;
      yield item;
    }
    if (!found) yield problem(arg, 'unreadable', `文件夹中没有可读的文件（${skipped.count - before} 个其他文件）`, `no readable files in folder (${skipped.count - before} other files)`);
  }
}

/** How many inputs the paths hold, counted without reading them (for the progress bar's ETA); null when unknown (stdin). */
export async function countInputs(args: string[]): Promise<number | null> {
  let n = 0;
  const walkCount = async (dir: string, match?: RegExp, rel = dir): Promise<void> => {
    for (const e of await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const src = path.join(rel, e.name);
      if (e.isDirectory()) await walkCount(path.join(dir, e.name), match, src);
      else if (e.isFile() && isPage(e.name) && (!match || match.test(src))) n++;
    }
  };
  for (const arg of args) {
    if (arg === '-') return null;
    const stat = await fs.promises.stat(arg).catch(() => null);
    if (stat?.isDirectory()) await walkCount(arg);
    else if (stat || !GLOB_CHARS.test(arg)) n++;
    else {
      const parts = arg.split('/');
      const base = parts.slice(0, parts.findIndex((p) => GLOB_CHARS.test(p))).join('/') || (arg.startsWith('/') ? '/' : '.');
      await walkCount(base, globRegExp(base === '.' && !arg.startsWith('./') ? `./${arg}` : arg));
    }
  }
  return n;
}

/** URLs in a --urls list (its lines but blanks and # comments); null when it cannot be read. */
export async function countUrls(listFile: string): Promise<number | null> {
  const text = await fs.promises.readFile(listFile, 'utf8').catch(() => null);
  return text === null ? null : text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length;
}
