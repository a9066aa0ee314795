// The command line: options and paths → Options, or the reason it is wrong.
import os from 'node:os';
import path from 'node:path';
import type { Lang } from './output';

export type Mode = 'text' | 'json' | 'jsonl' | 'csv' | 'tsv' | 'none';

export interface Options {
  mode: Mode;
  lang: Lang;
  /** Files, folders, globs and `-` (JSON Lines on stdin), in order. */
  paths: string[];
  urls: string | null;
  xlsx: string | null;
  agency: string | null;
  jobs: number;
  /** Per input. */
  timeoutMs: number;
  maxMemoryMb: number;
  maxBytes: number;
  progress: 'auto' | 'always' | 'never';
  timings: boolean;
  /** --jsonl: inputs without a report as {"source", "problem"} lines too. */
  problemRecords: boolean;
  cacheDir: string | null;
  fetchConcurrency: number;
  retries: number;
  retryDelayMs: number;
  fetchTimeoutMs: number;
}

export const HELP = `公开年报核对 — 检查政府信息公开工作年度报告的统计表
Gongkai Lens — checks the statistics tables of government information-disclosure annual reports

用法 Usage:  npm run check -- [选项 options] <文件或文件夹 files or folders>…
             gongkai-lens check [选项 options] <文件、文件夹、通配符或 - files, folders, globs or ->…

  按内容识别格式（HTML、文本、PDF、DOCX、WARC/WACZ 网页存档），不看扩展名；文件夹按名称顺序递归读取
  .html/.htm/.txt/.md/.pdf/.docx/.doc/.wps/.warc/.warc.gz/.wacz（其他文件跳过并计数）；通配符如 "报告/**/*.html"；
  - 表示从标准输入读取 JSON Lines：{"source":…,"html"|"text"|"base64":…}。
  The form is read from the content (HTML, text, PDF, DOCX, WARC/WACZ web archives), not the name;
  folders are read recursively in name order (other files skipped and counted); globs such as
  "reports/**/*.html"; - reads JSON Lines from stdin. Encoding: BOM, <meta charset>, UTF-8, GB18030.

输出 Output (stdout):
  （默认）        每份报告的概要与问题，最后一行汇总  each report's summary and findings, then a total
  --json         一个 JSON 数组，每份报告一项（与扩展复制的相同）  one JSON array, one report each
  --jsonl        每行一份报告（JSON Lines）  one report per line
  --problem-records  与 --jsonl 合用：无法检查的输入也写一行 {"source","problem"}（供 Spark 等管道使用）
                 with --jsonl: inputs without a report as {"source","problem"} lines too (for pipelines)
  --csv          每个输入一行（UTF-8 BOM，可用 Excel/WPS 打开）  one row per input (opens in Excel/WPS)
  --tsv          报告的三张表，制表符分隔  the reports' tables, tab-separated
  --xlsx 文件    另写一个工作簿：汇总、问题、覆盖（机关×年度）；标准输出只留汇总行
                 also write a workbook (summary, findings, agency × year coverage); stdout keeps the total
  --lang zh|en   输出语言（默认 zh） output language (default zh)

输入 Input:
  --urls 列表    逐行读取网址并下载（有并发上限、重试、超时和磁盘缓存）  fetch the URLs listed, one a line
  --agency 名称  只输出该机关的报告（简繁、简称均可）  only reports of this agency (any script, abbreviations)

限制与速度 Limits and speed:
  --jobs N           工作线程数（默认 CPU 核数） worker threads (default: all cores)
  --timeout 秒       每个文件的时间上限（默认 60） time limit per input, seconds (default 60)
  --max-memory MB    每个工作线程的内存上限（默认 1024） memory limit per worker (default 1024)
  --max-size MB      单个文件的大小上限（默认 200） largest input read (default 200)
  --progress / --no-progress  进度条（默认：标准错误是终端时显示） progress bar on stderr (default: when a terminal)
  --timings          在标准错误打印各阶段用时  print the time per phase to stderr

下载 Fetching (--urls):
  --cache 文件夹     下载缓存（默认 ~/.cache/gongkai-lens；--no-cache 不用） cache folder (--no-cache: none)
  --concurrency N    同时请求数（默认 4，每个网站 2） requests at once (default 4, 2 per site)
  --retries N        重试次数（默认 3） retries on network errors, 429 and 5xx (default 3)
  --retry-delay 秒   首次重试前的等待，之后每次加倍（默认 1） first pause, doubled each time (default 1)
  --fetch-timeout 秒 每个请求的时间上限（默认 30） time limit per request (default 30)

退出码 Exit code:
  0  没有错误  no report has an error finding
  1  有报告存在错误  a report has an error finding
  2  有输入无法读取、不是年报、下载失败或超出上限，或命令行有误（其余输入照常检查）
     an input could not be read, is not a report, could not be fetched or went over a limit, or the
     command line is wrong (the other inputs are still checked)
  3  无法写入输出（如 --xlsx 的文件）  an output could not be written (e.g. the --xlsx file)
`;

