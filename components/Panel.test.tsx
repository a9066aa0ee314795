// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Panel, type PanelContent, type PanelProps } from './Panel';
import type { Dock } from './dock';
import { findingItems, type PanelItem } from './model';
import { useLocale } from './testing/i18n';
import { seedReport, type SeedReport } from './testing/reports';
import { toHtmlTable } from '../lib/export';
import type { FigureMap } from '../lib/types';

let root: HTMLElement;

const reportContent = ({ report, figures }: SeedReport, extra: PanelItem[] = []): PanelContent => ({
  status: 'report',
  report,
  items: [...findingItems(report, 'zh'), ...extra],
  printed: new Map([...(figures as FigureMap)].map(([k, f]) => [k, f.cell.text])),
});

const noop = () => {};
function show(content: PanelContent, props: Partial<PanelProps> = {}) {
  act(() => {
    render(
      <Panel content={content} lang="zh" expanded={false} dock="bottom-right" marks selected={null}
        onExpandedChange={noop} onDockChange={noop} onMarksChange={noop} onSelect={noop} onDismiss={noop} {...props} />,
      root,
    );
  });
}

/** The panel with its state, as the content script keeps it. */
function StatefulPanel({ content, onSelect = noop }: { content: PanelContent; onSelect?: (id: string) => void }) {
  const [expanded, setExpanded] = useState(false);
  const [dock, setDock] = useState<Dock>('bottom-right');
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Panel content={content} lang="zh" expanded={expanded} dock={dock} marks selected={selected}
      onExpandedChange={setExpanded} onDockChange={setDock} onMarksChange={noop}
      onSelect={(id) => { setSelected(id); onSelect(id); }} onDismiss={noop} />
  );
}

const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const text = (el: Element | null) => el?.textContent?.trim() ?? null;
const key = (el: Element, k: string, ctrlKey = false) => act(() => { el.dispatchEvent(new KeyboardEvent('keydown', { key: k, ctrlKey, bubbles: true, cancelable: true })); });
const click = (el: Element) => act(() => { (el as HTMLElement).click(); });
/** A table row of the panel: its label and its cells as shown ('' for blank). */
const tableRow = (label: string) => {
  const th = $$('table.national tbody th').find((h) => text(h) === label)!;
  return [...th.parentElement!.querySelectorAll('td')];
};

