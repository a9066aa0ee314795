// TMPL-YEAR: the tables' format does not fit the report year (T2019 tables in a 2021+ report, T2021
// tables in a 2019–2020 report, national tables before 2019).
import { TEMPLATE_LABELS, text } from './message';
import { ALL_TEMPLATES, defineRule } from './rule';

export const tmplYear = defineRule('TMPL-YEAR', 'info', ALL_TEMPLATES, ({ recognition, extraction }) => {
  const tables = extraction.template;
  const ofYear = recognition.template;
  if (tables === 'unknown' || ofYear === 'unknown' || extraction.tablesFound.size === 0 || tables === ofYear) return [];
  const year = recognition.year === null ? { zh: '本', en: 'this' } : { zh: `${recognition.year}`, en: `a ${recognition.year}` };
  return [{
    ...text(
      `表格采用${TEMPLATE_LABELS[tables].zh}；${year.zh}年度报告对应的是${TEMPLATE_LABELS[ofYear].zh}。`,
      `The tables follow ${TEMPLATE_LABELS[tables].en}; ${year.en} report corresponds to ${TEMPLATE_LABELS[ofYear].en}.`,
    ),
    cells: [],
  }];
});
