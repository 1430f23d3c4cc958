import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-prior.js';

const H = '英德市经信局2016年“三公经费”预算对比增减说明';
const year = '2016年部门预算';

ruleTester(rule, {
  valid: [
    {
      description: 'last year’s figure and this year’s differ by the change',
      tables: [],
      documentTitle: year,
      text: [H, '公务车辆运行2016年预算25万元，2015年预算45.2万元；对比减少20.20万元，减少率44.69%。'],
    },
  ],
  invalid: [
    {
      description: 'the change and its rate agree, last year’s figure does not: last year’s is wrong',
      tables: [],
      documentTitle: year,
      text: [H, '公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.35万元；减少率35.22%。'],
      findings: [{ messageId: 'prior-wrong', severity: 'error', stated: '12.5', expected: '12.35' }],
    },
    {
      description: 'the rate fits the two years’ figures: the change is wrong',
      tables: [],
      documentTitle: year,
      text: [H, '公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.35万元；减少率36.00%。'],
      findings: [{ messageId: 'prior-change-wrong', severity: 'error', stated: '4.35', expected: '4.50' }],
    },
    {
      description: 'no rate to decide: the contradiction is reported for review',
      tables: [],
      documentTitle: year,
      text: [H, '公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.35万元。'],
      findings: [{ messageId: 'prior-change', severity: 'review', stated: '4.35', expected: '4.50' }],
    },
  ],
});