describe('panel', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root')!;
  });
  afterEach(() => {
    act(() => render(null, root));
    vi.unstubAllGlobals();
  });

  describe('pill', () => {
    it('says there is no problem when there is none (seed 002)', () => {
      show(reportContent(seedReport('002')));
      const pill = $('button.pill')!;
      expect(text(pill)).toBe('✓ 未发现问题');
      expect(pill.className).toBe('pill clean');
      expect(pill.getAttribute('aria-expanded')).toBe('false');
      expect(pill.getAttribute('aria-label')).toBe('公开年报核对：✓ 未发现问题。按回车展开详情，方向键移动位置');
    });

    it('counts errors and warnings (seed 001), and infos after them (seed 003)', () => {
      show(reportContent(seedReport('001')));
      expect(text($('button.pill'))).toBe('7 处错误 · 1 处提醒');
      expect($('button.pill')!.className).toBe('pill has-errors');
      show(reportContent(seedReport('003')));
      expect(text($('button.pill'))).toBe('12 处错误 · 1 条说明');
    });

    it('follows the UI language', async () => {
      await useLocale('en');
      show(reportContent(seedReport('001')));
      expect(text($('button.pill'))).toBe('7 errors · 1 warning');
      show(reportContent(seedReport('002')));
      expect(text($('button.pill'))).toBe('✓ No problems found');
    });

    it('shows an extension’s marks beside the verdict, and says them in its name', () => {
      show(reportContent(seedReport('001')), { pillMarks: [{ text: '未能保存', name: '自动保存失败，本页未能保存为快照' }] });
      const pill = $('button.pill')!;
      expect($$('button.pill .pill-mark').map((m) => [text(m), m.getAttribute('title')])).toEqual([['未能保存', '自动保存失败，本页未能保存为快照']]);
      expect(pill.getAttribute('aria-label')).toBe('公开年报核对：7 处错误 · 1 处提醒 · 自动保存失败，本页未能保存为快照。按回车展开详情，方向键移动位置');
      show(reportContent(seedReport('001')), { pillMarks: [] });
      expect($('button.pill .pill-mark')).toBeNull();
      expect(text($('button.pill'))).toBe('7 处错误 · 1 处提醒');
    });

    it('shows the engine failing as a short alert with its reason, never a half panel', () => {
      const dismissed = vi.fn();
      show({ status: 'error', reason: 'TypeError: x is undefined' }, { onDismiss: dismissed, expanded: true });
      expect(text($('[role="alert"] .text'))).toBe('无法读取本页报告：TypeError: x is undefined');
      expect($('[role="dialog"]')).toBeNull();
      expect($('table')).toBeNull();
      click($('button.dismiss')!);
      expect(dismissed).toHaveBeenCalledTimes(1);
      expect($('button.dismiss')!.getAttribute('aria-label')).toBe('关闭');
    });
  });

  describe('expanded', () => {
    it('states agency, year, format and the publication date against its deadline (seed 003)', () => {
      show(reportContent(seedReport('003')), { expanded: true });
      const rows = $$('dl.meta > div').map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]);
      expect(rows).toEqual([
        ['机关', '衡阳市人民政府办公室'],
        ['年度', '2019 年'],
        ['格式', '2019 年试行版（国办公开办函〔2019〕60号）'],
        ['发布日期', '2020-03-25 · 逾期 54 天（截止 2020-01-31）'],
      ]);
    });

    it('says when the publication date is unknown, and when a report was on time', () => {
      show(reportContent(seedReport('001')), { expanded: true });
      expect(text($$('dl.meta dd')[3]!)).toBe('未知');
      expect(text($$('dl.meta dd')[2]!)).toBe('2021 年版（国办公开办函〔2021〕30号）');
      const { report, figures } = seedReport('001');
      show(reportContent({ report: { ...report, publishedAt: '2024-01-31' }, figures }), { expanded: true });
      expect(text($$('dl.meta dd')[3]!)).toBe('2024-01-31 · 按期发布（截止 2024-01-31）');
    });

    it('lists the findings by table, then errors first, each with the engine message and the value that fits (seed 001)', () => {
      const { report, figures } = seedReport('001');
      show(reportContent({ report, figures }), { expanded: true });
      expect(text($('p.summary'))).toBe('读出 3 张表、200 个数字 · 7 处错误 · 1 处提醒');
      expect($$('.findings .table-group > h4').map(text)).toEqual(['表二 1', '表三 7']);
      const items = $$('li.item');
      // No rule id in the text: on hover (the entry's title) only.
      expect(items.map((li) => [li.className, text(li.querySelector('.kind')), li.querySelector('.item-button')!.getAttribute('title'), li.querySelector('.rule')])).toEqual([
        ['item kind-warning', '提醒', 'T2-STOCK', null],
        ...Array(7).fill(null).map((_, i) => ['item kind-error', '错误', ['T3-ROW', 'T3-SUM', 'T3-SUM', 'T3-SUM', 'T3-BAL', 'T3-BAL', 'T3-BAL'][i], null]),
      ]);
      expect(items.map((li) => text(li.querySelector('.message')))).toEqual(
        [...report.findings.filter((f) => f.severity === 'warning'), ...report.findings.filter((f) => f.severity === 'error')].map((f) => f.message),
      );
      expect(text(items[1]!.querySelector('.message'))).toBe('表三 （七）总计 · 总计：六类申请人（自然人至其他）之和为 6，表中填报 0。');
      expect(text(items[1]!.querySelector('.fix'))).toBe('表中 0 → 应为 6');
      expect(text(items[3]!.querySelector('.fix'))).toBe('表中 6 → 应为 3');
      expect(text($('#gkl-findings'))).toBe('发现的问题 8');
    });

    it('shows the report’s own note once, beside the findings it explains (seed 003)', () => {
      const note = '注：因多数依申请公开件并非“一事一申请”，一件申请中往往有多个申请事项，故“办理结果”的数量大于收到申请件的数量。';
      show(reportContent(seedReport('003', { notes: [{ table: 'requests', text: note }] })), { expanded: true });
      const groups = $$('.findings .group');
      expect(groups.map((g) => [g.querySelectorAll('li.item').length, text(g.querySelector('aside.note span'))])).toEqual([
        [12, note],
        [1, null], // DATE-LATE is not about 表三
      ]);
      expect(text($('aside.note strong'))).toBe('报告自注');
      // …and under 表三, as in the report
      expect(text($('.table[aria-label^="表三"] .table-note'))).toBe(`报告自注 ${note}`);
    });

    it('lays out the tables like the national format with the failing cells coloured (seed 001)', () => {
      show(reportContent(seedReport('001')), { expanded: true });
      expect($$('.tables > section h4').map(text)).toEqual([
        '表二 主动公开政府信息情况', '表三 收到和处理政府信息公开申请情况', '表四 行政复议、行政诉讼情况',
      ]);
      expect($$('.table[aria-label^="表二"] caption').map(text)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
      const total = tableRow('（七）总计');
      expect(total.map(text)).toEqual(['0', '6', '0', '0', '0', '0', '0']);
      expect(total.map((td) => td.className)).toEqual(['kind-error', 'kind-error', '', '', '', '', 'kind-error']);
      expect(tableRow('一、本年新收政府信息公开申请数量').map(text)).toEqual(['3', '3', '0', '0', '0', '0', '6']);
      expect(tableRow('行政规范性文件').map((td) => [text(td), td.className])).toEqual([['2', ''], ['1', ''], ['0', 'kind-warning']]);
      expect(tableRow('行政复议').map(text)).toEqual(['0', '0', '0', '0', '0']);
      const header = $$('.table[aria-label^="表三"] thead tr').map((tr) => [...tr.children].map(text));
      expect(header).toEqual([['', '申请人情况'], ['自然人', '法人或其他组织', '总计'], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']]);
    });

    it('keeps a reader’s flag visible on a cell a finding colours (its own ring, over the warning)', () => {
      const flag: PanelItem = { id: 'flag:1', kind: 'flag', rule: '存疑', message: '行政规范性文件 · 现行有效件数：核对原件', cells: ['active.normativeDocs.inForce'], marked: ['active.normativeDocs.inForce'] };
      show(reportContent(seedReport('001'), [flag]), { expanded: true });
      const inForce = $('td[data-key="active.normativeDocs.inForce"]')!;
      expect(inForce.className).toBe('kind-warning flagged');
      // A flag alone is drawn as a flag.
      const flagOnly: PanelItem = { ...flag, id: 'flag:2', cells: ['active.normativeDocs.issued'], marked: ['active.normativeDocs.issued'] };
      show(reportContent(seedReport('001'), [flagOnly]), { expanded: true });
      expect($('td[data-key="active.normativeDocs.issued"]')!.className).toBe('kind-flag');
    });

    it('shows a blank cell as blank, styled apart, never as 0; and the cell as printed on hover', () => {
      const s = seedReport('002');
      const figures = new Map(s.figures);
      const blankKey = 'requests.granted.commercial';
      figures.set(blankKey, { ...figures.get(blankKey)!, value: null, raw: '/', cell: { ...figures.get(blankKey)!.cell, text: '/' } });
      const granted = s.report.requests!.granted!;
      const report = { ...s.report, requests: { ...s.report.requests!, granted: { ...granted, commercial: null } } };
      show(reportContent({ report, figures }), { expanded: true });
      const cell = tableRow('（一）予以公开')[1]!;
      expect(cell.textContent).toBe('');
      expect(cell.className).toBe('blank');
      expect(cell.getAttribute('aria-label')).toBe('空白（表中未填写）');
      expect(cell.getAttribute('title')).toBe('空白（表中未填写）\n原文：/');
      expect(tableRow('（一）予以公开')[0]!.getAttribute('title')).toBe('原文：43');
    });

    it('shows a traditional page in national (simplified) labels with the original text on hover', () => {
      const s = seedReport('001');
      const figures = new Map(s.figures);
      const k = 'requests.newReceived.natural';
      figures.set(k, { ...figures.get(k)!, cell: { ...figures.get(k)!.cell, text: '３' } });
      show(reportContent({ report: s.report, figures }), { expanded: true });
      expect($$('table.national tbody th').map(text)).toContain('（三）不予公开 2.其他法律行政法规禁止公开');
      expect(tableRow('一、本年新收政府信息公开申请数量')[0]!.getAttribute('title')).toBe('原文：３');
    });

    it('says plainly which tables are missing (seed 004)', () => {
      show(reportContent(seedReport('004')), { expanded: true });
      expect($$('.tables .missing').map(text)).toEqual([
        '表二 未以表格形式发布（可能是图片）', '表三 未以表格形式发布（可能是图片）', '表四 未以表格形式发布（可能是图片）',
      ]);
      expect($('table')).toBeNull();
      expect($$('li.item').map((li) => li.dataset.rule)).toEqual(['TBL-MISSING', 'TBL-MISSING', 'TBL-MISSING']);
      expect($$('.findings .table-group > h4').map(text)).toEqual(['表二 1', '表三 1', '表四 1']);
    });

    it('lists the figures stated in the text', () => {
      const s = seedReport('003', { narrative: [{ kind: 'requests', value: 49, text: '收到依申请公开事项49件' }, { kind: 'reviews', value: 3, text: '行政复议3件' }] });
      show(reportContent(s), { expanded: true });
      expect($$('.narrative li').map(text)).toEqual(['收到申请 49 件收到依申请公开事项49件', '行政复议 3 件行政复议3件']);
      expect(text($('#gkl-narrative'))).toBe('正文中的数字');
    });

    it('is in English when the browser is', async () => {
      await useLocale('en');
      const s = seedReport('001');
      show({ ...reportContent(s), items: findingItems(s.report, 'en') } as PanelContent, { expanded: true, lang: 'en' });
      expect(text($('li.item .message'))).toBe(s.report.findings.find((f) => f.rule === 'T2-STOCK')!.messageEn);
      expect(text($('li.item .kind'))).toBe('Warning');
      expect(text($('p.summary'))).toBe('Read 3 tables and 200 figures · 7 errors · 1 warning');
      expect($$('.tables > section h4').map(text)).toEqual(['Table 2 — proactive disclosure', 'Table 3 — disclosure requests', 'Table 4 — reviews and lawsuits']);
      expect(tableRow('(7) Total handled').map(text)).toEqual(['0', '6', '0', '0', '0', '0', '0']);
      expect($$('dl.meta dt').map(text)).toEqual(['Agency', 'Year', 'Format', 'Published']);
    });

    it('has the roles and labels a screen reader needs', () => {
      show(reportContent(seedReport('001')), { expanded: true });
      const dialog = $('[role="dialog"]')!;
      expect(dialog.getAttribute('aria-labelledby')).toBe('gkl-title');
      expect(text($('#gkl-title'))).toBe('公开年报核对');
      expect($('button.grip')!.getAttribute('aria-label')).toBe('移动面板：拖动，或用方向键移到其他角落');
      expect($('button.collapse')!.getAttribute('aria-label')).toBe('收起');
      expect(text($('label.marks-toggle'))).toBe('在页面中标出');
      expect($('[role="group"]')!.getAttribute('aria-label')).toBe('复制');
      expect($('.copybar [role="status"]')!.getAttribute('aria-live')).toBe('polite');
      expect($('dl.meta')!.getAttribute('aria-label')).toBe('报告信息');
      expect($$('table.national tbody th').every((th) => th.getAttribute('scope') === 'row')).toBe(true);
    });
  });

  describe('keyboard and selection', () => {
    it('opens from the pill, focuses the panel, Escape closes it and gives focus back to the pill', async () => {
      act(() => render(<StatefulPanel content={reportContent(seedReport('001'))} />, root));
      const pill = $('button.pill')!;
      expect(pill.tagName).toBe('BUTTON'); // Enter and Space activate a native button
      pill.focus();
      click(pill);
      expect($('[role="dialog"]')).not.toBeNull();
      expect(document.activeElement).toBe($('#gkl-title'));
      key($('#gkl-title')!, 'Escape');
      expect($('[role="dialog"]')).toBeNull();
      expect(document.activeElement).toBe($('button.pill'));
    });

    it('tabs through the controls, the copy buttons and the findings in reading order', () => {
      show(reportContent(seedReport('001')), { expanded: true, toolbar: <button type="button" class="save">保存</button> });
      const tabbable = $$('button, input, [tabindex]:not([tabindex="-1"])');
      expect(tabbable.map((el) => el.dataset.key ?? (el.className || el.tagName))).toEqual([
        'grip', 'INPUT', 'dock-side', 'collapse', 'copy copy-json', 'copy copy-tsv', 'copy copy-html',
        'download download-xlsx', 'download download-md', 'save',
        'prev', 'next', ...Array(8).fill('item-button'),
        // Per 表: its copy button, then one stop on its first figure.
        'copy-table', 'active.rules.issued', 'copy-table', 'requests.newReceived.natural', 'copy-table', 'appeals.review.upheld',
        // Last, the panel's edge (its width).
        'resize resize-left',
      ]);
    });

    it('moves between corners with the arrow keys and announces it', () => {
      act(() => render(<StatefulPanel content={reportContent(seedReport('001'))} />, root));
      key($('button.pill')!, 'ArrowUp');
      expect($('.gkl-root')!.className).toBe('gkl-root dock-top-right');
      key($('button.pill')!, 'ArrowLeft');
      expect($('.gkl-root')!.className).toBe('gkl-root dock-top-left');
      expect(text($('.sr-only[aria-live="polite"]'))).toBe('面板已移到左上角');
      key($('button.pill')!, 'ArrowDown');
      expect($('.gkl-root')!.className).toBe('gkl-root dock-bottom-left');
    });

    it('selects a finding: it is marked current and its cells are outlined in the panel’s table', () => {
      const selected = vi.fn();
      act(() => render(<StatefulPanel content={reportContent(seedReport('001'))} onSelect={selected} />, root));
      click($('button.pill')!);
      const third = $('#gkl-item-finding_2')!; // T3-SUM on 商业企业
      click(third);
      expect(selected).toHaveBeenCalledWith('finding:2');
      expect(third.getAttribute('aria-current')).toBe('true');
      expect($$('button.item-button[aria-current]')).toHaveLength(1);
      const focused = $$('td.focused').map((td) => td.dataset.key);
      expect(focused).toContain('requests.totalProcessed.commercial');
      expect(focused).toContain('requests.granted.commercial');
      expect(focused).not.toContain('requests.totalProcessed.natural');
    });

    it('moves focus to an item on request (a click on a marked cell in the page)', () => {
      const content = reportContent(seedReport('001'));
      show(content, { expanded: true, selected: 'finding:4', focusRequest: { id: 'finding:4', seq: 1 } });
      expect(document.activeElement).toBe($('#gkl-item-finding_4'));
    });
  });

  describe('the tables, one grid per 表', () => {
    /** A figure's cell in the panel's tables. */
    const cell = (k: string) => $(`td[data-key="${k}"]`)!;
    const focusedKey = () => (document.activeElement as HTMLElement | null)?.dataset.key;
    /** The texts an aria-labelledby / aria-describedby attribute points to, in order. */
    const refTexts = (el: Element, attribute: string) => (el.getAttribute(attribute) ?? '').split(' ').filter(Boolean).map((id) => text(root.querySelector(`#${id}`)));
    /** "Flag this figure" as the snapshots offer it; `ran` records which figures it ran on. */
    function flagCommand(ran: string[]) {
      return (k: string) => ({ label: '标记存疑', name: `标记存疑：${k}`, run: () => void ran.push(k) });
    }

    it('are grids named by their 表 and block, every figure a gridcell, one tab stop each', () => {
      show(reportContent(seedReport('001')), { expanded: true });
      expect($$('table.national').map((t) => [t.getAttribute('role'), t.getAttribute('aria-readonly'), refTexts(t, 'aria-labelledby').join(' ')])).toEqual([
        ['grid', 'true', '表二 主动公开政府信息情况 第二十条第（一）项'],
        ['grid', 'true', '表二 主动公开政府信息情况 第二十条第（五）项'],
        ['grid', 'true', '表二 主动公开政府信息情况 第二十条第（六）项'],
        ['grid', 'true', '表二 主动公开政府信息情况 第二十条第（八）项'],
        ['grid', 'true', '表三 收到和处理政府信息公开申请情况'],
        ['grid', 'true', '表四 行政复议、行政诉讼情况'],
      ]);
      const cells = $$('table.national tbody td');
      expect(cells).toHaveLength(10 + 25 * 7 + 3 * 5);
      expect(cells.every((td) => td.getAttribute('role') === 'gridcell')).toBe(true);
      expect(cells.filter((td) => td.tabIndex === 0).map((td) => td.dataset.key)).toEqual(['active.rules.issued', 'requests.newReceived.natural', 'appeals.review.upheld']);
      expect(cells.filter((td) => td.tabIndex === -1)).toHaveLength(cells.length - 3);
      expect($$('table.national thead th[scope="col"]').map(text)).toContain('商业企业');
    });

    it('describes a coloured cell by the findings that colour it, and a figure with a command by its key', () => {
      show(reportContent(seedReport('001')), { expanded: true, cellAction: flagCommand([]) });
      // 表三 （七）总计 · 自然人: the checked cell of T3-SUM and of T3-BAL.
      const natural = cell('requests.totalProcessed.natural');
      expect(natural.className).toBe('kind-error');
      expect(natural.getAttribute('aria-describedby')).toBe('gkl-item-finding_1 gkl-item-finding_4 gkl-cell-hint-0');
      /** Kind and rule of the findings' list entries describing a cell. */
      const describingFindings = (td: Element) =>
        td.getAttribute('aria-describedby')!.split(' ').flatMap((id) => {
          const entry = root.querySelector(`#${id}.item-button`);
          return entry ? [[text(entry.querySelector('.kind')), entry.getAttribute('title')]] : [];
        });
      expect(describingFindings(natural)).toEqual([['错误', 'T3-SUM'], ['错误', 'T3-BAL']]);
      expect(refTexts(natural, 'aria-describedby')[2]).toBe('按回车键或空格键：标记存疑');
      expect(describingFindings(cell('active.normativeDocs.inForce'))).toEqual([['提醒', 'T2-STOCK']]);
      expect(cell('requests.granted.natural').getAttribute('aria-describedby')).toBe('gkl-cell-hint-0');
      // The hint is read through the reference only.
      expect($('#gkl-cell-hint-0')!.hidden).toBe(true);
    });

    it('without a command: the findings only, no hint, nothing to press', () => {
      show(reportContent(seedReport('001')), { expanded: true });
      expect(cell('requests.totalProcessed.natural').getAttribute('aria-describedby')).toBe('gkl-item-finding_1 gkl-item-finding_4');
      expect(cell('requests.granted.natural').getAttribute('aria-describedby')).toBeNull();
      expect($('[id^="gkl-cell-hint"]')).toBeNull();
    });

    it('moves with the arrows, Home/End in the row, Ctrl+Home/End to the first and last figure; the tab stop follows', () => {
      show(reportContent(seedReport('001')), { expanded: true });
      cell('requests.newReceived.natural').focus();
      const moves: [string, boolean?][] = [
        ['ArrowRight'], ['ArrowDown'], ['End'], ['ArrowRight'], ['Home'], ['ArrowLeft'], ['ArrowUp'], ['ArrowUp'], ['End', true], ['ArrowDown'], ['ArrowLeft'], ['Home', true],
      ];
      const visited = moves.map(([k, ctrl]) => {
        key(document.activeElement!, k, ctrl);
        return focusedKey()!.replace('requests.', '');
      });
      expect(visited).toEqual([
        'newReceived.commercial', 'carriedOver.commercial', 'carriedOver.total', 'carriedOver.total', 'carriedOver.natural', 'carriedOver.natural',
        'newReceived.natural', 'newReceived.natural', 'carriedForward.total', 'carriedForward.total', 'carriedForward.other', 'newReceived.natural',
      ]);
      key(document.activeElement!, 'ArrowDown');
      expect($$('.table[aria-label^="表三"] td[tabindex="0"]').map((td) => td.dataset.key)).toEqual(['requests.carriedOver.natural']);
      // The other 表 keep their own stop.
      expect($$('td[tabindex="0"]').map((td) => td.dataset.key)).toEqual(['active.rules.issued', 'requests.carriedOver.natural', 'appeals.review.upheld']);
    });

    it('crosses 表二’s blocks with Up/Down, to the nearest column of a narrower block', () => {
      show(reportContent(seedReport('001')), { expanded: true });
      cell('active.normativeDocs.inForce').focus();
      key(document.activeElement!, 'ArrowDown');
      expect(focusedKey()).toBe('active.licensing.decisions');
      key(document.activeElement!, 'ArrowDown');
      expect(focusedKey()).toBe('active.penalty.decisions');
      key(document.activeElement!, 'ArrowUp');
      key(document.activeElement!, 'ArrowUp');
      expect(focusedKey()).toBe('active.normativeDocs.issued');
    });

    it('a click makes a figure the tab stop', () => {
      show(reportContent(seedReport('001')), { expanded: true });
      act(() => cell('appeals.suitDirect.pending').focus());
      expect($$('.table[aria-label^="表四"] td[tabindex="0"]').map((td) => td.dataset.key)).toEqual(['appeals.suitDirect.pending']);
    });

    it('Enter, Space or a click runs the figure’s command; a figure not read from the page has none', () => {
      const ran: string[] = [];
      const content = reportContent(seedReport('001')) as Extract<PanelContent, { status: 'report' }>;
      const printed = new Map(content.printed);
      printed.delete('appeals.review.total');
      show({ ...content, printed }, { expanded: true, cellAction: flagCommand(ran) });
      cell('requests.granted.natural').focus();
      key(cell('requests.granted.natural'), 'Enter');
      key(cell('requests.granted.natural'), ' ');
      click(cell('active.fees.amount'));
      key(cell('appeals.review.total'), 'Enter');
      click(cell('appeals.review.total'));
      key(cell('requests.granted.natural'), 'a');
      expect(ran).toEqual(['requests.granted.natural', 'requests.granted.natural', 'active.fees.amount']);
      expect(cell('appeals.review.total').className).toBe('');
      expect(cell('appeals.review.total').getAttribute('aria-describedby')).toBeNull();
      expect(focusedKey()).toBe('requests.granted.natural');
    });
  });

  describe('copying', () => {
    function fakeCopy() {
      const copied: Record<string, string>[] = [];
      vi.stubGlobal('isSecureContext', false);
      document.execCommand = vi.fn(() => {
        const data: Record<string, string> = {};
        const event = new Event('copy', { bubbles: true, cancelable: true, composed: true });
        Object.defineProperty(event, 'clipboardData', { value: { setData: (t: string, v: string) => (data[t] = v) } });
        root.querySelector('textarea')!.dispatchEvent(event);
        copied.push(data);
        return true;
      }) as typeof document.execCommand;
      return copied;
    }

    it('copies exactly the engine’s JSON and confirms it where a screen reader hears it', async () => {
      const s = seedReport('001');
      show(reportContent(s), { expanded: true });
      const copied = fakeCopy();
      click($('button.copy-json')!);
      await act(async () => {});
      expect(copied).toEqual([{ 'text/plain': JSON.stringify(s.report, null, 2) }]);
      expect(JSON.parse(copied[0]!['text/plain']!).requests.totalProcessed).toEqual({ natural: 0, commercial: 6, research: 0, nonprofit: 0, legal: 0, other: 0, total: 0 });
      expect(text($('.copybar [role="status"]'))).toBe('已复制 JSON');
    });

    it('copies the HTML table for Word with a tab-separated fallback', async () => {
      const s = seedReport('001');
      show(reportContent(s), { expanded: true });
      const copied = fakeCopy();
      click($('button.copy-html')!);
      await act(async () => {});
      expect(copied[0]!['text/html']).toBe(toHtmlTable(s.report, 'zh'));
      expect(copied[0]!['text/plain']).toContain('（七）总计\t0\t6\t0\t0\t0\t0\t0');
      expect(text($('.copybar [role="status"]'))).toBe('已复制表格，可直接粘贴到 Word');
    });

    it('says so when the browser refuses', async () => {
      show(reportContent(seedReport('001')), { expanded: true });
      vi.stubGlobal('isSecureContext', false);
      document.execCommand = vi.fn(() => false) as typeof document.execCommand;
      click($('button.copy-tsv')!);
      await act(async () => {});
      expect(text($('.copybar [role="status"]'))).toBe('复制失败：浏览器拒绝了复制，请重试或手动选取');
      expect($('.copybar [role="status"]')!.className).toBe('status failed');
    });
  });
});
