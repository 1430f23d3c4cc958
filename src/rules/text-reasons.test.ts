import { ruleTester } from '../../test/support/rule-tester.js';
import rule from './text-reasons.js';

const H = ['九、财政拨款“三公”经费支出决算情况说明'];
const total = (reason: string) => `2024年度“三公”经费财政拨款支出预算为1093.88万元，支出决算为1055.28万元，完成预算的96.5%；较2023年度增加10.68万元，增长1%，主要原因是${reason}。`;
const reception = (word: string) => `3. 公务接待费预算为 729.09 万元，支出决算为 706.12 万元，完成预算的 96.8%；较 2023 年度${word} 2.92 万元。`;

ruleTester(rule, {
  valid: [
    { description: 'a reason naming a component that moved the same way', tables: [], text: [...H, total('因工作需要，接待业务增加'), reception('增加')] },
    { description: 'a reason that names no component', inapplicable: 'the reason names no component to compare', tables: [], text: [...H, total('会议数量增加'), reception('减少')] },
    { description: '持平 without a word on the prior year', tables: [], text: [...H, '2. 公务用车购置及运行费预算为1.8万元，支出决算为1.8万元，完成预算的100%；较2023年度持平。'] },
    { description: '持平 of a zero figure with no prior-year spending is right', tables: [], text: [...H, '2. 公务用车购置及运行费预算为0万元，支出决算为0万元；较2023年度持平。主要原因上一年无公务用车运行经费。'] },
  ],
  invalid: [
    {
      description: 'more 接待 given as the reason of an increase while 公务接待费 fell',
      tables: [],
      text: [...H, total('因工作需要，接待业务与出国任务增加，相关费用支出增加'), reception('减少')],
      findings: [{ messageId: 'reason-component', severity: 'review', category: 'text-vs-text', stated: '接待业务与出国任务增加', expected: '-2.92' }],
    },
    {
      description: '持平 while the reason says last year had none and this year has 1.8',
      tables: [],
      text: [...H, '2. 公务用车购置及运行费预算为1.8万元，支出决算为1.8万元，完成预算的100%；较2023年度持平。决算数与预算数持平。主要原因上一年无公务用车运行经费。'],
      findings: [{ messageId: 'reason-flat-none', severity: 'review', category: 'text-vs-text', stated: '0', expected: '1.8' }],
    },
  ],
});
