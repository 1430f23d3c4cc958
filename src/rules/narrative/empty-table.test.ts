import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './empty-table.js';

function fund(income: string, spent: string): CaseTable {
  return {
    title: '政府性基金预算财政拨款收入支出决算表',
    rows: [
      ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '年末结转和结余'],
      ['', '合计', '', income, spent, ''],
    ],
  };
}

function threePublic(total: string): CaseTable {
  return {
    title: '部门“三公”经费和机关运行经费预算表',
    rows: [
      ['因公出国（境）费', '公务接待费', '公务用车购置及运行费', '合计'],
      ['', '', '', total],
    ],
  };
}

const S7 = '七、政府性基金预算财政拨款收入支出决算情况说明';

ruleTester(rule, {
  valid: [
    { description: 'an empty table explained in the 情况说明', tables: [fund('', '')], text: [S7, '无政府性基金预算财政拨款收入支出。'] },
    { description: 'an empty table explained as 不涉及 with zeros', tables: [fund('0.00', '0.00')], text: [S7, '2024 年度政府性基金预算财政拨款本年收入 0.00 万元，主要是本单位不涉及此项。'] },
    { description: 'a table with figures, described with them', tables: [fund('5.00', '5.00')], text: [S7, '本年政府性基金预算财政拨款支出 5.00 万元。'] },
    { description: 'a 三公 table without figures whose note says it is empty', tables: [threePublic('')], text: ['注:本部门2024年无“三公”经费预算，故本表为空表。'] },
  ],
  invalid: [
    {
      description: 'a 三公 table with figures whose note says it is empty',
      tables: [threePublic('47.91')],
      text: ['注:本部门2024年无“三公”经费预算，故本表为空表。'],
      findings: [{ messageId: 'empty-table-note', severity: 'error', category: 'text-vs-table', cells: ['r1c3'] }],
    },
    {
      description: 'a table with figures whose own note says there are none',
      tables: [fund('5.00', '5.00')],
      text: ['注：本部门没有政府性基金预算财政拨款。'],
      findings: [{ messageId: 'empty-table-note', severity: 'error', category: 'text-vs-table', cells: ['r1c3'] }],
    },
    {
      description: 'an empty table that nothing explains',
      tables: [fund('', '')],
      text: [S7, '本年度情况如下。'],
      findings: [{ messageId: 'empty-table-unexplained', severity: 'review', category: 'text-vs-table', cells: ['r0c0'] }],
    },
    {
      description: 'a table with figures that the text calls empty',
      tables: [fund('5.00', '5.00')],
      text: [S7, '本部门没有政府性基金预算财政拨款收入支出。'],
      findings: [{ messageId: 'empty-table-text', severity: 'review', category: 'text-vs-table' }],
    },
  ],
});
