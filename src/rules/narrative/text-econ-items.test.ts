import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './text-econ-items.js';

/** A 基本支出 table by economic classification: 人员 classes beside 公用 classes. */
function basic(bonus: string, tax: string): CaseTable {
  return {
    title: '一般公共预算财政拨款基本支出决算表',
    rows: [
      ['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', '30.00', '302', '商品和服务支出', '5.00'],
      ['30101', '基本工资', '20.00', '30201', '办公费', '5.00'],
      ['30103', '奖金', bonus, '30240', '税金及附加费用', tax],
      ['30107', '绩效工资', '10.00', '', '', ''],
      ['人员经费合计', '', '30.00', '公用经费合计', '', '5.00'],
    ],
  };
}

const H = '六、一般公共预算财政拨款基本支出决算情况说明';
const TEXT = '一般公共预算财政拨款基本支出35.00万元。其中：人员经费30.00万元，主要包括：基本工资、奖金、绩效工资；公用经费5.00万元，主要包括：办公费、税金及附加费用。';

ruleTester(rule, {
  valid: [
    { description: 'every class named is spent on', tables: [basic('0.50', '0.10')], text: [H, TEXT] },
    { description: 'a class the table does not print is not judged', tables: [basic('0.50', '0.10')], text: [H, '人员经费30.00万元，主要包括：基本工资、伙食补助费。'] },
  ],
  invalid: [
    {
      description: 'classes named while the table prints them as 0.00 or blank: one finding naming both',
      tables: [basic('0.00', '')],
      text: [H, TEXT],
      findings: [{ messageId: 'econ-items-zero', severity: 'review', category: 'text-vs-table', stated: '30103 奖金、30240 税金及附加费用', data: { count: 2 } }],
    },
  ],
});
