// Hand-made CheckContexts for the rule tests: figures written like the report JSON
// (`{ requests: { newReceived: { natural: 3 } } }`, or flat `'requests.newReceived.natural': 3`),
// everything else a plausible default that each test overrides where it matters.
import type { CheckContext, Extraction, FigureMap, Recognition } from '../../lib/types';
import type { Report } from '../../lib/report/schema';
import { SCHEMA_VERSION } from '../../lib/report/schema';
import { APPEAL_COLUMNS, APPLICANT_COLUMNS, tableOf, type TemplateId } from '../../lib/report/keys';

/** A leaf is a number, null (blank cell) or a string: the raw text of an unreadable cell. */
export type Figures = { [key: string]: number | null | string | Figures };

export function figureMap(figures: Figures, prefix = ''): FigureMap {
  const map: FigureMap = new Map();
  for (const [name, leaf] of Object.entries(figures)) {
    const key = prefix + name;
    if (leaf !== null && typeof leaf === 'object') {
      for (const [k, f] of figureMap(leaf, `${key}.`)) map.set(k, f);
      continue;
    }
    const raw = leaf === null ? '' : String(leaf);
    const cell = { text: raw, norm: raw, table: 0, row: map.size, col: 0 };
    map.set(key, typeof leaf === 'string' ? { key, value: null, raw, bad: true, cell } : { key, value: leaf, raw, cell });
  }
  return map;
}

/** A 表三 row in the column order natural, commercial, research, nonprofit, legal, other, total. */
export function applicants(...values: (number | null | string)[]): Figures {
  return row(APPLICANT_COLUMNS, values);
}

/** A 表四 group in the column order upheld, corrected, other, pending, total. */
export function appealGroup(...values: (number | null | string)[]): Figures {
  return row(APPEAL_COLUMNS, values);
}

function row(columns: readonly string[], values: (number | null | string)[]): Figures {
  if (values.length !== columns.length) throw new Error(`expected ${columns.length} values, got ${values.length}`);
  return Object.fromEntries(columns.map((c, i) => [c, values[i]!]));
}

const YEAR_OF: Record<TemplateId, number | null> = { '2021': 2023, '2019': 2019, legacy: 2018, unknown: null };

export interface ContextOptions {
  /** Template of both the year and the tables, unless recognition/extraction say otherwise. */
  template?: TemplateId;
  figures?: Figures;
  recognition?: Partial<Recognition>;
  extraction?: Partial<Omit<Extraction, 'figures'>>;
  previous?: CheckContext['previous'];
}

export function checkContext(opts: ContextOptions = {}): CheckContext {
  const template = opts.template ?? '2021';
  const figures = figureMap(opts.figures ?? {});
  const recognition: Recognition = {
    isReport: true,
    template,
    script: 'simplified',
    title: null,
    agency: '某某市某某局',
    agencyKind: 'department',
    year: YEAR_OF[template],
    publishedAt: null,
    ...opts.recognition,
  };
  const extraction: Extraction = {
    template,
    figures,
    tablesFound: new Set([...figures.keys()].map(tableOf)),
    sections: new Set(['overview', 'active', 'requests', 'appeals', 'problems', 'other']),
    narrativeText: '',
    narrative: [],
    notes: [],
    unreadable: [],
    ...opts.extraction,
  };
  return { recognition, extraction, ...(opts.previous && { previous: opts.previous }) };
}

/** Last year's saved report (the JSON of a snapshot), for YOY-*; only what the rules read is real. */
export function savedReport(template: TemplateId, figures: Figures, year = YEAR_OF[template]): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: 'snapshot',
    title: null,
    agency: '某某市某某局',
    agencyKind: 'department',
    year,
    template,
    script: 'simplified',
    publishedAt: null,
    deadline: null,
    sections: [],
    active: (figures.active ?? null) as Report['active'],
    requests: (figures.requests ?? null) as Report['requests'],
    appeals: (figures.appeals ?? null) as Report['appeals'],
    narrative: [],
    notes: [],
    findings: [],
    noErrors: true,
  };
}
