import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './perf-execution-rate.js';

function sheet(rows: string[][]): string[][] {
  return [['项目名称', '', '测试项目', '', '', ''], ['资金情况 (万元)', '项目资金', '年初预算数', '全年预算数', '全年执行数', '执行率(%)'], ...rows, ['年度总体目标', '', '完成', '', '', '']];
}

/** The form with its 分值 and 得分 columns beside the funds. */
function scored(rows: string[][]): string[][] {
  return [
    ['项目名称', '', '测试项目', '', '', '', '', ''],
    ['资金情况 (万元)', '项目资金', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率(%)', '得分'],
    ...rows,
    ['年度总体目标', '', '完成', '', '', '', '', ''],
  ];
}

ruleTester(rule, {
  valid: [
    {
      description: 'rates that recompute',
      tables: [
        {
          title: '项目支出绩效自评表',
          rows: sheet([
            ['', '年度资金总额', '92.22', '92.22', '78.65', '85.29'],
            ['', '当年财政拨款', '11.12', '11.12', '10.01', '90'],
          ]),
        },
      ],
    },
    {
      description: 'template rows of zero budget and zero spending are placeholders',
      inapplicable: 'a template row of zeros',
      tables: [{ title: '项目支出绩效自评表', rows: sheet([['', '其他资金', '0', '0', '0', '0']]) }],
    },
    { description: 'the funds scored as rate × weight (80% of 10 is 8)', tables: [{ title: '项目支出绩效自评表', rows: scored([['', '年度资金总额', '50', '50', '40', '10', '80', '8']]) }] },
    { description: 'the rate is computed on the adjusted (full-year) budget', tables: [{ title: '项目支出绩效自评表', rows: sheet([['', '年度资金总额', '100', '50', '46.34', '92.68']]) }] },
  ],
  invalid: [
    {
      description: 'a rate off in its last digit is rounding (78.65 / 92.22 = 85.2852%)',
      tables: [{ title: '项目支出绩效自评表', rows: sheet([['', '当年财政拨款', '92.22', '92.22', '78.65', '85.28']]) }],
      findings: [{ messageId: 'perf-execution-rate', severity: 'rounding', category: 'execution-rate', cells: ['r2c5'], stated: '85.28', expected: '85.29' }],
    },
    {
      description: '18.09 for 0.9 / 5 is within the band of the rounded inputs: rounding',
      tables: [{ title: '项目支出绩效自评表', rows: sheet([['', '当年财政拨款', '5', '5', '0.9', '18.09']]) }],
      findings: [{ severity: 'rounding', stated: '18.09', expected: '18.00' }],
    },
    {
      description: 'a rate computed on the wrong figure is an error',
      tables: [{ title: '项目支出绩效自评表', rows: sheet([['', '当年财政拨款', '100', '50', '40', '40']]) }],
      findings: [{ severity: 'error', stated: '40', expected: '80' }],
    },
    {
      description: 'spending against a zero budget is review',
      tables: [{ title: '项目支出绩效自评表', rows: sheet([['', '当年财政拨款', '0', '0', '5', '100']]) }],
      findings: [{ messageId: 'perf-execution-rate-zero-budget', severity: 'review', category: 'zero-denominator' }],
    },
    {
      description: 'the total row with budget and spending but no rate: the rate is missing (review)',
      tables: [{ title: '项目支出绩效自评表', rows: sheet([['', '年度资金总额', '50', '50', '40', '']]) }],
      findings: [{ messageId: 'perf-execution-rate-missing', severity: 'review', cells: ['r2c5'], stated: null, expected: '80.00' }],
    },
    {
      description: 'a funds score that is not rate × weight is review (the scoring rule is not printed)',
      tables: [{ title: '项目支出绩效自评表', rows: scored([['', '年度资金总额', '50', '50', '40', '10', '80', '6']]) }],
      findings: [{ messageId: 'perf-funds-score', severity: 'review', category: 'score', cells: ['r2c7'], stated: '6', expected: '8.00' }],
    },
  ],
});
