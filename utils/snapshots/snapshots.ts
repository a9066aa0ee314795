// Saved reports: one storage key per snapshot, its id derived from the page URL and the tables'
// hash. Saving the same tables again writes the same key (no duplicate, and two tabs saving at
// once cannot overwrite each other's different reports); changed tables are a new version.
import { ReportSchema, type Report } from '../../lib/report/schema';
import { canonicalJson, pageKey, snapshotId, tablesHash } from './hash';
import { FlagSchema, SNAPSHOT_FORMAT, SNAPSHOT_MIGRATIONS, SnapshotSchema, readStored, type Flag, type MigrationTable, type Snapshot } from './schema';
import { PREFIX, failure, quarantine, read, readAll, remove, watchAll, write, type Result } from './store';
import { z } from 'zod';

const snapshotKey = (id: string) => `${PREFIX.snapshot}${id}`;

export interface SaveInput {
  report: Report;
  /** The page's URL (the flags' key); its #fragment is dropped. */
  url: string;
  /** The page's title as shown in the tab. */
  title: string | null;
  /** The page's flags as they are now (listFlags(url)). */
  flags: Flag[];
}

/** 'saved': a new snapshot (or a new version of the URL); 'updated': same tables, new flags or findings. */
export type SaveStatus = 'saved' | 'updated' | 'unchanged';

/** The same snapshot apart from when it was saved. */
const sameContent = (a: Snapshot, b: Snapshot) =>
  canonicalJson({ ...a, savedAt: '', updatedAt: '' }) === canonicalJson({ ...b, savedAt: '', updatedAt: '' });

export async function saveSnapshot(input: SaveInput, now = new Date()): Promise<Result<{ status: SaveStatus; snapshot: Snapshot }>> {
  const checked = z.strictObject({ report: ReportSchema, flags: z.array(FlagSchema) }).safeParse({ report: input.report, flags: input.flags });
  if (!checked.success) return failure('invalid', z.prettifyError(checked.error));
  const { report, flags } = checked.data;
  const url = pageKey(input.url);
  const hash = tablesHash(report);
  const id = snapshotId(url, hash);
  const fresh: Snapshot = { format: SNAPSHOT_FORMAT, id, url, title: input.title, savedAt: now.toISOString(), hash, flags, report };

  const existing = await loadOne(id);
  let snapshot = fresh;
  let status: SaveStatus = 'saved';
  if (existing) {
    if (sameContent(existing, fresh)) return { ok: true, status: 'unchanged', snapshot: existing };
    snapshot = { ...fresh, savedAt: existing.savedAt, updatedAt: now.toISOString() };
    status = 'updated';
  }
  const saved = await write({ [snapshotKey(id)]: snapshot });
  return saved.ok ? { ok: true, status, snapshot } : saved;
}

/** A stored snapshot, or null when absent; a corrupted one is quarantined and reads as absent. */
async function loadOne(id: string, migrations: MigrationTable = SNAPSHOT_MIGRATIONS): Promise<Snapshot | null> {
  const raw = await read(snapshotKey(id));
  if (raw === null) return null;
  const stored = readStored(raw, migrations, SnapshotSchema);
  if (stored.ok) return stored.value;
  await quarantine(snapshotKey(id), raw, stored.reason);
  return null;
}

export const getSnapshot = (id: string): Promise<Snapshot | null> => loadOne(id);

/**
 * Every snapshot, newest first. Entries that fail migration or validation are quarantined; the
 * others load. Migrated entries are written back in the current format (the original stays in
 * memory only, so a failed write-back changes nothing).
 */
export async function listSnapshots(migrations: MigrationTable = SNAPSHOT_MIGRATIONS): Promise<Snapshot[]> {
  const snapshots: Snapshot[] = [];
  const upgraded: Record<string, Snapshot> = {};
  for (const [key, raw] of await readAll(PREFIX.snapshot)) {
    const stored = readStored(raw, migrations, SnapshotSchema);
    if (!stored.ok) {
      await quarantine(key, raw, stored.reason);
      continue;
    }
    snapshots.push(stored.value);
    if (stored.migrated) upgraded[key] = stored.value;
  }
  if (Object.keys(upgraded).length) await write(upgraded);
  return snapshots.sort(newestFirst);
}

export const newestFirst = (a: Snapshot, b: Snapshot) => b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id);

/** Removes a snapshot and hands it back for "undo" (`restoreSnapshot`). */
export async function deleteSnapshot(id: string): Promise<Result<{ removed: Snapshot }>> {
  const removed = await loadOne(id);
  if (!removed) return failure('missing');
  const done = await remove([snapshotKey(id)]);
  return done.ok ? { ok: true, removed } : done;
}

/** Writes snapshots back as they are (undo of a delete, an import). */
export async function putSnapshots(snapshots: Snapshot[]): Promise<Result> {
  if (snapshots.length === 0) return { ok: true };
  return write(Object.fromEntries(snapshots.map((s) => [snapshotKey(s.id), s])));
}

export const restoreSnapshot = (snapshot: Snapshot): Promise<Result> => putSnapshots([snapshot]);

/** All saved versions of one page, oldest first. */
export async function versionsOf(url: string): Promise<Snapshot[]> {
  const page = pageKey(url);
  return (await listSnapshots()).filter((s) => s.url === page).sort((a, b) => -newestFirst(a, b));
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

/**
 * Last year's report of the same agency, for the analyzer's `previous` option (YOY-CARRY,
 * YOY-STOCK): the latest saved snapshot of `agency` for `year − 1`, with a label naming it.
 */
export async function findPreviousYear(agency: string, year: number): Promise<{ report: Report; label: string; snapshot: Snapshot } | null> {
  const name = agency.trim();
  const match = (await listSnapshots()).find((s) => isReportOf(s, name, year - 1));
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
