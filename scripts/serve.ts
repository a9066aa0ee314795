// The local "gov.cn": serves the sample report pages under the addresses they have (or would have)
// on their real sites, for the browser tests (test/e2e), the benchmark and `npm start`. Chromium
// reaches them through --host-resolver-rules (see `resolverRules`), so the extension's *.gov.cn
// patterns fire as they do on the real sites. One table of routes for everyone.
//
//   npx tsx scripts/serve.ts [port]   serve and print the rules to start Chromium with
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_HTML = path.join(REPO_ROOT, 'test/fixtures/html');
/** Real report pages saved by others (outside the repo; absent on a bare checkout). */
export const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
/** The viewer's fixtures (test/fixtures/viewer): an attachment page, an encrypted PDF. */
export const FIXTURES_VIEWER = path.join(REPO_ROOT, 'test/fixtures/viewer');
/** Seed pages printed to PDF by the viewer's tests and bench (Chromium page.pdf), not kept in the repo. */
export const PRINTED_DIR = path.join(REPO_ROOT, 'test-results/printed');

export type RouteKind = 'report' | 'non-report';

export interface Route {
  /** Stable name used by tests and the index page. */
  id: string;
  url: string;
  kind: RouteKind;
  /** What the page is, for the index page. */
  label: string;
  /** The HTML file served (absolute). */
  file: string;
  /** Rewrites the file's HTML before serving it (pages built from a fixture). */
  transform?: (html: string) => string;
}

/** The seeds (shared/seeds) rendered to HTML by test/fixtures; the Word-pasted form is the main one. */
const SEEDS = [
  { seed: '000', url: 'http://www.hegang.gov.cn/zwgk/zfxxgknb/202501/t20250124_000.html', label: '鹤岗市人民政府办公室 2024' },
  { seed: '001', url: 'http://www.shuangtaizi.gov.cn/zwgk/zfxxgknb/202401/t20240126_001.html', label: '盘锦市双台子区人民政府办公室 2023（繁体）' },
  { seed: '002', url: 'http://www.xjjh.gov.cn/xjjh/zfxxgknb/202501/t20250120_002.html', label: '精河县 2024（表三分成三段）' },
  { seed: '003', url: 'http://www.hengyang.gov.cn/zwgk/zfxxgknb/202003/t20200325_003.html', label: '衡阳市人民政府办公室 2019（繁体，T2019）' },
  { seed: '004', url: 'http://www.wendeng.gov.cn/zwgk/zfxxgknb/202501/t20250122_004.html', label: '威海市文登区米山镇 2024（表格为图片）' },
] as const;

