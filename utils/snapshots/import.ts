// Import of a JSON export: read and validate the file (a clear message for a bad one, entries that
// fail validation reported and skipped), then a plan against what is stored, applied only as the
// reader confirms. Nothing stored is overwritten without asking; flags are merged, never dropped.
import { i18n } from '#i18n';
import { z } from 'zod';
import { canonicalJson, snapshotId, tablesHash } from './hash';
import { SNAPSHOT_MIGRATIONS, SnapshotSchema, readStored, type Flag, type Snapshot } from './schema';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { loadSnapshots, requestWrite, unionFlags } from './writer';
import type { Result } from './store';

export interface ImportFile {
  snapshots: Snapshot[];
  /** Entries of the file that were skipped, by position (1-based) and why. */
  rejected: { index: number; reason: string }[];
}

const EnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  snapshots: z.array(z.unknown()),
});

/** Parses an export file's text. Never throws: a bad file gives `{ ok: false, message }`. */
export function readImportFile(text: string): { ok: true; file: ImportFile } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: i18n.t('snapshots.import.notJson') };
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, message: i18n.t('snapshots.import.wrongFormat') };
  if (envelope.data.version > EXPORT_VERSION) return { ok: false, message: i18n.t('snapshots.import.newerVersion', [String(envelope.data.version)]) };

  const file: ImportFile = { snapshots: [], rejected: [] };
  envelope.data.snapshots.forEach((raw, i) => {
    const stored = readStored(raw, SNAPSHOT_MIGRATIONS, SnapshotSchema);
    if (!stored.ok) return void file.rejected.push({ index: i + 1, reason: stored.reason });
    // The content is what counts: a hand-edited figure gets the id its tables now have.
    const s = stored.value;
    const hash = tablesHash(s.report);
    file.snapshots.push({ ...s, hash, id: snapshotId(s.url, hash) });
  });
  return { ok: true, file };
}

export interface ImportConflict {
  stored: Snapshot;
  incoming: Snapshot;
}

export interface ImportPlan {
  /** Not stored yet: added as they are. */
  added: Snapshot[];
  /** Stored already, identical or with fewer flags: nothing to do. */
  identical: Snapshot[];
  /** Same content; the file brings flags the stored one lacks: those are added. */
  merged: Snapshot[];
  /** Same tables, but the report or a flag of the same id differs: replaced only if confirmed. */
  conflicts: ImportConflict[];
}

const sameFlag = (a: Flag, b: Flag) => canonicalJson(a) === canonicalJson(b);

export async function planImport(file: ImportFile): Promise<ImportPlan> {
  const plan: ImportPlan = { added: [], identical: [], merged: [], conflicts: [] };
  // A file may hold the same snapshot twice: the later entry counts, with the flags of both.
  const incoming = new Map<string, Snapshot>();
  for (const s of file.snapshots) {
    const earlier = incoming.get(s.id);
    incoming.set(s.id, earlier ? { ...s, flags: unionFlags(s.flags, earlier.flags) } : s);
  }
  const stored = await loadSnapshots([...incoming.keys()]);
  for (const s of incoming.values()) {
    const mine = stored.get(s.id);
    if (!mine) {
      plan.added.push(s);
      continue;
    }
    const clash = s.flags.some((f) => mine.flags.some((m) => m.id === f.id && !sameFlag(m, f)));
    if (clash || canonicalJson([mine.report, mine.title]) !== canonicalJson([s.report, s.title])) plan.conflicts.push({ stored: mine, incoming: s });
    else if (s.flags.every((f) => mine.flags.some((m) => m.id === f.id))) plan.identical.push(s);
    else plan.merged.push(s);
  }
  return plan;
}

/**
 * Writes the plan: additions, flag merges, and the conflicts whose ids the reader chose to
 * overwrite (the incoming version of a clashing flag winning); a conflict kept as stored still
 * gains the file's flags of new ids. Every imported flag also joins its page's own flags, so it
 * comes back when the page is opened. All in one write (./writer.ts): an import that fails
 * (storage full) writes nothing, and running it again finishes it.
 */
export function applyImport(plan: ImportPlan, overwrite: ReadonlySet<string> = new Set()): Promise<Result<{ written: number }>> {
  const snapshots = [...plan.added, ...plan.merged, ...plan.identical, ...plan.conflicts.map((c) => c.incoming)];
  return requestWrite({ op: 'import', snapshots, overwrite: [...overwrite] });
}
