import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './code-consistency.js';

function codes(title: string, lines: Array<[string, string, string]>): CaseTable {
  return { title, rows: [['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'], ...lines.map(([c, n, v]) => [c, n, v, v, ''])] };
}

const spending = codes('支出决算表', [
  ['208', '社会保障和就业支出', '27.33'],
  ['20899', '其他社会保障和就业支出', '27.33'],
  ['2089999', '其他社会保障和就业支出', '27.33'],
]);

ruleTester(rule, {
  valid: [
    {
      description: 'the same codes and names in both tables (amounts may differ: scopes)',
      tables: [
        spending,
        codes('一般公共预算财政拨款支出决算表', [
          ['208', '社会保障和就业支出', '11.04'],
          ['20899', '其他社会保障和就业支出', '11.04'],
          ['2089999', '其他社会保障和就业支出', '11.04'],
        ]),
      ],
    },
    {
      description: 'names that differ only by 支出 or by the (项) mark',
      tables: [
        codes('支出决算表', [['2010399', '其他政府办公厅（室）及相关机构事务支出', '1.00']]),
        codes('一般公共预算财政拨款支出决算表', [['2010399', '其他政府办公厅(室)及相关机构事务（项）', '1.00']]),
      ],
    },
    {
      description: 'a subject present in one table only',
      inapplicable: 'the subject is in one table only: nothing to compare',
      tables: [spending, codes('一般公共预算财政拨款支出决算表', [['2010301', '行政运行', '5.00']])],
    },
  ],
  invalid: [
    {
      description: 'one 项 coded 2089999 in one table and 2089901 in the other: the one off the …99 pattern is marked',
      tables: [
        spending,
        codes('一般公共预算财政拨款支出决算表', [
          ['208', '社会保障和就业支出', '11.04'],
          ['20899', '其他社会保障和就业支出', '11.04'],
          ['2089901', '其他社会保障和就业支出', '11.04'],
        ]),
      ],
      findings: [{ messageId: 'code-consistency-code', severity: 'review', category: 'cross-table', cells: ['t1r3c0'], stated: '2089901', expected: '2089999' }],
    },
    {
      description: 'one code, two unrelated names',
      tables: [codes('支出决算表', [['2010301', '行政运行', '1.00']]), codes('一般公共预算财政拨款支出决算表', [['2010301', '住房公积金', '1.00']])],
      findings: [{ messageId: 'code-consistency-name', severity: 'review', cells: ['t1r1c0'], stated: '住房公积金', expected: '行政运行' }],
    },
  ],
});
