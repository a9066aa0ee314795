// --urls list.txt: report pages fetched politely — a few requests at a time (and one at a time per
// site), retries with growing pauses on network errors, 429 and 5xx (Retry-After honoured), a time
// limit per request, and an on-disk cache so a second run (or a resumed one) asks nothing again.
// Each failure is one problem line naming the URL and the reason.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Item, Later } from './inputs';
import { problem } from './inputs';

export interface FetchOptions {
  /** Requests at once, over all sites. */
  concurrency: number;
  /** Attempts after the first. */
  retries: number;
  /** First pause before a retry, doubled each time. */
  retryDelayMs: number;
  timeoutMs: number;
  /** Folder of the cache; null: no cache. */
  cacheDir: string | null;
  maxBytes: number;
  userAgent: string;
}

/** A counting semaphore: at most `n` holders. */
class Gate {
  private waiting: (() => void)[] = [];
  constructor(private n: number) {}
  async enter(): Promise<void> {
    if (this.n > 0) {
      this.n--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  leave() {
    const next = this.waiting.shift();
    if (next) next();
    else this.n++;
  }
}

interface Cached {
  url: string;
  status: number;
  contentType: string | null;
}

// Requests at once to one site: a government server is not a CDN.
const PER_HOST = 2;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Fetcher {
  private readonly all: Gate;
  private readonly perHost = new Map<string, Gate>();
  constructor(private readonly opts: FetchOptions) {
    this.all = new Gate(opts.concurrency);
    if (opts.cacheDir) fs.mkdirSync(opts.cacheDir, { recursive: true });
  }

  private cachePath(url: string): string | null {
    return this.opts.cacheDir && path.join(this.opts.cacheDir, crypto.createHash('sha256').update(url).digest('hex').slice(0, 32));
  }

  async item(url: string): Promise<Item> {
    const cache = this.cachePath(url);
    if (cache) {
      try {
        const meta = JSON.parse(await fs.promises.readFile(`${cache}.json`, 'utf8')) as Cached;
        if (meta.url === url) return { source: url, bytes: new Uint8Array(await fs.promises.readFile(`${cache}.body`)), ...(meta.contentType ? { contentType: meta.contentType } : {}) };
      } catch {
        // Not cached (or a half-written entry): fetch.
      }
    }
    let host: string;
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(u.protocol);
      host = u.host;
    } catch {
      return problem(url, 'fetch', '不是 http(s) 网址', 'not an http(s) URL');
    }
    let gate = this.perHost.get(host);
    if (!gate) this.perHost.set(host, (gate = new Gate(PER_HOST)));
    await gate.enter();
    await this.all.enter();
    try {
      const result = await this.fetchWithRetries(url);
      if ('bytes' in result && cache) {
        // Body first, then the entry that makes it count: a run killed in between re-fetches.
        try {
          await fs.promises.writeFile(`${cache}.body`, result.bytes);
          await fs.promises.writeFile(`${cache}.json`, JSON.stringify({ url, status: 200, contentType: result.contentType ?? null } satisfies Cached));
        } catch {
          // A full or read-only disk costs the cache, not the page.
        }
      }
      return result;
    } finally {
      this.all.leave();
      gate.leave();
    }
  }

  private async fetchWithRetries(url: string): Promise<Item> {
    let last: Item = problem(url, 'fetch', '无法获取', 'could not fetch');
    for (let attempt = 0; attempt <= this.opts.retries; attempt++) {
      const { item, retryAfterMs } = await this.fetchOnce(url);
      if (!('problem' in item) || retryAfterMs === null) return item;
      last = item;
      if (attempt < this.opts.retries) await sleep(Math.max(retryAfterMs, this.opts.retryDelayMs * 2 ** attempt));
    }
    return last;
  }

  /** One request; retryAfterMs is null when trying again would not help (404, too large…). */
  private async fetchOnce(url: string): Promise<{ item: Item; retryAfterMs: number | null }> {
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(this.opts.timeoutMs), headers: { 'user-agent': this.opts.userAgent }, redirect: 'follow' });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const timedOut = err.name === 'TimeoutError';
      return {
        item: timedOut
          ? problem(url, 'fetch', `请求超时（${this.opts.timeoutMs / 1000} 秒）`, `request timed out (${this.opts.timeoutMs / 1000} s)`)
          : problem(url, 'fetch', '无法连接', `cannot connect: ${err.cause?.code ?? err.cause?.message ?? err.message}`),
        retryAfterMs: 0,
      };
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      const transient = res.status === 429 || res.status >= 500;
      const after = Number(res.headers.get('retry-after'));
      return {
        item: problem(url, 'fetch', `服务器返回 HTTP ${res.status}`, `HTTP ${res.status} ${res.statusText}`.trim()),
        retryAfterMs: transient ? (Number.isFinite(after) && after > 0 ? Math.min(after, 60) * 1000 : 0) : null,
      };
    }
    const length = Number(res.headers.get('content-length'));
    if (length > this.opts.maxBytes) {
      await res.body?.cancel();
      return { item: problem(url, 'limit', '网页过大', `too large (${length} bytes)`), retryAfterMs: null };
    }
    try {
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.length > this.opts.maxBytes) return { item: problem(url, 'limit', '网页过大', `too large (${bytes.length} bytes)`), retryAfterMs: null };
      const contentType = res.headers.get('content-type');
      return { item: { source: url, bytes, ...(contentType ? { contentType } : {}) }, retryAfterMs: null };
    } catch (e) {
      return { item: problem(url, 'fetch', '下载中断', `download interrupted: ${(e as Error).message}`), retryAfterMs: 0 };
    }
  }
}

/**
 * The URLs of a list (one a line; blank lines and # comments ignored), each as its input to come:
 * fetching starts as soon as the caller takes it, so the caller's window sets how far ahead.
 */
export async function* urlItems(listFile: string, opts: FetchOptions): AsyncGenerator<Item | Later> {
  const fetcher = new Fetcher(opts);
  let lines: AsyncIterable<string>;
  try {
    await fs.promises.access(listFile, fs.constants.R_OK);
    lines = readline.createInterface({ input: fs.createReadStream(listFile), crlfDelay: Infinity });
  } catch (e) {
    yield problem(listFile, 'unreadable', '无法读取网址列表', `cannot read the URL list: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return;
  }
  for await (const raw of lines) {
    const url = raw.trim();
    if (!url || url.startsWith('#')) continue;
    yield { later: fetcher.item(url) };
  }
}
