// @vitest-environment happy-dom
// The analyzer on a fixture page with the real engine: verdict, panel, marks, failure, injection
// twice, re-analysis. (Real Chromium: test/e2e/panel.e2e.test.ts.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { STEPS, analyzeDocument } from '@/lib/analyze';
import { updateSettings } from '@/utils/settings';
import type { Message } from '@/utils/messages';
import { useLocale } from '@/components/testing/i18n';
import { REPO_ROOT } from '@/test/fixtures/seeds';
import { reasonOf, startAnalyzer, type PanelExtension } from './analyzer';
import { savedReport } from '@/test/helpers/context';

vi.mock('@/lib/analyze', async (actual) => {
  const engine = await actual<typeof import('@/lib/analyze')>();
  return { ...engine, analyzeDocument: vi.fn(engine.analyzeDocument) };
});

function loadPage(name: string) {
  const html = readFileSync(path.join(REPO_ROOT, 'test/fixtures/html', `${name}.html`), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = doc.head.innerHTML;
  document.body.innerHTML = doc.body.innerHTML;
}

const host = () => document.querySelectorAll('gongkai-lens');
const inPanel = (selector: string) => host()[0]?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
// Conditions awaited, not times asserted: generous, as the machine may be loaded.
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 20_000 });

let sent: Message[];
let contexts: ContentScriptContext[];
const start = (extensions: PanelExtension[] = []) => {
  const ctx = new ContentScriptContext('analyzer');
  contexts.push(ctx);
  return startAnalyzer(ctx, extensions);
};

// Each test waits for the panel through renders and storage round trips.
vi.setConfig({ testTimeout: 60_000 });

