import { describe, it, expect, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteSnapshot, findPreviousYear, getSnapshot, listSnapshots, restoreSnapshot, saveSnapshot, versionsOf, watchSnapshotsOf } from './snapshots';
import { compareSnapshots, agencyYears, filterSnapshots, facets } from './query';
import { SNAPSHOT_MIGRATIONS, SnapshotSchema, type MigrationTable, type Flag } from './schema';
import { listQuarantine } from './store';
import { finding, seedReport } from './testing';
import { useLocale } from '../../components/testing/i18n';
import { tablesHash } from './hash';

const URL_2024 = 'http://www.hegang.gov.cn/zwgk/gknb/2025/01/24/000.html';
const URL_2023 = 'http://www.hegang.gov.cn/zwgk/gknb/2024/01/30/999.html';
const AGENCY = '鹤岗市人民政府办公室';
const flag: Flag = { id: 'f-1', key: 'requests.totalProcessed.natural', kind: 'doubtful', note: '核对原件', createdAt: '2025-02-01T02:00:00.000Z' };

async function save(report = seedReport(), url = URL_2024, flags: Flag[] = [], at = '2025-02-01T02:00:00.000Z') {
  const result = await saveSnapshot({ report, url, title: report.title, flags }, new Date(at));
  if (!result.ok) throw new Error(result.message);
  return result;
}

const stored = async () => Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('snapshot:'));

describe('saving snapshots', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
  });

  it('stores the report with its URL, title, flags, time and a hash of the tables', async () => {
    const { status, snapshot } = await save(seedReport(), `${URL_2024}#tb3`, [flag]);
    expect(status).toBe('saved');
    expect(snapshot).toMatchObject({ format: 1, url: URL_2024, title: `${AGENCY}2024年政府信息公开工作年度报告`, savedAt: '2025-02-01T02:00:00.000Z', flags: [flag] });
    expect(snapshot.hash).toMatch(/^[0-9a-f]{14}$/);
    expect(await listSnapshots()).toEqual([snapshot]);
    expect(SnapshotSchema.parse((await fakeBrowser.storage.local.get(`snapshot:${snapshot.id}`))[`snapshot:${snapshot.id}`])).toEqual(snapshot);
  });

  it('does not duplicate the same unchanged report, and refreshes flags in place', async () => {
    const first = await save();
    expect((await save(seedReport(), URL_2024, [], '2025-03-01T00:00:00.000Z')).status).toBe('unchanged');
    const again = await save(seedReport(), URL_2024, [flag], '2025-03-02T00:00:00.000Z');
    expect(again.status).toBe('updated');
    expect(again.snapshot).toMatchObject({ id: first.snapshot.id, savedAt: first.snapshot.savedAt, updatedAt: '2025-03-02T00:00:00.000Z', flags: [flag] });
    expect(await stored()).toHaveLength(1);
  });

  it('hashes only the tables: a new finding is an update, a changed figure a new version', async () => {
    const first = await save();
    const withFinding = seedReport({ findings: [finding('DATE-LATE', 'info', 'requests')] });
    expect(tablesHash(withFinding)).toBe(first.snapshot.hash);
    expect((await save(withFinding)).status).toBe('updated');

    const changed = await save(seedReport({ change: { 'requests.carriedForward.total': 3 } }), URL_2024, [], '2025-04-01T00:00:00.000Z');
    expect(changed.status).toBe('saved');
    expect(changed.snapshot.id).not.toBe(first.snapshot.id);
    expect((await versionsOf(URL_2024)).map((s) => s.savedAt)).toEqual(['2025-02-01T02:00:00.000Z', '2025-04-01T00:00:00.000Z']);
  });

  it('loses nothing when tabs save at once: identical saves are one entry, different ones all kept', async () => {
    await Promise.all([save(), save(), save()]);
    expect(await stored()).toHaveLength(1);
    await Promise.all(
      [1, 2, 3, 4].map((n) => save(seedReport({ change: { 'requests.newReceived.natural': 10 + n } }), URL_2024, [], `2025-05-0${n}T00:00:00.000Z`)),
    );
    expect(await stored()).toHaveLength(5);
    expect((await versionsOf(URL_2024)).length).toBe(5);
  });

  it('returns a clear quota failure and keeps what was stored', async () => {
    const first = await save();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('Resource::kQuotaBytes quota exceeded'));
    const changed = seedReport({ change: { 'appeals.review.total': 2 } });
    const result = await saveSnapshot({ report: changed, url: URL_2024, title: null, flags: [] });
    expect(result).toEqual({ ok: false, reason: 'quota', message: expect.stringContaining('存储空间已满') });
    expect(await listSnapshots()).toEqual([first.snapshot]);
    // The caller's report is untouched and can be saved once there is room.
    expect((await saveSnapshot({ report: changed, url: URL_2024, title: null, flags: [] })).ok).toBe(true);
  });

  it('reports any other failed write as such, with the browser’s words', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error: .ldb file missing'));
    expect(await saveSnapshot({ report: seedReport(), url: URL_2024, title: null, flags: [] })).toEqual({
      ok: false, reason: 'write', message: expect.stringContaining('IO error: .ldb file missing'),
    });
  });

  it('refuses a report that does not fit the schema, without writing', async () => {
    const bad = { ...seedReport(), year: '2024' } as unknown as ReturnType<typeof seedReport>;
    expect(await saveSnapshot({ report: bad, url: URL_2024, title: null, flags: [] })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await stored()).toEqual([]);
  });

  it('deletes with undo', async () => {
    const { snapshot } = await save();
    const deleted = await deleteSnapshot(snapshot.id);
    if (!deleted.ok) throw new Error(deleted.message);
    expect(await listSnapshots()).toEqual([]);
    await restoreSnapshot(deleted.removed);
    expect(await listSnapshots()).toEqual([snapshot]);
    expect(await deleteSnapshot('nope')).toMatchObject({ ok: false, reason: 'missing' });
  });
});

