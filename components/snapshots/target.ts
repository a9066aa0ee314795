// Which figure the reader right-clicked: the page's context menu says only "this tab", so the
// content script remembers the last `contextmenu` target and maps it back to the figure whose cell
// holds it (the target may be a <span> or <p> inside a Word-pasted <td>).
import type { FigureMap } from '../../lib/types';

/** The canonical key of the figure whose page cell is or contains `target`, or null. */
export function figureKeyAt(figures: FigureMap, target: EventTarget | null): string | null {
  const byCell = new Map<Element, string>();
  for (const [key, figure] of figures) if (figure.cell.element) byCell.set(figure.cell.element, key);
  // A text node is the target when the page's own script dispatched the event on it.
  let node: Node | null = target instanceof Node ? target : null;
  for (; node; node = node.parentNode) {
    const key = node instanceof Element ? byCell.get(node) : undefined;
    if (key) return key;
  }
  return null;
}

/** Keys of the figures whose cell is on the page (a flag on any other key is orphaned). */
export function keysOnPage(figures: FigureMap): string[] {
  return [...figures].filter(([, f]) => f.cell.element?.isConnected).map(([key]) => key);
}
