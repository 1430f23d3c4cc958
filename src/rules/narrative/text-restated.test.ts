import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-restated.js';

const THREE = ['九、财政拨款“三公”经费支出决算情况说明', '（二）“三公”经费财政拨款支出决算具体情况说明'];
const ASSETS = ['十一、其他重要事项的情况说明', '（三）国有资产占用情况'];
const vehicles = (official: string, all: string, body = '吉林省某局') => [
  ...THREE,
  `公务用车购置费支出 0 万元。截至 2024 年 12 月 31 日，公务用车保有量为 ${official} 辆，公务用车购置数为 0 辆。`,
  ...ASSETS,
  `截至 2024 年 12 月 31 日，${body}共有车辆 ${all} 辆，其中，主要领导干部用车 1 辆。`,
];
const fiscal = (a: string, b: string, c: string) => [
  '二、收入决算情况说明',
  `本年收入合计 5168.12 万元，其中：财政拨款收入 5168.12 万元，比上年减少 ${a} 万元，下降 57.7%。`,
  '四、财政拨款收入支出决算总体情况说明',
  `2024 年度财政拨款收、支总计各 5168.12 万元，与 2023 年相比，财政拨款收、支总计各减少 ${b} 万元，下降 57.7%。`,
  '五、一般公共预算财政拨款支出决算情况说明',
  `2024 年度一般公共预算财政拨款支出 5168.12 万元，比上年减少 ${c} 万元，降低 57.7%。`,
];

ruleTester(rule, {
  valid: [
    { description: 'the same vehicle count in both sections', tables: [], text: vehicles('4', '4') },
    { description: 'equal fiscal figures with equal changes', tables: [], text: fiscal('7044.9', '7044.9', '7044.9') },
    { description: 'a change printed to fewer decimals that rounds the other', tables: [], text: fiscal('7045', '7044.97', '7044.97') },
  ],
  invalid: [
    {
      description: 'more official vehicles (6) than vehicles in all (4): error',
      tables: [],
      text: vehicles('6', '4'),
      findings: [{ messageId: 'vehicles-over', severity: 'error', category: 'text-vs-text', stated: '6', expected: '4', difference: '2' }],
    },
    {
      description: 'fewer official vehicles (105) than vehicles in all (119): review',
      tables: [],
      text: vehicles('105', '119'),
      findings: [{ messageId: 'vehicles-under', severity: 'review', stated: '105', expected: '119' }],
    },
    {
      description: 'one of three equal fiscal figures with a different change: review on the odd one out',
      tables: [],
      text: fiscal('7044.9', '7044.97', '7044.9'),
      findings: [{ messageId: 'restated-change', severity: 'review', category: 'text-vs-text', stated: '7044.97', expected: '7044.90', difference: '0.07' }],
    },
  ],
});