describe('reading snapshots back', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
  });

  it('quarantines a corrupted entry with its raw value and reason while the others load', async () => {
    const good = await save();
    const other = await save(seedReport({ year: 2023 }), URL_2023);
    const corrupted = { ...good.snapshot, id: 'x-1', report: { ...good.snapshot.report, requests: 'garbage' } };
    await fakeBrowser.storage.local.set({ 'snapshot:x-1': corrupted, 'snapshot:x-2': 'not even an object' });

    expect((await listSnapshots()).map((s) => s.id).sort()).toEqual([good.snapshot.id, other.snapshot.id].sort());
    const quarantined = await listQuarantine();
    expect(quarantined).toHaveLength(2);
    expect(quarantined).toContainEqual(expect.objectContaining({ key: 'snapshot:x-1', raw: corrupted, reason: expect.stringContaining('requests') }));
    expect(quarantined).toContainEqual(expect.objectContaining({ key: 'snapshot:x-2', raw: 'not even an object', reason: 'not an object' }));
    expect(await stored()).not.toContain('snapshot:x-1');
    // Read again: nothing is quarantined twice, nothing lost.
    expect(await listSnapshots()).toHaveLength(2);
    expect(await listQuarantine()).toHaveLength(2);
  });

  it('quarantines a value once when several pages read it at the same time', async () => {
    await save();
    await fakeBrowser.storage.local.set({ 'snapshot:x-1': { format: 1, id: 'x-1' } });
    await Promise.all([listSnapshots(), listSnapshots(), listSnapshots()]);
    expect((await listQuarantine()).map((q) => q.key)).toEqual(['snapshot:x-1']);
    // A different bad value later found under the same key is kept as well.
    await fakeBrowser.storage.local.set({ 'snapshot:x-1': { format: 1, id: 'x-1', other: true } });
    await listSnapshots();
    expect((await listQuarantine()).map((q) => q.key)).toEqual(['snapshot:x-1', 'snapshot:x-1']);
  });

  it('leaves a corrupted entry where it is when the quarantine cannot be written (storage full)', async () => {
    const { snapshot } = await save();
    await fakeBrowser.storage.local.set({ 'snapshot:x-1': 'broken' });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await listSnapshots()).toEqual([snapshot]);
    expect(await listQuarantine()).toEqual([]);
    expect(await stored()).toContain('snapshot:x-1');
  });

  it('quarantines an entry of a format newer than this version', async () => {
    const { snapshot } = await save();
    await fakeBrowser.storage.local.set({ 'snapshot:future': { ...snapshot, format: 9 } });
    expect(await listSnapshots()).toHaveLength(1);
    expect(await listQuarantine()).toEqual([expect.objectContaining({ key: 'snapshot:future', reason: expect.stringContaining('newer') })]);
  });

  it('also quarantines a corrupted entry met by getSnapshot', async () => {
    await fakeBrowser.storage.local.set({ 'snapshot:x-1': { format: 1, id: 'x-1' } });
    expect(await getSnapshot('x-1')).toBeNull();
    expect(await listQuarantine()).toHaveLength(1);
  });

  // There is no older released format yet (SNAPSHOT_MIGRATIONS has no steps): the machinery is
  // tested with an injected registry that pretends today's shape is v3 and had two older formats.
  describe('migrations (injected test registry)', () => {
    const registry: MigrationTable = {
      current: 3,
      steps: {
        // v1 → v2: `page` was renamed `url`
        1: ({ page, ...rest }) => ({ ...rest, url: page }),
        // v2 → v3: `when` (ms) became `savedAt` (ISO)
        2: ({ when, ...rest }) => ({ ...rest, savedAt: new Date(when as number).toISOString() }),
      },
    };

    /** Runs `run` with `table` as the store's snapshot registry (every reader and the writer use it). */
    async function withRegistry<T>(table: MigrationTable, run: () => Promise<T>): Promise<T> {
      const real = { ...SNAPSHOT_MIGRATIONS };
      Object.assign(SNAPSHOT_MIGRATIONS, table);
      try {
        return await run();
      } finally {
        Object.assign(SNAPSHOT_MIGRATIONS, real);
      }
    }

    it('the real registry is at format 1 with no steps yet', () => {
      expect(SNAPSHOT_MIGRATIONS).toEqual({ current: 1, steps: {} });
    });

    it('walks every step from an entry’s version to the current one, and writes it back', async () => {
      const { snapshot } = await save();
      const { url, savedAt, ...rest } = snapshot;
      const v1 = { ...rest, format: 1, page: url, when: Date.parse(savedAt) };
      const v2 = { ...rest, format: 2, url, when: Date.parse(savedAt) };
      await fakeBrowser.storage.local.set({ [`snapshot:${snapshot.id}`]: v1, 'snapshot:other': { ...v2, id: 'other' } });

      const loaded = await withRegistry(registry, () => listSnapshots());
      expect(loaded).toEqual([{ ...snapshot, format: 3 }, { ...snapshot, id: 'other', format: 3 }]);
      expect(await fakeBrowser.storage.local.get([`snapshot:${snapshot.id}`, 'snapshot:other'])).toEqual({
        [`snapshot:${snapshot.id}`]: { ...snapshot, format: 3 },
        'snapshot:other': { ...snapshot, id: 'other', format: 3 },
      });
      expect(await listQuarantine()).toEqual([]);
    });

    it('quarantines an entry whose step is missing or throws, keeping its raw value; the others load', async () => {
      const { snapshot } = await save();
      const noStep = { ...snapshot, id: 'no-step', format: 1 };
      await fakeBrowser.storage.local.set({ 'snapshot:no-step': noStep, [`snapshot:${snapshot.id}`]: { ...snapshot, format: 3 } });
      const broken: MigrationTable = { current: 3, steps: { 2: () => { throw new Error('boom'); } } };
      await fakeBrowser.storage.local.set({ 'snapshot:throws': { ...snapshot, id: 'throws', format: 2 } });

      expect((await withRegistry(broken, () => listSnapshots())).map((s) => s.id)).toEqual([snapshot.id]);
      const reasons = Object.fromEntries((await listQuarantine()).map((q) => [q.key, q.reason]));
      expect(reasons).toEqual({ 'snapshot:no-step': 'no migration from format 1', 'snapshot:throws': 'migration from format 2 failed: boom' });
      expect((await listQuarantine()).find((q) => q.key === 'snapshot:no-step')?.raw).toEqual(noStep);
    });
  });
});

describe('watching an agency’s snapshots of one year', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
  });

  it('calls back when one is saved, updated or removed (in any tab), not for another year or agency, and stops when unwatched', async () => {
    const changed = vi.fn();
    const unwatch = watchSnapshotsOf(` ${AGENCY}`, 2023, changed);
    await save(); // 2024
    await save(seedReport({ year: 2023, agency: '萝北县人民政府办公室' }), URL_2023);
    expect(changed).not.toHaveBeenCalled();

    const { snapshot } = await save(seedReport({ year: 2023 }), URL_2023);
    expect(changed).toHaveBeenCalledTimes(1);
    await save(seedReport({ year: 2023 }), URL_2023, [flag]);
    expect(changed).toHaveBeenCalledTimes(2);
    await deleteSnapshot(snapshot.id);
    expect(changed).toHaveBeenCalledTimes(3);

    unwatch();
    await save(seedReport({ year: 2023 }), URL_2023);
    expect(changed).toHaveBeenCalledTimes(3);
  });
});
