// The single writer and the index: imports all or nothing and safe to repeat, duplicates' flags
// merged, only web addresses kept, and the index by agency and year kept in step with the
// snapshots (rebuilt when missing or invalid, never the reason a snapshot is lost).
import { describe, it, expect, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteSnapshot, findPreviousYear, getSnapshot, listSnapshots, listSummaries, saveSnapshot } from './snapshots';
import { addFlag, listFlags } from './flags';
import { exportJson } from './export';
import { applyImport, planImport } from './import';
import { listQuarantine } from './store';
import { CATALOG_IDS_KEY, CATALOG_META_KEY, summaryKey, summaryOf, yearKey } from './catalog';
import { seedReport } from './testing';
import { doubtfulFlag as flag, readImportText as read, saveSeedReport as save, URL_A, URL_B } from './testing-store';
import { useLocale } from '../../components/testing/i18n';

const AGENCY = '鹤岗市人民政府办公室';

const stored = async () => fakeBrowser.storage.local.get(null);
const keysOf = async (prefix: string) => Object.keys(await stored()).filter((k) => k.startsWith(prefix)).sort();

beforeEach(async () => {
  fakeBrowser.reset();
  await useLocale('zh_CN');
});

describe('the single writer', () => {
  it('keeps every flag when two tabs add ten each at the same moment', async () => {
    const tab = (name: string) => Array.from({ length: 10 }, (_, i) => addFlag(URL_A, { key: 'requests.newReceived.total', kind: 'doubtful', note: `${name}${i}` }));
    const results = await Promise.all([...tab('甲'), ...tab('乙')]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await listFlags(URL_A)).map((f) => f.note).sort()).toEqual([...Array.from({ length: 10 }, (_, i) => `乙${i}`), ...Array.from({ length: 10 }, (_, i) => `甲${i}`)].sort());
  });

  it('a snapshot saved from a tab that did not yet see a flag added in another keeps that flag', async () => {
    const added = await addFlag(URL_A, { key: 'requests.newReceived.total', kind: 'wrong', note: '另一个标签页' });
    if (!added.ok) throw new Error(added.message);
    const snapshot = await save(URL_A, {}, []);
    expect(snapshot.flags).toEqual([added.flag]);
  });

  it('saves and flags only web pages: javascript:, data: and file: addresses are refused', async () => {
    for (const url of ['javascript:alert(1)//x.gov.cn', 'data:text/html,<h1>年报</h1>', 'file:///home/reader/nb.html']) {
      const saved = await saveSnapshot({ report: seedReport(), url, title: 't', flags: [] });
      expect(saved).toMatchObject({ ok: false, reason: 'invalid' });
      expect(await addFlag(url, { key: 'requests.newReceived.total', kind: 'wrong', note: '' })).toMatchObject({ ok: false, reason: 'invalid' });
    }
    expect(await stored()).toEqual({});
  });
});

