// @vitest-environment happy-dom
// Keep and compare in the panel, with the real analyzer, engine and storage (fakeBrowser): saving
// (every outcome, a quota failure keeping the panel's data), auto-save, the flag form from a figure
// of the panel's tables and beside a finding, edit/remove/undo, orphaned flags, the context menu's
// target, and last year's snapshot for YOY-CARRY. (Real Chromium: test/e2e/keep.e2e.test.ts.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyzeDocument } from '@/lib/analyze';
import { startAnalyzer } from '@/entrypoints/analyzer.content/analyzer';
import { updateSettings } from '@/utils/settings';
import { addFlag, deleteSnapshot, listFlags, listSnapshots, saveSnapshot, type Flag } from '@/utils/snapshots';
import type { Message } from '@/utils/messages';
import { useLocale } from '@/components/testing/i18n';
import { REPO_ROOT } from '@/test/fixtures/seeds';
import { createKeep } from './keep';
import { figureKeyAt } from './target';

const URL_2024 = 'http://www.hegang.gov.cn/zwgk/zfxxgknb/202501/t20250124_000.html';
const URL_2025 = 'http://www.hegang.gov.cn/zwgk/zfxxgknb/202601/t20260120_000next.html';

const fixture = (name: string) => new DOMParser().parseFromString(readFileSync(path.join(REPO_ROOT, 'test/fixtures/html', `${name}.html`), 'utf8'), 'text/html');

function loadPage(name: string) {
  const doc = fixture(name);
  document.head.innerHTML = doc.head.innerHTML;
  document.body.innerHTML = doc.body.innerHTML;
}

const shadow = () => document.querySelector('gongkai-lens')?.shadowRoot ?? null;
const inPanel = <E extends Element = HTMLElement>(selector: string) => shadow()?.querySelector<E>(selector) ?? null;
const allInPanel = (selector: string) => [...(shadow()?.querySelectorAll<HTMLElement>(selector) ?? [])];
// Conditions awaited, not times asserted: generous, as the machine may be loaded (a wait returns as soon as it holds).
const WAIT = { timeout: 20_000 };
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), WAIT);
const status = () => inPanel('.keep-status [role="status"]')?.textContent;
/** The page's <td> a figure was read from. */
const pageCell = (text: string, nth = 0) => [...document.querySelectorAll('td')].filter((td) => td.textContent!.trim() === text)[nth]!;
const itemTexts = () => allInPanel('li.item').map((li) => `${li.querySelector('.kind')!.textContent} ${li.querySelector('.message')!.textContent}`);

let contexts: ContentScriptContext[];
function start(url: string) {
  const ctx = new ContentScriptContext('analyzer');
  contexts.push(ctx);
  const keep = createKeep(ctx, url);
  keep.connect(startAnalyzer(ctx, [keep.extension]));
  return keep;
}

/** Expands the panel (it opens expanded where the reader left it expanded). */
async function openPanel() {
  await until(() => inPanel('button.pill') ?? inPanel('[role="dialog"]'));
  inPanel('button.pill')?.click();
  await until(() => inPanel('[role="dialog"]'));
}

