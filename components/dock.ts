// Moving the panel between the four corners: drag it (it follows the pointer, then docks in the
// nearest corner), or press an arrow key on the pill or the grip (the keyboard alternative).
import { useRef } from 'preact/hooks';
import type { RefObject } from 'preact';
import { i18n } from '#i18n';
import type { Settings } from '../utils/settings';

export type Dock = Settings['panel']['dock'];

const DRAG_THRESHOLD_PX = 5;

export function dockName(dock: Dock): string {
  switch (dock) {
    case 'top-left': return i18n.t('panel.dock.topLeft');
    case 'top-right': return i18n.t('panel.dock.topRight');
    case 'bottom-left': return i18n.t('panel.dock.bottomLeft');
    case 'bottom-right': return i18n.t('panel.dock.bottomRight');
    case 'side-left': return i18n.t('ux.dock.sideLeft');
    case 'side-right': return i18n.t('ux.dock.sideRight');
  }
}

export const isSide = (dock: Dock): dock is 'side-left' | 'side-right' => dock.startsWith('side-');
/** Which edge of the window the panel keeps to. */
export const horizontalOf = (dock: Dock): 'left' | 'right' => (dock.endsWith('left') ? 'left' : 'right');

/** The side-panel toggle: a corner becomes the side panel on its side, and back to that side's lower corner. */
export const toggledSide = (dock: Dock): Dock => (isSide(dock) ? `bottom-${horizontalOf(dock)}` : `side-${horizontalOf(dock)}`);

/**
 * ArrowUp keeps the side and goes to the top, ArrowLeft keeps the edge and goes left, … A side panel
 * moves between the sides with Left/Right; Up/Down float it again, in that corner.
 */
export function dockAfterKey(dock: Dock, key: string): Dock | null {
  if (isSide(dock)) {
    const horizontal = horizontalOf(dock);
    switch (key) {
      case 'ArrowLeft': return 'side-left';
      case 'ArrowRight': return 'side-right';
      case 'ArrowUp': return `top-${horizontal}`;
      case 'ArrowDown': return `bottom-${horizontal}`;
      default: return null;
    }
  }
  const [vertical, horizontal] = dock.split('-') as ['top' | 'bottom', 'left' | 'right'];
  switch (key) {
    case 'ArrowUp': return `top-${horizontal}`;
    case 'ArrowDown': return `bottom-${horizontal}`;
    case 'ArrowLeft': return `${vertical}-left`;
    case 'ArrowRight': return `${vertical}-right`;
    default: return null;
  }
}

/** The corner nearest to a box's centre. */
export function nearestDock(box: { left: number; top: number; width: number; height: number }, viewport: { width: number; height: number }): Dock {
  const vertical = box.top + box.height / 2 < viewport.height / 2 ? 'top' : 'bottom';
  const horizontal = box.left + box.width / 2 < viewport.width / 2 ? 'left' : 'right';
  return `${vertical}-${horizontal}`;
}

interface Drag {
  pointerX: number;
  pointerY: number;
  offsetX: number;
  offsetY: number;
  moved: boolean;
}

/** Pointer handlers for the element that moves `root`; a drag suppresses the click that ends it. */
export function useDockDrag(root: RefObject<HTMLElement | null>, onDock: (dock: Dock) => void) {
  const drag = useRef<Drag | null>(null);
  const dragged = useRef(false);

  const release = () => {
    drag.current = null;
    const el = root.current;
    if (!el) return;
    el.classList.remove('dragging');
    Object.assign(el.style, { left: '', top: '', right: '', bottom: '' });
  };

  const handlers = {
    onPointerDown(event: PointerEvent) {
      if (event.button !== 0 || !root.current) return;
      const box = root.current.getBoundingClientRect();
      drag.current = { pointerX: event.clientX, pointerY: event.clientY, offsetX: event.clientX - box.left, offsetY: event.clientY - box.top, moved: false };
      (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    },
    onPointerMove(event: PointerEvent) {
      const d = drag.current;
      const el = root.current;
      if (!d || !el) return;
      if (!d.moved && Math.hypot(event.clientX - d.pointerX, event.clientY - d.pointerY) < DRAG_THRESHOLD_PX) return;
      d.moved = true;
      el.classList.add('dragging');
      Object.assign(el.style, { left: `${event.clientX - d.offsetX}px`, top: `${event.clientY - d.offsetY}px`, right: 'auto', bottom: 'auto' });
    },
    onPointerUp() {
      const d = drag.current;
      const el = root.current;
      // Measured before release() puts the panel back in its corner.
      const box = el?.getBoundingClientRect();
      release();
      if (!d?.moved || !el || !box) return;
      dragged.current = true;
      const view = el.ownerDocument.defaultView!;
      onDock(nearestDock(box, { width: view.innerWidth, height: view.innerHeight }));
    },
    onPointerCancel: release,
  };

  /** True once after a drag: the click the drag ended with is not a click. */
  const consumeClick = () => {
    const was = dragged.current;
    dragged.current = false;
    return was;
  };

  return { handlers, consumeClick };
}
