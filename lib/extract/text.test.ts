import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { textBlocks, textMeta } from './text';
import { createNormalizer, detectScript } from '../normalize';
import type { Block } from '../types';
import { SHARED, seed } from '../../test/fixtures/seeds';

const simplified = createNormalizer('simplified');
const cells = (blocks: Block[]) => blocks.map((b) => (b.kind === 'text' ? [b.cell.table, b.cell.col, b.cell.text] : null));

describe('textBlocks', () => {
  it('reads one cell per line, skipping blank lines, with the line index as `table`', () => {
    const text = '三、本年度办理结果\n\n(一)予以公开\n\n7\n\n\u2002 0\n \n0\u2002\n';
    expect(cells(textBlocks(text, simplified))).toEqual([
      [0, 0, '三、本年度办理结果'],
      [2, 0, '(一)予以公开'],
      [4, 0, '7'],
      [6, 0, '0'],
      [8, 0, '0'],
    ]);
  });

  it('reads cells ending in " |"; a line of bare pipes is that many empty cells', () => {
    const text = '第二十條第(一)項 |\r\n|||\r\n商業 企業 |\r\n0 |\r\n|\r\n二、主動公開政府信息的情況\r\na | b |';
    expect(cells(textBlocks(text, simplified))).toEqual([
      [0, 0, '第二十條第(一)項'],
      [1, 0, ''],
      [1, 1, ''],
      [1, 2, ''],
      [2, 0, '商業 企業'],
      [3, 0, '0'],
      [4, 0, ''],
      [5, 0, '二、主動公開政府信息的情況'],
      [6, 0, 'a'],
      [6, 1, 'b'],
    ]);
  });

  it('reads a table row per line with tab-parted cells; tab-only lines are blank', () => {
    const text = '规章\t0\t0\t0\n\t\n一、本年新收政府信息公开申请数量\t26\t\t\t\t\t\t26\n\t';
    expect(cells(textBlocks(text, simplified))).toEqual([
      [0, 0, '规章'], [0, 1, '0'], [0, 2, '0'], [0, 3, '0'],
      [2, 0, '一、本年新收政府信息公开申请数量'], [2, 1, '26'], [2, 2, ''], [2, 3, ''], [2, 4, ''], [2, 5, ''], [2, 6, ''], [2, 7, '26'],
    ]);
  });

  it('normalises each cell for matching; empty cells stay empty', () => {
    const blocks = textBlocks('社會公 益組織 |\n|\n結(jié)轉(zhuǎn) |', createNormalizer('traditional'));
    expect(blocks.map((b) => b.kind === 'text' && b.cell.norm)).toEqual(['社会公益组织', '', '结转']);
  });

  it('starts after the archive header and its "正文" rule', () => {
    const text = '标题: 某局2018年度政府信息公开工作年度报告\n发布时间: 2019-01-10 16:13\n==================== 正文 ====================\n正文第一行';
    expect(cells(textBlocks(text, simplified))).toEqual([[3, 0, '正文第一行']]);
  });

  it('reads a seed page in the pipe layout: every line is a cell or a run of empty cells', () => {
    const s = seed('001');
    const text = readFileSync(s.file, 'utf8');
    const blocks = textBlocks(text, createNormalizer(detectScript(text)));
    const lines = text.split('\n');
    const emptyCells = lines.filter((l) => /^\|+$/.test(l.trim())).reduce((n, l) => n + l.trim().length, 0);
    const filled = lines.filter((l) => l.trim() !== '' && !/^\|+$/.test(l.trim())).length;
    expect(blocks).toHaveLength(emptyCells + filled);
    expect(blocks.every((b) => b.kind === 'text')).toBe(true);
  });
});

describe('textMeta', () => {
  it('reads the archive header fields by their Chinese names; the title is 标题', () => {
    const text = readFileSync(path.join(SHARED, 'corpus', 'pingtan-2018-legacy.txt'), 'utf8');
    expect(textMeta(text, 'pingtan-2018-legacy.txt', simplified)).toEqual({
      title: '平潭综合实验区2018年度政府信息公开工作年度报告',
      metas: {
        标题: '平潭综合实验区2018年度政府信息公开工作年度报告',
        发布时间: '2019-01-10 16:13',
        栏目: '政府信息公开年报',
        原文链接: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201901/t20190110_80529.htm',
        本地目录: 'zwgk/zfxxgk/zfxxgknb/201901/80529_平潭综合实验区2018年度政府信息公开工作年度报告',
      },
      source: 'pingtan-2018-legacy.txt',
    });
  });

  it('has no title and no fields when the file has no header (the recogniser reads the first lines)', () => {
    const text = readFileSync(seed('003').file, 'utf8');
    // "發(fā)布時間:2020-03-25" is page text, not an archive header.
    expect(textMeta(text, '003.txt', createNormalizer('traditional'))).toEqual({ title: null, metas: {}, source: '003.txt' });
  });
});