/** Types into a textarea as a reader does (preact listens to `input`), the panel re-rendered after. */
function type(field: HTMLTextAreaElement, text: string) {
  act(() => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** A click, the panel re-rendered after (as it is before a reader's next click). */
const press = (element: HTMLElement) => act(() => element.click());

// Each test waits for the panel through several renders and storage round trips.
vi.setConfig({ testTimeout: 60_000 });

describe('keep and compare in the panel', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
    contexts = [];
  });
  afterEach(() => {
    for (const ctx of contexts) ctx.notifyInvalidated();
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  describe('save', () => {
    it('says saved, then unchanged (nothing duplicated), then a new version when the tables changed', async () => {
      loadPage('000-word');
      start(URL_2024);
      await openPanel();
      const save = inPanel<HTMLButtonElement>('.copybar button.save')!;
      expect(save.textContent).toBe('保存快照');
      save.click();
      await until(() => status() === '已保存。');
      expect(await listSnapshots()).toHaveLength(1);
      expect(inPanel('.keep-status button.open-snapshot')!.textContent).toBe('在“已保存的年报”中查看');

      save.click();
      await until(() => status() === '未改变，未重复保存。');
      expect(await listSnapshots()).toHaveLength(1);

      // The page corrects a figure (予以公开 · 自然人 7 → 8): the panel re-reads it, a new version is kept beside the first.
      const leaf = [...pageCell('7').querySelectorAll('span')].find((s) => s.textContent!.trim() === '7')!;
      leaf.textContent = '8';
      await until(() => /处错误/.test(inPanel('.bar .verdict')!.textContent!));
      inPanel<HTMLButtonElement>('.copybar button.save')!.click();
      await until(() => status() === '已保存为新版本（此网址共有 2 个版本）。');
      expect(await listSnapshots()).toHaveLength(2);
    });

    it('opens the Snapshots page on the saved snapshot through the background', async () => {
      loadPage('000-word');
      const sent: Message[] = [];
      fakeBrowser.runtime.onMessage.addListener((m: Message) => void sent.push(m));
      start(URL_2024);
      await openPanel();
      inPanel<HTMLButtonElement>('.copybar button.save')!.click();
      await until(() => inPanel('.keep-status button.open-snapshot'));
      inPanel<HTMLButtonElement>('.keep-status button.open-snapshot')!.click();
      const [snapshot] = await listSnapshots();
      await until(() => sent.some((m) => m.type === 'gkl:open-snapshot'));
      expect(sent.filter((m) => m.type === 'gkl:open-snapshot')).toEqual([{ type: 'gkl:open-snapshot', id: snapshot!.id }]);
    });

    it('a full storage: says so, saves nothing, and the panel keeps its report', async () => {
      loadPage('001-word');
      start(URL_2024);
      await openPanel();
      const before = { items: itemTexts(), tables: inPanel('.tables')!.innerHTML };
      vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
      inPanel<HTMLButtonElement>('.copybar button.save')!.click();
      await until(() => status());
      expect(status()).toBe('扩展的存储空间已满，未能保存。请导出并删除不需要的快照后再试；页面上的数据仍在。');
      expect(inPanel('.keep-status .text')!.className).toBe('text failed');
      expect(inPanel('.keep-status button.open-snapshot')).toBeNull();
      expect(await listSnapshots()).toEqual([]);
      expect(itemTexts()).toEqual(before.items);
      expect(inPanel('.tables')!.innerHTML).toBe(before.tables);
      expect(inPanel<HTMLButtonElement>('.copybar button.save')!.disabled).toBe(false);
    });

    it('auto-save keeps every report visited once, and a second visit writes nothing new', async () => {
      await updateSettings({ autoSave: true });
      loadPage('000-word');
      start(URL_2024);
      await vi.waitFor(async () => expect(await listSnapshots()).toHaveLength(1), WAIT);
      const [first] = await listSnapshots();
      await openPanel();
      await until(() => status() === '自动保存：已保存。');

      for (const ctx of contexts) ctx.notifyInvalidated();
      document.body.innerHTML = '';
      loadPage('000-word');
      start(URL_2024);
      await openPanel();
      await until(() => status() === '自动保存：未改变，未重复保存。');
      expect(await listSnapshots()).toEqual([first]);
    });

    it('a failed auto-save: the collapsed pill says 未能保存, in its name too, until a later save succeeds', async () => {
      await updateSettings({ autoSave: true });
      const write = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
      // Storage full for snapshots; the reader's settings still write.
      const full = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
        if (Object.keys(items).some((key) => key.startsWith('snapshot:'))) throw new Error('QUOTA_BYTES quota exceeded');
        return write(items);
      });
      loadPage('000-word');
      start(URL_2024);
      await until(() => inPanel('button.pill .pill-mark'));
      const pill = inPanel('button.pill')!;
      expect(inPanel('button.pill .pill-mark')!.textContent).toBe('未能保存');
      expect(pill.textContent).toBe('✓ 未发现问题未能保存');
      expect(pill.getAttribute('aria-label')).toBe('公开年报核对：✓ 未发现问题 · 自动保存失败，本页未能保存为快照。按回车展开详情，方向键移动位置');
      expect(await listSnapshots()).toEqual([]);

      // Space is freed, and the page corrects a figure (7 → 8): re-read, auto-saved, the mark goes.
      full.mockRestore();
      const leaf = [...pageCell('7').querySelectorAll('span')].find((s) => s.textContent!.trim() === '7')!;
      leaf.textContent = '8';
      await until(() => inPanel('button.pill') && !inPanel('button.pill .pill-mark'));
      expect(await listSnapshots()).toHaveLength(1);
      const verdict = inPanel('button.pill')!.textContent;
      expect(verdict).toMatch(/处错误/);
      expect(inPanel('button.pill')!.getAttribute('aria-label')).toBe(`公开年报核对：${verdict}。按回车展开详情，方向键移动位置`);
    });
  });

  describe('flags', () => {
    it('flags a figure of the panel’s tables by keyboard from a small form: listed, marked in the page, focus back on the figure', async () => {
      loadPage('000-word');
      start(URL_2024);
      await openPanel();
      const figure = inPanel('td[data-key="requests.granted.natural"]')!;
      // The figure stays the cell's content; the command is its description.
      expect(shadow()!.getElementById(figure.getAttribute('aria-describedby')!)!.textContent).toBe('按回车键或空格键：标记存疑');
      figure.focus();
      act(() => void figure.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
      await until(() => inPanel('form.flag-form'));
      expect(inPanel('form.flag-form h4')!.textContent).toBe('标记 （一）予以公开 · 自然人（7）');
      expect(allInPanel('form.flag-form label.flag-kind').map((l) => l.textContent)).toEqual(['错误', '存疑']);
      // The form takes focus on the kind already chosen (存疑).
      await until(() => shadow()!.activeElement === inPanel('input[value="doubtful"]'));
      press(inPanel<HTMLInputElement>('input[value="wrong"]')!);
      type(inPanel<HTMLTextAreaElement>('form.flag-form textarea')!, '原件为 6');
      inPanel<HTMLButtonElement>('form.flag-form button[type="submit"]')!.click();

      await until(() => status() === '已标记 （一）予以公开 · 自然人（7）。');
      expect(inPanel('form.flag-form')).toBeNull();
      expect(await listFlags(URL_2024)).toMatchObject([{ key: 'requests.granted.natural', kind: 'wrong', note: '原件为 6' }]);
      await until(() => itemTexts().includes('标记 （一）予以公开 · 自然人：原件为 6'));
      expect(inPanel('li.item.kind-flag .rule')!.textContent).toBe('错误');
      expect(inPanel('td[data-key="requests.granted.natural"]')!.className).toBe('kind-flag');
      // …and described by the flag's own list entry.
      const flagEntry = inPanel('li.item.kind-flag .item-button')!;
      expect(inPanel('td[data-key="requests.granted.natural"]')!.getAttribute('aria-describedby')).toBe(`${flagEntry.id} gkl-cell-hint-0`);
      // In the page: the reader's own mark, on the cell the figure was read from.
      const marked = [...document.querySelectorAll('[data-gkl-mark]')];
      expect(marked.map((td) => [td.getAttribute('data-gkl-mark'), td.getAttribute('title')])).toEqual([['flag', '（一）予以公开 · 自然人：原件为 6']]);
      expect(marked[0]).toBe(pageCell('7'));
      expect(shadow()!.activeElement).toBe(figure);
      expect(figure.tabIndex).toBe(0);
    });

    it('offers 标记存疑 beside a finding, for its cell', async () => {
      loadPage('001-word');
      start(URL_2024);
      await openPanel();
      const row = allInPanel('li.item').find((li) => li.dataset.rule === 'T3-ROW')!;
      const action = row.querySelector<HTMLButtonElement>('.item-actions button')!;
      expect([action.textContent, action.getAttribute('aria-label')]).toEqual(['标记存疑', '标记存疑：（七）总计 · 总计（0）']);
      action.click();
      await until(() => inPanel('form.flag-form'));
      expect(inPanel('form.flag-form h4')!.textContent).toBe('标记 （七）总计 · 总计（0）');
      // Escape closes the form, not the panel.
      inPanel('form.flag-form textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await until(() => !inPanel('form.flag-form'));
      expect(inPanel('[role="dialog"]')).not.toBeNull();
      expect(await listFlags(URL_2024)).toEqual([]);
    });

    it('edits a flag’s kind and note, removes it and puts it back with undo', async () => {
      loadPage('000-word');
      await addFlag(URL_2024, { key: 'requests.granted.natural', kind: 'doubtful', note: '核对原件' });
      start(URL_2024);
      await openPanel();
      await until(() => itemTexts().includes('标记 （一）予以公开 · 自然人：核对原件'));
      const actions = () => [...inPanel('li.item.kind-flag')!.querySelectorAll<HTMLButtonElement>('.item-actions button')];
      expect(actions().map((b) => [b.textContent, b.getAttribute('aria-label')])).toEqual([
        ['编辑', '编辑标记：（一）予以公开 · 自然人（7）'],
        ['移除', '移除标记：（一）予以公开 · 自然人（7）'],
      ]);

      actions()[0]!.click();
      await until(() => inPanel('form.flag-form'));
      expect(inPanel('form.flag-form h4')!.textContent).toBe('编辑标记 （一）予以公开 · 自然人（7）');
      expect(inPanel<HTMLTextAreaElement>('form.flag-form textarea')!.value).toBe('核对原件');
      press(inPanel<HTMLInputElement>('input[value="wrong"]')!);
      type(inPanel<HTMLTextAreaElement>('form.flag-form textarea')!, '应为 6');
      inPanel<HTMLButtonElement>('form.flag-form button[type="submit"]')!.click();
      await until(() => itemTexts().includes('标记 （一）予以公开 · 自然人：应为 6'));
      expect(status()).toBe('已更新 （一）予以公开 · 自然人（7） 的标记。');
      expect(await listFlags(URL_2024)).toMatchObject([{ kind: 'wrong', note: '应为 6', updatedAt: expect.any(String) }]);

      actions()[1]!.click();
      await until(() => !inPanel('li.item.kind-flag'));
      expect(status()).toBe('已移除 （一）予以公开 · 自然人（7） 的标记。');
      expect(document.querySelectorAll('[data-gkl-mark]')).toHaveLength(0);
      const undo = inPanel<HTMLButtonElement>('.keep-status button.undo')!;
      await until(() => shadow()!.activeElement === undo);
      undo.click();
      await until(() => inPanel('li.item.kind-flag'));
      expect(status()).toBe('已恢复 （一）予以公开 · 自然人（7） 的标记。');
      expect(await listFlags(URL_2024)).toMatchObject([{ key: 'requests.granted.natural', kind: 'wrong', note: '应为 6' }]);
    });

    it('a failed write keeps the form open with what the reader typed', async () => {
      loadPage('000-word');
      start(URL_2024);
      await openPanel();
      // A click shows the figure in the page; a double click (or Enter) flags it.
      inPanel('td[data-key="requests.granted.natural"]')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await until(() => inPanel('form.flag-form'));
      type(inPanel<HTMLTextAreaElement>('form.flag-form textarea')!, '原件为 6');
      vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
      inPanel<HTMLButtonElement>('form.flag-form button[type="submit"]')!.click();
      await until(() => status()?.startsWith('扩展的存储空间已满'));
      expect(inPanel<HTMLTextAreaElement>('form.flag-form textarea')!.value).toBe('原件为 6');
      expect(await listFlags(URL_2024)).toEqual([]);
    });

    it('lists a flag whose cell is no longer on the page as orphaned, marking nothing', async () => {
      loadPage('000-word');
      // 采购项目数量 exists only in the 2019 format: this 2021 page has no such cell.
      await addFlag(URL_2024, { key: 'active.procurement.projects', kind: 'wrong', note: '去年的格式' });
      start(URL_2024);
      await openPanel();
      await until(() => inPanel('li.item.kind-flag'));
      expect(itemTexts()).toEqual(['标记 政府集中采购 · 采购项目数量：去年的格式（原单元格已不在页面上）']);
      expect(document.querySelectorAll('[data-gkl-mark]')).toHaveLength(0);
      expect(await listFlags(URL_2024)).toHaveLength(1);
    });

    it('follows flags changed elsewhere (another tab): the list and the marks update', async () => {
      loadPage('000-word');
      start(URL_2024);
      await openPanel();
      await addFlag(URL_2024, { key: 'requests.newReceived.total', kind: 'doubtful', note: '' });
      await until(() => itemTexts().includes('标记 一、本年新收政府信息公开申请数量 · 总计'));
      expect(document.querySelector('[data-gkl-mark="flag"]')).toBe(pageCell('38'));
    });
  });

  describe('the context menu', () => {
    it('maps what was right-clicked (a span inside a Word cell) to its figure', () => {
      const doc = fixture('000-word');
      const { figures } = analyzeDocument(doc, { source: URL_2024 });
      const cell = figures.get('requests.totalProcessed.total')!.cell.element!;
      expect(figureKeyAt(figures, cell.querySelector('span'))).toBe('requests.totalProcessed.total');
      expect(figureKeyAt(figures, cell.querySelector('span')!.firstChild)).toBe('requests.totalProcessed.total');
      expect(figureKeyAt(figures, cell)).toBe('requests.totalProcessed.total');
      expect(figureKeyAt(figures, doc.querySelector('h1'))).toBeNull();
      expect(figureKeyAt(figures, null)).toBeNull();
    });

    it('"flag this figure" opens the panel on the form for the cell right-clicked last', async () => {
      loadPage('000-word');
      start(URL_2024);
      await until(() => inPanel('button.pill'));
      const cell = pageCell('39');
      cell.querySelector('span')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, button: 2 }));
      await fakeBrowser.runtime.onMessage.trigger({ type: 'gkl:flag-cell' }, {}, () => {});
      await until(() => inPanel('form.flag-form'));
      expect(inPanel('form.flag-form h4')!.textContent).toBe('标记 （七）总计 · 总计（39）');
      await until(() => shadow()!.activeElement === inPanel('input[value="doubtful"]'));
    });

    it('anywhere else: says so and flags nothing', async () => {
      loadPage('000-word');
      start(URL_2024);
      await until(() => inPanel('button.pill'));
      document.querySelector('h1')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, button: 2 }));
      await fakeBrowser.runtime.onMessage.trigger({ type: 'gkl:flag-cell' }, {}, () => {});
      await until(() => inPanel('[role="dialog"]'));
      expect(status()).toBe('右键点的不是统计表中的数字，未添加标记。请在表格里的数字上点右键，或点面板统计表中的数字。');
      expect(inPanel('form.flag-form')).toBeNull();
    });
  });

  describe('year over year', () => {
    it('the synthetic 2025 page alone has no finding; against the saved 2024 report, YOY-CARRY on 自然人 and 总计', async () => {
      expect(analyzeDocument(fixture('000-next-word'), { source: URL_2025 }).report.findings).toEqual([]);
      const lastYear = analyzeDocument(fixture('000-word'), { source: URL_2024 }).report;
      const saved = await saveSnapshot({ report: lastYear, url: URL_2024, title: lastYear.title, flags: [] as Flag[] }, new Date('2025-02-01T02:00:00.000Z'));
      expect(saved.ok).toBe(true);

      loadPage('000-next-word');
      start(URL_2025);
      await until(() => inPanel('button.pill')?.textContent === '2 处提醒');
      inPanel('button.pill')!.click();
      await until(() => inPanel('[role="dialog"]'));
      const label = '鹤岗市人民政府办公室 2024 年报，保存于 2025-02-01';
      // Against last year both numbers, never which one is wrong.
      expect(allInPanel('li.item').map((li) => [li.dataset.rule, li.querySelector('.fix')!.textContent, li.querySelector('.against')!.textContent])).toEqual([
        ['YOY-CARRY', '表中 2，上年 0', `对比：${label}`],
        ['YOY-CARRY', '表中 2，上年 0', `对比：${label}`],
      ]);
      expect(allInPanel('li.item .message').map((m) => m.textContent)).toEqual([
        `表三 二、上年结转政府信息公开申请数量 · 自然人：表中填报 2，而上年报告（${label}）四、结转下年度继续办理为 0。`,
        `表三 二、上年结转政府信息公开申请数量 · 总计：表中填报 2，而上年报告（${label}）四、结转下年度继续办理为 0。`,
      ]);
    });

    it('last year’s report saved later (another tab): its YOY findings join the open page, which is not read again; removed, they go with a new read', async () => {
      loadPage('000-next-word');
      performance.clearMeasures();
      start(URL_2025);
      await until(() => inPanel('button.pill')?.textContent === '✓ 未发现问题');
      const lastYear = analyzeDocument(fixture('000-word'), { source: URL_2024 }).report;
      const saved = await saveSnapshot({ report: lastYear, url: URL_2024, title: lastYear.title, flags: [] }, new Date('2025-02-01T02:00:00.000Z'));
      await until(() => inPanel('button.pill')?.textContent === '2 处提醒');
      expect(performance.getEntriesByName('gkl:analyze', 'measure')).toHaveLength(1);
      inPanel('button.pill')!.click();
      await until(() => inPanel('[role="dialog"]'));
      expect(allInPanel('li.item').map((li) => [li.dataset.rule, li.querySelector('.against')!.textContent])).toEqual([
        ['YOY-CARRY', '对比：鹤岗市人民政府办公室 2024 年报，保存于 2025-02-01'],
        ['YOY-CARRY', '对比：鹤岗市人民政府办公室 2024 年报，保存于 2025-02-01'],
      ]);
      expect(inPanel('td[data-key="requests.carriedOver.natural"]')!.className).toBe('kind-warning');

      await deleteSnapshot(saved.ok ? saved.snapshot.id : '');
      await until(() => inPanel('.bar .verdict')?.textContent === '✓ 未发现问题');
      expect(allInPanel('li.item')).toEqual([]);
      // Without last year's report the engine checks from a page read.
      expect(performance.getEntriesByName('gkl:analyze', 'measure')).toHaveLength(2);
    });
  });
});
