import { NON_BUDGET_TABLE, ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-share.js';

const table = NON_BUDGET_TABLE;
const LIST = '2024 年度一般公共预算财政拨款支出 1432.83 万元，主要用于以下方面：一般公共服务支出 1337.02 万元，占 93.28%；卫生健康支出 21.44 万元，占 1.49%；住房保障支出 74.37 万元，占 5.19%。';

ruleTester(rule, {
  valid: [
    {
      description: 'shares of the list’s total',
      tables: [table],
      text: ['五、一般公共预算财政拨款支出决算情况说明', '2024 年度一般公共预算财政拨款支出 1432.83 万元，主要用于以下方面：一般公共服务支出 1336.60 万元，占 93.28%。'],
    },
    {
      description: 'a share of a named base stated elsewhere',
      tables: [table],
      text: ['十一、其他重要事项情况说明', '政府采购支出总额2165.30万元。授予中小企业合同金额 75.30 万元，占政府采购支出总额的 3.5%。'],
    },
    {
      description: '“占总支出的” in an inline 其中 list: the list head is the base',
      tables: [table],
      documentTitle: '某大学2023年度部门决算',
      text: ['（四）财政拨款支出决算表说明', '2023年度财政拨款支出总计为200.00万元，其中基本支出150.00万元，占总支出的75.00%；项目支出50.00万元，占总支出的25.00%。'],
    },
  ],
  invalid: [
    {
      description: '“占总支出的” over the list head, not over another 支出总计 of the report',
      tables: [table],
      documentTitle: '某大学2023年度部门决算',
      text: ['（三）支出决算表说明', '2023年度支出总计400.00万元。', '（四）财政拨款支出决算表说明', '2023年度财政拨款支出总计为200.00万元，其中基本支出150.00万元，占总支出的80.00%。'],
      findings: [{ messageId: 'share-rate', severity: 'error', stated: '80.00', expected: '75.00' }],
    },
    {
      description: 'a share that does not recompute, and one off in its last digit',
      tables: [table],
      text: ['五、一般公共预算财政拨款支出决算情况说明', LIST],
      findings: [
        { messageId: 'share-rate', severity: 'error', category: 'share-rate', stated: '93.28', expected: '93.31' },
        { severity: 'rounding', stated: '1.49', expected: '1.50' },
      ],
    },
    {
      description: 'a share of a zero base is review',
      tables: [table],
      text: ['十一、其他重要事项情况说明', '政府采购支出总额 100 万元，其中：政府采购货物支出 0 万元、政府采购服务支出 100 万元。货物采购授予中小企业合同金额占货物支出金额的 0%。'],
      findings: [{ messageId: 'share-zero-base', severity: 'review', category: 'zero-denominator' }],
    },
    {
      description: 'a share above 100% is review (the scopes differ)',
      tables: [table],
      text: ['十一、其他重要事项情况说明', '政府采购支出总额100万元。授予中小企业合同金额 120 万元，占政府采购支出总额的 100%。'],
      findings: [{ messageId: 'share-over-100', severity: 'review' }],
    },
  ],
});
