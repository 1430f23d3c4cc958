import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './column-sum.js';

const D03_HEAD = [
  ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
  ['栏次', '', '1', '2', '3'],
];
const D05_HEAD = [
  ['项目|2', '本年支出|5'],
  ['科目代码', '科目名称', '合计^2', '基本支出|3', '项目支出^2'],
  ['', '', '小计', '人员经费', '公用经费'],
];

ruleTester(rule, {
  valid: [
    { description: 'rows that add up', tables: [{ title: '支出决算表', rows: [...D03_HEAD, ['合计', '', '300.00', '100.00', '200.00'], ['2010301', '行政运行', '100.00', '100.00', '']] }] },
    { description: 'blank components sum as zero', tables: [{ title: '支出决算表', rows: [...D03_HEAD, ['2010301', '行政运行', '1,901.98', '1,901.98', '—']] }] },
    {
      description: 'text in a numeric cell is neither a number nor an error',
      tables: [
        {
          title: '支出决算表',
          rows: [...D03_HEAD, ['2010301', '行政运行', '单位不需填列', '5.00', ''], ['2010302', '一般行政管理事务', '3.00', '1.00', '2.00'], ['2010303', '机关服务', '4.00', '4.00', '']],
        },
      ],
    },
    {
      description: 'a nested group takes part through its 小计 (本年支出 = 基本支出·小计 + 项目支出)',
      tables: [{ title: '一般公共预算财政拨款支出决算表', rows: [...D05_HEAD, ['2010301', '行政运行', '150.00', '100.00', '60.00', '40.00', '50.00']] }],
    },
    {
      description: 'headers misaligned with the data are read by the 栏次 row (三公: 公务接待费 one column off)',
      tables: [
        {
          title: '财政拨款“三公”经费支出决算表',
          rows: [
            ['预算数', '', '', '', '', '', '', '', '', '', '', '', ''],
            ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', ''],
            ['', '', '小计', '公务用车购置费', '公务用车运行维护费', '', '', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费'],
            ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', ''],
            ['14.44', '', '11.08', '', '11.08', '3.36', '11.83', '', '11.08', '', '11.08', '0.75', ''],
          ],
        },
      ],
    },
  ],
  invalid: [
    {
      description: '0.01 off with two addends is rounding',
      tables: [{ title: '支出决算表', rows: [...D03_HEAD, ['合计', '', '5,168.13', '2,395.01', '2,773.11']] }],
      findings: [{ messageId: 'column-sum', severity: 'rounding', category: 'table-sum', cells: ['r2c2'], stated: '5168.13', expected: '5168.12', difference: '0.01' }],
    },
    {
      description: '0.02 off with two addends is beyond the band (0.015): error',
      tables: [{ title: '支出决算表', rows: [...D03_HEAD, ['合计', '', '10.02', '5.00', '5.00']] }],
      findings: [{ severity: 'error', stated: '10.02', expected: '10.00' }],
    },
    {
      description: 'a blank total with filled parts is an error',
      tables: [{ title: '支出决算表', rows: [...D03_HEAD, ['20899', '其他', '', '17.06', '']] }],
      findings: [{ severity: 'error', stated: null, expected: '17.06', difference: '-17.06' }],
    },
    {
      description: '基本支出·小计 ≠ 人员经费 + 公用经费 inside the nested group',
      tables: [{ title: '一般公共预算财政拨款支出决算表', rows: [...D05_HEAD, ['2010301', '行政运行', '150.00', '100.00', '70.00', '40.00', '50.00']] }],
      findings: [{ severity: 'error', cells: ['r3c3'], stated: '100.00', expected: '110.00' }],
    },
    {
      description: 'the same wrong figures in the 合计 and 一般公共预算 columns fold into one finding',
      tables: [
        {
          title: '财政拨款收入支出决算总表',
          rows: [
            ['项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
            ['栏次', '1', '2', '3'],
            ['一、一般公共服务支出', '10.00', '9.00', '2.00'],
            ['二、外交支出', '10.00', '9.00', '2.00'],
          ],
        },
      ],
      findings: [{ severity: 'error', cells: ['r2c1', 'r3c1'], stated: '10.00', expected: '11.00' }],
    },
  ],
});
