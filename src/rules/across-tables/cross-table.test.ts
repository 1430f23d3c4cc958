import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './cross-table.js';

/** 收入支出决算总表 (all funds): income lines, one expenditure class, totals. */
function summary(general: string, other: string, income: string, cls: string, spent: string): CaseTable {
  return {
    title: '收入支出决算总表',
    rows: [
      ['收入|2', '支出|2'],
      ['项目', '金额', '项目', '金额'],
      ['一、一般公共预算财政拨款收入', general, '一、一般公共服务支出', cls],
      ['二、其他收入', other, '', ''],
      ['本年收入合计', income, '本年支出合计', spent],
      ['年初结转和结余', '0.00', '年末结转和结余', '0.00'],
      ['总计', income, '总计', spent],
    ],
  };
}

/** 收入决算表: the 合计 line and one code. */
function income(total: string, fiscal: string, other: string): CaseTable {
  return {
    title: '收入决算表',
    rows: [
      ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入'],
      ['', '合计', total, fiscal, other],
      ['2010301', '行政运行', total, fiscal, other],
    ],
  };
}

/** A code table (支出决算表 or 一般公共预算财政拨款支出决算表) with two 项 of class 201 and no class line. */
function spending(title: string, a: string, b: string, total: string): CaseTable {
  return {
    title,
    rows: [
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['', '合计', total, a, b],
      ['2010301', '行政运行', a, a, ''],
      ['2010302', '一般行政管理事务', b, '', b],
    ],
  };
}

/** 财政拨款收入支出决算总表: one class line in 合计 and 一般公共预算 columns. */
function fiscal(cls: string, total: string): CaseTable {
  return {
    title: '财政拨款收入支出决算总表',
    rows: [
      ['收入|2', '支出|4'],
      ['项目', '金额', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
      ['一、一般公共预算财政拨款', total, '一、一般公共服务支出', cls, cls, ''],
      ['二、政府性基金预算财政拨款', '', '', '', '', ''],
      ['本年收入合计', total, '本年支出合计', total, total, ''],
      ['年初财政拨款结转和结余', '0.00', '年末财政拨款结转和结余', '0.00', '0.00', ''],
      ['总计', total, '总计', total, total, ''],
    ],
  };
}

ruleTester(rule, {
  valid: [
    {
      description: 'income and expenditure printed alike by the summary and the detail tables',
      tables: [summary('90.00', '10.00', '100.00', '100.00', '100.00'), income('100.00', '90.00', '10.00'), spending('支出决算表', '60.00', '40.00', '100.00')],
    },
    {
      description: 'a 一般公共预算 figure below the all-funds figure of the same class is a difference of scope, not an error',
      tables: [
        summary('90.00', '10.00', '100.00', '100.00', '100.00'),
        spending('支出决算表', '60.00', '40.00', '100.00'),
        fiscal('90.00', '90.00'),
        spending('一般公共预算财政拨款支出决算表', '50.00', '40.00', '90.00'),
      ],
    },
    {
      description: 'two departments on one page: each set of tables is compared within itself',
      tables: [
        { ...summary('90.00', '10.00', '100.00', '100.00', '100.00'), department: '某局（汇总）' },
        { ...income('100.00', '90.00', '10.00'), department: '某局（汇总）' },
        { ...summary('50.00', '10.00', '60.00', '60.00', '60.00'), department: '某局（本级）' },
        { ...income('60.00', '50.00', '10.00'), department: '某局（本级）' },
      ],
    },
    {
      description: 'income by subject and spending by subject are not compared',
      inapplicable: 'an income table and a spending table share no measure',
      tables: [income('100.00', '90.00', '10.00'), spending('支出决算表', '70.00', '40.00', '110.00')],
    },
  ],
  invalid: [
    {
      description: '本年收入合计 of the summary table against the 合计 of the income table',
      tables: [summary('90.00', '10.00', '100.00', '100.00', '100.00'), income('101.00', '90.00', '11.00')],
      findings: [{ messageId: 'cross-table', severity: 'error', category: 'cross-table', cells: ['r4c1'], stated: '100.00', expected: '101.00', difference: '-1.00' }],
    },
    {
      description: 'a class of the fiscal summary against the sum of its 项 in the 一般公共预算 table: 0.01 apart is rounding',
      tables: [fiscal('4675.09', '4675.09'), spending('一般公共预算财政拨款支出决算表', '1901.97', '2773.11', '4675.09')],
      findings: [{ messageId: 'cross-table-sum', severity: 'rounding', cells: ['r2c4'], stated: '4675.09', expected: '4675.08' }],
    },
    {
      description: 'a class that leaves out one 项 (the difference equals it)',
      tables: [summary('90.00', '10.00', '100.00', '60.00', '100.00'), spending('支出决算表', '60.00', '40.00', '100.00')],
      findings: [{ messageId: 'cross-table-sum', severity: 'error', cells: ['r2c3'], stated: '60.00', expected: '100.00' }],
    },
    {
      description: 'the 部门预算 counterparts: 财政拨款收支总表 against 一般公共预算支出表',
      documentTitle: '2025年部门预算',
      tables: [
        { ...fiscal('100.00', '100.00'), title: '财政拨款收支总表' },
        {
          ...spending('一般公共预算支出表', '60.00', '30.00', '90.00'),
          rows: [
            ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
            ['', '合计', '90.00', '60.00', '30.00'],
            ['2010301', '行政运行', '60.00', '60.00', ''],
            ['2010302', '一般行政管理事务', '30.00', '', '30.00'],
          ],
        },
      ],
      findings: [
        { messageId: 'cross-table-sum', severity: 'error', stated: '100.00', expected: '90.00' },
        { messageId: 'cross-table', severity: 'error', stated: '100.00', expected: '90.00' },
      ],
    },
    {
      description: 'a 一般公共预算 code figure above the all-funds figure of the same code: review',
      tables: [spending('支出决算表', '60.00', '40.00', '100.00'), spending('一般公共预算财政拨款支出决算表', '65.00', '40.00', '105.00')],
      // reported once, at the code: the class and the total are over only because of it
      findings: [{ messageId: 'cross-table-scope', severity: 'review', category: 'cross-table', cells: ['t1r2c2'], stated: '65.00', expected: '60.00', difference: '5.00' }],
    },
  ],
});
