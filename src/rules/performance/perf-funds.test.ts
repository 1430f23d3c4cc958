import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './perf-funds.js';

function sheet(total: string[], a: string[], b: string[]): string[][] {
  return [
    ['项目名称', '', '测试项目', '', '', '', ''],
    ['资金情况 (万元)', '项目资金', '年初预算数', '全年预算数', '全年执行数', '执行率(%)', '得分'],
    ['', '年度资金总额', ...total],
    ['', '当年财政拨款', ...a],
    ['', '上年结转资金', ...b],
    ['年度总体目标', '', '完成', '', '', '', ''],
  ];
}

ruleTester(rule, {
  valid: [
    {
      description: 'a total that adds up',
      tables: [{ title: '项目支出绩效自评表', rows: sheet(['92.22', '92.22', '78.65', '85.29', '7'], ['92.22', '92.22', '78.65', '85.29', '—'], ['0', '0', '0', '0', '—']) }],
    },
  ],
  invalid: [
    {
      description: 'a zero total above a filled 当年财政拨款 row',
      tables: [{ title: '项目支出绩效自评表', rows: sheet(['0', '0', '0', '0', '0'], ['50', '50', '50', '100', '—'], ['0', '0', '0', '0', '—']) }],
      // the same arithmetic in 年初预算数, 全年预算数 and 全年执行数: one finding on the three cells
      findings: [{ messageId: 'perf-funds', severity: 'error', cells: ['r2c2', 'r2c3', 'r2c4'], stated: '0', expected: '50' }],
    },
  ],
});
