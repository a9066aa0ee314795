import { describe, expect, it } from 'vitest';
import { appealGroup, applicants, checkContext, savedReport } from '../../test/helpers/context';
import { FindingSchema, RULE_IDS } from '../report/schema';
import { RULES, runChecks } from './index';

const NOTE = '注：因多数依申请公开件并非“一事一申请”，一件申请中往往有多个申请事项，故“办理结果”的数量大于收到申请件的数量。';

// An error in each of 表三 and 表四, a warning in 表二 and 表四, and a late publication (info).
const MIXED = {
  active: { normativeDocs: { issued: 2, repealed: 1, inForce: 0 } },
  requests: {
    newReceived: applicants(3, 3, 0, 0, 0, 0, 7),
    granted: applicants(3, 3, 0, 0, 0, 0, 6),
    totalProcessed: applicants(3, 3, 0, 0, 0, 0, 6),
  },
  appeals: { review: appealGroup(1, 0, 0, null, 2) },
};

describe('runChecks', () => {
  it('lists every rule of spec §6 once, in its order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it('orders errors, then warnings, then info; by rule, then table order within a severity', () => {
    const ctx = checkContext({ figures: MIXED, recognition: { year: 2023, agencyKind: 'department', publishedAt: '2024-03-01' } });
    const findings = runChecks(ctx);
    expect(findings.map((f) => [f.severity, f.rule, f.cells[0]])).toEqual([
      ['error', 'T3-ROW', 'requests.newReceived.total'],
      ['error', 'T3-BAL', 'requests.totalProcessed.total'],
      ['error', 'T4-SUM', 'appeals.review.total'],
      ['warning', 'T2-STOCK', 'active.normativeDocs.inForce'],
      ['warning', 'VAL-BLANK', 'appeals.review.pending'],
      ['info', 'DATE-LATE', undefined],
    ]);
    for (const f of findings) expect(FindingSchema.parse(f)).toEqual(f);
  });

  it("shows the report's note beside every finding about that table, and only there", () => {
    const ctx = checkContext({
      figures: MIXED,
      extraction: { notes: [{ table: 'requests', text: NOTE }, { table: 'requests', text: '注：另有2件转交。' }] },
    });
    const findings = runChecks(ctx);
    const withNote = findings.filter((f) => f.note !== undefined);
    expect(withNote.map((f) => f.rule)).toEqual(['T3-ROW', 'T3-BAL']);
    expect(withNote[0]!.note).toBe(`${NOTE}\n注：另有2件转交。`);
    expect(findings.filter((f) => f.note === undefined).map((f) => f.rule)).toEqual(['T4-SUM', 'T2-STOCK', 'VAL-BLANK']);
  });

  it('attaches the note to a missing table too', () => {
    const ctx = checkContext({ extraction: { template: 'unknown', notes: [{ table: 'appeals', text: '注：详见附件。' }] } });
    expect(runChecks(ctx).map((f) => [f.rule, f.cells, f.note])).toEqual([
      ['TBL-MISSING', ['active'], undefined],
      ['TBL-MISSING', ['requests'], undefined],
      ['TBL-MISSING', ['appeals'], '注：详见附件。'],
    ]);
  });

  it('runs only TMPL-YEAR and DATE-LATE on a legacy report', () => {
    const ctx = checkContext({
      template: 'legacy',
      figures: MIXED,
      recognition: { year: 2018, agencyKind: 'government', publishedAt: '2019-05-06' },
      extraction: { sections: new Set() },
    });
    expect(runChecks(ctx).map((f) => f.rule)).toEqual(['DATE-LATE']);
  });

  it('checks national tables found in a pre-2019 report, and notes the format', () => {
    const ctx = checkContext({
      template: 'legacy',
      figures: { requests: { granted: applicants(1, 0, 0, 0, 0, 0, 2) } },
      extraction: { template: '2019', sections: new Set(['overview', 'requests', 'appeals', 'problems', 'other']) },
    });
    expect(runChecks(ctx).map((f) => [f.rule, f.cells[0] ?? f.section])).toEqual([
      ['T3-ROW', 'requests.granted.total'],
      ['TBL-MISSING', 'appeals'],
      ['SEC-MISSING', 'active'],
      ['TMPL-YEAR', undefined],
    ]);
  });

  it("goes by the year's format when no table was read (seed 004)", () => {
    const ctx = checkContext({ extraction: { template: 'unknown', sections: new Set(['overview', 'active', 'requests', 'appeals', 'problems']) } });
    expect(runChecks(ctx).map((f) => [f.rule, f.cells[0] ?? f.section])).toEqual([
      ['TBL-MISSING', 'active'],
      ['TBL-MISSING', 'requests'],
      ['TBL-MISSING', 'appeals'],
      ['SEC-MISSING', 'other'],
    ]);
  });

  it('runs the T2021-only stock rules on T2021 tables only', () => {
    const stock = { active: { normativeDocs: { issued: 2, repealed: 1, inForce: 0 } } };
    const options = {
      figures: stock,
      extraction: { tablesFound: new Set(['active', 'requests', 'appeals'] as const) },
      previous: { report: savedReport('2021', { active: { normativeDocs: { inForce: 5 } } }), label: '2022' },
    };
    expect(runChecks(checkContext({ ...options, template: '2021' })).map((f) => f.rule)).toEqual(['T2-STOCK', 'YOY-STOCK']);
    expect(runChecks(checkContext({ ...options, template: '2019' }))).toEqual([]);
  });
});
