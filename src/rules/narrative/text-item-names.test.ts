import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './text-item-names.js';

const D05: CaseTable = {
  title: '一般公共预算财政拨款支出决算表',
  rows: [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['201', '一般公共服务支出', '20.00', '20.00', '0.00'],
    ['20103', '政府办公厅（室）及相关机构事务', '20.00', '20.00', '0.00'],
    ['2010301', '行政运行', '20.00', '20.00', '0.00'],
    ['210', '卫生健康支出', '10.00', '10.00', '0.00'],
    ['21011', '行政事业单位医疗', '10.00', '10.00', '0.00'],
    ['2101101', '行政单位医疗', '6.00', '6.00', '0.00'],
    ['2101199', '其他行政事业单位医疗支出', '4.00', '4.00', '0.00'],
    ['合计', '', '30.00', '30.00', '0.00'],
  ],
};
const H = ['五、一般公共预算财政拨款支出决算情况说明', '（三）一般公共预算财政拨款支出决算具体情况'];

ruleTester(rule, {
  valid: [
    {
      description: 'names as the table prints them, a name holding brackets included',
      tables: [D05],
      text: [...H, '1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。年初预算为20.00万元，支出决算为20.00万元。'],
    },
    { description: 'found by its codes', tables: [D05], text: [...H, '2. 卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）6.00万元。'] },
  ],
  invalid: [
    {
      description: 'an outdated 类 name, the item found by its codes',
      tables: [D05],
      text: [...H, '2. 医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）6.00万元。'],
      findings: [{ messageId: 'item-names', severity: 'review', category: 'text-vs-table', stated: '医疗卫生与计划生育支出（类）', expected: '210 卫生健康支出' }],
    },
    {
      description: 'a 项 name the table does not print, the item found by its figure within its class',
      tables: [D05],
      text: [...H, '3. 卫生健康支出（类）行政事业单位医疗（款）退休人员医疗补助（项）。年初预算为4.00万元，支出决算为4.00万元。'],
      findings: [{ messageId: 'item-names', severity: 'review', stated: '退休人员医疗补助（项）', expected: '2101199 其他行政事业单位医疗支出' }],
    },
  ],
});
