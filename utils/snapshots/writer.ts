// The single writer of keep-and-compare. Every change to flags, snapshots and their index is a
// request run by the background, one at a time, in arrival order: content scripts and extension
// pages send their requests to it (`gkl:store`). A read-modify-write there cannot interleave with
// another (two tabs adding flags to one page at once lost half of them when each tab read, changed
// and wrote the page's record itself), and a snapshot, its index entries and the page's flags are
// written in one storage.local.set: all or nothing, so a failed write (quota) leaves nothing half
// done and doing it again repairs. Why one writer rather than one storage key per flag: reading a
// page's flags stays one small get (per-flag keys need a scan of all storage, or getKeys(), which
// not every supported browser has), and the index, which changes with every snapshot, needs a
// read-modify-write anyway.
//
// In the background itself (and in tests and Node, where there is no other context) the requests
// run in place, through the same queue.
import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod';
import type { Message } from '../messages';
import { pageKey, snapshotId, tablesHash, canonicalJson } from './hash';
import {
  FLAGS_FORMAT, FLAGS_MIGRATIONS, FlagSchema, FlagsRecordSchema, SNAPSHOT_FORMAT, SNAPSHOT_MIGRATIONS, SnapshotSchema, isWebAddress, readStored,
  type Flag, type FlagKind, type FlagsRecord, type Snapshot,
} from './schema';
import { PREFIX, failure, quarantineRecord, readAll, remove, write, type Result } from './store';
import {
  CATALOG_IDS_KEY, CATALOG_META_KEY, idsValue, isCatalogKey, metaValue, readIds, readSummary, readYearRecord, summaryKey, summaryOf, yearOf, yearValue,
  type SnapshotSummary, type YearRecord,
} from './catalog';

export const snapshotKey = (id: string) => `${PREFIX.snapshot}${id}`;
export const flagsKey = (url: string) => `${PREFIX.flags}${pageKey(url)}`;

export interface SaveRequestInput {
  report: Snapshot['report'];
  url: string;
  title: string | null;
  flags: Flag[];
}

/** What can be asked of the writer. Times are ISO strings (the caller's clock, as before). */
export type WriteRequest =
  | { op: 'saveSnapshot'; input: SaveRequestInput; now: string }
  | { op: 'deleteSnapshot'; id: string }
  | { op: 'putSnapshots'; snapshots: Snapshot[] }
  | { op: 'addFlag'; url: string; flag: Flag }
  | { op: 'updateFlag'; url: string; id: string; change: { kind?: FlagKind; note?: string }; now: string }
  | { op: 'removeFlag'; url: string; id: string }
  | { op: 'restoreFlags'; url: string; flags: Flag[] }
  | { op: 'quarantine'; key: string; raw: unknown; reason: string }
  | { op: 'import'; snapshots: Snapshot[]; overwrite: string[] }
  | { op: 'rebuildIndex' };

const builtAs = (import.meta as { env?: { ENTRYPOINT?: string } }).env?.ENTRYPOINT;
/** In a built content script or extension page, writes go to the background; there (and in tests) they run here. */
const WRITES_HERE = !builtAs || builtAs === 'background';

let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Runs a change through the single writer and answers its Result. Never throws. */
export async function requestWrite<T extends object = object>(request: WriteRequest): Promise<Result<T>> {
  if (WRITES_HERE) return inTurn(() => perform(request)) as Promise<Result<T>>;
  const message: Message = { type: 'gkl:store', request };
  try {
    const answer: unknown = await browser.runtime.sendMessage(message);
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer as Result<T>;
    return failure('write', 'no answer from the background');
  } catch (e) {
    // The extension is being reloaded or updated under the page: nothing was written.
    return failure('write', e instanceof Error ? e.message : String(e));
  }
}

/**
 * Moves a stored value that failed validation to the quarantine (kept, listed, exportable; see
 * store.ts), through the writer like every other change.
 */
export async function quarantine(key: string, raw: unknown, reason: string): Promise<void> {
  await requestWrite({ op: 'quarantine', key, raw, reason });
}

/** The background's side of `gkl:store`: only the extension's own contexts may write. */
export function answerWrite(request: unknown, sender: Browser.runtime.MessageSender): Promise<Result> {
  if (sender.id !== browser.runtime.id) return Promise.resolve(failure('invalid', 'not from this extension'));
  if (!request || typeof request !== 'object' || typeof (request as { op?: unknown }).op !== 'string') return Promise.resolve(failure('invalid', 'no request'));
  return inTurn(() => perform(request as WriteRequest));
}

