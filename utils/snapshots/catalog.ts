// The index of the saved snapshots, so that no page load reads them all. Only the writer
// (./writer.ts) changes it, in the same storage.local.set as the snapshots it describes; when it
// is missing (an install from before the index) or invalid, it is rebuilt from the snapshots.
//   catalog:meta                       { format, count }: tells it is built (tiny: read with every lookup)
//   catalog:ids                        { format, ids }: every indexed snapshot
//   catalog:year:<cyrb53(agency)>:<y>  { format, agency, year, snapshots: [{ id, savedAt }] }: findPreviousYear
//   catalog:summary:<id>               what the Snapshots list shows of one snapshot: listSummaries
// Small keys, each written only when it changes: every storage change is sent to every open
// extension context (each report tab listens), so one big record rewritten on each save would cost
// every tab its size twice per save.
import { z } from 'zod';
import { cyrb53 } from './hash';
import { SnapshotSchema, type Snapshot } from './schema';

z.config({ jitless: true });

export const CATALOG_FORMAT = 1;
export const CATALOG_PREFIX = 'catalog:';
export const CATALOG_META_KEY = `${CATALOG_PREFIX}meta`;
export const CATALOG_IDS_KEY = `${CATALOG_PREFIX}ids`;
const YEAR_PREFIX = `${CATALOG_PREFIX}year:`;
const SUMMARY_PREFIX = `${CATALOG_PREFIX}summary:`;

/** The key of one agency's year: the name hashed (any characters, bounded length). */
export const yearKey = (agency: string, year: number) => `${YEAR_PREFIX}${cyrb53(agency.trim())}:${year}`;
export const summaryKey = (id: string) => `${SUMMARY_PREFIX}${id}`;
export const isCatalogKey = (key: string) => key.startsWith(CATALOG_PREFIX);

const Meta = z.strictObject({ format: z.literal(CATALOG_FORMAT), count: z.number().int().min(0) });
const Ids = z.strictObject({ format: z.literal(CATALOG_FORMAT), ids: z.array(z.string().min(1)) });

const YearEntry = z.strictObject({ id: z.string().min(1), savedAt: z.string() });
/** One agency's snapshots of one year (several: versions, or the same report at two addresses). */
const YearRecord = z.strictObject({ format: z.literal(CATALOG_FORMAT), agency: z.string(), year: z.number().int(), snapshots: z.array(YearEntry) });
export type YearRecord = z.infer<typeof YearRecord>;

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

/** The indexed snapshot ids, or null when the index is missing or invalid (rebuild it). */
export function readIds(meta: unknown, ids: unknown): string[] | null {
  const m = Meta.safeParse(meta);
  const i = Ids.safeParse(ids);
  return m.success && i.success && m.data.count === i.data.ids.length ? i.data.ids : null;
}

export const readSummary = (raw: unknown): SnapshotSummary | null => {
  const parsed = SummarySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

export const readYearRecord = (raw: unknown): YearRecord | null => {
  const parsed = YearRecord.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

/** The agency and year a snapshot is indexed under, if it has both. */
export function yearOf(s: SnapshotSummary): { key: string; agency: string; year: number } | null {
  const { agency, year } = s.report;
  return agency?.trim() && year !== null ? { key: yearKey(agency, year), agency: agency.trim(), year } : null;
}

/** The snapshot ids of `agency`'s `year`, latest saved first, or null when the index is not built or that record is not it. */
export function readYear(meta: unknown, record: unknown, agency: string, year: number): string[] | null {
  if (!Meta.safeParse(meta).success) return null;
  if (record == null) return [];
  const parsed = readYearRecord(record);
  if (!parsed || parsed.agency !== agency.trim() || parsed.year !== year) return null;
  return [...parsed.snapshots].sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id)).map((e) => e.id);
}

export const metaValue = (count: number) => ({ format: CATALOG_FORMAT, count });
export const idsValue = (ids: string[]) => ({ format: CATALOG_FORMAT, ids });
export const yearValue = (agency: string, year: number, snapshots: YearRecord['snapshots']): YearRecord => ({ format: CATALOG_FORMAT, agency, year, snapshots });
