import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-reasons.js';

const H = ['九、财政拨款“三公”经费支出决算情况说明'];
const total = (reason: string) => `2024年度“三公”经费财政拨款支出预算为1093.88万元，支出决算为1055.28万元，完成预算的96.5%；较2023年度增加10.68万元，增长1%，主要原因是${reason}。`;
const reception = (word: string) => `3. 公务接待费预算为 729.09 万元，支出决算为 706.12 万元，完成预算的 96.8%；较 2023 年度${word} 2.92 万元。`;

ruleTester(rule, {
  valid: [
    { description: 'a reason naming a component that moved the same way', tables: [], text: [...H, total('因工作需要，接待业务增加'), reception('增加')] },
    { description: 'a reason that names no component, moving the way the total moved', tables: [], text: [...H, total('会议数量增加'), reception('减少')] },
    {
      description: 'a fall explained by last year’s one-off rise (the reason speaks of another year)',
      inapplicable: 'a reason about another year says nothing of this change’s direction',
      tables: [],
      text: ['（三）支出预算情况说明', '2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：上年一次性设备购置增加。'],
    },
    { description: '持平 without a word on the prior year', tables: [], text: [...H, '2. 公务用车购置及运行费预算为1.8万元，支出决算为1.8万元，完成预算的100%；较2023年度持平。'] },
    {
      description: '持平 of a zero figure with no prior-year spending is right',
      tables: [],
      text: [...H, '2. 公务用车购置及运行费预算为0万元，支出决算为0万元；较2023年度持平。主要原因上一年无公务用车运行经费。'],
    },
  ],
  invalid: [
    {
      description: 'a fall whose reason says the item rose (real PDF r06)',
      tables: [],
      text: [
        '（三）支出预算情况说明',
        '4. “一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元。2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加。',
      ],
      findings: [{ messageId: 'reason-direction', severity: 'review', category: 'text-vs-text', stated: '宣传事务一般行政管理事务经费增加' }],
    },
    {
      description: '持平 whose reason, in the next paragraph, speaks of a fall (real PDF r01)',
      tables: [],
      text: [
        '四、财政拨款收入支出决算总体情况说明',
        '本局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入支出总计持平。主要原因：',
        '基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。',
      ],
      findings: [{ messageId: 'reason-direction', severity: 'review', category: 'text-vs-text' }],
    },
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
