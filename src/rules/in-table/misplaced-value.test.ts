import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './misplaced-value.js';

ruleTester(rule, {
  valid: [
    {
      description: 'a clean 栏次 row',
      tables: [
        {
          title: '支出决算表',
          rows: [
            ['科目代码', '科目名称', '本年支出合计', '基本支出'],
            ['栏次', '', '1', '2'],
            ['合计', '', '10.00', '10.00'],
          ],
        },
      ],
    },
  ],
  invalid: [
    {
      description: 'a figure typed into the 栏次 row while the 合计 line is blank there',
      tables: [
        {
          title: '支出决算表',
          rows: [
            ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
            ['栏次', '', '1', '1,434.34', '3'],
            ['合计', '', '1,434.34', '', '942.48'],
          ],
        },
      ],
      findings: [{ messageId: 'misplaced-value', severity: 'error', category: 'misplaced-value', cells: ['r1c3'], stated: '1434.34' }],
    },
  ],
});
