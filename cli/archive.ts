// Web archives as inputs: a WARC (plain or gzipped, as wget --warc-file or a crawler writes it) or a
// WACZ (Webrecorder's zip holding archive/*.warc.gz). Each archived 200 response or resource whose
// type is a page, text, PDF or Word file becomes one input named by its URL; the rest (scripts,
// images, redirects) is passed over. A broken archive yields one problem and no crash.
import fs from 'node:fs';
import { Gunzip, unzipSync } from 'fflate';
import { WARCParser } from 'warcio';
import type { InputOptions, Item } from './inputs';
import { problem } from './inputs';

export type ArchiveKind = 'warc' | 'wacz';

const WARC_MAGIC = 'WARC/';
// Types the checker reads; an archived page without a Content-Type is tried too.
const PAGE_TYPES = /^(text\/|application\/(xhtml\+xml|pdf|octet-stream|msword|vnd\.openxmlformats-officedocument\.wordprocessingml))/i;

async function head(file: string, n: number): Promise<Uint8Array> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buf = new Uint8Array(n);
    const { bytesRead } = await fd.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** 'warc', 'wacz' or null, by content: "WARC/" (also inside gzip), or a zip holding archive/*.warc*. */
export async function archiveKind(file: string): Promise<ArchiveKind | null> {
  const bytes = await head(file, 4096);
  if (ascii(bytes.subarray(0, 5)) === WARC_MAGIC) return 'warc';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    let start = new Uint8Array();
    const gz = new Gunzip((chunk) => {
      if (!start.length) start = chunk;
    });
    try {
      gz.push(bytes);
    } catch {
      return null;
    }
    return ascii(start.subarray(0, 5)) === WARC_MAGIC ? 'warc' : null;
  }
  // A WACZ names itself by its entries, which only the whole zip lists; the name says to look.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && /\.wacz$/i.test(file)) return 'wacz';
  return null;
}

async function* warcItems(stream: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, source: string, opts: InputOptions): AsyncGenerator<Item> {
  let pages = 0;
  try {
    for await (const record of new WARCParser(stream)) {
      const type = record.warcType;
      if (type !== 'response' && type !== 'resource') continue;
      const url = record.warcTargetURI ?? `${source}#${record.warcHeader('WARC-Record-ID') ?? pages}`;
      const status = type === 'response' ? Number(record.httpHeaders?.statusCode ?? 0) : 200;
      const contentType = (type === 'response' ? record.httpHeaders?.headers.get('content-type') : record.warcContentType) ?? undefined;
      if (status !== 200 || (contentType && !PAGE_TYPES.test(contentType))) {
        await record.skipFully();
        continue;
      }
      pages++;
      if (record.warcContentLength > opts.maxBytes) {
        await record.skipFully();
        yield problem(url, 'limit', '存档中的文件过大', `archived file too large (${record.warcContentLength} bytes)`);
        continue;
      }
      // readFully(true): the payload as served, de-chunked and decompressed.
      yield { source: url, bytes: await record.readFully(true), ...(contentType ? { contentType } : {}) };
    }
  } catch (e) {
    yield problem(source, 'unreadable', 'WARC 存档已损坏', `broken WARC archive: ${(e as Error).message}`);
    return;
  }
  // warcio stops quietly at a truncated gzip member: an archive without pages says it may be broken.
  if (!pages) yield problem(source, 'unreadable', 'WARC 存档中没有网页（可能已损坏或被截断）', 'no pages in the WARC archive (it may be broken or truncated)');
}

/** The pages of an archive, in archive order. */
export async function* archiveItems(file: string, source: string, kind: ArchiveKind, opts: InputOptions): AsyncGenerator<Item> {
  if (kind === 'warc') {
    yield* warcItems(fs.createReadStream(file), source, opts);
    return;
  }
  // WACZ: the zip is read whole (fflate), then each WARC in it is inflated and read in turn.
  let zip: Uint8Array;
  const names: string[] = [];
  try {
    zip = new Uint8Array(await fs.promises.readFile(file));
    unzipSync(zip, {
      filter: (f) => {
        if (/^archive\/.+\.warc(\.gz)?$/.test(f.name)) names.push(f.name);
        return false;
      },
    });
  } catch (e) {
    yield problem(source, 'unreadable', 'WACZ 存档已损坏', `broken WACZ archive: ${(e as Error).message}`);
    return;
  }
  if (!names.length) {
    yield problem(source, 'unreadable', 'WACZ 存档中没有 WARC 文件', 'no WARC files in the WACZ archive');
    return;
  }
  for (const name of names.sort()) {
    let warc: Uint8Array;
    try {
      warc = unzipSync(zip, { filter: (f) => f.name === name })[name]!;
    } catch (e) {
      yield problem(`${source}#${name}`, 'unreadable', 'WACZ 存档已损坏', `broken WACZ archive: ${(e as Error).message}`);
      continue;
    }
    yield* warcItems([warc], `${source}#${name}`, opts);
  }
}
