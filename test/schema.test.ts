// schema/report.schema.json is generated from the zod schema (npm run schema) and is what users
// validate the CLI's --json against: it must be current, strict, and accept what the CLI prints.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020Module from 'ajv/dist/2020.js';
import { SCHEMA_FILE, reportJsonSchema } from '../scripts/gen-schema';
import { REPO_ROOT, SHARED } from './fixtures/seeds';
import { runCli } from './fixtures/cli';

// ajv ships CommonJS: its default export arrives wrapped under ESM.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));

const minimal = {
  schemaVersion: 1, source: 'a.html', title: null, agency: null, agencyKind: null, year: 2024, template: '2021',
  script: 'simplified', publishedAt: null, deadline: null, sections: ['overview'], active: null, requests: null,
  appeals: { review: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 } }, narrative: [], notes: [],
  findings: [{ rule: 'TBL-MISSING', severity: 'warning', message: '表三缺失', messageEn: 'Table 3 missing', cells: ['requests'] }],
  noErrors: true,
};

describe('schema/report.schema.json', () => {
  it('is what npm run schema generates from lib/report/schema.ts now', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(reportJsonSchema());
  });

  it('accepts a valid report and rejects what the zod schema rejects', () => {
    expect(validate(minimal), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...minimal, extra: 1 })).toBe(false);
    expect(validate({ ...minimal, findings: [{ ...minimal.findings[0], rule: 'T9-NONE' }] })).toBe(false);
    expect(validate({ ...minimal, publishedAt: '24/01/2025' })).toBe(false);
    expect(validate({ ...minimal, appeals: { review: { upheld: '0', corrected: 1, other: 0, pending: 0, total: 1 } } })).toBe(false);
  });

  // One CLI process over every fixture page: seconds on a loaded machine.
  it('validates the CLI --json output for every fixture page', { timeout: 60_000 }, () => {
    const dirs = [path.join(SHARED, 'seeds'), path.join(SHARED, 'corpus'), path.join(REPO_ROOT, 'test/fixtures/html')];
    const run = runCli(['--json', ...dirs]);
    const reports = JSON.parse(run.stdout) as { source: string }[];
    // Every page of those folders is a report (PDFs too) but the two non-report pages and the .md notes, which are refused (exit 2).
    const pages = dirs.flatMap((dir) =>
      fs.readdirSync(dir).filter((f) => /\.(html?|txt|pdf|docx)$/.test(f) && !f.startsWith('nonreport-')).map((f) => path.join(dir, f)),
    );
    expect(reports.map((r) => path.resolve(r.source)).sort()).toEqual(pages.sort());
    for (const r of reports) expect(validate(r), `${(r as { source: string }).source}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });
});