describe('analyzer content script', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
    sent = [];
    contexts = [];
    fakeBrowser.runtime.onMessage.addListener((m: Message) => void sent.push(m));
    performance.clearMeasures();
  });
  afterEach(() => {
    for (const ctx of contexts) ctx.notifyInvalidated();
    document.body.innerHTML = '';
    vi.mocked(analyzeDocument).mockClear();
  });

  it('on a report: measures the analysis, sends the verdict, mounts the pill and marks the cells', async () => {
    loadPage('001-word');
    start();
    expect(performance.getEntriesByName('gkl:analyze', 'measure')).toHaveLength(1);
    // Each step of the engine too, for bench/chromium.ts.
    expect(STEPS.map((step) => performance.getEntriesByName(`gkl:analyze:${step}`, 'measure').length)).toEqual(STEPS.map(() => 1));
    await until(() => inPanel('button.pill'));
    expect(inPanel('button.pill')!.textContent).toBe('7 处错误 · 1 处提醒');
    expect(sent).toEqual([{ type: 'gkl:verdict', verdict: { isReport: true, errors: 7, warnings: 1, infos: 0, agency: '盘锦市双台子区人民政府办公室', year: 2023 } }]);
    expect([...document.querySelectorAll('[data-gkl-mark]')].map((td) => [td.getAttribute('data-gkl-mark'), td.textContent!.trim()])).toEqual([
      ['warning', '0'], ['error', '0'], ['error', '6'], ['error', '0'],
    ]);
    expect(host()).toHaveLength(1);
  });

  it('when the engine throws: a short error in the pill, no panel, no marks, no verdict', async () => {
    loadPage('001-word');
    vi.mocked(analyzeDocument).mockImplementationOnce(() => {
      throw new Error('grid: rowspan out of range');
    });
    start();
    await until(() => inPanel('[role="alert"]'));
    expect(inPanel('[role="alert"] .text')!.textContent).toBe('无法读取本页报告：Error: grid: rowspan out of range');
    expect(inPanel('button.pill')).toBeNull();
    expect(document.querySelectorAll('[data-gkl-mark]')).toHaveLength(0);
    expect(sent).toEqual([]);
  });

  it('keeps the reason short, whatever the exception', () => {
    const long = new Error(`[\n  {\n    "code": "invalid_type",\n    "path": ["requests", "totalProcessed"]${' '.repeat(300)}x\n  }\n]`);
    long.name = 'ZodError';
    expect(reasonOf(long)).toBe(`ZodError: [ { "code": "invalid_type", "path": ["requests", "totalProcessed"] x } ]`);
    expect(reasonOf(new Error('a'.repeat(400)))).toHaveLength(160);
    expect(reasonOf(new Error('a'.repeat(400))).endsWith('a…')).toBe(true);
    expect(reasonOf('no document body')).toBe('no document body');
  });

  it('on a page that is not a report: nothing in the page until the reader asks', async () => {
    loadPage('nonreport-gov');
    const before = document.documentElement.outerHTML;
    const analyzer = start();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ type: 'gkl:verdict', verdict: { isReport: false, errors: 0, warnings: 0, infos: 0 } });
    await new Promise((r) => setTimeout(r, 50));
    expect(document.documentElement.outerHTML).toBe(before);
    analyzer.open();
    await until(() => inPanel('[role="status"] .text'));
    expect(inPanel('[role="status"] .text')!.textContent).toBe('本页不像政府信息公开工作年度报告');
  });

  it('"open panel" from the popup expands the panel', async () => {
    loadPage('002-word');
    start();
    await until(() => inPanel('button.pill'));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'gkl:open-panel' }, {}, () => {});
    await until(() => inPanel('[role="dialog"]'));
  });

  it('injected twice: the newer script replaces the older one, one panel in the page', async () => {
    loadPage('001-word');
    start();
    await until(() => inPanel('button.pill'));
    start();
    await until(() => inPanel('button.pill'));
    await new Promise((r) => setTimeout(r, 50));
    expect(host()).toHaveLength(1);
    expect(document.querySelectorAll('style[data-gkl-marks]')).toHaveLength(1);
    expect(document.querySelectorAll('[data-gkl-mark]')).toHaveLength(4);
  });

  it('re-reads the report when the page changes it', async () => {
    loadPage('002-word');
    start();
    await until(() => inPanel('button.pill'));
    expect(inPanel('button.pill')!.textContent).toBe('✓ 未发现问题');
    const cell = [...document.querySelectorAll('td')].find((td) => td.textContent!.trim() === '43')!;
    const leaf = [...cell.querySelectorAll('*')].reverse().find((e) => e.textContent!.trim() === '43') ?? cell;
    leaf.textContent = '44';
    await until(() => /处错误/.test(inPanel('button.pill')!.textContent!));
    expect(vi.mocked(analyzeDocument)).toHaveBeenCalledTimes(2);
    // 予以公开 · 自然人 43 → 44: its row (T3-ROW) and the 自然人 column's total (T3-SUM) fail
    expect(sent.at(-1)).toMatchObject({ verdict: { isReport: true, errors: 2, warnings: 0 } });
    expect(inPanel('button.pill')!.textContent).toBe('2 处错误');
  });

  it('takes what other parts add: toolbar buttons, flagged cells, last year’s report for the YOY rules', async () => {
    loadPage('001-word');
    const lastYear = savedReport('2021', { requests: { carriedForward: { natural: 2, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 2 } } }, 2022);
    const snapshots: PanelExtension = {
      toolbar: () => <button type="button" class="save">保存</button>,
      items: () => [{ id: 'flag:1', kind: 'flag', rule: '标记', message: '核对原件', cells: ['requests.granted.natural'], marked: ['requests.granted.natural'] }],
      previous: async (report) => (report.year === 2023 ? { report: lastYear, label: '2022 年报' } : undefined),
    };
    start([snapshots]);
    // YOY-CARRY on 自然人 and 总计 (0 this year, 2 carried forward last year) join T2-STOCK
    await until(() => inPanel('button.pill')?.textContent === '7 处错误 · 3 处提醒');
    expect(vi.mocked(analyzeDocument)).toHaveBeenCalledTimes(1); // last year's report did not re-read the page
    expect(sent.at(-1)).toMatchObject({ verdict: { errors: 7, warnings: 3 } }); // flags are not findings
    expect(document.querySelector('[data-gkl-mark="flag"]')!.getAttribute('title')).toBe('核对原件');
    inPanel('button.pill')!.click();
    await until(() => inPanel('[role="dialog"]'));
    expect(inPanel('.copybar button.save')!.textContent).toBe('保存');
    const rows = [...host()[0]!.shadowRoot!.querySelectorAll<HTMLElement>('li.item')].map((li) => [li.className, li.dataset.rule]);
    // By table (表二, then 表三), then by severity: the flag last in its table's group.
    expect(rows).toEqual([
      ['item kind-warning', 'T2-STOCK'],
      ['item kind-error', 'T3-ROW'], ['item kind-error', 'T3-SUM'], ['item kind-error', 'T3-SUM'], ['item kind-error', 'T3-SUM'],
      ['item kind-error', 'T3-BAL'], ['item kind-error', 'T3-BAL'], ['item kind-error', 'T3-BAL'],
      ['item kind-warning', 'YOY-CARRY'], ['item kind-warning', 'YOY-CARRY'], ['item kind-flag', '标记'],
    ]);
    expect(inPanel('li.item .against')!.textContent).toBe('对比：2022 年报');
  });

  it('asks for last year’s report again on recheckPrevious(): found later, its YOY findings join without reading the page again', async () => {
    loadPage('001-word');
    const lastYear = savedReport('2021', { requests: { carriedForward: { natural: 2, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 2 } } }, 2022);
    let saved = false;
    const previous = vi.fn(async () => (saved ? { report: lastYear, label: '2022 年报' } : undefined));
    const analyzer = start([{ previous }]);
    await until(() => previous.mock.calls.length === 1);
    expect(inPanel('button.pill')!.textContent).toBe('7 处错误 · 1 处提醒');
    saved = true;
    analyzer.recheckPrevious();
    await until(() => inPanel('button.pill')?.textContent === '7 处错误 · 3 处提醒');
    expect(previous).toHaveBeenCalledTimes(2);
    expect(vi.mocked(analyzeDocument)).toHaveBeenCalledTimes(1);
    expect(sent.at(-1)).toMatchObject({ verdict: { errors: 7, warnings: 3 } });
  });

  it('ignores its own changes to the page: the panel and the marks do not trigger a re-analysis', async () => {
    loadPage('001-word');
    start();
    await until(() => inPanel('button.pill'));
    await updateSettings({ marks: false });
    await until(() => document.querySelectorAll('[data-gkl-mark]').length === 0);
    await updateSettings({ marks: true });
    await until(() => document.querySelectorAll('[data-gkl-mark]').length === 4);
    await new Promise((r) => setTimeout(r, 800));
    expect(vi.mocked(analyzeDocument)).toHaveBeenCalledTimes(1);
  });
});
