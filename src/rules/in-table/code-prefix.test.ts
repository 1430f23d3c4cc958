import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './code-prefix.js';

const HEAD = [
  ['科目代码', '科目名称', '本年支出合计'],
  ['栏次', '', '1'],
];

ruleTester(rule, {
  valid: [
    {
      description: 'codes that extend their parents',
      tables: [{ title: '支出决算表', rows: [...HEAD, ['208', '社会保障和就业支出', '40.00'], ['20805', '养老支出', '40.00'], ['2080505', '养老保险缴费', '40.00']] }],
    },
  ],
  invalid: [
    {
      description: 'a 项 whose code does not extend the 款 it is listed under, and which the 款 needs to add up: error',
      tables: [{ title: '支出决算表', rows: [...HEAD, ['20805', '养老支出', '40.00'], ['2080505', '养老保险缴费', '30.00'], ['2080906', '职业年金缴费', '10.00']] }],
      findings: [{ messageId: 'code-prefix', severity: 'error', category: 'code-prefix', cells: ['r4c0'], stated: '2080906' }],
    },
    {
      description: 'a misfiled code the figures do not place: review',
      tables: [{ title: '支出决算表', rows: [...HEAD, ['20805', '养老支出', '30.00'], ['2080505', '养老保险缴费', '30.00'], ['2080906', '其他', '10.00']] }],
      findings: [{ messageId: 'code-prefix-order', severity: 'review', cells: ['r4c0'] }],
    },
  ],
});