async function perform(request: WriteRequest): Promise<Result<object>> {
  try {
    switch (request.op) {
      case 'saveSnapshot':
        return await saveHere(request.input, request.now);
      case 'deleteSnapshot':
        return await deleteHere(request.id);
      case 'putSnapshots':
        return await commit(request.snapshots.map(checkedSnapshot), []);
      case 'addFlag':
        return await changeFlags(request.url, (flags) => {
          const flag = FlagSchema.parse(request.flag);
          return { flags: [...flags, flag], value: { flag } };
        });
      case 'updateFlag':
        return await changeFlags(request.url, (flags) => {
          const old = flags.find((f) => f.id === request.id);
          if (!old) return failure('missing');
          const parsed = FlagSchema.safeParse({ ...old, ...request.change, updatedAt: request.now });
          if (!parsed.success) return failure('invalid', parsed.error.issues[0]?.message ?? '');
          return { flags: flags.map((f) => (f.id === request.id ? parsed.data : f)), value: { flag: parsed.data } };
        });
      case 'removeFlag':
        return await changeFlags(request.url, (flags) => {
          const removed = flags.find((f) => f.id === request.id);
          if (!removed) return failure('missing');
          return { flags: flags.filter((f) => f.id !== request.id), value: { removed } };
        });
      case 'restoreFlags':
        return await changeFlags(request.url, (flags) => {
          const restored = z.array(FlagSchema).parse(request.flags);
          const have = new Set(flags.map((f) => f.id));
          const added = restored.filter((f) => !have.has(f.id));
          return { flags: [...flags, ...added], value: { added } };
        });
      case 'quarantine':
        await quarantineHere(request.key, request.raw, request.reason);
        return { ok: true };
      case 'import':
        return await importHere(request.snapshots.map(checkedSnapshot), new Set(request.overwrite));
      case 'rebuildIndex':
        return await rebuildHere();
      default:
        return failure('invalid', `unknown request ${(request as { op?: unknown }).op}`);
    }
  } catch (e) {
    if (e instanceof InvalidInput) return failure('invalid', e.message);
    if (e instanceof z.ZodError) return failure('invalid', z.prettifyError(e));
    return failure('write', e instanceof Error ? e.message : String(e));
  }
}

class InvalidInput extends Error {}

/** Everything the writer stores is validated here, whoever sent it. */
function checkedSnapshot(raw: unknown): Snapshot {
  const parsed = SnapshotSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidInput(z.prettifyError(parsed.error));
  return parsed.data;
}

async function getValues(keys: string[]): Promise<Record<string, unknown>> {
  return keys.length ? browser.storage.local.get(keys) : {};
}

/** Stored snapshots by id (absent ones left out; corrupted ones quarantined). */
export async function loadSnapshots(ids: readonly string[], onInvalid: (key: string, raw: unknown, reason: string) => Promise<void> = quarantine): Promise<Map<string, Snapshot>> {
  const values = await getValues(ids.map(snapshotKey));
  const found = new Map<string, Snapshot>();
  for (const id of ids) {
    const raw = values[snapshotKey(id)];
    if (raw == null) continue;
    const stored = readStored(raw, SNAPSHOT_MIGRATIONS, SnapshotSchema);
    if (stored.ok) found.set(id, stored.value);
    else await onInvalid(snapshotKey(id), raw, stored.reason);
  }
  return found;
}

/** A value that failed validation, moved aside in the writer's turn (no request of its own). */
async function quarantineHere(key: string, raw: unknown, reason: string): Promise<void> {
  const moved = await quarantineRecord(key, raw, reason);
  // A snapshot gone to quarantine leaves the index too.
  if (moved && key.startsWith(PREFIX.snapshot)) await commit([], [key.slice(PREFIX.snapshot.length)], {}, false);
}

// ——— snapshots and their index ———

