// The report as JSON: what the CLI prints, the panel copies and the snapshots store.
// One zod module is the single source of truth; `schema/report.schema.json` is generated from it
// (`npm run schema`).
import { z } from 'zod';
import { ACTIVE_T2019, ACTIVE_T2021, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS } from './keys';

// MV3 pages forbid `new Function`; zod must not compile validators (see notes/toolchain.md).
z.config({ jitless: true });

export const SCHEMA_VERSION = 1;

/** A figure as printed: a number, or null for a blank cell ("", "/", "—", "-", "无"). */
const figure = z.number().nullable();

const columnsObject = <K extends string>(cols: readonly K[]) =>
  z.strictObject(Object.fromEntries(cols.map((c) => [c, figure.optional()])) as Record<K, z.ZodOptional<typeof figure>>);

// A row printed with fewer cells than the template keeps only the cells that are there: an absent
// column is "not on the page", unlike null ("printed blank").
const applicantRow = columnsObject(APPLICANT_COLUMNS);
const row = applicantRow.optional();

export const RequestsSchema = z.strictObject({
  newReceived: row,
  carriedOver: row,
  granted: row,
  partlyGranted: row,
  denied: z
    .strictObject({
      stateSecret: row, lawForbidden: row, threeSecurities: row, thirdParty: row,
      internalAffairs: row, processInfo: row, enforcementFile: row, inquiry: row,
    })
    .optional(),
  unavailable: z.strictObject({ notHeld: row, needsCreation: row, unclear: row }).optional(),
  notProcessed: z
    .strictObject({ petition: row, repeated: row, publication: row, excessive: row, confirmation: row })
    .optional(),
  otherHandling: z.strictObject({ overdueCorrection: row, overdueFee: row, other: row, total: row }).optional(),
  totalProcessed: row,
  carriedForward: row,
});

const appealGroup = columnsObject(APPEAL_COLUMNS).optional();
export const AppealsSchema = z.strictObject(
  Object.fromEntries(APPEAL_GROUPS.map((g) => [g, appealGroup])) as Record<(typeof APPEAL_GROUPS)[number], typeof appealGroup>,
);

// 表二: the union of both templates' columns per row; a report only carries its template's.
const activeRowNames = [...new Set([...Object.keys(ACTIVE_T2021), ...Object.keys(ACTIVE_T2019)])];
const activeColumns = (name: string) =>
  [...new Set([...((ACTIVE_T2021 as Record<string, readonly string[]>)[name] ?? []), ...((ACTIVE_T2019 as Record<string, readonly string[]>)[name] ?? [])])];
export const ActiveSchema = z.strictObject(
  Object.fromEntries(
    activeRowNames.map((name) => {
      const shape: Record<string, z.ZodType> = Object.fromEntries(activeColumns(name).map((c) => [c, figure.optional()]));
      // 政府集中采购 amounts are printed as "297.17万元" or "394432.52元": keep the unit as printed.
      if (name === 'procurement') shape.amountUnit = z.enum(['元', '万元']).optional();
      return [name, z.strictObject(shape).optional()];
    }),
  ),
);

export const RULE_IDS = [
  'T3-ROW', 'T3-SUM', 'T3-BAL', 'T4-SUM', 'T2-STOCK', 'VAL-BLANK', 'VAL-BAD', 'TBL-MISSING',
  'SEC-MISSING', 'TBL-UNREADABLE', 'TMPL-YEAR', 'DATE-LATE', 'TXT-T3', 'TXT-T4', 'YOY-CARRY', 'YOY-STOCK',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FindingSchema = z.strictObject({
  rule: z.enum(RULE_IDS),
  severity: z.enum(SEVERITIES),
  /** Chinese, names the row and column labels and both numbers. */
  message: z.string(),
  /** The same in English, for the second UI language. */
  messageEn: z.string(),
  /**
   * Canonical key paths of the cells involved (e.g. `requests.totalProcessed.natural`). The first
   * is the checked cell, the one `expected`/`actual` speak of. TBL-MISSING names the table (`requests`).
   */
  cells: z.array(z.string()),
  /** SEC-MISSING: the section that is absent. */
  section: z.enum(['overview', 'active', 'requests', 'appeals', 'problems', 'other']).optional(),
  /** The value the equation demands of the checked cell. */
  expected: z.number().optional(),
  /** The figure as printed (null when blank). */
  actual: z.number().nullable().optional(),
  /** The report's own explanatory note (注：…) for the table this finding concerns. */
  note: z.string().optional(),
  /** For YOY-*: which saved report was compared. */
  against: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** How many of a report's findings have this severity (a report, or a stored summary of one). */
export const countOf = (report: { findings: readonly { severity: Severity }[] }, severity: Severity): number =>
  report.findings.filter((f) => f.severity === severity).length;

/** The form a report was read from: an HTML page, saved text, markdown, a PDF or a DOCX file. */
export const SOURCE_FORMS = ['html', 'text', 'markdown', 'pdf', 'docx'] as const;
export type SourceForm = (typeof SOURCE_FORMS)[number];

export const TEMPLATES = ['2021', '2019', 'legacy', 'unknown'] as const;
export const SECTION_IDS = ['overview', 'active', 'requests', 'appeals', 'problems', 'other'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ReportSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** The file (CLI) or URL (extension) the report was read from. */
  source: z.string(),
  /** The form it was read from; absent in reports saved before forms other than HTML/text were read. */
  form: z.enum(SOURCE_FORMS).optional(),
  title: z.string().nullable(),
  agency: z.string().nullable(),
  /** 'government' = 本级政府 aggregate report (deadline 31 March), 'department' (31 January). */
  agencyKind: z.enum(['government', 'department']).nullable(),
  year: z.number().int().nullable(),
  template: z.enum(TEMPLATES),
  script: z.enum(['simplified', 'traditional']),
  publishedAt: isoDate.nullable(),
  deadline: isoDate.nullable(),
  sections: z.array(z.enum(SECTION_IDS)),
  active: ActiveSchema.nullable(),
  requests: RequestsSchema.nullable(),
  appeals: AppealsSchema.nullable(),
  /** Figures stated in the narrative (section 一), e.g. 收到申请 49 件. */
  narrative: z.array(
    z.strictObject({ kind: z.enum(['requests', 'reviews', 'suits']), value: z.number(), text: z.string() }),
  ),
  /** The report's own notes (注：…) under a table. */
  notes: z.array(z.strictObject({ table: z.enum(['active', 'requests', 'appeals']), text: z.string() })),
  findings: z.array(FindingSchema),
  /** No finding of severity error. */
  noErrors: z.boolean(),
});
export type Report = z.infer<typeof ReportSchema>;
