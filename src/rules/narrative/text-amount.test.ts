import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './text-amount.js';

const D03: CaseTable = {
  title: '支出决算表',
  rows: [
    ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
    ['栏次', '', '1', '2', '3'],
    ['合计', '', '1,434.34', '491.86', '942.48'],
    ['2010301', '行政运行', '379.87', '379.87', ''],
  ],
};
const D01: CaseTable = {
  title: '收入支出决算总表',
  rows: [
    ['收入|3', '支出|3'],
    ['项目', '行次', '金额', '项目', '行次', '金额'],
    ['一、一般公共预算财政拨款收入', '1', '17,321.91', '一、一般公共服务支出', '3', '17,946.59'],
    ['本年收入合计', '2', '17,334.64', '本年支出合计', '4', '17,946.59'],
    ['年初结转和结余', '5', '1,634.27', '年末结转和结余', '6', '1,022.32'],
    ['总计', '7', '18,968.91', '总计', '8', '18,968.91'],
  ],
};

ruleTester(rule, {
  valid: [
    {
      description: 'an amount equal to its cell at the text’s precision ("7044.9" for 7,044.90)',
      tables: [D03],
      text: ['三、支出决算情况说明', '本年支出合计 1434.34 万元，其中：基本支出 491.86 万元，项目支出 942.5 万元。'],
    },
    {
      description: 'sentences outside the sections that name tables are left alone',
      inapplicable: 'the section names no table',
      tables: [D03],
      text: ['一、部门职责', '基本支出 100 万元用于日常运转。'],
    },
  ],
  invalid: [
    {
      description: 'the right figure with the wrong unit ("491.86元" in a 万元 report)',
      tables: [D03],
      text: ['三、支出决算情况说明', '本年支出合计 1434.34 万元，其中：基本支出 491.86 元。'],
      findings: [{ messageId: 'text-amount-unit', severity: 'error', category: 'unit', stated: '491.86', expected: '491.86' }],
    },
    {
      description: 'transposed digits: 491.68 against the table’s 491.86',
      tables: [D03],
      text: ['三、支出决算情况说明', '本年支出合计 1434.34 万元，其中：基本支出 491.68 万元，比上年减少 27.04 万元，下降 5.21%。'],
      findings: [{ messageId: 'text-amount', severity: 'error', category: 'text-vs-table', stated: '491.68', expected: '491.86' }],
    },
    {
      description: 'one unit off in the last digit is rounding',
      tables: [D03],
      text: ['三、支出决算情况说明', '项目支出 942.49 万元。'],
      findings: [{ severity: 'rounding', stated: '942.49', expected: '942.48' }],
    },
    {
      description: '收入总计 printed with the 本年收入合计 figure: review (the label, not the figure, is wrong)',
      tables: [D01],
      text: ['一、收入支出决算总体情况说明', '2024 年度收入总计 17334.64 万元、支出总计 18968.91 万元。'],
      findings: [{ messageId: 'text-amount-label', severity: 'review', stated: '17334.64', expected: '18968.91' }],
    },
  ],
});
