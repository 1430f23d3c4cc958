import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './fund-balance.js';

const HEAD = [
  ['科目代码', '科目名称', '年初结转和结余', '本年收入', '本年支出|2', '年末结转和结余'],
  ['', '', '', '', '小计', '项目支出', ''],
  ['栏次', '', '1', '2', '3', '4', '5'],
];

ruleTester(rule, {
  valid: [
    { description: 'a balanced row', tables: [{ title: '政府性基金预算财政拨款收入支出决算表', rows: [...HEAD, ['2120801', '征地补偿', '10.00', '50.00', '45.00', '45.00', '15.00']] }] },
    {
      description: 'an empty fund table has nothing to check',
      inapplicable: 'the table is empty (reported as not checked)',
      tables: [{ title: '政府性基金预算财政拨款收入支出决算表', rows: [...HEAD, ['合计', '', '', '', '', '', '']] }],
    },
  ],
  invalid: [
    {
      description: '年末 ≠ 年初 + 收入 − 支出',
      tables: [{ title: '政府性基金预算财政拨款收入支出决算表', rows: [...HEAD, ['2120801', '征地补偿', '10.00', '50.00', '45.00', '45.00', '25.00']] }],
      findings: [{ messageId: 'fund-balance', severity: 'error', cells: ['r3c6'], stated: '25.00', expected: '15.00' }],
    },
  ],
});
