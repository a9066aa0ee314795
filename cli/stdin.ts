// `-`: JSON Lines on stdin, one input a line: {"source": "…", "html" | "text" | "base64": "…"}.
// This is what `RDD.pipe` (examples/spark) and other pipelines feed. A bad line is one problem.
import type { Readable } from 'node:stream';
import type { Item } from './inputs';
import { problem } from './inputs';

const encoder = new TextEncoder();

/** One JSON line → an input. `html` is read as markup, `text` as saved text, `base64` by its content. */
export function lineItem(line: string, n: number): Item | null {
  if (!line.trim()) return null;
  const fallback = `stdin:${n}`;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    return problem(fallback, 'unreadable', '输入行不是 JSON', `line is not JSON: ${(e as Error).message}`);
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return problem(fallback, 'unreadable', '输入行不是 JSON 对象', 'line is not a JSON object');
  const r = rec as Record<string, unknown>;
  const source = typeof r.source === 'string' && r.source ? r.source : fallback;
  if (typeof r.html === 'string') {
    // Content decides the form, so a fragment without a tag still reads as markup.
    const html = /^\s*</.test(r.html) ? r.html : `<body>${r.html}`;
    return { source, bytes: encoder.encode(html), contentType: 'text/html' };
  }
  // Saved text is named .txt for the sniffer when its source does not say.
  if (typeof r.text === 'string') return { source, bytes: encoder.encode(r.text), contentType: 'text/plain' };
  if (typeof r.base64 === 'string') return { source, bytes: new Uint8Array(Buffer.from(r.base64, 'base64')), ...(typeof r.contentType === 'string' ? { contentType: r.contentType } : {}) };
  return problem(source, 'unreadable', '输入行缺少 html、text 或 base64', 'line has no html, text or base64');
}

/**
 * The lines of stdin, read as they are taken: the stream's own iterator pulls a chunk only when the
 * run wants the next input (readline's iterator queues up to 1,024 lines — a hundred megabytes of
 * pages — whatever the run's pace). Bytes are joined before decoding, so UTF-8 split over chunks reads right.
 */
export async function* stdinItems(input: Readable = process.stdin): AsyncGenerator<Item> {
  let n = 0;
  let parts: Buffer[] = [];
  const line = (): Item | null => {
    const text = Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
    parts = [];
    return lineItem(text, ++n);
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = bytes.indexOf(10, start); nl >= 0; nl = bytes.indexOf(10, start)) {
      parts.push(bytes.subarray(start, nl));
      start = nl + 1;
      const item = line();
      if (item) yield item;
    }
    if (start < bytes.length) parts.push(bytes.subarray(start));
  }
  if (parts.length) {
    const item = line();
    if (item) yield item;
  }
}
