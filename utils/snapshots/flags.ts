// The reader's own flags on figures ("wrong" / "doubtful" + a note), saved per page URL so they
// exist before and without a snapshot, and anchored by canonical key so they survive a reload and
// a re-render of the page. A flag whose key no longer finds its cell is kept and shown as orphaned.
// Reading is one small record per page; every change is a request to the single writer
// (./writer.ts), so changes from several tabs at once all land.
import { storage } from '#imports';
import { FLAGS_MIGRATIONS, FlagSchema, FlagsRecordSchema, readStored, type Flag, type FlagKind } from './schema';
import { failure, read, type Result } from './store';
import { flagsKey, quarantine, requestWrite } from './writer';

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

export const listFlags = (url: string): Promise<Flag[]> => readFlags(url);

export interface FlagInput {
  key: string;
  kind: FlagKind;
  note: string;
}

export function addFlag(url: string, input: FlagInput): Promise<Result<{ flag: Flag }>> {
  const parsed = FlagSchema.safeParse({ ...input, id: newId(), createdAt: new Date().toISOString() });
  if (!parsed.success) return Promise.resolve(failure('invalid', parsed.error.issues[0]?.message ?? ''));
  return requestWrite({ op: 'addFlag', url, flag: parsed.data });
}

export function updateFlag(url: string, id: string, change: Partial<Pick<Flag, 'kind' | 'note'>>): Promise<Result<{ flag: Flag }>> {
  return requestWrite({ op: 'updateFlag', url, id, change, now: new Date().toISOString() });
}

/** Removes a flag and hands it back, so "undo" can put it back with `restoreFlags`. */
export function removeFlag(url: string, id: string): Promise<Result<{ removed: Flag }>> {
  return requestWrite({ op: 'removeFlag', url, id });
}

/** Undo of removeFlag. Existing ids are kept as they are. */
export function restoreFlags(url: string, restored: Flag[]): Promise<Result<{ added: Flag[] }>> {
  return requestWrite({ op: 'restoreFlags', url, flags: restored });
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
