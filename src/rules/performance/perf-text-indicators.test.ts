import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './perf-text-indicators.js';

/** A 绩效自评表 with an 实际完成情况 text and indicators [name, target, actual]. */
function sheet(project: string, outcome: string, indicators: Array<[string, string, string]>): CaseTable {
  return {
    title: '项目支出绩效自评表',
    rows: [
      ['项目名称', '', project, '', '', '', '', ''],
      ['资金情况 (万元)', '项目资金', '年初预算数', '全年预算数', '全年执行数', '执行率(%)', '得分', ''],
      ['', '年度资金总额', '27', '27', '27', '100', '10', ''],
      ['年度总体目标', '', '预期目标|3', '实际完成情况|3'],
      ['', '', '确保系统平稳运行|3', outcome + '|3'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '权重', '自评得分'],
      ...indicators.map(([name, target, actual], i) => ['', i === 0 ? '产出指标' : '', '数量指标', name, target, actual, '30', '30']),
      ['总分', '', '', '', '', '', '', '100.00'],
    ],
  };
}

const H = ['十、绩效评价情况说明', '（二）项目绩效自评结果'];

ruleTester(rule, {
  valid: [
    {
      description: 'achievements in words that agree with the indicators',
      tables: [
        sheet('机要交换系统维护费', '全年完成运维，交换单位满意度达90%，报送信息800条。', [
          ['交换单位满意度', '≥90%', '90%'],
          ['报送信息条数', '≥800条', '800条'],
        ]),
      ],
    },
    {
      description: 'figures of changes ("提升20%") and figures no indicator measures are left alone',
      inapplicable: 'no indicator measures these figures',
      tables: [sheet('机要交换系统维护费', '文件处理时效性提升20%，故障率降低至0.1%，紧急文件送达率100%。', [['交换单位满意度', '≥90%', '90%']])],
    },
    {
      description: 'an approximate figure within 10% of the indicator ("近 800 条" for 790)',
      tables: [sheet('信息报送经费', '报送信息近 800 条。', [['报送信息条数', '≥700条', '790条']])],
    },
    {
      description: 'a figure that fits two indicators equally well is not compared',
      inapplicable: 'the figure fits two indicators: none to compare with',
      tables: [
        sheet('活动经费', '组织活动 5 场。', [
          ['组织培训活动场次', '≥3场', '3场'],
          ['组织宣传活动场次', '≥3场', '3场'],
        ]),
      ],
    },
  ],
  invalid: [
    {
      description: 'the form says 98% where its satisfaction indicator says 90%',
      tables: [
        sheet('机要交换系统维护费', '实现零错件，机要交换单位满意度达98%。', [
          ['机要交换单位数量', '≥215家', '218家'],
          ['交换单位满意度', '≥90%', '90%'],
        ]),
      ],
      findings: [{ messageId: 'perf-outcome-indicator', severity: 'review', category: 'text-vs-table', cells: ['r4c5'], stated: '98', expected: '90' }],
    },
    {
      description: 'the 情况说明 restates the project with other counts than its indicators (2000 余条 vs 800, 近 200 vs 20)',
      tables: [
        sheet('宣传、推广、联络事务经费', '组织对接活动 3 场。', [
          ['报送政务信息条数', '≥800条', '800条'],
          ['组织系列对接活动场次', '≥3场', '3场'],
          ['信息报送被省里采用条数', '≥20条', '20条'],
        ]),
      ],
      text: [...H, '26. 宣传、推广、联络事务经费项目绩效自评情况：项目绩效自评得分为 100 分。项目绩效目标完成情况：向省政府报送动态信息 2000 余条，采用近 200 条。'],
      findings: [
        { messageId: 'perf-text-indicator', severity: 'review', stated: '2000', expected: '800' },
        { messageId: 'perf-text-indicator', severity: 'review', stated: '200', expected: '20' },
      ],
    },
  ],
});
