import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './perf-form-cells.js';

const T = '项目支出绩效自评表';
const head = [
  ['项目名称', '暖通改造经费|7'],
  ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', ''],
  ['年度资金总额', '43.2', '43.2', '37.24', '10', '86%', '9', ''],
];
const goal = (a: string, b: string) => [
  ['', '预期目标|3', '实际完成情况|4'],
  ['年度总体目标', `${a}|3`, `${b}|4`],
];
const indicators = (reason: string, score = '10') => [
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['效益指标', '经济效益指标', '指标1安全率', '100', '100', '10', score, reason],
];

ruleTester(rule, {
  valid: [{ description: 'words in the answer cells, every indicator scored', tables: [{ title: T, rows: [...head, ...goal('完成改造', '已完工'), ...indicators('')] }] }],
  invalid: [
    {
      description: 'amounts typed into the goal cells',
      tables: [{ title: T, rows: [...head, ...goal('43.2', '37.24'), ...indicators('')] }],
      findings: [
        { messageId: 'perf-cell-figure', severity: 'review', category: 'misplaced-value', stated: '43.2' },
        { messageId: 'perf-cell-figure', severity: 'review', category: 'misplaced-value', stated: '37.24' },
      ],
    },
    {
      description: 'a "0" in the reason column',
      tables: [{ title: T, rows: [...head, ...goal('完成改造', '已完工'), ...indicators('0')] }],
      findings: [{ messageId: 'perf-cell-figure', severity: 'review', stated: '0' }],
    },
    {
      description: 'a template instruction left in the reason column, and an indicator with no score',
      tables: [{ title: T, rows: [...head, ...goal('完成改造', '已完工'), ...indicators('结合自评情况，说明偏差原因', '')] }],
      findings: [
        { messageId: 'perf-score-blank', severity: 'review', cells: ['r6c6'] },
        { messageId: 'perf-cell-instruction', severity: 'review', cells: ['r6c7'] },
      ],
    },
  ],
});
