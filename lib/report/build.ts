// Figures (flat, keyed by canonical path) → the nested JSON report of schema.ts.
import type { Finding, Report, SourceForm } from './schema';
import { ReportSchema, SCHEMA_VERSION } from './schema';
import type { Extraction, FigureMap, Recognition } from '../types';
import type { TableId } from './keys';
import { tableOf } from './keys';
import { deadlineOf } from '../recognize';

/** Nest `a.b.c` paths of one table into objects; null when the table has no figure. */
function nest(figures: FigureMap, table: TableId): Record<string, unknown> | null {
  let root: Record<string, unknown> | null = null;
  for (const [key, fig] of figures) {
    if (tableOf(key) !== table) continue;
    root ??= {};
    const parts = key.split('.').slice(1);
    let node = root;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = fig.value;
    if (fig.unit && key === 'active.procurement.amount') node.amountUnit = fig.unit;
  }
  return root;
}

export function buildReport(source: string, form: SourceForm, rec: Recognition, ex: Extraction, findings: Finding[]): Report {
  const report = {
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
    active: nest(ex.figures, 'active'),
    requests: nest(ex.figures, 'requests'),
    appeals: nest(ex.figures, 'appeals'),
    narrative: ex.narrative,
    notes: ex.notes,
    findings,
    noErrors: !findings.some((f) => f.severity === 'error'),
  };
  // Parse, not cast: a report that does not fit the schema is an engine bug and must surface.
  return ReportSchema.parse(report);
}
