// The storage.local layer under flags and snapshots: keys, writes that report failure instead of
// throwing, and the quarantine where a stored value that fails validation is moved (raw value +
// reason + time) so that the others still load and nothing the reader saved is silently lost.
import { storage } from '#imports';
import { browser, type Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { canonicalJson, cyrb53 } from './hash';
import { QuarantineSchema, type Quarantined } from './schema';

export const PREFIX = { snapshot: 'snapshot:', flags: 'flags:', quarantine: 'quarantine:' } as const;

type AreaKey = `local:${string}`;
const local = (key: string): AreaKey => `local:${key}`;

export type Ok<T = object> = { ok: true } & T;
/** A write that did not happen, with a message the panel or page can show as it is. */
export interface StorageFailure {
  ok: false;
  reason: 'quota' | 'write' | 'invalid' | 'missing';
  message: string;
}
export type Result<T = object> = Ok<T> | StorageFailure;

export function failure(reason: StorageFailure['reason'], detail = ''): StorageFailure {
  const message =
    reason === 'quota' ? i18n.t('snapshots.error.quota')
    : reason === 'invalid' ? i18n.t('snapshots.error.invalid', [detail])
    : reason === 'missing' ? i18n.t('snapshots.error.missing')
    : i18n.t('snapshots.error.write', [detail]);
  return { ok: false, reason, message };
}

/** Chrome rejects with "QUOTA_BYTES quota exceeded", Firefox with a QuotaExceededError. */
function writeFailure(e: unknown): StorageFailure {
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /quota/i.test(text) ? failure('quota') : failure('write', text);
}

/** Writes all values in one storage call (all or nothing as far as the browser guarantees). */
export async function write(values: Record<string, unknown>): Promise<Result> {
  try {
    await storage.setItems(Object.entries(values).map(([key, value]) => ({ key: local(key), value })));
    return { ok: true };
  } catch (e) {
    return writeFailure(e);
  }
}

export async function remove(keys: string[]): Promise<Result> {
  try {
    await storage.removeItems(keys.map(local));
    return { ok: true };
  } catch (e) {
    return writeFailure(e);
  }
}

export const read = (key: string): Promise<unknown> => storage.getItem(local(key));

/** Calls back with every change (from any tab) of a value whose key starts with `prefix`; returns the unwatch. */
export function watchAll(prefix: string, onChange: (change: Browser.storage.StorageChange) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>) => {
    for (const [key, change] of Object.entries(changes)) if (key.startsWith(prefix)) onChange(change);
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}

/**
 * Every stored key, without reading the values, where the browser can (storage.local.getKeys:
 * Chrome 130+); null elsewhere (the caller reads the values instead).
 */
export async function storedKeys(): Promise<string[] | null> {
  const area = browser.storage.local as { getKeys?: () => Promise<string[]> };
  if (typeof area.getKeys !== 'function') return null;
  try {
    return await area.getKeys();
  } catch {
    // Declared but not there (an older browser, a test double): read the values instead.
    return null;
  }
}

/** Every stored value whose key starts with `prefix`. */
export async function readAll(prefix: string): Promise<[string, unknown][]> {
  const all = await storage.snapshot('local');
  return Object.entries(all).filter(([key]) => key.startsWith(prefix));
}

/**
 * Moves a value that failed validation out of the way (run by the writer, ./writer.ts: `quarantine`). It is removed from its key only when the
 * quarantine copy is written and the key still holds the same value (another tab may have just
 * saved a good one there); if anything fails it stays where it is, skipped but not lost. The
 * quarantine key names the value's content, so two pages quarantining the same value at once
 * write one record, while a later, different bad value under the same key gets its own.
 */
export async function quarantineRecord(key: string, raw: unknown, reason: string): Promise<boolean> {
  const content = canonicalJson(raw);
  const record: Quarantined = { key, raw, reason, at: new Date().toISOString() };
  const saved = await write({ [`${PREFIX.quarantine}${key}@${cyrb53(content)}`]: record });
  if (!saved.ok) return false;
  if (canonicalJson(await read(key)) !== content) return false;
  return (await remove([key])).ok;
}

/** Quarantined values, newest first. A record that is itself unreadable is listed whole. */
export async function listQuarantine(): Promise<(Quarantined & { storageKey: string })[]> {
  // By its keys where the browser lists them: not every snapshot read to find a few records.
  const keys = (await storedKeys())?.filter((key) => key.startsWith(PREFIX.quarantine));
  const found = keys ? Object.entries(keys.length ? await browser.storage.local.get(keys) : {}) : await readAll(PREFIX.quarantine);
  const rows = found.map(([storageKey, value]) => {
    const parsed = QuarantineSchema.safeParse(value);
    const record: Quarantined = parsed.success ? parsed.data : { key: storageKey, raw: value, reason: 'unreadable quarantine record', at: '' };
    return { ...record, storageKey };
  });
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}
