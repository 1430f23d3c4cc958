import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-units.js';

const H = '五、一般公共预算财政拨款支出决算情况说明';

ruleTester(rule, {
  valid: [{ description: 'amounts and rates each with their own unit', tables: [], text: [H, '支出决算为1901.97万元，完成年初预算的107.1%。'] }],
  invalid: [
    {
      description: 'a rate written with an amount unit ("954.72%万元")',
      tables: [],
      text: [H, '行政运行支出决算为 954.72%万元，完成年初预算的 95%。'],
      findings: [{ messageId: 'text-units-double', severity: 'review', category: 'unit', stated: '954.72%万元' }],
    },
    {
      description: 'an amount written with a percent sign after its unit ("12.5万元%")',
      tables: [],
      text: [H, '比上年增加12.5万元%。'],
      findings: [{ messageId: 'text-units-double', severity: 'review', stated: '12.5万元%' }],
    },
  ],
});