describe('import', () => {
  it('rejects entries whose link is not a web address, keeping the others', async () => {
    const good = await save(URL_A);
    const text = JSON.stringify({
      format: 'gongkai-lens/snapshots',
      version: 1,
      snapshots: [{ ...good, url: 'javascript:alert(document.cookie)' }, good, { ...good, url: 'data:text/html,x' }, { ...good, url: 'file:///C:/nb.html' }],
    });
    const file = read(text);
    expect(file.snapshots.map((s) => s.url)).toEqual([URL_A]);
    expect(file.rejected.map((r) => [r.index, r.reason.includes('only http(s) addresses')])).toEqual([[1, true], [3, true], [4, true]]);
  });

  it('merges the flags of a snapshot the file holds twice', async () => {
    const s = await save(URL_A);
    await fakeBrowser.storage.local.clear();
    const file = read(exportJson([{ ...s, flags: [flag('f-1', '第一份')] }, { ...s, flags: [flag('f-2', '第二份')] }]));
    const plan = await planImport(file);
    expect(plan.added.map((a) => a.flags.map((f) => f.note).sort())).toEqual([['第一份', '第二份']]);
    expect(await applyImport(plan)).toEqual({ ok: true, written: 1 });
    expect((await getSnapshot(s.id))!.flags.map((f) => f.note).sort()).toEqual(['第一份', '第二份']);
    expect((await listFlags(URL_A)).map((f) => f.note).sort()).toEqual(['第一份', '第二份']);
  });

  it('is all or nothing: storage full leaves no snapshot, no flag, no index entry; the retry writes everything', async () => {
    const a = await save(URL_A, {}, [flag('f-1', 'a')]);
    const b = await save(URL_B, { year: 2023 }, [flag('f-2', 'b')]);
    const text = exportJson([a, b]);
    await fakeBrowser.storage.local.clear();
    const plan = await planImport(read(text));

    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await applyImport(plan)).toMatchObject({ ok: false, reason: 'quota' });
    expect(await stored()).toEqual({});
    set.mockRestore();

    expect(await applyImport(await planImport(read(text)))).toEqual({ ok: true, written: 2 });
    expect((await listSnapshots()).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(await listFlags(URL_A)).toEqual([flag('f-1', 'a')]);
    expect(await listFlags(URL_B)).toEqual([flag('f-2', 'b')]);
    expect((await findPreviousYear(AGENCY, 2024))?.snapshot.id).toBe(b.id);
  });

  it('repairs what an import that stopped half-way left: snapshots stored, their flags missing from the pages', async () => {
    const a = await save(URL_A, {}, [flag('f-1', 'a')]);
    const text = exportJson([a]);
    await fakeBrowser.storage.local.remove(`flags:${URL_A}`);
    expect(await listFlags(URL_A)).toEqual([]);
    const plan = await planImport(read(text));
    expect(plan.identical).toHaveLength(1);
    expect(await applyImport(plan)).toEqual({ ok: true, written: 0 });
    expect(await listFlags(URL_A)).toEqual([flag('f-1', 'a')]);
    // And once more: nothing changes.
    expect(await applyImport(await planImport(read(text)))).toEqual({ ok: true, written: 0 });
    expect(await listFlags(URL_A)).toEqual([flag('f-1', 'a')]);
  });
});

