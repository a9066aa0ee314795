// The index of the saved snapshots, so that no page load reads them all: one small record per
// agency and year (which snapshots, saved when) for findPreviousYear, and one list of summaries
// (what the Snapshots page's list and filters show) for listSummaries. Only the writer
// (./writer.ts) changes it, in the same storage.local.set as the snapshots it describes; when it
// is missing (an install from before the index) or invalid, it is rebuilt from the snapshots.
import { z } from 'zod';
import { cyrb53 } from './hash';
import { SnapshotSchema, type Snapshot } from './schema';

z.config({ jitless: true });

export const CATALOG_FORMAT = 1;
export const CATALOG_PREFIX = 'catalog:';
/** Tells the index is built, and in which format (tiny: read with every lookup). */
export const CATALOG_META_KEY = `${CATALOG_PREFIX}meta`;
export const CATALOG_LIST_KEY = `${CATALOG_PREFIX}list`;
const YEAR_PREFIX = `${CATALOG_PREFIX}year:`;

/** The key of one agency's year: the name hashed (any characters, bounded length). */
export const yearKey = (agency: string, year: number) => `${YEAR_PREFIX}${cyrb53(agency.trim())}:${year}`;
export const isCatalogKey = (key: string) => key.startsWith(CATALOG_PREFIX);

const Meta = z.strictObject({ format: z.literal(CATALOG_FORMAT), count: z.number().int().min(0) });

const YearEntry = z.strictObject({ id: z.string().min(1), savedAt: z.string() });
/** One agency's snapshots of one year (several: versions, or the same report at two addresses). */
const YearRecord = z.strictObject({ format: z.literal(CATALOG_FORMAT), agency: z.string(), year: z.number().int(), snapshots: z.array(YearEntry) });
type YearRecord = z.infer<typeof YearRecord>;

/** What the Snapshots list shows and filters by: a snapshot without its tables and messages. */
export const SummarySchema = z.strictObject({
  id: z.string().min(1),
  url: z.string(),
  title: z.string().nullable(),
  savedAt: z.string(),
  updatedAt: z.string().optional(),
  hash: z.string(),
  flags: z.array(z.strictObject({ id: z.string(), note: z.string() })),
  report: z.strictObject({
    agency: z.string().nullable(),
    year: z.number().nullable(),
    title: z.string().nullable(),
    template: SnapshotSchema.shape.report.shape.template,
    findings: z.array(z.strictObject({ severity: z.enum(['error', 'warning', 'info']) })),
  }),
});
export type SnapshotSummary = z.infer<typeof SummarySchema>;
const ListRecord = z.strictObject({ format: z.literal(CATALOG_FORMAT), summaries: z.array(SummarySchema) });

export function summaryOf(s: Snapshot): SnapshotSummary {
  const { agency, year, title, template, findings } = s.report;
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    savedAt: s.savedAt,
    ...(s.updatedAt ? { updatedAt: s.updatedAt } : {}),
    hash: s.hash,
    flags: s.flags.map(({ id, note }) => ({ id, note })),
    report: { agency, year, title, template, findings: findings.map(({ severity }) => ({ severity })) },
  };
}

/** The stored index, read whole (the writer's view); null when missing or invalid: rebuild it. */
export interface Catalog {
  summaries: SnapshotSummary[];
}

export function readCatalog(meta: unknown, list: unknown): Catalog | null {
  const m = Meta.safeParse(meta);
  const l = ListRecord.safeParse(list);
  if (!m.success || !l.success || m.data.count !== l.data.summaries.length) return null;
  return { summaries: l.data.summaries };
}

/** The year records of a list of summaries, by storage key. */
function yearRecords(summaries: readonly SnapshotSummary[]): Map<string, YearRecord> {
  const years = new Map<string, YearRecord>();
  for (const s of summaries) {
    const { agency, year } = s.report;
    if (!agency?.trim() || year === null) continue;
    const key = yearKey(agency, year);
    const record = years.get(key) ?? { format: CATALOG_FORMAT, agency: agency.trim(), year, snapshots: [] };
    record.snapshots.push({ id: s.id, savedAt: s.savedAt });
    years.set(key, record);
  }
  return years;
}

const signature = (record: YearRecord | undefined) => (record ? record.snapshots.map((e) => `${e.id}@${e.savedAt}`).sort().join() : '');

/**
 * The storage values of an index over `summaries`, written with the snapshots, and the year keys
 * to remove: those of `before` (the index as stored, or every year key found, when rebuilding)
 * that no snapshot uses any more. Only the years that changed are written again.
 */
export function catalogWrites(summaries: readonly SnapshotSummary[], before: readonly SnapshotSummary[], staleKeys: readonly string[] = []): { set: Record<string, unknown>; remove: string[] } {
  const after = yearRecords(summaries);
  const prior = yearRecords(before);
  const set: Record<string, unknown> = {
    [CATALOG_META_KEY]: { format: CATALOG_FORMAT, count: summaries.length },
    [CATALOG_LIST_KEY]: { format: CATALOG_FORMAT, summaries },
  };
  for (const [key, record] of after) if (signature(record) !== signature(prior.get(key))) set[key] = record;
  const remove = new Set([...prior.keys(), ...staleKeys].filter((key) => key.startsWith(YEAR_PREFIX) && !after.has(key)));
  return { set, remove: [...remove] };
}

/** The snapshot ids of `agency`'s `year`, latest saved first, or null when the index is not built. */
export function readYear(meta: unknown, record: unknown, agency: string, year: number): string[] | null {
  if (!Meta.safeParse(meta).success) return null;
  if (record == null) return [];
  const parsed = YearRecord.safeParse(record);
  if (!parsed.success || parsed.data.agency !== agency.trim() || parsed.data.year !== year) return null;
  return [...parsed.data.snapshots].sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id)).map((e) => e.id);
}
