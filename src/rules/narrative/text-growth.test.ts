import { NON_BUDGET_TABLE, ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-growth.js';

const table = NON_BUDGET_TABLE;

ruleTester(rule, {
  valid: [
    { description: 'a rate right at its printed precision', tables: [table], text: ['二、收入决算情况说明', '财政拨款收入 1433.26 万元，比上年增加 166.94 万元，增长 13.18%。'] },
    { description: 'a 100% fall from a prior year of 0.01', tables: [table], text: ['二、收入决算情况说明', '其他收入 0.00 万元，比上年减少 0.01 万元，下降 100%。'] },
    { description: '"无可比性" over a zero prior year is right', tables: [table], text: ['三、支出决算情况说明', '项目支出 10 万元，比上年增加 10 万元，上年无此项支出，无可比性。'] },
    {
      description: 'the current figure stated in the sentence before',
      tables: [table],
      text: ['一、收入支出决算总体情况说明', '2024 年度收、支总计各 5168.13 万元。与 2023 年相比，收、支总计各减少 7045 万元，下降 57.7%。'],
    },
  ],
  invalid: [
    {
      description: 'a factor of 100 lost ("49.66%" for 4966.67%)',
      tables: [table],
      text: ['二、收入决算情况说明', '其他收入 1.52 万元，比上年增加 1.49 万元，49.66%，主要是利息收入增加。'],
      findings: [{ messageId: 'growth-rate', severity: 'error', category: 'growth-rate', stated: '49.66', expected: '4966.67' }],
    },
    {
      description: 'the budget used as the current year (三公: 3.1 ÷ (5.16 + 3.1) = 37.53%)',
      tables: [table],
      text: ['九、财政拨款“三公”经费支出决算情况说明', '2024年度“三公”经费财政拨款支出预算为5.16万元，支出决算为2.61万元，完成预算的50.58%；较2023年度减少3.1万元，下降37.53%。'],
      findings: [{ severity: 'error', stated: '37.53', expected: '54.29' }],
    },
    {
      description: 'truncated instead of rounded is rounding',
      tables: [table],
      text: ['一、收入支出决算总体情况说明', '2024 年度收、支总计均为 1435.07 万元。与 2023 年度相比，收、支总计各增加 162.12 万元，12.73%。'],
      findings: [{ severity: 'rounding', stated: '12.73', expected: '12.74' }],
    },
    {
      description: 'an increase described as a fall',
      tables: [table],
      text: ['三、支出决算情况说明', '基本支出 100 万元，比上年增加 10 万元，下降 11.11%。'],
      findings: [{ messageId: 'growth-direction', severity: 'error' }],
    },
    {
      description: 'growth from a zero prior year is review ("无可比性" is what belongs there)',
      tables: [table],
      text: ['三、支出决算情况说明', '项目支出 10 万元，比上年增加 10 万元，增长 100%。'],
      findings: [{ messageId: 'growth-zero-base', severity: 'review', category: 'zero-denominator' }],
    },
    {
      description: '"无可比性" where last year was not zero (10 − 4 = 6): the rate could be given',
      tables: [table],
      text: ['三、支出决算情况说明', '项目支出 10 万元，比上年增加 4 万元，无可比性。'],
      findings: [{ messageId: 'growth-incomparable', severity: 'review', category: 'growth-rate', expected: '66.67' }],
    },
  ],
});
