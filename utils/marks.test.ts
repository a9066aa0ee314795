// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageMarks, type PageMarks } from './marks';

const PAGE = `<table border="1"><tbody>
<tr><td>（七）总计</td><td id="a" style="width:40px">0</td><td id="b" title="own title">6</td><td id="c">0</td></tr>
</tbody></table><p>正文</p>`;

const cell = (id: string) => document.getElementById(id)!;

describe('page marks', () => {
  let activated: string[][];
  let marks: PageMarks;
  beforeEach(() => {
    document.head.innerHTML = '<title>报告</title>';
    document.body.innerHTML = PAGE;
    activated = [];
    marks = createPageMarks(document, (refs) => activated.push(refs));
  });
  afterEach(() => {
    marks.clear();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('outlines the cells with one injected style and a tooltip', () => {
    marks.set([
      { element: cell('a'), kind: 'error', tooltip: '表三 （七）总计 · 自然人：…为 3，表中填报 0。', ref: 'finding:0' },
      { element: cell('a'), kind: 'flag', tooltip: '我的标记', ref: 'flag:x' },
      { element: cell('c'), kind: 'warning', tooltip: '留空', ref: 'finding:2' },
    ]);
    expect(cell('a').getAttribute('data-gkl-mark')).toBe('error flag');
    expect(cell('a').getAttribute('title')).toBe('表三 （七）总计 · 自然人：…为 3，表中填报 0。\n我的标记');
    expect(cell('c').getAttribute('data-gkl-mark')).toBe('warning');
    expect(cell('b').hasAttribute('data-gkl-mark')).toBe(false);
    expect(document.querySelectorAll('style').length).toBe(1);
    expect(document.querySelector('style')!.textContent).toContain('[data-gkl-mark~="error"]{outline:2px solid');
  });

  it('removes every trace when switched off: the DOM is exactly as before', () => {
    const before = document.documentElement.outerHTML;
    marks.set([
      { element: cell('a'), kind: 'error', tooltip: 'x', ref: 'finding:0' },
      { element: cell('b'), kind: 'info', tooltip: 'y', ref: 'finding:1' },
    ]);
    marks.focus([cell('a'), cell('c')]);
    expect(document.documentElement.outerHTML).not.toBe(before);
    expect(cell('b').getAttribute('title')).toBe('y');
    marks.clear();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(cell('b').getAttribute('title')).toBe('own title');
  });

  it('replacing the marks restores the cells that are no longer marked', () => {
    const before = cell('b').outerHTML;
    marks.set([{ element: cell('b'), kind: 'error', tooltip: 'x', ref: 'finding:0' }]);
    marks.set([{ element: cell('a'), kind: 'error', tooltip: 'x', ref: 'finding:0' }]);
    expect(cell('b').outerHTML).toBe(before);
    expect(cell('a').getAttribute('data-gkl-mark')).toBe('error');
  });

  it('reports which items a clicked marked cell stands for, also from a node inside the cell', () => {
    cell('a').innerHTML = '<p><span id="inner">0</span></p>';
    marks.set([
      { element: cell('a'), kind: 'error', tooltip: 'x', ref: 'finding:3' },
      { element: cell('a'), kind: 'error', tooltip: 'y', ref: 'finding:5' },
    ]);
    cell('inner').click();
    cell('c').click();
    expect(activated).toEqual([['finding:3', 'finding:5']]);
    marks.clear();
    cell('inner').click();
    expect(activated).toHaveLength(1);
  });

  it('focus outlines and flashes the cells, scrolls to the first, and the flash ends by itself', () => {
    vi.useFakeTimers();
    const scrolled: [Element, ScrollIntoViewOptions][] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element, o) { scrolled.push([this, o as ScrollIntoViewOptions]); });
    marks.focus([cell('c'), cell('a')], { scrollTo: 'top' });
    expect(cell('c').hasAttribute('data-gkl-focus')).toBe(true);
    expect(cell('a').hasAttribute('data-gkl-flash')).toBe(true);
    expect(scrolled).toEqual([[cell('c'), { block: 'start', inline: 'nearest', behavior: 'smooth' }]]);
    expect(document.querySelectorAll('style').length).toBe(1);
    vi.advanceTimersByTime(2000);
    expect(cell('a').hasAttribute('data-gkl-flash')).toBe(false);
    expect(cell('a').hasAttribute('data-gkl-focus')).toBe(true);
    marks.focus([cell('b')], { scrollTo: 'bottom' });
    expect(scrolled[1]).toEqual([cell('b'), { block: 'end', inline: 'nearest', behavior: 'smooth' }]);
    expect(cell('a').hasAttribute('data-gkl-focus')).toBe(false);
    marks.focus([]);
    expect(document.querySelectorAll('style').length).toBe(0);
  });
});
