// Test support that writes through the store (unit tests only: the store needs WXT's #imports,
// which the browser tests' runner does not provide; utils/snapshots/testing.ts is for both).
import { saveSnapshot } from './snapshots';
import { readImportFile, type ImportFile } from './import';
import type { Flag, Snapshot } from './schema';
import { seedReport, type ReportOptions } from './testing';

/** Two pages of one site, for snapshots and flags kept apart. */
export const URL_A = 'http://www.hegang.gov.cn/zwgk/gknb/a.html';
export const URL_B = 'http://www.hegang.gov.cn/zwgk/gknb/b.html';

/** A "doubtful" flag on 表三's first total, with its note. */
export const doubtfulFlag = (id: string, note: string): Flag => ({ id, key: 'requests.newReceived.total', kind: 'doubtful', note, createdAt: '2025-02-01T00:00:00.000Z' });

/** Saves seed 000's report (with `opts`) for `url` with `flags`, at `at`; throws if it is not saved. */
export async function saveSeedReport(url: string, opts: ReportOptions = {}, flags: Flag[] = [], at = '2025-02-01T00:00:00.000Z'): Promise<Snapshot> {
  const r = await saveSnapshot({ report: seedReport(opts), url, title: 't', flags }, new Date(at));
  if (!r.ok) throw new Error(r.message);
  return r.snapshot;
}

/** An export file's text, read; throws if it does not read. */
export function readImportText(text: string): ImportFile {
  const r = readImportFile(text);
  if (!r.ok) throw new Error(r.message);
  return r.file;
}
