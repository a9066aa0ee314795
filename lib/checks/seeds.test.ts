// The real errors of the seed pages (shared/seeds/EXPECTED.md), reproduced from their hand-read
// figures: the rules must find exactly these, with the numbers EXPECTED.md gives.
import { describe, expect, it } from 'vitest';
import { checkContext } from '../../test/helpers/context';
import { seed, SEEDS, type SeedExpectation } from '../../test/fixtures/seeds';
import type { Extraction, Recognition } from '../types';
import { RULES, runChecks } from './index';

/** What each page's text states (EXPECTED.md), and the kind of body that published it. */
const PAGE: Record<SeedExpectation['id'], { agencyKind: Recognition['agencyKind']; narrative: Extraction['narrative']; notes?: Extraction['notes'] }> = {
  '000': {
    agencyKind: 'department',
    narrative: [{ kind: 'requests', value: 39, text: '办理信息公开申39件' }, { kind: 'reviews', value: 1, text: '处理行政复议1件' }],
  },
  '001': {
    agencyKind: 'department',
    narrative: [
      { kind: 'requests', value: 6, text: '收办申请6件' },
      { kind: 'reviews', value: 0, text: '行政复议0件' },
      { kind: 'suits', value: 0, text: '行政诉讼0件' },
    ],
  },
  '002': { agencyKind: 'government', narrative: [{ kind: 'requests', value: 45, text: '共收到依申请公开办理45件' }] },
  '003': {
    agencyKind: 'department',
    narrative: [
      { kind: 'requests', value: 49, text: '收到依申请公开事项49件' },
      { kind: 'reviews', value: 3, text: '行政复议3件' },
      { kind: 'suits', value: 1, text: '行政诉讼1起' },
    ],
    notes: [{ table: 'requests', text: '注:因多数依申请公开件并非“一事一申请”,一件申请中往往有多个申请事项,故“办理结果”的数量大于收到申请件的数量。' }],
  },
  '004': { agencyKind: 'government', narrative: [{ kind: 'requests', value: 1, text: '收到和受理政府信息公开申请1件' }] },
};

const severityOf = new Map(RULES.map((r) => [r.id, r.severity]));
const RANK = { error: 0, warning: 1, info: 2 } as const;

function contextOf(s: SeedExpectation) {
  const page = PAGE[s.id];
  return checkContext({
    template: s.template,
    figures: s.figures ?? {},
    recognition: { year: s.year, agencyKind: page.agencyKind, publishedAt: s.publishedAt, agency: s.agency },
    // 004's tables are images: its extraction knows no template of its own.
    extraction: { narrative: page.narrative, notes: page.notes ?? [], ...(s.figures === null && { template: 'unknown' }) },
  });
}

const exactly = (findings: ReturnType<typeof runChecks>) => findings.map((f) => [f.rule, f.cells[0], f.expected, f.actual]);

describe('the seed pages, from their hand-read figures', () => {
  it.each(SEEDS.map((s) => [s.id, s] as const))('seed %s: exactly its errors and warnings', (_, s) => {
    const found = runChecks(contextOf(s)).filter((f) => f.severity !== 'info');
    const expected = [...s.findings].sort((a, b) => RANK[severityOf.get(a.rule)!] - RANK[severityOf.get(b.rule)!]);
    expect(found.map((f) => ({ rule: f.rule, cell: f.cells[0] }))).toEqual(expected);
  });

  it('seed 001: the wrong （七）总计 row, with the numbers of EXPECTED.md', () => {
    expect(exactly(runChecks(contextOf(seed('001'))))).toEqual([
      ['T3-ROW', 'requests.totalProcessed.total', 6, 0],
      ['T3-SUM', 'requests.totalProcessed.natural', 3, 0],
      ['T3-SUM', 'requests.totalProcessed.commercial', 3, 6],
      ['T3-SUM', 'requests.totalProcessed.total', 6, 0],
      ['T3-BAL', 'requests.totalProcessed.natural', 3, 0],
      ['T3-BAL', 'requests.totalProcessed.commercial', 3, 6],
      ['T3-BAL', 'requests.totalProcessed.total', 6, 0],
      ['T2-STOCK', 'active.normativeDocs.inForce', 1, 0],
    ]);
  });

  it("seed 003: 3 T3-ROW, 4 T3-SUM, 5 T3-BAL with EXPECTED.md's numbers, the page's note beside each, and a late publication", () => {
    const findings = runChecks(contextOf(seed('003')));
    expect(exactly(findings)).toEqual([
      ['T3-ROW', 'requests.newReceived.total', 98, 49],
      ['T3-ROW', 'requests.granted.total', 76, 36],
      ['T3-ROW', 'requests.unavailable.notHeld.total', 4, 2],
      ['T3-SUM', 'requests.totalProcessed.natural', 48, 46],
      ['T3-SUM', 'requests.totalProcessed.commercial', 38, 1],
      ['T3-SUM', 'requests.totalProcessed.other', 3, 2],
      ['T3-SUM', 'requests.totalProcessed.total', 47, 49],
      ['T3-BAL', 'requests.totalProcessed.natural', 54, 46],
      ['T3-BAL', 'requests.totalProcessed.commercial', 42, 1],
      ['T3-BAL', 'requests.totalProcessed.research', 3, 0],
      ['T3-BAL', 'requests.totalProcessed.other', 4, 2],
      ['T3-BAL', 'requests.totalProcessed.total', 54, 49],
      // A 市政府办公室 is a department: due 2020-01-31, published 2020-03-25.
      ['DATE-LATE', undefined, undefined, undefined],
    ]);
    const note = PAGE['003'].notes![0]!.text;
    expect(findings.filter((f) => f.rule !== 'DATE-LATE').every((f) => f.note === note)).toBe(true);
    expect(findings.at(-1)!.note).toBeUndefined();
  });
});
