// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from './App';
import { exportJson, listSnapshots, saveSnapshot, type Flag, type Snapshot } from '../../utils/snapshots';
import { putSnapshots } from '../../utils/snapshots/snapshots';
import { snapshotId, tablesHash } from '../../utils/snapshots/hash';
import { SNAPSHOT_FORMAT } from '../../utils/snapshots/schema';
import { finding, seedReport, type ReportOptions } from '../../utils/snapshots/testing';
import { useLocale } from '../../components/testing/i18n';

let root: HTMLElement;

async function save(opts: ReportOptions, url: string, at: string, flags: Flag[] = []): Promise<Snapshot> {
  const report = seedReport(opts);
  const r = await saveSnapshot({ report, url, title: report.title, flags }, new Date(at));
  if (!r.ok) throw new Error(r.message);
  return r.snapshot;
}

async function show() {
  await act(async () => {
    render(<App lang="zh" />, root);
  });
  await vi.waitFor(() => expect(root.querySelector('table.list')).not.toBeNull());
}

/** Settles pending storage reads and re-renders. */
const settle = () => act(async () => new Promise((r) => setTimeout(r, 20)));

const rows = () => [...root.querySelectorAll('table.list tbody tr')].map((tr) => tr.querySelector('th')!.textContent + ' ' + tr.querySelectorAll('td')[1]!.textContent);
const caption = () => root.querySelector('table.list caption')!.textContent;
const status = () => root.querySelector('[role="status"]')!.textContent;
const button = (name: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found as HTMLButtonElement;
};
const labelled = <T extends HTMLElement>(text: string): T => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent!.startsWith(text));
  if (!label) throw new Error(`no control labelled "${text}"`);
  return label.querySelector('input, select') as T;
};
async function change(el: HTMLInputElement | HTMLSelectElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
async function click(el: HTMLElement) {
  await act(async () => el.click());
  await settle();
}

describe('Snapshots page', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
    root = document.createElement('div');
    document.body.append(root);
    location.hash = '';
    await save({ year: 2024, findings: [finding('T3-ROW', 'error', 'requests.granted.total', 7, 8)] }, 'http://www.hegang.gov.cn/gknb/2024.html', '2025-02-01T00:00:00.000Z');
    await save({ year: 2023 }, 'http://www.hegang.gov.cn/gknb/2023.html', '2024-02-01T00:00:00.000Z', [
      { id: 'f-1', key: 'appeals.review.total', kind: 'wrong', note: '复议数与正文不符', createdAt: '2024-02-02T00:00:00.000Z' },
    ]);
    await save({ year: 2024, agency: '精河县', findings: [finding('VAL-BLANK', 'warning', 'active.fees.amount')] }, 'http://www.jinghe.gov.cn/2024.html', '2025-02-03T00:00:00.000Z');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    render(null, root);
    root.remove();
  });

  it('lists the saved reports in a captioned table and filters them by agency, year, host, verdict and text', async () => {
    await show();
    expect(caption()).toBe('已保存 3 份年报，显示 3 份');
    expect(rows()).toEqual(['精河县 2024', '鹤岗市人民政府办公室 2024', '鹤岗市人民政府办公室 2023']);

    await change(labelled('机关'), '鹤岗市人民政府办公室');
    expect(rows()).toEqual(['鹤岗市人民政府办公室 2024', '鹤岗市人民政府办公室 2023']);
    await change(labelled('年度'), '2023');
    expect(rows()).toEqual(['鹤岗市人民政府办公室 2023']);
    expect(caption()).toBe('已保存 3 份年报，显示 1 份');

    await click(button('清除筛选'));
    await change(labelled('结论'), 'errors');
    expect(rows()).toEqual(['鹤岗市人民政府办公室 2024']);
    await change(labelled('结论'), '');
    await change(labelled('网站'), 'www.jinghe.gov.cn');
    expect(rows()).toEqual(['精河县 2024']);
    await click(button('清除筛选'));
    await change(labelled('搜索'), '正文');
    expect(rows()).toEqual(['鹤岗市人民政府办公室 2023']);
    await change(labelled('搜索'), '没有这个词');
    expect(rows()).toEqual([]);
    expect(root.textContent).toContain('没有符合筛选条件的年报。');
  });

  it('deletes with undo: the row goes, focus moves to Undo, and Undo brings it back', async () => {
    await show();
    await click(button('删除“精河县 2024”'));
    // The delete goes through the single writer (utils/snapshots/writer): wait for the list, not a fixed time.
    await vi.waitFor(() => expect(rows()).toEqual(['鹤岗市人民政府办公室 2024', '鹤岗市人民政府办公室 2023']));
    expect(status()).toBe('已删除“精河县 2024”。');
    expect((await listSnapshots()).length).toBe(2);
    expect(document.activeElement).toBe(button('撤销删除'));

    await click(button('撤销删除'));
    await vi.waitFor(() => expect(rows()).toContain('精河县 2024'));
    expect(status()).toBe('已恢复“精河县 2024”。');
    expect((await listSnapshots()).length).toBe(3);
  });

  async function chooseFile(text: string) {
    const input = labelled<HTMLInputElement>('导入 JSON 导出文件');
    const file = new File([text], 'export.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
  }

  it('shows an import plan and replaces a conflicting snapshot only when the reader ticks it', async () => {
    const stored = await listSnapshots();
    const jinghe = stored.find((s) => s.report.agency === '精河县')!;
    const changed = { ...jinghe, report: { ...jinghe.report, findings: [] } };
    const fresh = await save({ year: 2022 }, 'http://www.hegang.gov.cn/gknb/2022.html', '2023-02-01T00:00:00.000Z');
    await fakeBrowser.storage.local.remove(`snapshot:${fresh.id}`);
    await show();

    await chooseFile(exportJson([changed, fresh, stored[1]!]));
    const plan = root.querySelector('.import-plan')!;
    expect(document.activeElement).toBe(plan.querySelector('h2'));
    expect([...plan.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['新增：1 份', '已有且相同：1 份', '已有，将补入文件中的批注：0 份']);
    const replace = labelled<HTMLInputElement>('用文件中的版本替换“精河县 2024”');
    expect(replace.checked).toBe(false);

    await act(async () => replace.click());
    await click(button('确认导入'));
    expect(status()).toBe('导入完成，写入 2 份。');
    expect(root.querySelector('.import-plan')).toBeNull();
    const after = await listSnapshots();
    expect(after).toHaveLength(4);
    expect(after.find((s) => s.id === jinghe.id)!.report.findings).toEqual([]);
  });

  it('keeps the stored version of a conflict the reader does not tick, and cancelling changes nothing', async () => {
    const stored = await listSnapshots();
    const jinghe = stored.find((s) => s.report.agency === '精河县')!;
    await show();
    await chooseFile(exportJson([{ ...jinghe, report: { ...jinghe.report, findings: [] } }]));
    await click(button('确认导入'));
    expect(status()).toBe('导入完成，写入 0 份。');
    expect((await listSnapshots()).find((s) => s.id === jinghe.id)!.report.findings).toHaveLength(1);

    await chooseFile(exportJson([{ ...jinghe, report: { ...jinghe.report, findings: [] } }]));
    await click(button('取消'));
    expect(status()).toBe('已取消导入，没有做任何改动。');
    expect(await listSnapshots()).toEqual(stored);
  });

  it('says clearly when the chosen file is not an export', async () => {
    await show();
    await chooseFile('<html>not json</html>');
    expect(status()).toBe('这个文件不是 JSON，无法导入。');
    await chooseFile('{"format":"something-else"}');
    expect(status()).toBe('这不是“公开年报核对”导出的快照文件。');
    expect(root.querySelector('.import-plan')).toBeNull();
  });

  it('opens a snapshot as the panel shows it: heading focused, findings and flags listed, tables drawn', async () => {
    await show();
    await click(button('查看“鹤岗市人民政府办公室 2023”'));
    const heading = root.querySelector('h2#snapshot-heading')!;
    expect(heading.textContent).toBe('鹤岗市人民政府办公室2023年政府信息公开工作年度报告');
    expect(document.activeElement).toBe(heading);
    expect(location.hash).toMatch(/^#snapshot=/);
    expect(root.querySelector('.findings')!.textContent).toContain('行政复议 · 总计：复议数与正文不符');
    expect(root.querySelectorAll('table.national').length).toBeGreaterThan(3);
    // The flagged cell is outlined as a flag in the saved table.
    expect(root.querySelector('td[data-key="appeals.review.total"]')!.className).toContain('kind-flag');

    await click(button('返回列表'));
    expect(document.activeElement).toBe(root.querySelector('#filters-heading'));
    // Back in the browser's history opens the snapshot again.
    await act(async () => {
      history.back();
    });
    await vi.waitFor(() => expect(root.querySelector('h2#snapshot-heading')).not.toBeNull());
  });

  it('shows an agency year by year with its key totals', async () => {
    await show();
    await click(button('历年对比：鹤岗市人民政府办公室'));
    const table = root.querySelector('table.years')!;
    expect(table.querySelector('caption')!.textContent).toBe('鹤岗市人民政府办公室 各年度主要合计数（每年取最近保存的一份）');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['项目', '2023 年', '2024 年']);
    const row = table.querySelector('tr[data-key="requests.newReceived.total"]')!;
    expect(row.querySelector('th')!.textContent).toBe('表三 一、本年新收政府信息公开申请数量 · 总计');
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['38', '38']);
  });

  /** Every storage.local.get from now on: its keys (null: everything) and whether the list was on screen already. */
  function recordReads() {
    const local = fakeBrowser.storage.local;
    const original = local.get.bind(local);
    const reads: { keys: string[] | null; listShown: boolean }[] = [];
    const spy = vi.spyOn(local, 'get').mockImplementation(((keys?: string | string[] | null) => {
      reads.push({ keys: keys == null ? null : typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys), listShown: !!root.querySelector('table.list') });
      return original(keys as never);
    }) as typeof local.get);
    return { reads, original, spy };
  }
  const readsSnapshots = (r: { keys: string[] | null }) => r.keys === null || r.keys.some((k) => k.startsWith('snapshot:'));

  it('shows its list from the index: no snapshot is read (nor everything) before the list is on screen', async () => {
    const { reads, spy } = recordReads();
    await show();
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((r) => !r.listShown && readsSnapshots(r))).toEqual([]);
    expect(caption()).toBe('已保存 3 份年报，显示 3 份');
    // Opening one reads that one.
    const opened = reads.length;
    await click(button('查看“鹤岗市人民政府办公室 2023”'));
    await vi.waitFor(() => expect(root.querySelector('h2#snapshot-heading')).not.toBeNull());
    const snapshotReads = reads.slice(opened).filter((r) => r.keys?.some((k) => k.startsWith('snapshot:')));
    expect(snapshotReads.every((r) => r.keys!.filter((k) => k.startsWith('snapshot:')).length === 1)).toBe(true);
    spy.mockRestore();
  });

  it('applies only the newest reload: an older one finishing last does not bring back an older list', async () => {
    await show();
    const local = fakeBrowser.storage.local;
    const original = local.get.bind(local);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held: Promise<unknown> | null = null;
    const later: Promise<unknown>[] = [];
    const spy = vi.spyOn(local, 'get').mockImplementation(((keys?: string[] | null) => {
      // The first read after this point (the older reload's first) answers with what storage holds now, but only when released.
      if (!held) {
        const now = original(keys as never);
        held = released.then(() => now);
        return held;
      }
      const answer = original(keys as never);
      later.push(answer);
      return answer;
    }) as typeof local.get);
    await act(async () => {
      await local.set({ unrelated: 1 });
    });
    expect(held).not.toBeNull();
    await save({ year: 2022 }, 'http://www.hegang.gov.cn/gknb/2022.html', '2023-02-01T00:00:00.000Z');
    await vi.waitFor(() => expect(caption()).toBe('已保存 4 份年报，显示 4 份'));
    const before = later.length;
    release();
    await act(async () => {
      await held;
    });
    // The older reload goes on reading after its first read (the summaries), and is then dropped.
    await vi.waitFor(() => expect(later.length).toBeGreaterThan(before));
    await act(async () => {
      await Promise.all(later);
    });
    for (let i = 0; i < 5; i++) await act(async () => {});
    expect(caption()).toBe('已保存 4 份年报，显示 4 份');
    spy.mockRestore();
  });

  it('lists quarantined records while the others still load', async () => {
    await fakeBrowser.storage.local.set({ 'snapshot:broken': { format: 1, id: 'broken' } });
    await show();
    // Stored around the index: found once the list is shown, then quarantined by the index's rebuild.
    await vi.waitFor(() => expect(root.querySelector('.quarantine')).not.toBeNull());
    expect(rows()).toHaveLength(3);
    const quarantine = root.querySelector('.quarantine')!;
    expect(quarantine.querySelector('h2')!.textContent).toBe('无法读取的记录（已隔离）');
    expect(quarantine.querySelector('tbody th')!.textContent).toBe('snapshot:broken');
    expect(button('导出隔离记录（JSON）')).toBeTruthy();
  });

  it('draws the list 100 rows at a time: "show more" draws 100 more and focuses the first, a filter starts again, selection spans every match', async () => {
    // 247 more (250 in all): agencies 测试市第0局 … 第246局, one report each, 2021 for the even ones, 2022 for the odd.
    const many: Snapshot[] = Array.from({ length: 247 }, (_, i) => {
      const url = `http://www.test${i}.gov.cn/gknb.html`;
      const report = seedReport({ agency: `测试市第${i}局`, year: 2021 + (i % 2), source: url });
      const hash = tablesHash(report);
      return { format: SNAPSHOT_FORMAT, id: snapshotId(url, hash), url, title: report.title, savedAt: new Date(Date.UTC(2022, 0, 1, 0, 0, i)).toISOString(), hash, flags: [], report };
    });
    expect((await putSnapshots(many)).ok).toBe(true);
    await show();
    const drawn = () => root.querySelectorAll('table.list tbody tr');
    expect(caption()).toBe('已保存 250 份年报，显示 250 份');
    expect(drawn()).toHaveLength(100);
    await click(button('显示更多（还有 150 条）'));
    expect(drawn()).toHaveLength(200);
    expect(document.activeElement).toBe(drawn()[100]);
    expect(button('显示更多（还有 50 条）')).toBeTruthy();

    // "Select all" selects every match, drawn or not; export selected exports them all.
    const selectAll = root.querySelector<HTMLInputElement>('table.list thead input[type="checkbox"]')!;
    await click(selectAll);
    expect(button('所选导出为 JSON（250 份）')).toBeTruthy();
    await click(selectAll);
    expect(button('所选导出为 JSON（0 份）').disabled).toBe(true);

    // A filter starts again at the first 100 of its matches: 2021 is 124 of the 247 (and none of the three saved above).
    await change(labelled('年度'), '2021');
    expect(caption()).toBe('已保存 250 份年报，显示 124 份');
    expect(drawn()).toHaveLength(100);
    expect(button('显示更多（还有 24 条）')).toBeTruthy();
    await click(selectAll);
    expect(button('所选导出为 JSON（124 份）')).toBeTruthy();
    await click(button('显示更多（还有 24 条）'));
    expect(drawn()).toHaveLength(124);
    expect(document.activeElement).toBe(drawn()[100]);
    expect(root.querySelector('button.more')).toBeNull();
    await click(button('清除筛选'));
    expect(drawn()).toHaveLength(100);
    expect(button('显示更多（还有 150 条）')).toBeTruthy();
  });
});
