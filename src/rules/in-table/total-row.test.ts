import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './total-row.js';

ruleTester(rule, {
  valid: [
    {
      description: 'a 合计 row of a list',
      tables: [
        {
          title: '政府采购支出表',
          rows: [
            ['项目', '金额'],
            ['货物', '10.00'],
            ['服务', '20.00'],
            ['合计', '30.00'],
          ],
        },
      ],
    },
    {
      description: '其中 rows and lower levels are not addends',
      tables: [
        {
          title: '政府采购支出表',
          rows: [
            ['项目', '金额'],
            ['一、货物', '10.00'],
            ['其中：中小企业', '4.00'],
            ['二、服务', '20.00'],
            ['（一）信息服务', '5.00'],
            ['合计', '30.00'],
          ],
        },
      ],
    },
    {
      description: 'an unrecognised table whose 合计 never adds up is not trusted (not checked)',
      inapplicable: 'the structure is not confirmed (reported as not checked)',
      tables: [
        {
          title: '人员情况表',
          rows: [
            ['项目', '2023年', '2024年'],
            ['在职', '10', '11'],
            ['退休', '3', '4'],
            ['合计', '99', '98'],
          ],
        },
      ],
    },
  ],
  invalid: [
    {
      description: '小计 rows and a 合计 of the 小计 rows',
      tables: [
        {
          title: '项目支出表',
          rows: [
            ['项目', '金额', '其中：财政'],
            ['办公费', '10.00', '5.00'],
            ['印刷费', '5.00', '5.00'],
            ['小计', '15.00', '10.00'],
            ['差旅费', '7.00', '1.00'],
            ['小计', '7.00', '1.00'],
            ['合计', '23.00', '11.00'],
          ],
        },
      ],
      findings: [{ messageId: 'total-row', severity: 'error', cells: ['r6c1'], stated: '23.00', expected: '22.00' }],
    },
  ],
});
