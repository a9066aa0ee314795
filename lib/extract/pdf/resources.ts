// Where pdf.js finds its predefined CMaps. Chinese PDFs from Java/.NET systems (iText's
// STSong-Light with UniGB-UCS2-H, MSung-Light with UniCNS-UCS2-H, Adobe's GB1/CNS1 fonts not
// embedded) carry no ToUnicode map: their text is read only through the encoding CMap and the
// collection's UCS2 map, which pdf.js loads by name from this folder. Without it, pdf.js reads no
// text from them and the file would be called a scan.

/** The getDocument options that name the CMaps folder (a URL or a path, with pdf.js's trailing slash). */
export interface PdfResources {
  cMapUrl: string;
  cMapPacked: true;
}

/** The options for pdf.js's folders under `base` (pdfjs-dist's layout: `cmaps/`, packed `.bcmap` files). */
export const pdfResourcesUnder = (base: string): PdfResources => ({ cMapUrl: `${base}cmaps/`, cMapPacked: true });

/** The extension's copy of the CMaps (scripts/pdfjs-assets.ts puts it there at build time), under its root URL. */
export const EXTENSION_PDFJS_DIR = 'pdfjs/';

let inNode: PdfResources | undefined;

/**
 * In Node: the folders of the pdfjs-dist that this module resolves, not of the working directory
 * (the bundled CLI's import.meta.url names its own file, beside the node_modules it loads pdf.js
 * from). pdf.js's Node build reads them as file paths. process.getBuiltinModule keeps `node:`
 * imports out of the extension's bundles, which carry this module but never call this.
 */
export function nodePdfResources(): PdfResources {
  if (inNode) return inNode;
  const { createRequire } = process.getBuiltinModule('node:module');
  const { dirname, sep } = process.getBuiltinModule('node:path');
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return (inNode = pdfResourcesUnder(`${dirname(pkg)}${sep}`));
}