export type SeedId = (typeof SEEDS)[number]['seed'];
const VARIANTS = ['word', 'clean', 'split'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The address of a seed's rendering: the Word-pasted page at its own URL, the others beside it. */
export function seedUrl(seed: SeedId, variant: Variant = 'word'): string {
  const { url } = SEEDS.find((s) => s.seed === seed)!;
  return variant === 'word' ? url : url.replace(/\.html$/, `_${variant}.html`);
}

/**
 * A "文字版" switch: the page opens on a placeholder with a generic title and no report in it,
 * and the report's text arrives 1 s later (as a script-driven tab or an XHR-loaded body would).
 */
function deferArticle(html: string): string {
  const start = html.indexOf('<body>') + '<body>'.length;
  const end = html.lastIndexOf('</body>');
  const body = html.slice(start, end).replace(/<script[\s\S]*?<\/script>/g, '');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>鹤岗市人民政府</title></head><body>
<div class="switch"><a href="#">全真版</a> | <a href="#" id="text-version">文字版</a></div>
<div id="article"><p>正在加载…</p></div>
<template id="text">${body}</template>
<script>setTimeout(function () {
  document.getElementById('article').replaceChildren(document.getElementById('text').content.cloneNode(true));
}, 1000);</script>
</body></html>`;
}

export const ROUTES: Route[] = [
  ...SEEDS.flatMap(({ seed, label }) =>
    VARIANTS.map((variant) => ({
      id: `${seed}-${variant}`,
      url: seedUrl(seed, variant),
      kind: 'report' as const,
      label: `${label} · ${variant}`,
      file: path.join(FIXTURES_HTML, `${seed}-${variant}.html`),
    })),
  ),
  {
    id: 'pingtan-2024',
    url: 'http://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm',
    kind: 'report',
    label: '平潭综合实验区 2024（整页，TRS 网站）',
    file: path.join(CORPUS, 'pingtan-2024.html'),
  },
  {
    id: 'shuyang-fgj-2023',
    url: 'http://www.shuyang.gov.cn/sygfj/gknb/202401/t20240117_3285921.shtml',
    kind: 'report',
    label: '沭阳县发展和改革局 2023',
    file: path.join(CORPUS, 'shuyang-fgj-2023.html'),
  },
  {
    id: 'deferred-000',
    url: 'http://www.hegang.gov.cn/zwgk/xxgk/202501/t20250124_000_wzb.html',
    kind: 'report',
    label: '鹤岗市 2024，报告正文在载入 1 秒后出现（文字版切换）',
    file: path.join(FIXTURES_HTML, '000-word.html'),
    transform: deferArticle,
  },
  {
    // SYNTHETIC (scripts/render-seeds.ts): seed 000's agency a year later, for the year-over-year test.
    id: '000-next',
    url: 'http://www.hegang.gov.cn/zwgk/zfxxgknb/202601/t20260120_000next.html',
    kind: 'report',
    label: '鹤岗市人民政府办公室 2025（合成页面：用于与已保存的 2024 年报同比核对）',
    file: path.join(FIXTURES_HTML, '000-next-word.html'),
  },
  {
    id: 'nonreport-gov',
    url: 'http://www.hegang.gov.cn/xwzx/czyjs/202402/t20240208_budget.html',
    kind: 'non-report',
    label: '鹤岗市财政局预算公告（政府网站，非年报）',
    file: path.join(FIXTURES_HTML, 'nonreport-gov.html'),
  },
  {
    id: 'nonreport-other',
    url: 'http://news.example.com/life/2025/0124/hiking.html',
    kind: 'non-report',
    label: '城市生活新闻（非政府网站）',
    file: path.join(FIXTURES_HTML, 'nonreport-other.html'),
  },
  {
    // A report on a bare-IP host, as some county sites are: outside *.gov.cn only "check this page"
    // (or "always check this site") reads it.
    id: 'elsewhere-001',
    url: 'http://10.1.2.3/gknb/2023/shuangtaizi.html',
    kind: 'report',
    label: '双台子区 2023 年报，IP 地址网站（非 gov.cn）',
    file: path.join(FIXTURES_HTML, '001-word.html'),
  },
];

/** Pages that link a report file as their attachment (the page names the report; its body does not hold it). */
ROUTES.push(
  {
    id: 'attachment-huaian',
    url: 'http://www.huaian.gov.cn/zwgk/zfxxgk/ndbg/202502/t20250225_7312345.html',
    kind: 'report',
    label: '淮安市人民政府 2024 年报页面，正文只有 PDF 附件',
    file: path.join(FIXTURES_VIEWER, 'attachment-huaian.html'),
  },
  {
    // Seed 001's page with its own tables and, below them, the same report printed as a PDF attachment.
    id: 'attachment-001',
    url: 'http://www.shuangtaizi.gov.cn/zwgk/zfxxgknb/202401/t20240126_001_fj.html',
    kind: 'report',
    label: '双台子区 2023 年报页面（有表格，另附 PDF 附件）',
    file: path.join(FIXTURES_HTML, '001-word.html'),
    transform: (html) =>
      html.replace('</body>', '<p>附件：<a href="/zwgk/zfxxgknb/202401/P020240126_001.pdf">2023年政府信息公开工作年度报告.pdf</a></p>\n</body>'),
  },
  {
    // The same page, its attachment a later edition where one figure (行政许可 0 → 12) differs.
    id: 'attachment-001-changed',
    url: 'http://www.shuangtaizi.gov.cn/zwgk/zfxxgknb/202401/t20240126_001_fj2.html',
    kind: 'report',
    label: '双台子区 2023 年报页面（有表格，所附 PDF 中有一个数字不同）',
    file: path.join(FIXTURES_HTML, '001-word.html'),
    transform: (html) =>
      html.replace('</body>', '<p>附件：<a href="/zwgk/zfxxgknb/202401/P020240126_001_v2.pdf">2023年政府信息公开工作年度报告（修订）.pdf</a></p>\n</body>'),
  },
  {
    // Its attachment written as iText writes it: Adobe's MSung-Light, not embedded, no ToUnicode (cmap-003-pdf).
    id: 'attachment-003-cmap',
    url: 'http://www.hengyang.gov.cn/zwgk/zfxxgknb/202003/t20200325_003_fj.html',
    kind: 'report',
    label: '衡阳市人民政府办公室 2019 年报页面，正文只有 PDF 附件（字体未嵌入，读文字要用 CMap）',
    file: path.join(FIXTURES_VIEWER, 'attachment-hengyang.html'),
  },
  {
    // The same page, its attachment a PDF with no text (scan-pdf): the panel must say so.
    id: 'attachment-scan',
    url: 'http://www.hengyang.gov.cn/zwgk/zfxxgknb/202003/t20200325_003_scan.html',
    kind: 'report',
    label: '衡阳市人民政府办公室 2019 年报页面，附件是没有文字层的 PDF（扫描件）',
    file: path.join(FIXTURES_VIEWER, 'attachment-hengyang.html'),
    transform: (html) => html.replace('P020200325_003_itext.pdf', 'P020200325_003_scan.pdf'),
  },
  {
    // …and one whose attachment's address answers 404.
    id: 'attachment-missing',
    url: 'http://www.hengyang.gov.cn/zwgk/zfxxgknb/202003/t20200325_003_gone.html',
    kind: 'report',
    label: '衡阳市人民政府办公室 2019 年报页面，附件地址返回 404',
    file: path.join(FIXTURES_VIEWER, 'attachment-hengyang.html'),
    transform: (html) => html.replace('/zwgk/zfxxgknb/202003/P020200325_003_itext.pdf', BAD_FILE_URLS.missing),
  },
);

/** A report file (PDF, DOCX) at the address its site serves it under. */
export interface FileRoute {
  id: string;
  url: string;
  label: string;
  file: string;
  type: string;
}

const PDF = 'application/pdf';

export const FILE_ROUTES: FileRoute[] = [
  {
    id: 'huaian-2024-pdf',
    url: 'http://www.huaian.gov.cn/zwgk/zfxxgk/ndbg/202502/P020250225_szfgs2024.pdf',
    label: '淮安市人民政府 2024 年报（WPS 生成的 PDF，6 页）',
    file: path.join(CORPUS, 'huaian-2024.pdf'),
    type: PDF,
  },
  {
    id: 'printed-001-pdf',
    url: 'http://www.shuangtaizi.gov.cn/zwgk/zfxxgknb/202401/P020240126_001.pdf',
    label: '种子 001 的网页打印成 PDF（Chromium）',
    file: path.join(PRINTED_DIR, '001-word.pdf'),
    type: PDF,
  },
  {
    id: 'printed-001-changed-pdf',
    url: 'http://www.shuangtaizi.gov.cn/zwgk/zfxxgknb/202401/P020240126_001_v2.pdf',
    label: '种子 001 改动一个数字后打印成 PDF（Chromium）',
    file: path.join(PRINTED_DIR, '001-changed.pdf'),
    type: PDF,
  },
  {
    id: 'printed-003-pdf',
    url: 'http://www.hengyang.gov.cn/zwgk/zfxxgknb/202003/P020200325_003.pdf',
    label: '种子 003 的网页打印成 PDF（Chromium）',
    file: path.join(PRINTED_DIR, '003-word.pdf'),
    type: PDF,
  },
  {
    // Written by the test that serves it (test/e2e/viewer-cmaps.e2e.test.ts, test/fixtures/pdf/cmap.ts).
    id: 'cmap-003-pdf',
    url: 'http://www.hengyang.gov.cn/zwgk/zfxxgknb/202003/P020200325_003_itext.pdf',
    label: '种子 003 写成 iText 式 PDF（MSung-Light 未嵌入，UniCNS-UCS2-H，无 ToUnicode）',
    file: path.join(PRINTED_DIR, '003-cmap.pdf'),
    type: PDF,
  },
  {
    // A PDF whose page has no text (as a scan has none), written by test/e2e/attachment-unreadable.e2e.test.ts.
    id: 'scan-pdf',
    url: 'http://www.hengyang.gov.cn/zwgk/zfxxgknb/202003/P020200325_003_scan.pdf',
    label: '没有文字层的 PDF（合成，如扫描件）',
    file: path.join(PRINTED_DIR, 'scan.pdf'),
    type: PDF,
  },
  {
    id: 'encrypted-pdf',
    url: 'http://www.hegang.gov.cn/zwgk/zfxxgknb/202501/P020250124_locked.pdf',
    label: '需要密码的 PDF（合成）',
    file: path.join(FIXTURES_VIEWER, 'encrypted.pdf'),
    type: PDF,
  },
];

/**
 * Addresses that answer badly, as real sites do, for the viewer's messages: a .pdf link that returns
 * a web page (a login wall), a server that never answers, a 300 MB file. (Any other address is a 404.)
 */
export const BAD_FILE_URLS = {
  htmlNotPdf: 'http://www.hegang.gov.cn/zwgk/zfxxgknb/202501/P020250124_login.pdf',
  noAnswer: 'http://www.hegang.gov.cn/zwgk/zfxxgknb/202501/P020250124_slow.pdf',
  huge: 'http://www.hegang.gov.cn/zwgk/zfxxgknb/202501/P020250124_scan300mb.pdf',
  missing: 'http://www.hegang.gov.cn/zwgk/zfxxgknb/202501/P020250124_gone.pdf',
} as const;

const HUGE_BYTES = 300 * 1024 * 1024;

/** Answers a bad-file address; false for any other. */
function respondBadly(url: string, res: http.ServerResponse): boolean {
  if (url === BAD_FILE_URLS.htmlNotPdf) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end('<!DOCTYPE html><html><head><title>用户登录</title></head><body><form>请先登录</form></body></html>');
    return true;
  }
  if (url === BAD_FILE_URLS.noAnswer) return true; // headers never sent; the socket stays open until the client gives up
  if (url === BAD_FILE_URLS.huge) {
    res.writeHead(200, { 'content-type': PDF, 'content-length': String(HUGE_BYTES), 'cache-control': 'no-store' });
    // Streams for as long as the client reads: the viewer must stop at the header, or while streaming.
    const chunk = Buffer.alloc(1024 * 1024);
    chunk.write('%PDF-1.7\n');
    let sent = 0;
    const pump = () => {
      while (sent < HUGE_BYTES && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
    return true;
  }
  return false;
}

/**
 * A page that never stops changing: seed 000 with a news ticker and a clock updated every `ms`, in a
 * sidebar outside the report, or (`inReport`) a visit counter inside the report's own text. The
 * page counts its updates in `window.__ticks`.
 */
function withTicker(ms: number, inReport = false): (html: string) => string {
  const counter = '<p class="views">浏览次数：<span id="clock">0</span></p>';
  const sidebar = '<aside class="ticker" style="position:fixed;left:0;top:80px;width:160px;background:#fff"><p id="clock">00:00:00</p><ul id="news"></ul></aside>';
  const script = `<script>(function () {
  var n = 0; window.__ticks = 0;
  setInterval(function () {
    n++; window.__ticks = n;
    document.getElementById('clock').textContent = ${inReport ? 'String(1000 + n)' : "'更新 ' + n"};
    var news = document.getElementById('news');
    if (news) { var li = document.createElement('li'); li.textContent = '快讯第' + n + '条'; news.prepend(li); if (news.children.length > 5) news.lastElementChild.remove(); }
  }, ${ms});
})();</script>`;
  return (html) =>
    inReport
      ? html.replace('<div class="article-content TRS_Editor">', `<div class="article-content TRS_Editor">${counter}`).replace('</body>', `${script}\n</body>`)
      : html.replace('</body>', `${sidebar}\n${script}\n</body>`);
}

/** Busy pages (hostile-ext): re-analysis must stay bounded and still see a real change of the tables. */
ROUTES.push(
  ...[
    { id: 'ticker-50ms', ms: 50, inReport: false, label: '鹤岗市 2024，侧栏快讯与时钟每 50 毫秒更新' },
    { id: 'ticker-1s', ms: 1000, inReport: false, label: '鹤岗市 2024，侧栏快讯与时钟每秒更新' },
    { id: 'ticker-in-report-50ms', ms: 50, inReport: true, label: '鹤岗市 2024，正文内浏览次数每 50 毫秒更新' },
  ].map(({ id, ms, inReport, label }) => ({
    id,
    url: `http://www.hegang.gov.cn/zwgk/zfxxgknb/202501/t20250124_000_${id}.html`,
    kind: 'report' as const,
    label,
    file: path.join(FIXTURES_HTML, '000-word.html'),
    transform: withTicker(ms, inReport),
  })),
);