describe('the index by agency and year', () => {
  it('is written with every save and delete: findPreviousYear reads two small records and one snapshot', async () => {
    const old = await save(URL_A, { year: 2023 }, [], '2024-02-01T00:00:00.000Z');
    const latest = await save(`${URL_A}?v=2`, { year: 2023, change: { 'requests.carriedForward.total': 2 } }, [], '2025-02-01T00:00:00.000Z');
    await save(URL_B, { year: 2023, agency: '鹤岗市财政局' });
    expect(await keysOf('catalog:year:')).toEqual([yearKey(AGENCY, 2023), yearKey('鹤岗市财政局', 2023)].sort());

    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect((await findPreviousYear(AGENCY, 2024))?.snapshot.id).toBe(latest.id);
    expect(get.mock.calls).toEqual([[[CATALOG_META_KEY, yearKey(AGENCY, 2023)]], [[`snapshot:${latest.id}`]]]);
    get.mockRestore();

    expect((await deleteSnapshot(latest.id)).ok).toBe(true);
    expect((await findPreviousYear(AGENCY, 2024))?.snapshot.id).toBe(old.id);
    expect((await deleteSnapshot(old.id)).ok).toBe(true);
    expect(await findPreviousYear(AGENCY, 2024)).toBeNull();
    expect(await keysOf('catalog:year:')).toEqual([yearKey('鹤岗市财政局', 2023)]);
  });

  it('lists the summaries the Snapshots page shows, newest first, without reading the snapshots', async () => {
    await save(URL_A, { year: 2023 }, [flag('f-1', '注')], '2024-02-01T00:00:00.000Z');
    await save(URL_B, {}, [], '2025-02-01T00:00:00.000Z');
    const all = await listSnapshots();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await listSummaries()).toEqual(all.map(summaryOf));
    expect(get.mock.calls.map(([keys]) => [...(keys as string[])].sort())).toEqual([[CATALOG_IDS_KEY, CATALOG_META_KEY], all.map((s) => summaryKey(s.id)).sort()]);
  });

  it('a save writes its snapshot and only the index keys it changes, in one set', async () => {
    for (let i = 0; i < 5; i++) await save(`${URL_A}?n=${i}`, { year: 2020 + i, agency: `机关${i}` });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const saved = await save(URL_B, { year: 2023 });
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0]).sort()).toEqual(
      [`snapshot:${saved.id}`, CATALOG_META_KEY, CATALOG_IDS_KEY, summaryKey(saved.id), yearKey(AGENCY, 2023)].sort(),
    );
  });

  it('lists the other summaries when one is damaged, and rebuilds it', async () => {
    const a = await save(URL_A, { year: 2023 });
    const b = await save(URL_B);
    await fakeBrowser.storage.local.set({ [summaryKey(a.id)]: { id: a.id } });
    expect((await listSummaries()).map((s) => s.id)).toEqual([b.id]);
    await vi.waitFor(async () => expect((await listSummaries()).map((s) => s.id).sort()).toEqual([a.id, b.id].sort()));
  });

  it('is rebuilt from the snapshots when missing (saved before the index existed) or invalid; nothing is dropped', async () => {
    const a = await save(URL_A, { year: 2023 }, [flag('f-1', 'a')]);
    const b = await save(URL_B);
    const snapshotsAsSaved = await stored();
    // An install from before the index: only snapshots and flags in storage.
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.local.set(Object.fromEntries(Object.entries(snapshotsAsSaved).filter(([k]) => !k.startsWith('catalog:'))));
    expect((await findPreviousYear(AGENCY, 2024))?.snapshot.id).toBe(a.id);
    expect((await listSummaries()).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect((await getSnapshot(a.id))!.flags).toEqual([flag('f-1', 'a')]);

    // An index that no longer parses, and a year record of another agency under this key.
    await fakeBrowser.storage.local.set({ [CATALOG_IDS_KEY]: { format: 1, ids: 'garbage' } });
    expect((await listSummaries()).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    await fakeBrowser.storage.local.set({ [yearKey(AGENCY, 2023)]: { format: 1, agency: '别的机关', year: 2023, snapshots: [] } });
    expect((await findPreviousYear(AGENCY, 2024))?.snapshot.id).toBe(a.id);
    expect(await listQuarantine()).toEqual([]);
  });

  it('is repaired by a full listing when a snapshot was written around it', async () => {
    const a = await save(URL_A, { year: 2023 });
    const b = await save(URL_B, { year: 2023, change: { 'requests.carriedForward.total': 2 } }, [], '2025-03-01T00:00:00.000Z');
    const raw = (await stored())[`snapshot:${b.id}`];
    expect((await deleteSnapshot(b.id)).ok).toBe(true);
    // b comes back by another way than the writer (an older version's write, a sync): the index misses it.
    await fakeBrowser.storage.local.set({ [`snapshot:${b.id}`]: raw });
    expect((await findPreviousYear(AGENCY, 2024))?.snapshot.id).toBe(a.id);
    expect((await listSnapshots()).map((s) => s.id)).toEqual([b.id, a.id]);
    // The listing asks the writer to rebuild the index, and does not wait for it.
    await vi.waitFor(async () => expect((await findPreviousYear(AGENCY, 2024))?.snapshot.id).toBe(b.id));
  });

  it('a corrupted snapshot is quarantined and leaves the index with it', async () => {
    const a = await save(URL_A, { year: 2023 });
    await fakeBrowser.storage.local.set({ [`snapshot:${a.id}`]: { ...a, report: { broken: true } } });
    expect(await findPreviousYear(AGENCY, 2024)).toBeNull();
    expect((await listQuarantine()).map((q) => q.key)).toEqual([`snapshot:${a.id}`]);
    expect(await listSummaries()).toEqual([]);
    expect(await keysOf('catalog:year:')).toEqual([]);
  });
});
