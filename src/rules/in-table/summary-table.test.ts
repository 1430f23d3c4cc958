import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './summary-table.js';

function d01(income: string[], expenditure: string[], incomeTotals: [string, string, string, string], expTotals: [string, string, string, string]): string[][] {
  const rows: string[][] = [
    ['收入|3', '支出|3'],
    ['项目', '行次', '金额', '项目', '行次', '金额'],
    ['栏次', '', '1', '栏次', '', '2'],
  ];
  const incomeLabels = ['一、一般公共预算财政拨款收入', '二、政府性基金预算财政拨款收入', '三、其他收入'];
  const expLabels = ['一、一般公共服务支出', '二、社会保障和就业支出', '三、住房保障支出'];
  for (let i = 0; i < 3; i++) rows.push([incomeLabels[i] as string, String(i + 1), income[i] ?? '', expLabels[i] as string, String(i + 4), expenditure[i] ?? '']);
  rows.push(['本年收入合计', '7', incomeTotals[0], '本年支出合计', '10', expTotals[0]]);
  rows.push(['使用非财政拨款结余', '8', incomeTotals[1], '结余分配', '11', expTotals[1]]);
  rows.push(['年初结转和结余', '9', incomeTotals[2], '年末结转和结余', '12', expTotals[2]]);
  rows.push(['总计', '13', incomeTotals[3], '总计', '14', expTotals[3]]);
  return rows;
}

ruleTester(rule, {
  valid: [
    {
      description: 'a balanced 收入支出决算总表',
      tables: [{ title: '收入支出决算总表', rows: d01(['100.00', '', '1.52'], ['90.00', '5.00', '6.00'], ['101.52', '', '0.30', '101.82'], ['101.00', '', '0.82', '101.82']) }],
    },
    {
      description: '财政拨款收入支出决算总表 with 年初结转 split into fund lines that add up',
      tables: [
        {
          title: '财政拨款收入支出决算总表',
          rows: [
            ['收入|3', '支出|4'],
            ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款'],
            ['栏次', '', '1', '栏次', '', '2', '3'],
            ['一、一般公共预算财政拨款', '1', '100.00', '一、一般公共服务支出', '4', '80.00', '80.00'],
            ['二、政府性基金预算财政拨款', '2', '', '二、住房保障支出', '5', '20.00', '20.00'],
            ['本年收入合计', '3', '100.00', '本年支出合计', '6', '100.00', '100.00'],
            ['年初财政拨款结转和结余', '7', '5.00', '年末财政拨款结转和结余', '11', '5.00', '5.00'],
            ['一般公共预算财政拨款', '8', '5.00', '', '12', '', ''],
            ['政府性基金预算财政拨款', '9', '', '', '13', '', ''],
            ['总计', '10', '105.00', '总计', '14', '105.00', '105.00'],
          ],
        },
      ],
    },
  ],
  invalid: [
    {
      description: '总计 0.01 above 本年收入合计 + 年初结转和结余 is rounding (000 公开01表)',
      tables: [{ title: '收入支出决算总表', rows: d01(['5,168.12', '', '0.00'], ['5,168.13', '', ''], ['5,168.12', '', '0.00', '5,168.13'], ['5,168.13', '', '0.00', '5,168.13']) }],
      findings: [{ messageId: 'summary-grand-total', severity: 'rounding', cells: ['r9c2'], stated: '5168.13', expected: '5168.12' }],
    },
    {
      description: '本年收入合计 that leaves a line out is an error, with the line named as the likely cause',
      tables: [{ title: '收入支出决算总表', rows: d01(['100.00', '', '20.00'], ['120.00', '', ''], ['100.00', '', '', '100.00'], ['120.00', '', '', '120.00']) }],
      findings: [
        { messageId: 'summary-year-total', severity: 'error', cells: ['r6c2'], stated: '100.00', expected: '120.00' },
        { messageId: 'summary-balance', severity: 'error', stated: '100.00', expected: '120.00' },
      ],
    },
  ],
});
