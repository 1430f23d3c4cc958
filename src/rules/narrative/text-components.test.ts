import { NON_BUDGET_TABLE, ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-components.js';

const table = NON_BUDGET_TABLE;

ruleTester(rule, {
  valid: [
    { description: 'parts that add up', tables: [table], text: ['三、支出决算情况说明', '本年支出合计 17946.59 万元，其中：基本支出 12359.1 万元，项目支出 5587.49 万元。'] },
    {
      description: 'a list continued in the following paragraphs',
      tables: [table],
      text: [
        '六、一般公共预算财政拨款基本支出决算情况说明',
        '2024 年度一般公共预算财政拨款基本支出 490.36 万元，其中：',
        '人员经费 454.07 万元，主要包括：基本工资。',
        '公用经费 36.29 万元，主要包括：办公费。',
      ],
    },
  ],
  invalid: [
    {
      description: 'a stated part that does not add up to the total',
      tables: [table],
      text: ['三、支出决算情况说明', '本年支出合计 1434.34 万元，其中：基本支出 491.68 万元，项目支出 942.48 万元。'],
      findings: [{ messageId: 'components-total', severity: 'error', category: 'text-vs-text', stated: '1434.34', expected: '1434.16' }],
    },
    {
      description: 'numbered items against the budget and final figures announced above them',
      tables: [table],
      text: [
        '五、一般公共预算财政拨款支出决算情况说明',
        '（三）一般公共预算财政拨款支出决算具体情况',
        '2024年度一般公共预算财政拨款支出年初预算为1686万元，支出决算为1433.26万元，完成年初预算的85%。其中：',
        '1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）年初预算为1583万元，支出决算为1163.64万元，完成年初预算的73.5%。',
        '2.住房保障支出（类）住房改革支出（款）住房公积金（项）年初预算为101万元，支出决算为269.63万元，完成年初预算的267.0%。',
      ],
      findings: [
        { messageId: 'items-budget', severity: 'error', stated: '1686', expected: '1684' },
        { messageId: 'items-final', severity: 'rounding', stated: '1433.26', expected: '1433.27' },
      ],
    },
    {
      description: 'the 三公 total’s change against its items’ changes',
      tables: [table],
      text: [
        '九、财政拨款“三公”经费支出决算情况说明',
        '2024年度“三公”经费财政拨款支出预算为5.16万元，支出决算为2.55万元，完成预算的49.42%；较2023年度减少3.1万元，下降54.87%。',
        '1. 因公出国（境）费预算为0.00万元，支出决算为0.00万元。本单位无因公出国（境）人员。',
        '2. 公务用车购置及运行费预算为1.8万元，支出决算为1.8万元，完成预算的100%；较2023年度持平。',
        '3. 公务接待费预算为 3.36 万元，支出决算为 0.75 万元，完成预算的 22.32%；较 2023 年度减少 0.07 万元，下降 8.54%。',
      ],
      findings: [{ messageId: 'components-change', severity: 'error', stated: '-3.1', expected: '-0.07' }],
    },
  ],
});
