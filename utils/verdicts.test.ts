import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabVerdict } from './verdicts';

const entry: TabVerdict = {
  verdict: { isReport: true, errors: 7, warnings: 1, infos: 0, agency: '盘锦市双台子区人民政府办公室', year: 2023 },
  frameId: 0,
  documentId: 'D0C',
};

/** A fresh module: what a restarted service worker starts with (nothing in memory). */
const restartedWorker = async () => {
  vi.resetModules();
  return import('./verdicts');
};

describe('tab verdicts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('survives a restart of the service worker through storage.session', async () => {
    const before = await restartedWorker();
    await before.setTabVerdict(12, entry);
    await before.setTabVerdict(13, { ...entry, frameId: 3, documentId: undefined });
    const after = await restartedWorker();
    expect(await after.tabVerdict(12)).toEqual(entry);
    expect(await after.tabVerdict(13)).toEqual({ verdict: entry.verdict, frameId: 3 });
    expect(await after.tabVerdict(14)).toBeNull();
  });

  it('forgets a tab for good', async () => {
    const worker = await restartedWorker();
    await worker.setTabVerdict(12, entry);
    await worker.setTabVerdict(12, null);
    expect(await worker.tabVerdict(12)).toBeNull();
    expect(await (await restartedWorker()).tabVerdict(12)).toBeNull();
  });

  it('drops stored entries that do not fit instead of failing', async () => {
    await fakeBrowser.storage.session.set({ verdicts: { 12: entry, 13: { verdict: { isReport: 'yes' }, frameId: 0 }, 14: 'garbage' } });
    const worker = await restartedWorker();
    expect(await worker.tabVerdict(12)).toEqual(entry);
    expect(await worker.tabVerdict(13)).toBeNull();
    expect(await worker.tabVerdict(14)).toBeNull();
  });

  it('accepts only verdicts an analyzer can honestly send', async () => {
    const { VerdictSchema } = await restartedWorker();
    expect(VerdictSchema.safeParse(entry.verdict).success).toBe(true);
    expect(VerdictSchema.safeParse({ ...entry.verdict, errors: -1 }).success).toBe(false);
    expect(VerdictSchema.safeParse({ ...entry.verdict, errors: 1.5 }).success).toBe(false);
    expect(VerdictSchema.safeParse({ ...entry.verdict, agency: 'x'.repeat(201) }).success).toBe(false);
    expect(VerdictSchema.safeParse({ ...entry.verdict, year: null, agency: null }).success).toBe(true);
  });
});
