// Reports for component tests, made by the engine's own checks and report builder from the seeds'
// hand-read figures (test/fixtures/seeds.ts): real findings and messages without a page.
import { checkContext, figureMap } from '../../test/helpers/context';
import { seed, type SeedId } from '../../test/fixtures/seeds';
import { runChecks } from '../../lib/checks';
import { buildReport } from '../../lib/report/build';
import type { Extraction, FigureMap } from '../../lib/types';
import type { Report } from '../../lib/report/schema';
import { tableOf } from '../../lib/report/keys';

export interface SeedReport {
  report: Report;
  figures: FigureMap;
}

export function seedReport(id: SeedId, extraction: Partial<Omit<Extraction, 'figures'>> = {}): SeedReport {
  const s = seed(id);
  const figures = figureMap(s.figures ?? {});
  const ctx = checkContext({
    template: s.template,
    figures: s.figures ?? {},
    recognition: { agency: s.agency, year: s.year, script: s.script, publishedAt: s.publishedAt },
    extraction: { tablesFound: new Set([...figures.keys()].map(tableOf)), ...extraction },
  });
  return { report: buildReport(`https://example.gov.cn/${id}.html`, 'html', ctx.recognition, ctx.extraction, runChecks(ctx)), figures };
}
