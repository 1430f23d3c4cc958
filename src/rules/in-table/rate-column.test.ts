import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './rate-column.js';

const THREE_PUBLIC = [['项目', '上年预算数', '本年预算数', '增减额', '增减率(%)']];

ruleTester(rule, {
  valid: [
    { description: 'a correct growth rate and change', tables: [{ title: '一般公共预算“三公”经费支出预算表', rows: [...THREE_PUBLIC, ['合计', '5.71', '2.61', '-3.10', '-54.29']] }] },
    { description: '0 → 0 with 0% is not a finding', tables: [{ title: '一般公共预算“三公”经费支出预算表', rows: [...THREE_PUBLIC, ['因公出国（境）费', '0.00', '0.00', '0.00', '0.00']] }] },
    {
      description: '"无可比性" on a zero base is right',
      tables: [{ title: '一般公共预算“三公”经费支出预算表', rows: [...THREE_PUBLIC, ['公务用车运行维护费', '2.00', '1.00', '-1.00', '-50.00'], ['公务接待费', '0.00', '1.00', '1.00', '无可比性']] }],
    },
    {
      description: 'a completion rate on the 年初预算 its header names',
      tables: [
        {
          title: '一般公共预算财政拨款支出决算明细表',
          rows: [
            ['项目', '年初预算数', '调整预算数', '决算数', '完成年初预算%'],
            ['行政运行', '1,583.00', '1,600.00', '1,163.64', '73.51'],
          ],
        },
      ],
    },
    {
      description: 'a share of the 合计 row',
      tables: [
        {
          title: '支出结构表',
          rows: [
            ['项目', '金额', '占比%'],
            ['合计', '1,432.83', '100.00'],
            ['一般公共服务支出', '1,336.60', '93.28'],
            ['住房保障支出', '96.23', '6.72'],
          ],
        },
      ],
    },
  ],
  invalid: [
    {
      description: 'a growth rate computed on the current year instead of the prior one',
      tables: [{ title: '一般公共预算“三公”经费支出预算表', rows: [...THREE_PUBLIC, ['合计', '5.71', '2.61', '-3.10', '-118.77']] }],
      findings: [{ messageId: 'rate-column', severity: 'error', category: 'growth-rate', cells: ['r1c4'], stated: '-118.77', expected: '-54.29' }],
    },
    {
      description: 'a rate one unit off in its last digit is rounding',
      tables: [{ title: '一般公共预算“三公”经费支出预算表', rows: [...THREE_PUBLIC, ['合计', '1,272.95', '1,435.07', '162.12', '12.73']] }],
      findings: [{ severity: 'rounding', stated: '12.73', expected: '12.74' }],
    },
    {
      description: 'a rate over a zero base is review',
      tables: [{ title: '一般公共预算“三公”经费支出预算表', rows: [...THREE_PUBLIC, ['公务接待费', '0.00', '1.00', '1.00', '100.00']] }],
      findings: [{ messageId: 'rate-column-zero-base', severity: 'review', category: 'zero-denominator' }],
    },
    {
      description: 'an amount of change that does not match',
      tables: [{ title: '一般公共预算“三公”经费支出预算表', rows: [...THREE_PUBLIC, ['合计', '5.71', '2.61', '-3.00', '-52.54']] }],
      findings: [{ messageId: 'change-column', severity: 'error', category: 'table-sum', stated: '-3.00', expected: '-3.10' }],
    },
  ],
});
