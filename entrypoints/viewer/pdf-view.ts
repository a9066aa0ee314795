// A PDF drawn in the viewer: every page a box of its printed size (so the layout never jumps), its
// canvas and a selectable pdf.js text layer drawn when the page comes near the window (page 1 at
// once), and, for the engine's cells, an element over the cell's printed place (Cell.boxes, PDF
// points from the page's top-left): the analyzer marks, flashes and scrolls to those elements
// exactly as it does with a web page's <td>s.
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { i18n } from '#i18n';
import type { Box, Cell } from '@/lib/types';

export interface PdfView {
  /** Resolves once page 1 is drawn. */
  firstPage: Promise<void>;
  /** The element standing for a PDF cell (over its first page part); undefined when it has no boxes. */
  cellElement(cell: Cell): HTMLElement | undefined;
  destroy(): void;
}

/** Widest a page is drawn, in CSS px per PDF point (pdf.js's own default zoom is 1.33…). */
const MAX_SCALE = 1.5;
const PAGE_MARGIN_PX = 48;

/** The boxes of one page merged into one rectangle (a cell wrapped over two lines). */
function unionOnPage(boxes: Box[]): Box {
  const page = boxes[0]!.page;
  const same = boxes.filter((b) => b.page === page);
  const x = Math.min(...same.map((b) => b.x));
  const y = Math.min(...same.map((b) => b.y));
  return {
    page,
    x,
    y,
    width: Math.max(...same.map((b) => b.x + b.width)) - x,
    height: Math.max(...same.map((b) => b.y + b.height)) - y,
  };
}

export async function showPdf(pdf: PDFDocumentProxy, container: HTMLElement): Promise<PdfView> {
  const pages: PDFPageProxy[] = [];
  for (let n = 1; n <= pdf.numPages; n++) pages.push(await pdf.getPage(n));
  const widest = Math.max(...pages.map((p) => p.getViewport({ scale: 1 }).width));
  const scale = Math.min(MAX_SCALE, Math.max(0.5, (container.clientWidth - PAGE_MARGIN_PX) / widest));
  const ratio = window.devicePixelRatio || 1;

  const sections = pages.map((page, i) => {
    const viewport = page.getViewport({ scale });
    const section = document.createElement('section');
    section.className = 'pdf-page';
    section.setAttribute('aria-label', i18n.t('viewer.pageLabel', [String(i + 1), String(pages.length)]));
    section.dataset.page = String(i + 1);
    section.style.width = `${viewport.width}px`;
    section.style.height = `${viewport.height}px`;
    section.style.setProperty('--total-scale-factor', String(scale));
    container.append(section);
    return section;
  });

  const drawn = new Map<number, Promise<void>>();
  function draw(index: number): Promise<void> {
    const known = drawn.get(index);
    if (known) return known;
    const job = (async () => {
      const page = pages[index]!;
      const section = sections[index]!;
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.setAttribute('aria-hidden', 'true');
      const text = document.createElement('div');
      text.className = 'textLayer';
      section.prepend(canvas, text);
      await page.render({ canvas, viewport, transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0] } as Parameters<PDFPageProxy['render']>[0]).promise;
      await new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
      section.dataset.drawn = 'true';
    })();
    drawn.set(index, job);
    return job;
  }

  // Pages are drawn as they come near: a 300-page file does not paint 300 canvases up front.
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) void draw(sections.indexOf(entry.target as HTMLElement));
    },
    { rootMargin: '150% 0px' },
  );
  for (const section of sections) near.observe(section);

  const boxes = new Map<Cell, HTMLElement>();
  return {
    firstPage: pages.length ? draw(0) : Promise.resolve(),
    cellElement(cell) {
      if (!cell.boxes?.length) return undefined;
      const known = boxes.get(cell);
      if (known) return known;
      const box = unionOnPage(cell.boxes);
      const section = sections[box.page - 1];
      if (!section) return undefined;
      const element = document.createElement('div');
      element.className = 'cell-box';
      Object.assign(element.style, {
        left: `${box.x * scale}px`,
        top: `${box.y * scale}px`,
        width: `${box.width * scale}px`,
        height: `${box.height * scale}px`,
      });
      element.dataset.text = cell.text;
      section.append(element);
      boxes.set(cell, element);
      return element;
    },
    destroy() {
      near.disconnect();
      void pdf.destroy();
    },
  };
}
