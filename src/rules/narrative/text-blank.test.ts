import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-blank.js';

const H = '七、一般公共预算财政拨款“三公”经费支出决算情况说明';

ruleTester(rule, {
  valid: [
    { description: 'every share and change printed', tables: [], text: [H, '“三公”经费支出合计35万元，比上年减少2.28万元。其中：公务接待费30万元，占85.71%，比上年减少2万元。'] },
    { description: 'one direction with a word of the same sense in brackets', tables: [], text: [H, '“三公”经费支出合计35万元，比上年增长（增加）2.28万元。'] },
  ],
  invalid: [
    {
      description: 'both directions of the template left in ("下降（增长）27.78%", "增加/减少")',
      tables: [],
      text: [H, '“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降（增长）27.78%。', '公务接待费比上年增加/减少0.10万元。'],
      findings: [
        { messageId: 'text-template-direction', severity: 'review', category: 'text-vs-text', stated: '下降（增长）27.78%' },
        { messageId: 'text-template-direction', severity: 'review', category: 'text-vs-text', stated: '增加/减少0.10万元' },
      ],
    },
    {
      description: 'a share slot left blank ("占 %"): the share the figures give is offered',
      tables: [],
      text: [H, '“三公”经费支出合计35万元，比上年减少2.28万元。其中：公务用车购置及运行维护费5万元，占 %，比上年减少0.28万元，公务接待费30万元，占 %，比上年减少2万元。'],
      findings: [
        { messageId: 'text-blank-share', severity: 'review', category: 'share-rate', expected: '14.29' },
        { messageId: 'text-blank-share', severity: 'review', category: 'share-rate', expected: '85.71' },
      ],
    },
    {
      description: 'a change with its amount left out ("比上年减少 万元")',
      tables: [],
      text: [H, '“三公”经费支出合计35万元。其中：因公出国（境）费0万元，比上年减少 万元。'],
      findings: [{ messageId: 'text-blank-change', severity: 'review', category: 'text-vs-text' }],
    },
    {
      description: 'a count masked as "**个"',
      tables: [],
      text: ['二、部门概况', '下属二级单位6个，其中行政单位1个，参照公务员法管理的事业单位**个，其他事业单位5个。'],
      findings: [{ messageId: 'text-placeholder', severity: 'review', category: 'misplaced-value', stated: '**个' }],
    },
  ],
});
