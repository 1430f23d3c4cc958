import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './code-hierarchy.js';

const HEAD = [
  ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
  ['栏次', '', '1', '2', '3'],
];

ruleTester(rule, {
  valid: [
    {
      description: '类 = Σ款 = Σ项 and 合计 = Σ类',
      tables: [
        {
          title: '支出决算表',
          rows: [
            ...HEAD,
            ['合计', '', '30.00', '10.00', '20.00'],
            ['201', '一般公共服务支出', '30.00', '10.00', '20.00'],
            ['20103', '政府办公厅', '30.00', '10.00', '20.00'],
            ['2010301', '行政运行', '10.00', '10.00', ''],
            ['2010302', '一般行政管理事务', '20.00', '', '20.00'],
          ],
        },
      ],
    },
    {
      description: 'split 类 | 款 | 项 columns are composed into full codes',
      tables: [
        {
          title: '支出决算表',
          rows: [
            ['科目编码|3', '科目名称', '本年支出合计'],
            ['类', '款', '项', '', ''],
            ['201', '', '', '一般公共服务支出', '30.00'],
            ['', '03', '', '政府办公厅', '30.00'],
            ['', '', '01', '行政运行', '10.00'],
            ['', '', '02', '一般行政管理事务', '20.00'],
          ],
        },
      ],
    },
  ],
  invalid: [
    {
      description: 'a 类 0.01 above its 款 is rounding (category hierarchy)',
      tables: [{ title: '支出决算表', rows: [...HEAD, ['201', '一般公共服务支出', '14,260.08', '', ''], ['20103', '政府办公厅', '14,173.34', '', ''], ['20113', '商贸事务', '86.73', '', '']] }],
      findings: [{ messageId: 'code-parent', severity: 'rounding', category: 'hierarchy', cells: ['r2c2'], stated: '14260.08', expected: '14260.07' }],
    },
    {
      description: '合计 against the 类 rows of a multi-level table is hierarchy; the missing 类 value is the one error (the 合计 is its consequence)',
      tables: [
        {
          title: '支出决算表',
          rows: [
            ...HEAD,
            ['合计', '', '100.00', '', ''],
            ['201', '一般公共服务支出', '60.00', '', ''],
            ['20103', '政府办公厅', '60.00', '', ''],
            ['208', '社会保障和就业支出', '', '', ''],
            ['20805', '养老支出', '40.00', '', ''],
          ],
        },
      ],
      findings: [{ messageId: 'evidence-culprit', severity: 'error', category: 'hierarchy', cells: ['r5c2'], stated: null, expected: '40.00' }],
    },
    {
      description: '合计 against a flat list of 项 rows is table-sum',
      tables: [
        {
          title: '收入决算表',
          rows: [
            ['科目代码', '科目名称', '本年收入合计'],
            ['栏次', '', '1'],
            ['合计', '', '5,168.12'],
            ['2010301', '行政运行', '1,901.98'],
            ['2010302', '一般行政管理事务', '3,266.15'],
          ],
        },
      ],
      findings: [{ messageId: 'code-total', severity: 'rounding', category: 'table-sum', stated: '5168.12', expected: '5168.13' }],
    },
  ],
});
