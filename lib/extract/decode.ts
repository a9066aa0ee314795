// Bytes of a saved page → text: a BOM decides, else the page's declared charset, else UTF-8, else
// GB18030. Pure (TextDecoder only): the CLI, the viewer and dropped files share it.
import { UnreadableFile } from './unreadable-file';

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
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
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

/** decodePage, or UnreadableFile with its message. */
export function decodeText(bytes: Uint8Array): string {
  const decoded = decodePage(bytes);
  if ('error' in decoded) {
    const [zh, en] = decoded.error.split(' (');
    throw new UnreadableFile(zh!.trim(), (en ?? '').replace(/\)$/, ''));
  }
  return decoded.text;
}
