// What keep-and-compare writes to storage.local, as zod schemas. Every stored value carries its
// format version from v1; `migrate` walks a registry of step functions up to the current version
// before the value is validated. There is no older released format yet, so the registry is empty;
// the machinery is exercised by tests with a registry of test migrations.
import { z } from 'zod';
import { ReportSchema } from '../../lib/report/schema';

// MV3 pages forbid `new Function`; zod must not compile validators (see notes/toolchain.md).
z.config({ jitless: true });

export const FLAG_KINDS = ['wrong', 'doubtful'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

const isoTime = z.iso.datetime();

/** Only web pages are saved: a `javascript:`, `data:` or `file:` address is never a report's link. */
export function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
const webAddress = z.string().refine(isWebAddress, { message: 'only http(s) addresses are kept (no javascript:, data:, file:)' });
/** Which format a stored value is in. `migrate` brings it to the table's current one before parsing. */
const storedFormat = z.number().int().min(1);

/** The reader's mark on one figure, anchored by its canonical key (never by DOM path). */
export const FlagSchema = z.strictObject({
  id: z.string().min(1),
  /** Canonical key path of the flagged cell, e.g. `requests.totalProcessed.natural`. */
  key: z.string().regex(/^(active|requests|appeals)\.[A-Za-z.]+$/),
  kind: z.enum(FLAG_KINDS),
  note: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime.optional(),
});
export type Flag = z.infer<typeof FlagSchema>;

export const FLAGS_FORMAT = 1;
/** All flags of one page (stored under `flags:<url>`). */
export const FlagsRecordSchema = z.strictObject({
  format: storedFormat,
  url: webAddress,
  flags: z.array(FlagSchema),
});
export type FlagsRecord = z.infer<typeof FlagsRecordSchema>;

export const SNAPSHOT_FORMAT = 1;
/** One saved report (stored under `snapshot:<id>`, one key each so concurrent saves never collide). */
export const SnapshotSchema = z.strictObject({
  format: storedFormat,
  /** cyrb53(page URL) + '-' + hash: the same content of the same page is the same snapshot. */
  id: z.string().min(1),
  url: webAddress,
  /** The page's title as the reader saw it (the report's own title is in `report.title`). */
  title: z.string().nullable(),
  savedAt: isoTime,
  /** Set when flags or findings of the same tables were saved again. */
  updatedAt: isoTime.optional(),
  /** cyrb53 of the canonical JSON of active/requests/appeals. */
  hash: z.string().regex(/^[0-9a-f]{14}$/),
  flags: z.array(FlagSchema),
  report: ReportSchema,
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** A stored value that failed validation, kept as it was with the reason (never deleted silently). */
export const QuarantineSchema = z.strictObject({
  /** The storage key it was found under. */
  key: z.string(),
  raw: z.unknown(),
  reason: z.string(),
  at: isoTime,
});
export type Quarantined = z.infer<typeof QuarantineSchema>;

/** Step n → n+1 of a stored format. */
export type Migration = (value: Record<string, unknown>) => Record<string, unknown>;
export interface MigrationTable {
  current: number;
  steps: Record<number, Migration>;
}

/** Snapshot entries: v1 is the first format, so no steps yet. Add `1: (v) => …` with format 2. */
export const SNAPSHOT_MIGRATIONS: MigrationTable = { current: SNAPSHOT_FORMAT, steps: {} };
export const FLAGS_MIGRATIONS: MigrationTable = { current: FLAGS_FORMAT, steps: {} };

export type Migrated = { ok: true; value: Record<string, unknown>; migrated: boolean } | { ok: false; reason: string };

/** Brings a stored value to the current format, or says why it cannot. */
export function migrate(raw: unknown, table: MigrationTable): Migrated {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  let value = raw as Record<string, unknown>;
  const from = value.format;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { ok: false, reason: 'no format version' };
  if (from > table.current) return { ok: false, reason: `format ${from} is newer than this version of the extension (${table.current})` };
  for (let v = from; v < table.current; v++) {
    const step = table.steps[v];
    if (!step) return { ok: false, reason: `no migration from format ${v}` };
    try {
      value = { ...step(value), format: v + 1 };
    } catch (e) {
      return { ok: false, reason: `migration from format ${v} failed: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { ok: true, value, migrated: from !== table.current };
}

/** migrate + validate: the one way a stored value becomes data. */
export function readStored<T>(raw: unknown, table: MigrationTable, schema: z.ZodType<T>): { ok: true; value: T; migrated: boolean } | { ok: false; reason: string } {
  const m = migrate(raw, table);
  if (!m.ok) return m;
  const parsed = schema.safeParse(m.value);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
  return { ok: true, value: parsed.data, migrated: m.migrated };
}