export function route(id: string): Route {
  const found = ROUTES.find((r) => r.id === id);
  if (!found) throw new Error(`no fixture route "${id}"; known: ${ROUTES.map((r) => r.id).join(', ')}`);
  return found;
}

/** The routes whose page exists on this machine (the corpus lives outside the repo). */
export const availableRoutes = () => ROUTES.filter((r) => existsSync(r.file));

export function fileRoute(id: string): FileRoute {
  const found = FILE_ROUTES.find((r) => r.id === id);
  if (!found) throw new Error(`no file route "${id}"; known: ${FILE_ROUTES.map((r) => r.id).join(', ')}`);
  return found;
}

/**
 * Chromium's --host-resolver-rules: the fixture hosts (bare IP included: Chromium maps IP literals
 * too) go to the local server, every other host fails at once, so pages load fast and nothing
 * leaves the machine.
 */
export function resolverRules(port: number): string {
  const local = `127.0.0.1:${port}`;
  return `MAP *.gov.cn ${local}, MAP *.example.com ${local}, MAP 10.1.2.3 ${local}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`;
}

export interface FixtureServer {
  port: number;
  /** http://127.0.0.1:<port> — the index page, and a secure context for the clipboard. */
  origin: string;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function indexPage(): string {
  const items = availableRoutes()
    .map((r) => `<li><a href="${escapeHtml(r.url)}">${escapeHtml(r.label)}</a> <small>${r.kind === 'report' ? '年报' : '非年报'} · ${escapeHtml(r.url)}</small></li>`)
    .join('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>公开年报核对 · 示例页面</title>
<style>body{font:15px/1.7 system-ui,"Noto Sans CJK SC",sans-serif;max-width:900px;margin:32px auto;padding:0 16px}small{color:#666}</style></head>
<body><h1>公开年报核对 · 示例页面 <small>Sample pages</small></h1>
<p>这些页面由本机提供，地址与原网站相同。打开年报页面，扩展会自动核对；工具栏图标上的数字是发现的错误数。</p>
<p lang="en">Served locally under their real addresses. Open a report: the extension checks it; the toolbar badge counts the errors.</p>
<ul>${items}</ul></body></html>`;
}

const TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.gif': 'image/gif' };

async function respond(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  const send = (status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  if (host === '127.0.0.1' && pathname === '/') return send(200, 'text/html; charset=utf-8', indexPage());
  const page = ROUTES.find((r) => {
    const url = new URL(r.url);
    return url.hostname === host && url.pathname === pathname;
  });
  if (page) {
    const html = await readFile(page.file, 'utf8');
    return send(200, 'text/html; charset=utf-8', page.transform ? page.transform(html) : html);
  }
  const address = `http://${host}${pathname}`;
  const file = FILE_ROUTES.find((r) => r.url === address && existsSync(r.file));
  if (file) return send(200, file.type, await readFile(file.file));
  if (respondBadly(address, res)) return;
  // Images the seed pages reference relatively ("img/004-table2.svg").
  const image = /\/img\/([\w.-]+)$/.exec(pathname)?.[1];
  const type = image && TYPES[path.extname(image)];
  if (image && type && existsSync(path.join(FIXTURES_HTML, 'img', image))) {
    return send(200, type, await readFile(path.join(FIXTURES_HTML, 'img', image)));
  }
  send(404, 'text/plain; charset=utf-8', `not found: ${host}${pathname}`);
}

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const server = http.createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`fixture server: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    origin: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startFixtureServer(Number(process.argv[2] ?? 0));
  console.log(`fixture server on ${server.origin}/ (index)`);
  console.log(`start Chromium with --host-resolver-rules="${resolverRules(server.port)}"`);
  for (const r of availableRoutes()) console.log(`  ${r.id.padEnd(18)} ${r.url}`);
}
