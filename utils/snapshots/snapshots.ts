// Saved reports: one storage key per snapshot, its id derived from the page URL and the tables'
// hash. Saving the same tables again writes the same key (no duplicate); changed tables are a new
// version. Every change goes through the single writer (./writer.ts), which keeps the index
// (./catalog.ts) in step: finding last year's report reads one small record and one snapshot, and
// the Snapshots list reads the summaries, not every snapshot.
import { ReportSchema, type Report } from '../../lib/report/schema';
import { pageKey } from './hash';
import { FlagSchema, SNAPSHOT_MIGRATIONS, SnapshotSchema, readStored, type Flag, type Snapshot } from './schema';
import { PREFIX, failure, readAll, storedKeys, watchAll, type Result } from './store';
import { loadSnapshots, quarantine, requestWrite, snapshotKey } from './writer';
import { CATALOG_IDS_KEY, CATALOG_META_KEY, readIds, readSummary, readYear, summaryKey, yearKey, type SnapshotSummary } from './catalog';
import { browser } from 'wxt/browser';
import { z } from 'zod';

export interface SaveInput {
  report: Report;
  /** The page's URL (the flags' key); its #fragment is dropped. Only http(s) pages are saved. */
  url: string;
  /** The page's title as shown in the tab. */
  title: string | null;
  /** The page's flags as they are now (listFlags(url)); the page's stored flags join them. */
  flags: Flag[];
}

/** 'saved': a new snapshot (or a new version of the URL); 'updated': same tables, new flags or findings. */
export type SaveStatus = 'saved' | 'updated' | 'unchanged';

export async function saveSnapshot(input: SaveInput, now = new Date()): Promise<Result<{ status: SaveStatus; snapshot: Snapshot }>> {
  const checked = z.strictObject({ report: ReportSchema, flags: z.array(FlagSchema) }).safeParse({ report: input.report, flags: input.flags });
  if (!checked.success) return failure('invalid', z.prettifyError(checked.error));
  const { report, flags } = checked.data;
  return requestWrite({ op: 'saveSnapshot', input: { report, flags, url: input.url, title: input.title }, now: now.toISOString() });
}

/** A stored snapshot, or null when absent; a corrupted one is quarantined and reads as absent. */
export async function getSnapshot(id: string): Promise<Snapshot | null> {
  return (await loadSnapshots([id])).get(id) ?? null;
}

/** Stored snapshots by id, in the order asked (absent ones left out; corrupted ones quarantined): one storage read. */
export async function getSnapshots(ids: readonly string[]): Promise<Snapshot[]> {
  const found = await loadSnapshots([...new Set(ids)]);
  return ids.flatMap((id) => found.get(id) ?? []);
}

/**
 * Snapshots stored around the index (put in storage by hand, or removed by hand), which
 * `listSummaries` cannot see: found by their keys (every value read only where the browser cannot
 * list keys), and the index rebuilt, which validates them and quarantines the bad ones. Resolves
 * true when it rebuilt. The Snapshots page runs it once, after its list is shown.
 */
export async function checkIndex(): Promise<boolean> {
  const keys = (await storedKeys()) ?? Object.keys(await browser.storage.local.get(null));
  const stored = new Set(keys.filter((key) => key.startsWith(PREFIX.snapshot)).map((key) => key.slice(PREFIX.snapshot.length)));
  const values = await browser.storage.local.get([CATALOG_META_KEY, CATALOG_IDS_KEY]);
  const ids = readIds(values[CATALOG_META_KEY], values[CATALOG_IDS_KEY]);
  if (ids && ids.length === stored.size && ids.every((id) => stored.has(id))) return false;
  return (await requestWrite({ op: 'rebuildIndex' })).ok;
}

/**
 * Every snapshot, newest first. Entries that fail migration or validation are quarantined; the
 * others load. Migrated entries are written back in the current format (the original stays in
 * memory only, so a failed write-back changes nothing). When the index does not list exactly the
 * snapshots found, it is rebuilt.
 */
export async function listSnapshots(): Promise<Snapshot[]> {
  const started = startMeasure('gkl:list-snapshots');
  const snapshots: Snapshot[] = [];
  const upgraded: Snapshot[] = [];
  const all = await readAll('');
  const values = new Map(all);
  for (const [key, raw] of all) {
    if (!key.startsWith(PREFIX.snapshot)) continue;
    const stored = readStored(raw, SNAPSHOT_MIGRATIONS, SnapshotSchema);
    if (!stored.ok) {
      await quarantine(key, raw, stored.reason);
      continue;
    }
    snapshots.push(stored.value);
    if (stored.migrated) upgraded.push(stored.value);
  }
  if (upgraded.length) await requestWrite({ op: 'putSnapshots', snapshots: upgraded });
  const indexed = new Set(readIds(values.get(CATALOG_META_KEY), values.get(CATALOG_IDS_KEY)));
  const summarised = (s: Snapshot) => readSummary(values.get(summaryKey(s.id)))?.savedAt === s.savedAt;
  // Not awaited: the listing is right already; the writer rebuilds after the change in progress, if any.
  if (indexed.size !== snapshots.length || snapshots.some((s) => !indexed.has(s.id) || !summarised(s))) void requestWrite({ op: 'rebuildIndex' });
  measure('gkl:list-snapshots', started);
  return snapshots.sort(newestFirst);
}

