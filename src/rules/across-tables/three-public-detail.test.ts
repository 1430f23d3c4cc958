import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './three-public-detail.js';

/** 基本支出明细表 with its 三公 lines (30212, 30217, 30231). */
function detail(abroad: string, reception: string, running: string): CaseTable {
  return {
    title: '一般公共预算财政拨款基本支出决算明细表',
    rows: [
      ['人员经费|3', '公用经费|3'],
      ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', '100.00', '302', '商品和服务支出', '20.00'],
      ['30101', '基本工资', '100.00', '30212', '因公出国（境）费用', abroad],
      ['', '', '', '30217', '公务接待费', reception],
      ['', '', '', '30231', '公务用车运行维护费', running],
      ['人员经费合计', '', '100.00', '公用经费合计', '', '20.00'],
    ],
  };
}

/** 三公 table: 预算数 and 决算数 blocks. */
function threePublic(abroad: string, reception: string, running: string): CaseTable {
  return {
    title: '财政拨款“三公”经费支出决算表',
    rows: [
      ['预算数|6', '决算数|6'],
      ['合计^2', '因公出国（境）费^2', '公务用车购置及运行维护费|3', '公务接待费^2', '合计^2', '因公出国（境）费^2', '公务用车购置及运行维护费|3', '公务接待费^2'],
      ['小计', '公务用车购置费', '公务用车运行维护费', '小计', '公务用车购置费', '公务用车运行维护费'],
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
      ['30.00', '10.00', '10.00', '', '10.00', '10.00', '30.00', abroad, running, '', running, reception],
    ],
  };
}

ruleTester(rule, {
  valid: [
    { description: 'detail lines equal to the 三公 figures', tables: [detail('2.00', '3.00', '5.00'), threePublic('2.00', '3.00', '5.00')] },
    { description: 'no 三公 table: nothing to compare', inapplicable: 'no 三公 table', tables: [detail('2.00', '3.00', '5.00')] },
  ],
  invalid: [
    {
      description: '公务接待费 of 基本支出 below the 三公 figure (project funds may explain it): review',
      tables: [detail('2.00', '0.08', '5.00'), threePublic('2.00', '0.75', '5.00')],
      findings: [{ messageId: 'three-public-detail', severity: 'review', category: 'cross-table', cells: ['r4c5'], stated: '0.08', expected: '0.75', difference: '-0.67' }],
    },
    {
      description: 'a detail line above the 三公 figure cannot be a difference of scope',
      tables: [detail('2.00', '3.00', '7.00'), threePublic('2.00', '3.00', '5.00')],
      findings: [{ messageId: 'three-public-detail-over', severity: 'review', cells: ['r5c5'], stated: '7.00', expected: '5.00' }],
    },
  ],
});
