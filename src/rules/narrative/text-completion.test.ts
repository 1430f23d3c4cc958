import { NON_BUDGET_TABLE, ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-completion.js';

const table = NON_BUDGET_TABLE;
const H = '五、一般公共预算财政拨款支出决算情况说明';
/** 三公 table: no budget for 因公出国（境）费, 10.00 for 公务接待费, 5.00 of it spent. */
const threePublic = {
  title: '财政拨款“三公”经费支出决算表',
  rows: [
    ['预算数|6', '决算数|6'],
    ['合计^2', '因公出国（境）费^2', '公务用车购置及运行维护费|3', '公务接待费^2', '合计^2', '因公出国（境）费^2', '公务用车购置及运行维护费|3', '公务接待费^2'],
    ['小计', '公务用车购置费', '公务用车运行维护费', '小计', '公务用车购置费', '公务用车运行维护费'],
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    ['10.00', '', '0.00', '', '0.00', '10.00', '5.00', '0.00', '0.00', '', '0.00', '5.00'],
  ],
};
const H9 = '九、财政拨款“三公”经费支出决算情况说明';

ruleTester(rule, {
  valid: [
    {
      description: 'a completion rate and a direction that agree',
      tables: [table],
      text: [H, '1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）年初预算为1776.1万元，支出决算为1901.97万元，完成年初预算的107.1%。决算数大于预算数的主要原因是：追加经费。'],
    },
    { description: "a completion rate on the 三公 table's budget (公务接待费 5.00 of 10.00)", tables: [threePublic], text: [H9, '公务接待费支出决算为5.00万元，完成预算的50%。'] },
    {
      description: 'no rate stated for a zero budget',
      tables: [table],
      text: [H, '7.社会保障和就业支出（类）其他（款）其他（项）年初预算为0万元，支出决算为9.11万元。决算数大于预算数的主要原因是：追加经费。'],
    },
  ],
  invalid: [
    {
      description: "a completion rate over the 三公 table's blank budget cannot be computed",
      tables: [threePublic],
      text: [H9, '因公出国（境）费决算为0.00万元，完成预算的0%。'],
      findings: [{ messageId: 'completion-zero-budget-table', severity: 'review', category: 'zero-denominator', stated: '0' }],
    },
    {
      description: '"决算数大于预算数" under 337.13 < 394.55, said in the next paragraph',
      tables: [table],
      text: [
        H,
        '4.一般公共服务（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）年初预算为394.55万元，支出决算为337.13万元，完成年初预算的85.4%。',
        '决算数大于预算数的主要原因是：部分项目调整。',
      ],
      findings: [{ messageId: 'completion-direction', severity: 'error', category: 'text-vs-text' }],
    },
    {
      description: 'a completion rate off in the last digit',
      tables: [table],
      text: [H, '2.一般公共服务（类）政府办公厅（室）及相关机构事务（款）其他（项）。年初预算为 1218.49 万元，支出决算为 942.49 万元，完成年初预算的 77.34%。'],
      findings: [{ messageId: 'completion-rate', severity: 'rounding', category: 'budget-completion-rate', stated: '77.34', expected: '77.35' }],
    },
    {
      description: '"100%" for 99.97% is rounding (in the 绩效 section, an execution rate)',
      tables: [table],
      text: [
        '十、绩效评价情况说明',
        '（二）项目绩效自评结果',
        '14.电子政务内网运维项目自评情况：根据年初设定的绩效目标，项目绩效自评得分为99分。项目全年预算数为243.9万元,执行数为243.83万元,完成预算的100%。',
      ],
      findings: [{ severity: 'rounding', category: 'execution-rate', stated: '100', expected: '99.97' }],
    },
    {
      description: 'an amount where the rate belongs is a unit slip',
      tables: [table],
      text: [
        '十、绩效评价情况说明',
        '（二）项目绩效自评结果',
        '3.决策咨询专项经费自评情况：根据年初设定的绩效目标，项目绩效自评得分为 97 分。项目全年预算数为 100 万元，完成预算的 99.87 万元，执行率为 99.9%。',
      ],
      findings: [{ messageId: 'completion-unit', severity: 'review', category: 'unit' }],
    },
  ],
});
