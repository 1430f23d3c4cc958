import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './economic-detail.js';

const HEAD = [
  ['人员经费|3', '公用经费|6'],
  ['科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数'],
];

ruleTester(rule, {
  valid: [
    {
      description: 'classes, personnel and public totals that add up',
      tables: [
        {
          title: '一般公共预算财政拨款基本支出决算明细表',
          rows: [
            ...HEAD,
            ['301', '工资福利支出', '30.00', '302', '商品和服务支出', '8.00', '310', '资本性支出', '2.00'],
            ['30101', '基本工资', '10.00', '30201', '办公费', '8.00', '31002', '办公设备购置', '2.00'],
            ['30102', '津贴补贴', '20.00', '30202', '印刷费', '', '', '', ''],
            ['303', '对个人和家庭的补助', '5.00', '', '', '', '', '', ''],
            ['30302', '退休费', '5.00', '', '', '', '', '', ''],
            ['', '人员经费合计', '35.00', '', '公用经费合计', '', '', '', '10.00'],
          ],
        },
      ],
    },
  ],
  invalid: [
    {
      description: 'a class 0.01 off its items is rounding; a personnel total off by more is an error',
      tables: [
        {
          title: '一般公共预算财政拨款基本支出决算明细表',
          rows: [
            ...HEAD,
            ['301', '工资福利支出', '2,087.17', '302', '商品和服务支出', '8.00', '', '', ''],
            ['30101', '基本工资', '570.25', '30201', '办公费', '8.00', '', '', ''],
            ['30102', '津贴补贴', '1,516.93', '', '', '', '', '', ''],
            ['303', '对个人和家庭的补助', '23.53', '', '', '', '', '', ''],
            ['', '人员经费合计', '2,120.70', '', '公用经费合计', '8.00', '', '', ''],
          ],
        },
      ],
      findings: [
        { messageId: 'economic-class', severity: 'rounding', cells: ['r2c2'], stated: '2087.17', expected: '2087.18' },
        { messageId: 'economic-group', severity: 'error', cells: ['r6c2'], stated: '2120.70', expected: '2110.70' },
      ],
    },
  ],
});
