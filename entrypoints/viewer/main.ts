// The viewer page (viewer.html?file=<absolute URL>, pdf.js's own contract): fetches a report PDF or
// DOCX, draws it, and runs the same analyzer and panel as on a web page over the file's Page — its
// cells drawn as elements the marks outline. A file dropped on the page or chosen with the picker
// (file:// PDFs included) goes the same way. Nothing is fetched but the file the reader asked for.
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { i18n } from '#i18n';
import panelCss from '@/components/panel.css?inline';
import { analyzePage } from '@/lib/analyze';
import type { Cell, Page } from '@/lib/types';
import { startAnalyzer } from '@/entrypoints/analyzer.content/analyzer';
import { createKeep } from '@/components/snapshots/keep';
import { fetchFile, FileFetchError, MAX_FILE_BYTES } from './fetch-file';
import { formOf, messageOf, readPage } from './read-report';
import type { PdfView } from './pdf-view';
import { showBlocks } from './blocks-view';
import './viewer.css';

type State = 'idle' | 'loading' | 'ready' | 'error' | 'permission';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const title = $('doc-title');
const links = $('file-links');
const status = $('status');
const message = $('message');
const main = $('document');
const picker = $<HTMLInputElement>('file-input');
const openButton = $<HTMLButtonElement>('open-file');

document.documentElement.lang = i18n.t('panel.lang') === 'en' ? 'en' : 'zh-CN';
openButton.textContent = i18n.t('viewer.openFile');

/** pdf.js and the PDF view: loaded on demand, alongside the file's download (not before it starts). */
let pdfModules: Promise<[typeof import('./pdf'), typeof import('./pdf-view')]> | null = null;
const loadPdfModules = () => (pdfModules ??= Promise.all([import('./pdf'), import('./pdf-view')]));

/** What the viewer shows now; a newer file (a drop while one loads) makes an older run stop. */
let run = 0;
let view: PdfView | null = null;
let download: string | null = null;

function setState(state: State, text = ''): void {
  document.body.dataset.state = state;
  status.textContent = text;
}

function showMessage(text: string | null, action?: HTMLElement): void {
  message.hidden = !text;
  message.replaceChildren(...(text ? [Object.assign(document.createElement('p'), { textContent: text })] : []), ...(action ? [action] : []));
}

function setTitle(name: string): void {
  title.textContent = name;
  document.title = `${name} · ${i18n.t('viewer.title')}`;
}

