import { ruleTester } from '../../test/support/rule-tester.js';
import rule from './text-year.js';

const H = '一、泉州台商投资区支出决算说明';

ruleTester(rule, {
  valid: [
    {
      description: 'comparisons with last year and with this year’s budget',
      tables: [],
      documentTitle: '2022年度政府决算',
      text: [H, '1、20103-政府办公厅(室)及相关机构事务9185万元，较2021年决算数增加2686万元，增长41.33%。2、20104-发展与改革事务1182万元，与2022年预算数相比增加138万元。'],
    },
  ],
  invalid: [
    {
      description: 'a comparison with the report’s own year',
      tables: [],
      documentTitle: '2022年度政府决算',
      text: [H, '11、20123-民族事务156万元，与2022年决算数持平。'],
      findings: [{ messageId: 'year-compared', severity: 'review', stated: '2022', expected: '2021' }],
    },
    {
      description: 'figures of the year before only, in the report on the budget year',
      tables: [],
      documentTitle: '湛江市各民主党派2018年三公经费预算情况说明',
      text: ['湛江市各民主党派2018年三公经费预算情况说明', '2017年湛江市民主党派财政拨款“三公”经费支出合计13.78万元，比上年减少15万元。'],
      findings: [{ messageId: 'year-figures', severity: 'review', stated: '13.78' }],
    },
  ],
});
