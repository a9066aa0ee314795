import { describe, it, expect, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listSnapshots } from './snapshots';
import { exportJson } from './export';
import { applyImport, planImport, readImportFile } from './import';
import { listFlags, restoreFlags } from './flags';
import { finding } from './testing';
import { doubtfulFlag as flag, readImportText as read, saveSeedReport as save, URL_A, URL_B } from './testing-store';
import { useLocale } from '../../components/testing/i18n';

describe('import', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
  });

  it('round-trips: export, clear storage, import gives identical snapshots and the pages’ flags back', async () => {
    await save(URL_A, {}, [flag('f-1', 'a')]);
    await save(URL_B, { year: 2023 });
    const before = await listSnapshots();
    const text = exportJson(before);
    await fakeBrowser.storage.local.clear();

    const plan = await planImport(read(text));
    expect(plan.added).toHaveLength(2);
    expect(await applyImport(plan)).toEqual({ ok: true, written: 2 });
    expect(await listSnapshots()).toEqual(before);
    expect(await listFlags(URL_A)).toEqual([flag('f-1', 'a')]);
  });

  it('gives a clear message for a bad file and never throws', async () => {
    const message = (text: string) => {
      const r = readImportFile(text);
      return r.ok ? 'ok' : r.message;
    };
    expect(message('<html>not json')).toBe('这个文件不是 JSON，无法导入。');
    expect(message('')).toBe('这个文件不是 JSON，无法导入。');
    expect(message('[1,2]')).toBe('这不是“公开年报核对”导出的快照文件。');
    expect(message('null')).toBe('这不是“公开年报核对”导出的快照文件。');
    expect(message('{"format":"gongkai-lens/snapshots","version":1,"snapshots":{}}')).toBe('这不是“公开年报核对”导出的快照文件。');
    expect(message('{"format":"gongkai-lens/snapshots","version":7,"snapshots":[]}')).toBe('这个文件来自更新版本的扩展（格式版本 7），请先升级扩展再导入。');
    // A BOM (a file saved by Notepad) is fine.
    expect(message('\uFEFF{"format":"gongkai-lens/snapshots","version":1,"snapshots":[]}')).toBe('ok');
  });

  it('reports and skips entries that fail validation, keeping the good ones', async () => {
    const good = await save(URL_A);
    await fakeBrowser.storage.local.clear();
    const text = JSON.stringify({ format: 'gongkai-lens/snapshots', version: 1, snapshots: [{ ...good, report: { ...good.report, year: 'x' } }, good, 42] });
    const file = read(text);
    expect(file.snapshots).toEqual([good]);
    expect(file.rejected).toEqual([
      { index: 1, reason: expect.stringContaining('year') },
      { index: 3, reason: 'not an object' },
    ]);
  });

  it('gives a hand-edited entry the id of its content', async () => {
    const s = await save(URL_A);
    const edited = { ...s, report: { ...s.report, appeals: { ...s.report.appeals, review: { ...s.report.appeals!.review!, pending: 5 } } } };
    const file = read(exportJson([edited]));
    expect(file.snapshots[0]!.id).not.toBe(s.id);
    expect((await planImport(file)).added).toHaveLength(1);
  });

  it('plans identical, merged flags and conflicts, and overwrites only what the reader confirms', async () => {
    const same = await save(URL_A, {}, [flag('f-1', 'a')]);
    const moreFlags = await save(URL_B, {}, [flag('f-2', 'b')]);
    const differs = await save(URL_B, { change: { 'appeals.review.total': 9 } }, [flag('f-3', 'c')]);
    const flagClash = await save(URL_A, { change: { 'appeals.review.total': 8 } }, [flag('f-4', 'mine')]);
    const incoming = [
      same,
      { ...moreFlags, flags: [...moreFlags.flags, flag('f-5', 'theirs')] },
      { ...differs, report: { ...differs.report, findings: [finding('T4-SUM', 'error', 'appeals.review.total', 1, 9)], noErrors: false }, flags: [flag('f-6', 'new')] },
      { ...flagClash, flags: [flag('f-4', 'theirs')] },
      { ...same, id: 'ignored', url: 'http://new.gov.cn/x.html' },
    ];
    const plan = await planImport(read(exportJson(incoming)));
    expect(plan.identical.map((s) => s.id)).toEqual([same.id]);
    expect(plan.merged.map((s) => s.id)).toEqual([moreFlags.id]);
    expect(plan.conflicts.map((c) => c.incoming.id)).toEqual([differs.id, flagClash.id]);
    expect(plan.added.map((s) => s.url)).toEqual(['http://new.gov.cn/x.html']);

    // The page itself already has f-4 as the reader wrote it here.
    await restoreFlags(URL_A, [flag('f-4', 'mine')]);
    // The reader confirms only the flag clash.
    const applied = await applyImport(plan, new Set([flagClash.id]));
    expect(applied).toEqual({ ok: true, written: 4 });
    const byId = new Map((await listSnapshots()).map((s) => [s.id, s]));
    expect(byId.get(moreFlags.id)!.flags.map((f) => f.note)).toEqual(['b', 'theirs']);
    // Not confirmed: the stored report stays; the file's new flag is still added.
    expect(byId.get(differs.id)!.report.findings).toEqual([]);
    expect(byId.get(differs.id)!.flags.map((f) => f.note)).toEqual(['c', 'new']);
    // Confirmed: the file's version, its flag replacing the clashing one.
    expect(byId.get(flagClash.id)!.flags.map((f) => f.note)).toEqual(['theirs']);
    expect(byId.size).toBe(5);
    // Page flags gain the new ids; a page's own flag of the same id is not overwritten.
    expect((await listFlags(URL_B)).map((f) => f.note).sort()).toEqual(['b', 'c', 'new', 'theirs']);
    // An identical snapshot's flags join its page too (what repairs an import that failed half-way).
    expect((await listFlags(URL_A)).map((f) => f.note).sort()).toEqual(['a', 'mine']);
  });

  it('a failed write during import is reported, with nothing half-applied among the snapshots', async () => {
    const s = await save(URL_A);
    await fakeBrowser.storage.local.clear();
    const plan = await planImport(read(exportJson([s])));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await applyImport(plan)).toMatchObject({ ok: false, reason: 'quota' });
    expect(await listSnapshots()).toEqual([]);
  });
});
