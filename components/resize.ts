// The panel's width: drag its inner edge, or focus the edge and press the arrow keys (the
// keyboard alternative, a WAI-ARIA window splitter). The chosen width is the reader's setting.
import { useRef } from 'preact/hooks';
import type { RefObject } from 'preact';
import { PANEL_WIDTH } from '../utils/settings';

const KEY_STEP_PX = 40;

export const clampWidth = (px: number, viewportWidth: number) =>
  Math.round(Math.max(PANEL_WIDTH.min, Math.min(PANEL_WIDTH.max, viewportWidth - 16, px)));

/**
 * Handlers for the edge element; `edge` is the side of the panel it sits on (the side away from
 * the window's edge the panel keeps to), so dragging it outwards widens the panel.
 */
export function usePanelResize(panel: RefObject<HTMLElement | null>, edge: 'left' | 'right', onWidth: (px: number) => void) {
  const start = useRef<{ x: number; width: number } | null>(null);
  const viewport = () => panel.current?.ownerDocument.defaultView?.innerWidth ?? 1024;
  const current = () => panel.current?.getBoundingClientRect().width ?? PANEL_WIDTH.min;
  const sign = edge === 'left' ? -1 : 1;

  return {
    onPointerDown(event: PointerEvent) {
      if (event.button !== 0) return;
      event.preventDefault();
      start.current = { x: event.clientX, width: current() };
      (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    },
    onPointerMove(event: PointerEvent) {
      const s = start.current;
      const el = panel.current;
      if (!s || !el) return;
      // Follows the pointer without a storage write per pixel; the width is saved on release.
      el.style.width = `${clampWidth(s.width + sign * (event.clientX - s.x), viewport())}px`;
    },
    onPointerUp() {
      if (!start.current) return;
      start.current = null;
      onWidth(clampWidth(current(), viewport()));
    },
    onKeyDown(event: KeyboardEvent) {
      const delta = event.key === 'ArrowLeft' ? -KEY_STEP_PX : event.key === 'ArrowRight' ? KEY_STEP_PX : 0;
      if (!delta) return;
      event.preventDefault();
      event.stopPropagation();
      onWidth(clampWidth(current() + sign * delta, viewport()));
    },
  };
}
