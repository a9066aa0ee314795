// @vitest-environment happy-dom
// A DOCX's Page drawn as clean HTML: spans put back from the span-expanded grid, every cell pointed
// at the element drawn for it (what the marks outline).
import { describe, expect, it } from 'vitest';
import type { GridCell, Page } from '@/lib/types';
import { showBlocks } from './blocks-view';

const cell = (text: string, row: number, col: number, origin = true): GridCell => ({ text, norm: text, table: 0, row, col, origin });

describe('showBlocks', () => {
  it('paragraphs and a table whose spanning cells become rowspan/colspan again', () => {
    // 申请人情况 spans two columns; 一、本年新收 spans two rows; an empty slot that copies nothing stays a cell.
    const rows = [
      [cell('', 0, 0), cell('申请人情况', 0, 1), cell('申请人情况', 0, 2, false)],
      [cell('', 1, 0, false), cell('自然人', 1, 1), cell('法人', 1, 2)],
      [cell('一、本年新收', 2, 0), cell('3', 2, 1), cell('4', 2, 2)],
      [cell('一、本年新收', 3, 0, false), cell('5', 3, 1), cell('', 3, 2, false)],
    ];
    const page: Page = {
      form: 'docx',
      script: 'simplified',
      meta: { title: null, metas: {}, source: 'x.docx' },
      blocks: [
        { kind: 'text', cell: { text: '二、统计表', norm: '二、统计表', table: -1, row: 0, col: 0 } },
        { kind: 'table', grid: { index: 0, rows } },
      ],
      unreadable: [],
    };
    const container = document.createElement('div');
    showBlocks(page, container);
    expect(container.innerHTML).toBe(
      '<article class="doc-page"><p>二、统计表</p><table><tbody>' +
        '<tr><td rowspan="2"></td><td colspan="2">申请人情况</td></tr>' +
        '<tr><td>自然人</td><td>法人</td></tr>' +
        '<tr><td rowspan="2">一、本年新收</td><td>3</td><td>4</td></tr>' +
        '<tr><td>5</td><td></td></tr>' +
        '</tbody></table></article>',
    );
    const tds = container.querySelectorAll('td');
    expect(rows[0]![2]!.element).toBe(tds[1]);
    expect(rows[3]![0]!.element).toBe(tds[4]);
    expect(rows[3]![1]!.element?.textContent).toBe('5');
    expect((page.blocks[0] as { cell: { element?: Element } }).cell.element).toBe(container.querySelector('p'));
  });
});