/** The file's name from its address or its File. */
const nameOf = (source: string) => decodeURIComponent(source.split(/[?#]/)[0]!.split('/').pop() || source);

/** The link to the original and "download": always there, also when the file could not be read. */
function showLinks(url: string | null, name: string, bytes?: Uint8Array): void {
  if (download) URL.revokeObjectURL(download);
  download = bytes ? URL.createObjectURL(new Blob([bytes as BlobPart])) : null;
  const items: HTMLElement[] = [];
  if (url) items.push(Object.assign(document.createElement('a'), { href: url, textContent: i18n.t('viewer.original'), rel: 'noopener' }));
  const save = download ?? url;
  if (save) items.push(Object.assign(document.createElement('a'), { href: save, download: name, textContent: i18n.t('viewer.download') }));
  links.replaceChildren(...items);
}

function reset(): number {
  view?.destroy();
  view = null;
  main.replaceChildren();
  showMessage(null);
  return ++run;
}

/**
 * The panel over the file's report: the analyzer and "keep" of a web page, reading the Page instead
 * of a document. A new context ends the previous file's panel (WXT's contexts of one name replace
 * each other).
 */
function startPanel(page: Page, source: string, name: string, cellElement: (cell: Cell) => Element | undefined): void {
  const ctx = new ContentScriptContext('gkl-viewer');
  const keep = createKeep(ctx, source);
  const analyzer = startAnalyzer(ctx, [keep.extension], {
    css: panelCss,
    watch: false,
    read(previous) {
      const analysis = analyzePage(page, { source, previous });
      for (const figure of analysis.figures.values()) figure.cell.element ??= cellElement(figure.cell);
      setTitle(analysis.report.title ?? name);
      return analysis;
    },
  });
  keep.connect(analyzer);
}

async function show(bytes: Uint8Array, source: string, name: string, linked: boolean, current: number): Promise<void> {
  setState('loading', i18n.t('viewer.reading'));
  const kind = formOf(bytes, source, { linked });
  if (kind === 'pdf') {
    const [{ openPdf }, { showPdf }] = await loadPdfModules();
    const pdf = await openPdf(bytes);
    performance.mark('gkl:viewer:opened');
    if (current !== run) return void pdf.destroy();
    const pdfView = (view = await showPdf(pdf, main));
    performance.mark('gkl:viewer:drawing');
    void pdfView.firstPage.then(() => performance.mark('gkl:viewer:page1'));
    const page = await readPage(bytes, source, pdf);
    performance.mark('gkl:viewer:read');
    if (current !== run) return;
    startPanel(page, source, name, (cell) => pdfView.cellElement(cell));
  } else {
    const page = await readPage(bytes, source);
    if (current !== run) return;
    showBlocks(page, main);
    startPanel(page, source, name, () => undefined);
  }
  setState('ready', '');
}

function fail(error: unknown, current: number): void {
  if (current !== run) return;
  setState('error', '');
  showMessage(messageOf(error));
}

/** A file at an address: asks for the host's permission first where it is not granted (inside a click). */
async function openUrl(url: string): Promise<void> {
  const current = reset();
  const name = nameOf(url);
  setTitle(name);
  showLinks(url, name);
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return fail(new FileFetchError(i18n.t('viewer.error.badAddress', [url])), current);
  }
  if (address.protocol === 'file:') return fail(new FileFetchError(i18n.t('viewer.error.localAddress')), current);
  if (address.protocol !== 'http:' && address.protocol !== 'https:') return fail(new FileFetchError(i18n.t('viewer.error.badAddress', [url])), current);
  const origins = [`${address.protocol}//${address.hostname}/*`];
  if (!(await browser.permissions.contains({ origins }))) {
    const allow = Object.assign(document.createElement('button'), { type: 'button', textContent: i18n.t('viewer.allow', [address.hostname]) });
    // The prompt must open inside the click: nothing is awaited before it.
    allow.addEventListener('click', () => void browser.permissions.request({ origins }).then((granted) => (granted ? openUrl(url) : undefined)));
    setState('permission', '');
    return showMessage(i18n.t('viewer.permission', [address.hostname]), allow);
  }
  setState('loading', i18n.t('viewer.fetching'));
  try {
    const { bytes } = await fetchFile(url);
    performance.mark('gkl:viewer:fetched');
    if (current !== run) return;
    showLinks(url, name, bytes);
    await show(bytes, url, name, true, current);
  } catch (error) {
    fail(error, current);
  }
}

/** A file the reader dropped or picked: read where it is, nothing fetched. */
async function openLocal(file: File): Promise<void> {
  const current = reset();
  setTitle(file.name);
  // A local file cannot be read again from an address: the address no longer names one.
  if (new URLSearchParams(location.search).has('file')) history.pushState(null, '', location.pathname);
  showLinks(null, file.name);
  if (file.size > MAX_FILE_BYTES) return fail(new FileFetchError(i18n.t('viewer.error.tooLarge', [String(MAX_FILE_BYTES / 1024 / 1024)])), current);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await show(bytes, file.name, file.name, false, current);
  } catch (error) {
    fail(error, current);
  }
}

function showIdle(): void {
  reset();
  setTitle(i18n.t('viewer.title'));
  showLinks(null, '');
  setState('idle', '');
  const hint = document.createElement('div');
  hint.className = 'drop-hint';
  hint.append(
    Object.assign(document.createElement('p'), { textContent: i18n.t('viewer.dropHint') }),
    Object.assign(document.createElement('p'), { textContent: i18n.t('viewer.privacy') }),
  );
  main.append(hint);
}

openButton.addEventListener('click', () => picker.click());
picker.addEventListener('change', () => {
  const file = picker.files?.[0];
  if (file) void openLocal(file);
  picker.value = '';
});
document.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files[0];
  document.body.classList.remove('dragging');
  if (!file) return;
  event.preventDefault();
  void openLocal(file);
});
// Back/forward between a file at an address and a dropped one: show what the address names.
window.addEventListener('popstate', () => location.reload());

const file = new URLSearchParams(location.search).get('file');
if (file) {
  // Most files opened by address are PDFs: pdf.js loads and its worker starts while the file downloads.
  if (!/\.docx?$/i.test(file.split(/[?#]/)[0]!)) void loadPdfModules().then(([{ startPdfWorker }]) => startPdfWorker());
  void openUrl(file);
} else showIdle();