const MODES: Record<string, Mode> = { '--json': 'json', '--jsonl': 'jsonl', '--csv': 'csv', '--tsv': 'tsv' };

export function defaultCacheDir(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'gongkai-lens');
}

export function parseArgs(argv: string[]): Options | { help: true } | { error: string } {
  const opts: Options = {
    mode: 'text', lang: 'zh', paths: [], urls: null, xlsx: null, agency: null,
    jobs: Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length),
    timeoutMs: 60_000, maxMemoryMb: 1024, maxBytes: 200 * 1048576, progress: 'auto', timings: false, problemRecords: false,
    cacheDir: defaultCacheDir(), fetchConcurrency: 4, retries: 3, retryDelayMs: 1000, fetchTimeoutMs: 30_000,
  };
  let explicitMode = false;
  // `gongkai-lens check …`: the subcommand word is optional.
  const args = argv[0] === 'check' ? argv.slice(1) : argv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    const number = (min: number): number | { error: string } => {
      const v = value();
      const n = Number(v);
      return v !== undefined && Number.isFinite(n) && n >= min ? n : { error: `${name} 需要不小于 ${min} 的数 (${name} takes a number ≥ ${min}), got ${v ?? 'nothing'}` };
    };
    const take = (set: (n: number) => void, min = 1): { error: string } | null => {
      const n = number(min);
      if (typeof n !== 'number') return n;
      set(n);
      return null;
    };
    let err: { error: string } | null = null;
    if (a === '-h' || a === '--help') return { help: true };
    else if (name in MODES) {
      opts.mode = MODES[name]!;
      explicitMode = true;
    } else if (name === '--lang') {
      const v = value();
      if (v !== 'zh' && v !== 'en') return { error: `--lang 只接受 zh 或 en (--lang takes zh or en), got ${v ?? 'nothing'}` };
      opts.lang = v;
    } else if (name === '--xlsx' || name === '--urls' || name === '--agency' || name === '--cache') {
      const v = value();
      if (!v) return { error: `${name} 需要一个值 (${name} takes a value)` };
      if (name === '--xlsx') opts.xlsx = v;
      else if (name === '--urls') opts.urls = v;
      else if (name === '--agency') opts.agency = v;
      else opts.cacheDir = v;
    } else if (name === '--no-cache') opts.cacheDir = null;
    else if (name === '--jobs') err = take((n) => (opts.jobs = Math.floor(n)));
    else if (name === '--timeout') err = take((n) => (opts.timeoutMs = n * 1000), 0.001);
    else if (name === '--max-memory') err = take((n) => (opts.maxMemoryMb = Math.floor(n)), 16);
    else if (name === '--max-size') err = take((n) => (opts.maxBytes = n * 1048576), 0.001);
    else if (name === '--concurrency') err = take((n) => (opts.fetchConcurrency = Math.floor(n)));
    else if (name === '--retries') err = take((n) => (opts.retries = Math.floor(n)), 0);
    else if (name === '--retry-delay') err = take((n) => (opts.retryDelayMs = n * 1000), 0);
    else if (name === '--fetch-timeout') err = take((n) => (opts.fetchTimeoutMs = n * 1000), 0.001);
    else if (name === '--progress') opts.progress = 'always';
    else if (name === '--no-progress') opts.progress = 'never';
    else if (name === '--timings') opts.timings = true;
    else if (name === '--problem-records') opts.problemRecords = true;
    else if (a === '--') continue;
    else if (a.startsWith('-') && a !== '-') return { error: `未知选项 ${a} (unknown option)` };
    else opts.paths.push(a);
    if (err) return err;
  }
  if (!opts.paths.length && !opts.urls) return { error: '请给出文件、文件夹或 --urls (no files, folders or --urls given)' };
  // With a workbook and no other output asked for, stdout keeps only the closing line.
  if (opts.xlsx && !explicitMode) opts.mode = 'none';
  return opts;
}