export const newestFirst = (a: Pick<Snapshot, 'savedAt' | 'id'>, b: Pick<Snapshot, 'savedAt' | 'id'>) => b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id);

/** A named duration on the page's performance timeline (read by `npm run bench`), from a mark as the analyzer's. */
const startMeasure = (name: string) => performance.mark(`${name}:start`).name;
const measure = (name: string, start: string) => void performance.measure(name, start);

/**
 * What the Snapshots list shows, newest first, from the index (one read, whatever the number of
 * snapshots): `filterSnapshots` and `facets` take these as they take snapshots; `getSnapshot` loads one whole.
 */
export async function listSummaries(): Promise<SnapshotSummary[]> {
  const started = startMeasure('gkl:list-summaries');
  const readIndex = async () => {
    const values = await browser.storage.local.get([CATALOG_META_KEY, CATALOG_IDS_KEY]);
    return readIds(values[CATALOG_META_KEY], values[CATALOG_IDS_KEY]);
  };
  let ids = await readIndex();
  if (!ids) {
    await requestWrite({ op: 'rebuildIndex' });
    ids = (await readIndex()) ?? [];
  }
  const values = ids.length ? await browser.storage.local.get(ids.map(summaryKey)) : {};
  const summaries = ids.flatMap((id) => readSummary(values[summaryKey(id)]) ?? []);
  // A summary missing or damaged: listed without it now, the index rebuilt for the next time.
  if (summaries.length !== ids.length) void requestWrite({ op: 'rebuildIndex' });
  measure('gkl:list-summaries', started);
  return summaries.sort(newestFirst);
}

/** Removes a snapshot and hands it back for "undo" (`restoreSnapshot`). */
export const deleteSnapshot = (id: string): Promise<Result<{ removed: Snapshot }>> => requestWrite({ op: 'deleteSnapshot', id });

/** Writes snapshots back as they are (undo of a delete). */
export async function putSnapshots(snapshots: Snapshot[]): Promise<Result> {
  if (snapshots.length === 0) return { ok: true };
  return requestWrite({ op: 'putSnapshots', snapshots });
}

export const restoreSnapshot = (snapshot: Snapshot): Promise<Result> => putSnapshots([snapshot]);

/** All saved versions of one page, oldest first. */
export async function versionsOf(url: string): Promise<Snapshot[]> {
  const page = pageKey(url);
  const ids = (await listSummaries()).filter((s) => s.url === page).map((s) => s.id);
  return [...(await loadSnapshots(ids)).values()].sort((a, b) => -newestFirst(a, b));
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The local calendar date of an ISO time, as the reader's own clock shows it. */
export function localDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
/** Local "YYYY-MM-DD HH:mm" (which Excel and WPS also read as a date-time). */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  return `${localDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The snapshot ids of an agency's year, latest saved first, from the index (rebuilt first if it must be). */
async function idsOfYear(agency: string, year: number): Promise<string[]> {
  const key = yearKey(agency, year);
  for (let attempt = 0; ; attempt++) {
    const values = await browser.storage.local.get([CATALOG_META_KEY, key]);
    const ids = readYear(values[CATALOG_META_KEY], values[key], agency, year);
    if (ids) return ids;
    if (attempt > 0 || !(await requestWrite({ op: 'rebuildIndex' })).ok) return [];
  }
}

/**
 * Last year's report of the same agency, for the analyzer's `previous` option (YOY-CARRY,
 * YOY-STOCK): the latest saved snapshot of `agency` for `year − 1`, with a label naming it.
 * Reads the index's record of that year and that snapshot only.
 */
export async function findPreviousYear(agency: string, year: number): Promise<{ report: Report; label: string; snapshot: Snapshot } | null> {
  const started = startMeasure('gkl:find-previous-year');
  const name = agency.trim();
  const ids = await idsOfYear(name, year - 1);
  let match: Snapshot | undefined;
  for (const id of ids) {
    match = (await loadSnapshots([id])).get(id);
    if (match && isReportOf(match, name, year - 1)) break;
    match = undefined;
  }
  measure('gkl:find-previous-year', started);
  if (!match) return null;
  // A data label stored in the finding's `against`, in the report's own language like its `message`.
  const label = `${name} ${year - 1} 年报，保存于 ${localDate(match.savedAt)}`;
  return { report: match.report, label, snapshot: match };
}

const isReportOf = (snapshot: Snapshot, agency: string, year: number) => snapshot.report.agency?.trim() === agency.trim() && snapshot.report.year === year;

/**
 * Calls back when a snapshot of `agency`'s `year` report is saved, changed or removed, in any tab
 * (so the next year's open page can re-check its YOY rules against it); returns the unwatch.
 */
export function watchSnapshotsOf(agency: string, year: number, onChange: () => void): () => void {
  const isOf = (raw: unknown) => {
    if (raw == null) return false;
    const stored = readStored(raw, SNAPSHOT_MIGRATIONS, SnapshotSchema);
    return stored.ok && isReportOf(stored.value, agency, year);
  };
  return watchAll(PREFIX.snapshot, ({ newValue, oldValue }) => {
    if (isOf(newValue) || isOf(oldValue)) onChange();
  });
}
