// Test support for keep-and-compare (imported by tests only): reports built from the seed
// expectations, as the engine would produce them.
import { ReportSchema, SCHEMA_VERSION, type Finding, type Report } from '../../lib/report/schema';
import { SEEDS } from '../../test/fixtures/seeds';

/** Flat canonical keys → the nested tables of the report JSON. */
function nest(figures: Record<string, number | null>, table: string): Record<string, unknown> | null {
  let root: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(figures)) {
    const [head, ...parts] = key.split('.');
    if (head !== table) continue;
    root ??= {};
    let node = root;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return root;
}

export interface ReportOptions {
  agency?: string;
  year?: number;
  source?: string;
  /** Canonical key → value, over seed 000's figures. */
  change?: Record<string, number | null>;
  findings?: Finding[];
}

/** Seed 000 (鹤岗市人民政府办公室 2024, T2021) as the engine reports it, with changes. */
export function seedReport(opts: ReportOptions = {}): Report {
  const seed = SEEDS[0]!;
  const figures = { ...seed.figures!, ...opts.change };
  const findings = opts.findings ?? [];
  return ReportSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    source: opts.source ?? 'http://www.hegang.gov.cn/zwgk/gknb/2025/01/24/000.html',
    title: `${opts.agency ?? seed.agency}${opts.year ?? seed.year}年政府信息公开工作年度报告`,
    agency: opts.agency ?? seed.agency,
    agencyKind: 'department',
    year: opts.year ?? seed.year,
    template: seed.template,
    script: 'simplified',
    publishedAt: seed.publishedAt,
    deadline: `${(opts.year ?? seed.year) + 1}-01-31`,
    sections: ['overview', 'active', 'requests', 'appeals', 'problems', 'other'],
    active: nest(figures, 'active'),
    requests: nest(figures, 'requests'),
    appeals: nest(figures, 'appeals'),
    narrative: [],
    notes: [],
    findings,
    noErrors: !findings.some((f) => f.severity === 'error'),
  });
}

export const finding = (rule: Finding['rule'], severity: Finding['severity'], cell: string, expected?: number, actual?: number): Finding => ({
  rule,
  severity,
  message: `${rule} ${cell}`,
  messageEn: `${rule} ${cell}`,
  cells: [cell],
  ...(expected !== undefined ? { expected } : {}),
  ...(actual !== undefined ? { actual } : {}),
});
