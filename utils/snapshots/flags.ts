// The reader's own flags on figures ("wrong" / "doubtful" + a note), saved per page URL so they
// exist before and without a snapshot, and anchored by canonical key so they survive a reload and
// a re-render of the page. A flag whose key no longer finds its cell is kept and shown as orphaned.
import { storage } from '#imports';
import { pageKey } from './hash';
import { FLAGS_FORMAT, FLAGS_MIGRATIONS, FlagSchema, FlagsRecordSchema, readStored, type Flag, type FlagKind, type FlagsRecord } from './schema';
import { PREFIX, failure, quarantine, read, serialized, write, type Result, type StorageFailure } from './store';

const flagsKey = (url: string) => `${PREFIX.flags}${pageKey(url)}`;

/** Random id from getRandomValues: randomUUID needs a secure context, which http pages are not. */
function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `f-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The stored flags of a page; a record that fails validation is quarantined and reads as none. */
async function readFlags(url: string): Promise<Flag[]> {
  const key = flagsKey(url);
  const raw = await read(key);
  if (raw === null) return [];
  const stored = readStored(raw, FLAGS_MIGRATIONS, FlagsRecordSchema);
  if (stored.ok) return stored.value.flags;
  await quarantine(key, raw, stored.reason);
  return [];
}

async function writeFlags(url: string, flags: Flag[]): Promise<Result> {
  const record: FlagsRecord = { format: FLAGS_FORMAT, url: pageKey(url), flags };
  return write({ [flagsKey(url)]: record });
}

/**
 * Read, change and write one page's flags, one change at a time within this page. (Flags are one
 * small record per page, read with the page; two tabs of the same page changing flags in the same
 * instant could still race, which one key per flag would avoid at the cost of reading all storage.)
 */
function changeFlags<T extends object>(url: string, change: (flags: Flag[]) => { flags: Flag[]; value: T } | StorageFailure): Promise<Result<T>> {
  return serialized(flagsKey(url), async () => {
    const outcome = change(await readFlags(url));
    if ('ok' in outcome) return outcome;
    const saved = await writeFlags(url, outcome.flags);
    return saved.ok ? { ok: true as const, ...outcome.value } : saved;
  });
}

export const listFlags = (url: string): Promise<Flag[]> => readFlags(url);

export interface FlagInput {
  key: string;
  kind: FlagKind;
  note: string;
}

export function addFlag(url: string, input: FlagInput): Promise<Result<{ flag: Flag }>> {
  const parsed = FlagSchema.safeParse({ ...input, id: newId(), createdAt: new Date().toISOString() });
  if (!parsed.success) return Promise.resolve(failure('invalid', parsed.error.issues[0]?.message ?? ''));
  const flag = parsed.data;
  return changeFlags(url, (flags) => ({ flags: [...flags, flag], value: { flag } }));
}

export function updateFlag(url: string, id: string, change: Partial<Pick<Flag, 'kind' | 'note'>>): Promise<Result<{ flag: Flag }>> {
  return changeFlags(url, (flags) => {
    const old = flags.find((f) => f.id === id);
    if (!old) return failure('missing');
    const parsed = FlagSchema.safeParse({ ...old, ...change, updatedAt: new Date().toISOString() });
    if (!parsed.success) return failure('invalid', parsed.error.issues[0]?.message ?? '');
    const flag = parsed.data;
    return { flags: flags.map((f) => (f.id === id ? flag : f)), value: { flag } };
  });
}

/** Removes a flag and hands it back, so "undo" can put it back with `restoreFlag`. */
export function removeFlag(url: string, id: string): Promise<Result<{ removed: Flag }>> {
  return changeFlags(url, (flags) => {
    const removed = flags.find((f) => f.id === id);
    if (!removed) return failure('missing');
    return { flags: flags.filter((f) => f.id !== id), value: { removed } };
  });
}

/** Undo of removeFlag; also how imported flags join a page's flags. Existing ids are kept as they are. */
export function restoreFlags(url: string, restored: Flag[]): Promise<Result<{ added: Flag[] }>> {
  return changeFlags(url, (flags) => {
    const have = new Set(flags.map((f) => f.id));
    const added = restored.filter((f) => !have.has(f.id));
    return { flags: [...flags, ...added], value: { added } };
  });
}

/** Flags whose cell is on the page (anchored) and those whose key no longer finds one (orphaned). */
export function resolveFlags(flags: readonly Flag[], presentKeys: Iterable<string>): { anchored: Flag[]; orphaned: Flag[] } {
  const present = new Set(presentKeys);
  return {
    anchored: flags.filter((f) => present.has(f.key)),
    orphaned: flags.filter((f) => !present.has(f.key)),
  };
}

/** Calls back with the page's flags whenever another part (a tab, the context menu) changes them. */
export function watchFlags(url: string, onChange: (flags: Flag[]) => void): () => void {
  return storage.watch(`local:${flagsKey(url)}`, () => void readFlags(url).then(onChange));
}
