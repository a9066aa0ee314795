// npm run check -- <files or folders>: reads saved report pages and prints what the extension shows.
// Exit code: 2 when an input cannot be read or is not a report, else 1 when a report has an error
// finding, else 0. One process for all inputs: the engine (and opencc) are loaded once.
import fs from 'node:fs';
import { parseHTML } from 'linkedom';
import { ZodError } from 'zod';
import { analyzeDocument, analyzeText } from '../lib/analyze';
import type { Report } from '../lib/report/schema';
import { toTsv } from '../lib/export';
import { decodePage, expandInputs, isHtmlPage, type Input, type InputProblem } from './inputs';
import { COLOUR, PLAIN, formatReport, summaryLine, type Lang } from './output';

const HELP = `公开年报核对 — 检查政府信息公开工作年度报告的统计表
Gongkai Lens — checks the statistics tables of government information-disclosure annual reports

用法 Usage:  npm run check -- [选项 options] <文件或文件夹 files or folders>…

  读取 .html/.htm/.txt 文件；文件夹按名称顺序递归读取（其他文件跳过）。
  Reads .html/.htm/.txt files; folders recursively in name order (other files skipped).
  Encoding: BOM, else the page's <meta charset>, else UTF-8, else GB18030 (GBK, GB2312).

选项 Options:
  --json         输出一个 JSON 数组，每份报告一项（与扩展复制的相同）
                 one JSON array, one report per input, as the extension copies it
  --tsv          输出报告的三张表（制表符分隔，可粘贴到 Excel/WPS）
                 the reports' tables, tab-separated (pastes into Excel/WPS)
  --lang zh|en   输出语言（默认 zh） output language (default zh)
  -h, --help     显示本帮助 show this help

退出码 Exit code:  0 无错误 no errors · 1 有错误 a report has an error ·
                   2 有输入无法读取或不是年报 an input cannot be read or is not a report
`;

type Mode = 'text' | 'json' | 'tsv';

interface Options {
  mode: Mode;
  lang: Lang;
  paths: string[];
}

function parseArgs(argv: string[]): Options | { help: true } | { error: string } {
  const opts: Options = { mode: 'text', lang: 'zh', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return { help: true };
    else if (a === '--json') opts.mode = 'json';
    else if (a === '--tsv') opts.mode = 'tsv';
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'zh' && v !== 'en') return { error: `--lang 只接受 zh 或 en (--lang takes zh or en), got ${v ?? 'nothing'}` };
      opts.lang = v;
    } else if (a === '--') continue;
    else if (a.startsWith('-') && a !== '-') return { error: `未知选项 ${a} (unknown option)` };
    else opts.paths.push(a);
  }
  if (!opts.paths.length) return { error: '请给出文件或文件夹 (no files or folders given)' };
  return opts;
}

function failure(e: unknown): string {
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return `report does not fit the schema: ${issues.slice(0, 3).join('; ')}${issues.length > 3 ? `; … (${issues.length} issues)` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** One input → its report, or the reason it has none. Never throws. */
function readReport(input: Input): Report | InputProblem {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(input.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { source: input.source, reason: code === 'ENOENT' ? '文件不存在 (no such file)' : `无法读取 (cannot read: ${code ?? (e as Error).message})` };
  }
  const decoded = decodePage(bytes);
  if ('error' in decoded) return { source: input.source, reason: decoded.error };
  if (!decoded.text.trim()) return { source: input.source, reason: '文件为空 (empty file)' };
  try {
    const html = isHtmlPage(input.file, decoded.text);
    const analysis = html
      ? analyzeDocument(parseHTML(decoded.text).document, { source: input.source })
      : analyzeText(decoded.text, { source: input.source });
    if (!analysis.recognition.isReport) return { source: input.source, reason: '不是政府信息公开工作年度报告 (not an annual report)' };
    return analysis.report;
  } catch (e) {
    // An engine failure is a bug, but one page must not stop the others; say it on one line.
    return { source: input.source, reason: `分析失败 (analysis failed: ${failure(e)})` };
  }
}

function main(argv: string[]): number {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    process.stdout.write(HELP);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n\n${HELP}`);
    return 2;
  }
  const reports: Report[] = [];
  const problems: InputProblem[] = [];
  for (const input of expandInputs(parsed.paths)) {
    const result = 'file' in input ? readReport(input) : input;
    if ('reason' in result) {
      problems.push(result);
      process.stderr.write(`${result.source}: ${result.reason}\n`);
    } else reports.push(result);
  }

  if (parsed.mode === 'json') process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else if (parsed.mode === 'tsv') process.stdout.write(reports.map((r) => `# ${r.source}\n${toTsv(r, parsed.lang)}`).join('\n'));
  else {
    const style = process.stdout.isTTY && !process.env.NO_COLOR ? COLOUR : PLAIN;
    const blocks = reports.map((r) => formatReport(r, parsed.lang, style));
    process.stdout.write([...blocks, summaryLine(reports, problems.length, parsed.lang)].join('\n\n') + '\n');
  }
  if (problems.length) return 2;
  return reports.some((r) => !r.noErrors) ? 1 : 0;
}

// exitCode, not exit(): a large --json must be flushed to a pipe before the process ends.
process.exitCode = main(process.argv.slice(2));