interface IndexWrites {
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * The index's writes for a change (snapshots put, new or replaced, and removed): only the keys it
 * touches. A missing or invalid index is rebuilt instead.
 */
async function indexChange(put: Snapshot[], removed: string[], rebuild: boolean): Promise<IndexWrites> {
  const changed = [...new Set([...put.map((s) => s.id), ...removed])];
  const values = rebuild ? {} : await getValues([CATALOG_META_KEY, CATALOG_IDS_KEY, ...changed.map(summaryKey)]);
  const ids = readIds(values[CATALOG_META_KEY], values[CATALOG_IDS_KEY]);
  if (!ids) return rebuiltIndex(put, removed);
  const before = changed.flatMap((id) => readSummary(values[summaryKey(id)]) ?? []);
  const after = put.map(summaryOf);
  const yearKeys = [...new Set([...before, ...after].flatMap((s) => yearOf(s)?.key ?? []))];
  const stored = await getValues(yearKeys);
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  const gone = new Set(changed);
  for (const key of yearKeys) {
    const record = stored[key] == null ? null : readYearRecord(stored[key]);
    if (stored[key] != null && !record) return rebuiltIndex(put, removed);
    const added = after.filter((s) => yearOf(s)?.key === key);
    const entries = [...(record?.snapshots ?? []).filter((e) => !gone.has(e.id)), ...added.map((s) => ({ id: s.id, savedAt: s.savedAt }))];
    const named = record ?? yearOf(added[0]!)!;
    if (entries.length) set[key] = yearValue(named.agency, named.year, entries);
    else remove.push(key);
  }
  const all = new Set(ids);
  for (const id of removed) all.delete(id);
  for (const s of after) all.add(s.id);
  set[CATALOG_META_KEY] = metaValue(all.size);
  set[CATALOG_IDS_KEY] = idsValue([...all]);
  for (const s of after) set[summaryKey(s.id)] = s;
  remove.push(...removed.filter((id) => !all.has(id)).map(summaryKey));
  return { set, remove };
}

/** The whole index from the snapshots in storage (with `put` and without `removed`), replacing every catalog key. */
async function rebuiltIndex(put: Snapshot[], removed: string[]): Promise<IndexWrites> {
  const summaries = new Map<string, SnapshotSummary>();
  const existing: string[] = [];
  for (const [key, raw] of await readAll('')) {
    if (isCatalogKey(key)) existing.push(key);
    if (!key.startsWith(PREFIX.snapshot)) continue;
    const stored = readStored(raw, SNAPSHOT_MIGRATIONS, SnapshotSchema);
    if (stored.ok) summaries.set(stored.value.id, summaryOf(stored.value));
    else await quarantineRecord(key, raw, stored.reason);
  }
  for (const id of removed) summaries.delete(id);
  for (const s of put) summaries.set(s.id, summaryOf(s));
  const set: Record<string, unknown> = { [CATALOG_META_KEY]: metaValue(summaries.size), [CATALOG_IDS_KEY]: idsValue([...summaries.keys()]) };
  for (const s of summaries.values()) {
    set[summaryKey(s.id)] = s;
    const year = yearOf(s);
    if (!year) continue;
    const record = (set[year.key] as YearRecord | undefined) ?? yearValue(year.agency, year.year, []);
    record.snapshots.push({ id: s.id, savedAt: s.savedAt });
    set[year.key] = record;
  }
  return { set, remove: existing.filter((key) => !(key in set)) };
}

/**
 * Writes snapshots, with the index and `extra` values, in one set: all or nothing. Removed
 * snapshots go first (storage cannot remove in a set): no list shows a deleted snapshot; if the
 * index's write then fails, it lists one that is gone, which readers skip and the next full listing
 * repairs.
 */
async function commit(put: Snapshot[], removed: string[], extra: Record<string, unknown> = {}, removeKeys = true, rebuild = false): Promise<Result> {
  if (removeKeys && removed.length) {
    const done = await remove(removed.map(snapshotKey));
    if (!done.ok) return done;
  }
  const index = await indexChange(put, removed, rebuild);
  const saved = await write({ ...Object.fromEntries(put.map((s) => [snapshotKey(s.id), s])), ...extra, ...index.set });
  if (!saved.ok || index.remove.length === 0) return saved;
  return remove(index.remove);
}

const rebuildHere = (): Promise<Result> => commit([], [], {}, true, true);

/** The same snapshot apart from when it was saved. */
const sameContent = (a: Snapshot, b: Snapshot) =>
  canonicalJson({ ...a, savedAt: '', updatedAt: '' }) === canonicalJson({ ...b, savedAt: '', updatedAt: '' });

/** A page's flags as stored, or none; a record that fails validation is quarantined first. */
async function pageFlags(url: string): Promise<Flag[]> {
  const key = flagsKey(url);
  const raw = (await getValues([key]))[key];
  if (raw == null) return [];
  const stored = readStored(raw, FLAGS_MIGRATIONS, FlagsRecordSchema);
  if (stored.ok) return stored.value.flags;
  await quarantineRecord(key, raw, stored.reason);
  return [];
}

/** The stored flags plus the other flags of ids not stored (adding overwrites nothing). */
export function unionFlags(stored: readonly Flag[], other: readonly Flag[]): Flag[] {
  const have = new Set(stored.map((f) => f.id));
  return [...stored, ...other.filter((f) => !have.has(f.id))];
}

const flagsRecord = (url: string, flags: Flag[]): FlagsRecord => ({ format: FLAGS_FORMAT, url: pageKey(url), flags });

function checkedAddress(url: string): string {
  const page = pageKey(url);
  if (!isWebAddress(page)) throw new InvalidInput(`not an http(s) address: ${page.slice(0, 80)}`);
  return page;
}

async function saveHere(input: SaveRequestInput, now: string): Promise<Result<{ status: 'saved' | 'updated' | 'unchanged'; snapshot: Snapshot }>> {
  const url = checkedAddress(input.url);
  const hash = tablesHash(input.report);
  const id = snapshotId(url, hash);
  // The page's flags as stored now, with any the caller holds: two tabs saving at once both keep every flag.
  const flags = unionFlags(await pageFlags(url), input.flags);
  const fresh = checkedSnapshot({ format: SNAPSHOT_FORMAT, id, url, title: input.title, savedAt: now, hash, flags, report: input.report });
  const existing = (await loadSnapshots([id], quarantineHere)).get(id);
  let snapshot = fresh;
  let status: 'saved' | 'updated' = 'saved';
  if (existing) {
    if (sameContent(existing, fresh)) return { ok: true, status: 'unchanged', snapshot: existing };
    snapshot = { ...fresh, savedAt: existing.savedAt, updatedAt: now };
    status = 'updated';
  }
  const saved = await commit([snapshot], []);
  return saved.ok ? { ok: true, status, snapshot } : saved;
}

async function deleteHere(id: string): Promise<Result<{ removed: Snapshot }>> {
  const removed = (await loadSnapshots([id], quarantineHere)).get(id);
  if (!removed) return failure('missing');
  const done = await commit([], [id]);
  return done.ok ? { ok: true, removed } : done;
}

async function changeFlags<T extends object>(url: string, change: (flags: Flag[]) => ({ flags: Flag[]; value: T }) | Extract<Result, { ok: false }>): Promise<Result<T>> {
  const page = checkedAddress(url);
  const outcome = change(await pageFlags(page));
  if ('ok' in outcome) return outcome;
  const saved = await write({ [flagsKey(page)]: flagsRecord(page, outcome.flags) });
  return saved.ok ? { ok: true as const, ...outcome.value } : saved;
}

/**
 * An import, all or nothing: every snapshot to write, every page's flags joined with the flags of
 * its snapshots as written and as in the file (also those already stored: a retry repairs an import that failed
 * half-way in an older version), and the index, in one set. Snapshots are compared with what is
 * stored now, not when the plan was made: an import is safe to repeat.
 */
async function importHere(incoming: Snapshot[], overwrite: ReadonlySet<string>): Promise<Result<{ written: number }>> {
  const current = await loadSnapshots(incoming.map((s) => s.id), quarantineHere);
  const writes: Snapshot[] = [];
  for (const s of incoming) {
    checkedAddress(s.url);
    const mine = current.get(s.id);
    if (!mine) writes.push(s);
    else if (overwrite.has(s.id)) writes.push({ ...s, flags: unionFlags(s.flags, mine.flags) });
    else if (s.flags.some((f) => !mine.flags.some((m) => m.id === f.id))) writes.push({ ...mine, flags: unionFlags(mine.flags, s.flags) });
  }
  const byPage = new Map<string, Flag[]>();
  for (const s of [...writes, ...incoming]) if (s.flags.length) byPage.set(s.url, unionFlags(byPage.get(s.url) ?? [], s.flags));
  const flagRecords: Record<string, unknown> = {};
  for (const [url, flags] of byPage) {
    const stored = await pageFlags(url);
    const joined = unionFlags(stored, flags);
    if (joined.length !== stored.length) flagRecords[flagsKey(url)] = flagsRecord(url, joined);
  }
  if (writes.length === 0 && Object.keys(flagRecords).length === 0) return { ok: true, written: 0 };
  const saved = await commit(writes, [], flagRecords);
  return saved.ok ? { ok: true, written: writes.length } : saved;
}
