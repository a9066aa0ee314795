// Fetching the report file the reader asked for (viewer, offscreen document): bounded in size (the
// Content-Length, then the bytes as they stream in) and in time (an AbortController), so a wrong
// link, a 300 MB scan or a server that never answers ends in a clear message, never a hung tab.
import { i18n } from '#i18n';
import { MAX_PDF_BYTES } from '@/lib/extract/pdf';

/** The largest report file read: the engine's own PDF cap (text-layer annual reports are < 5 MB). */
export const MAX_FILE_BYTES = MAX_PDF_BYTES;
/** No byte for this long: the server is not answering. */
export const FETCH_TIMEOUT_MS = 30_000;

/** A file that could not be fetched: the message is in the UI's language (i18n). */
export class FileFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileFetchError';
  }
}

export interface FetchedFile {
  bytes: Uint8Array;
  /** The Content-Type the server sent (a hint: the content decides the form). */
  contentType: string;
}

const megabytes = (bytes: number) => String(Math.round(bytes / (1024 * 1024)));

/**
 * The file's bytes. The timeout restarts with every chunk received, so a slow but live download of
 * a large file finishes while a stalled one stops.
 */
export async function fetchFile(url: string, { maxBytes = MAX_FILE_BYTES, timeoutMs = FETCH_TIMEOUT_MS } = {}): Promise<FetchedFile> {
  const abort = new AbortController();
  let timer = setTimeout(() => abort.abort(), timeoutMs);
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), timeoutMs);
  };
  const tooLarge = () => new FileFetchError(i18n.t('viewer.error.tooLarge', [megabytes(maxBytes)]));
  try {
    let response: Response;
    try {
      // The reader's own session (cookies) as the page had it; nothing is sent but the request itself.
      response = await fetch(url, { signal: abort.signal, credentials: 'include', cache: 'no-cache' });
    } catch {
      throw new FileFetchError(abort.signal.aborted ? i18n.t('viewer.error.timeout', [String(timeoutMs / 1000)]) : i18n.t('viewer.error.network'));
    }
    if (!response.ok) throw new FileFetchError(i18n.t('viewer.error.status', [String(response.status)]));
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      abort.abort();
      throw tooLarge();
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.body) return { bytes: new Uint8Array(await response.arrayBuffer()), contentType };
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch {
        throw new FileFetchError(abort.signal.aborted ? i18n.t('viewer.error.timeout', [String(timeoutMs / 1000)]) : i18n.t('viewer.error.network'));
      }
      if (step.done) break;
      rearm();
      size += step.value.length;
      // A server may send no Content-Length, or a wrong one.
      if (size > maxBytes) {
        abort.abort();
        throw tooLarge();
      }
      chunks.push(step.value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return { bytes, contentType };
  } finally {
    clearTimeout(timer);
  }
}
