import { describe, it, expect, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addFlag, listFlags, removeFlag, resolveFlags, restoreFlags, updateFlag, watchFlags } from './flags';
import { listQuarantine } from './store';
import { useLocale } from '../../components/testing/i18n';

const URL_2024 = 'http://www.hegang.gov.cn/zwgk/gknb/2025/01/24/000.html';
const CELL = 'requests.totalProcessed.natural';

describe('flags', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
  });

  it('keeps a flag per page URL, anchored by canonical key, across reads (a reload)', async () => {
    const added = await addFlag(URL_2024, { key: CELL, kind: 'wrong', note: '应为 12' });
    expect(added.ok).toBe(true);
    expect(await listFlags(URL_2024)).toEqual([
      { id: expect.stringMatching(/^f-[0-9a-f]{18}$/), key: CELL, kind: 'wrong', note: '应为 12', createdAt: expect.any(String) },
    ]);
    // The #fragment is the same page; another page has its own flags.
    expect(await listFlags(`${URL_2024}#table3`)).toHaveLength(1);
    expect(await listFlags('http://www.hegang.gov.cn/other.html')).toEqual([]);
  });

  it('updates kind and note, and refuses a flag that is not on a canonical key', async () => {
    const added = await addFlag(URL_2024, { key: CELL, kind: 'doubtful', note: '' });
    if (!added.ok) throw new Error(added.message);
    const updated = await updateFlag(URL_2024, added.flag.id, { kind: 'wrong', note: '与正文不符' });
    expect(updated).toMatchObject({ ok: true, flag: { kind: 'wrong', note: '与正文不符', updatedAt: expect.any(String) } });
    expect((await listFlags(URL_2024))[0]).toMatchObject({ kind: 'wrong', note: '与正文不符' });

    const bad = await addFlag(URL_2024, { key: 'body > table:nth-child(3) td', kind: 'wrong', note: '' });
    expect(bad).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await updateFlag(URL_2024, 'f-none', { note: 'x' })).toMatchObject({ ok: false, reason: 'missing', message: expect.stringContaining('找不到') });
  });

  it('removes a flag and puts the same flag back on undo', async () => {
    const a = await addFlag(URL_2024, { key: CELL, kind: 'wrong', note: 'a' });
    await addFlag(URL_2024, { key: 'appeals.review.total', kind: 'doubtful', note: 'b' });
    if (!a.ok) throw new Error(a.message);
    const removed = await removeFlag(URL_2024, a.flag.id);
    if (!removed.ok) throw new Error(removed.message);
    expect((await listFlags(URL_2024)).map((f) => f.note)).toEqual(['b']);
    await restoreFlags(URL_2024, [removed.removed]);
    expect(await listFlags(URL_2024)).toContainEqual(a.flag);
  });

  it('keeps every flag when many are added at once', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((note) => addFlag(URL_2024, { key: CELL, kind: 'doubtful', note })));
    expect((await listFlags(URL_2024)).map((f) => f.note).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts flags into anchored and orphaned by the keys the page still has, dropping none', async () => {
    await addFlag(URL_2024, { key: CELL, kind: 'wrong', note: 'on the page' });
    await addFlag(URL_2024, { key: 'appeals.review.total', kind: 'doubtful', note: 'table gone' });
    const { anchored, orphaned } = resolveFlags(await listFlags(URL_2024), ['requests.totalProcessed.natural', 'requests.newReceived.total']);
    expect(anchored.map((f) => f.note)).toEqual(['on the page']);
    expect(orphaned.map((f) => f.note)).toEqual(['table gone']);
  });

  it('reports a failed write (quota) and keeps the flags already stored', async () => {
    await addFlag(URL_2024, { key: CELL, kind: 'wrong', note: 'kept' });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const failed = await addFlag(URL_2024, { key: CELL, kind: 'doubtful', note: 'lost?' });
    expect(failed).toEqual({ ok: false, reason: 'quota', message: expect.stringContaining('存储空间已满') });
    expect((await listFlags(URL_2024)).map((f) => f.note)).toEqual(['kept']);
  });

  it('quarantines a corrupted flags record instead of dropping it, and starts afresh', async () => {
    const raw = { format: 1, url: URL_2024, flags: [{ id: 'x', key: CELL, kind: 'maybe' }] };
    await fakeBrowser.storage.local.set({ [`flags:${URL_2024}`]: raw });
    expect(await listFlags(URL_2024)).toEqual([]);
    expect(await listQuarantine()).toEqual([
      expect.objectContaining({ key: `flags:${URL_2024}`, raw, reason: expect.stringContaining('kind'), at: expect.any(String) }),
    ]);
    expect((await addFlag(URL_2024, { key: CELL, kind: 'wrong', note: 'new' })).ok).toBe(true);
    expect(await listFlags(URL_2024)).toHaveLength(1);
  });

  it('tells a watcher when another part changes the flags', async () => {
    const seen: number[] = [];
    const stop = watchFlags(URL_2024, (flags) => seen.push(flags.length));
    await addFlag(URL_2024, { key: CELL, kind: 'wrong', note: '' });
    await vi.waitFor(() => expect(seen).toEqual([1]));
    stop();
  });
});
