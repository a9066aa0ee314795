// Figures (flat, keyed by canonical path) → the nested JSON report of schema.ts.
import type { Finding, Report, SourceForm } from './schema';
import { SCHEMA_VERSION } from './schema';
import type { Extraction, FigureMap, Recognition } from '../types';
import type { TableId } from './keys';
import { deadlineOf } from '../recognize';

/** Nest `table.a.b` paths into one object per table, in one pass over the figures; a table without figures is absent. */
function nest(figures: FigureMap): Partial<Record<TableId, Record<string, unknown>>> {
  const tables: Partial<Record<TableId, Record<string, unknown>>> = {};
  for (const [key, fig] of figures) {
    const parts = key.split('.');
    let node = (tables[parts[0] as TableId] ??= {});
    for (let i = 1; i < parts.length - 1; i++) node = (node[parts[i]!] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = fig.value;
    if (fig.unit && key === 'active.procurement.amount') node.amountUnit = fig.unit;
  }
  return tables;
}

/**
 * The report as our own code builds it, not parsed with ReportSchema: zod's parse was 2 ms of a
 * page's first analysis in Chromium and the first parse of a page context costs the most
 * (docs/first-analysis.md). An engine bug still surfaces: every real page's report and the fuzz
 * suite's are parsed in tests (build.test.ts: the parse would change nothing), and a report is
 * parsed where it is stored or imported.
 */
export function buildReport(source: string, form: SourceForm, rec: Recognition, ex: Extraction, findings: Finding[]): Report {
  // The tables' keys come from keys.ts, which the schema is built from too; the tests hold them together.
  const tables = nest(ex.figures) as Partial<Pick<Report, TableId>>;
  return {
    schemaVersion: SCHEMA_VERSION,
    source,
    form,
    title: rec.title,
    agency: rec.agency,
    agencyKind: rec.agencyKind,
    year: rec.year,
    template: ex.template,
    script: rec.script,
    publishedAt: rec.publishedAt,
    deadline: deadlineOf(rec),
    sections: [...ex.sections],
    active: tables.active ?? null,
    requests: tables.requests ?? null,
    appeals: tables.appeals ?? null,
    narrative: ex.narrative,
    notes: ex.notes,
    findings,
    noErrors: !findings.some((f) => f.severity === 'error'),
  };
}
