// The pdf.js files the extension ships beside its bundles, copied from node_modules at build time
// (wxt.config.ts's build:publicAssets hook), never kept in git: the predefined CMaps of the two
// Chinese character collections, Adobe-GB1 (simplified: UniGB-UCS2-H, UniGB-UTF16-H, GBK-EUC-H,
// GBpc-EUC-H …) and Adobe-CNS1 (traditional: UniCNS-UCS2-H, B5pc-H, ETen-B5-H, HKscs-B5-H …), with
// each collection's UCS2 map. 77 of pdf.js's 168 CMaps: 800 kB, 0.5 MB zipped, where all of them
// would add 1.0 MB to the package; the Japanese and Korean ones are left out. Standard-font data is
// not shipped: text is read the same without it (widths come from pdf.js's built-in metrics), and
// the viewer draws a non-embedded Helvetica or Times with the system's fonts.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { EXTENSION_PDFJS_DIR } from '../lib/extract/pdf/resources';

/** The CMaps of Adobe-GB1 and Adobe-CNS1 (each file's `usecmap` stays within its collection). */
const CHINESE_CMAP = /^(?:Adobe-(?:GB1|CNS1)-|UniGB-|UniCNS-|GB|B5|CNS|ETen|ETHK|HK)/;

/** Files to copy: absolute source, destination relative to the extension's root. */
export function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const cmaps = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  return fs
    .readdirSync(cmaps)
    .filter((name) => CHINESE_CMAP.test(name) || name === 'LICENSE')
    .map((name) => ({ absoluteSrc: path.join(cmaps, name), relativeDest: `${EXTENSION_PDFJS_DIR}cmaps/${name}` }));
}
