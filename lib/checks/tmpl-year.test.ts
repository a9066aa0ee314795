import { describe, expect, it } from 'vitest';
import { checkContext } from '../../test/helpers/context';
import type { TemplateId } from '../report/keys';
import { tmplYear } from './tmpl-year';

const withTables = (tables: TemplateId, ofYear: TemplateId, year: number | null) =>
  checkContext({
    figures: { requests: { granted: { natural: 1 } } },
    recognition: { template: ofYear, year },
    extraction: { template: tables },
  });

describe('TMPL-YEAR', () => {
  it('notes T2019 tables in a 2021+ report', () => {
    expect(tmplYear.run(withTables('2019', '2021', 2022))).toEqual([{
      rule: 'TMPL-YEAR',
      severity: 'info',
      message: '表格采用2019年试行格式（国办公开办函〔2019〕60号）；2022年度报告对应的是2021年版格式（国办公开办函〔2021〕30号）。',
      messageEn: 'The tables follow the 2019 trial format (国办公开办函〔2019〕60号); a 2022 report corresponds to the 2021 format (国办公开办函〔2021〕30号).',
      cells: [],
    }]);
  });

  it('notes T2021 tables in a 2019–2020 report and national tables before 2019', () => {
    expect(tmplYear.run(withTables('2021', '2019', 2020))).toHaveLength(1);
    expect(tmplYear.run(withTables('2019', 'legacy', 2018))[0]!.message).toBe(
      '表格采用2019年试行格式（国办公开办函〔2019〕60号）；2018年度报告对应的是2019年以前的非统一格式。',
    );
  });

  it('says nothing when the format fits, when either is unknown, or when no table was read', () => {
    expect(tmplYear.run(withTables('2021', '2021', 2023))).toEqual([]);
    expect(tmplYear.run(withTables('2019', 'unknown', null))).toEqual([]);
    expect(tmplYear.run(withTables('unknown', '2021', 2023))).toEqual([]);
    const noTables = checkContext({ recognition: { template: '2021', year: 2022 }, extraction: { template: '2019' } });
    expect(tmplYear.run(noTables)).toEqual([]);
  });
});
