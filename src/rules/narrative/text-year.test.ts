import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-year.js';

const H = '一、泉州台商投资区支出决算说明';
/** A 部门预算 summary table: the report is a budget. */
const B01 = {
  title: '2026年部门财务收支预算总表',
  rows: [
    ['收入', '', '支出', ''],
    ['项目', '预算数', '项目', '预算数'],
    ['一、财政拨款', '10.00', '一、一般公共服务支出', '10.00'],
    ['收入总计', '10.00', '支出总计', '10.00'],
  ],
};
const BUDGET = '上海市某区司法局2026年部门预算';

ruleTester(rule, {
  valid: [
    {
      description: 'comparisons with last year and with this year’s budget',
      tables: [],
      documentTitle: '2022年度政府决算',
      text: [H, '1、20103-政府办公厅(室)及相关机构事务9185万元，较2021年决算数增加2686万元，增长41.33%。2、20104-发展与改革事务1182万元，与2022年预算数相比增加138万元。'],
    },
    {
      description: 'a budget compared with last year’s budget, a project run in the budget year',
      tables: [B01],
      documentTitle: BUDGET,
      text: ['一、收支预算总体情况', '2026年，财政拨款收入10.00万元，比2025年预算增加1.00万元。', '五、实施周期', '2026年1月1日-2026年12月31日'],
    },
  ],
  invalid: [
    {
      description: 'a budget compared with the budget of its own year',
      tables: [B01],
      documentTitle: BUDGET,
      text: ['一、收支预算总体情况', '2026年，财政拨款收入10.00万元，比2026年预算增加1.00万元。'],
      findings: [{ messageId: 'year-compared', severity: 'review', stated: '2026', expected: '2025' }],
    },
    {
      description: 'a project of the budget whose 实施周期 ended the year before',
      tables: [B01],
      documentTitle: BUDGET,
      text: ['五、实施周期', '2025年1月1日-2025年12月31日'],
      findings: [{ messageId: 'year-period', severity: 'review', stated: '2025年1月1日-2025年12月31日', expected: '2026' }],
    },
    {
      description: 'an inline 实施期限 before the budget year',
      tables: [B01],
      documentTitle: BUDGET,
      text: ['（一）项目概况', '项目实施期限：2025年全年，预算安排10万元。'],
      findings: [{ messageId: 'year-period', severity: 'review', stated: '2025年全年' }],
    },
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
