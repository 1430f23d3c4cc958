import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './rate-anomaly.js';

/** A 绩效自评表: 全年预算数, 全年执行数, 执行率, and an optional 偏差原因 in its indicator row. */
function sheet(project: string, budget: string, executed: string, rate: string, reason = ''): CaseTable {
  return {
    title: '项目支出绩效自评表',
    rows: [
      ['项目名称', '', project, '', '', '', '', '', ''],
      ['资金情况 (万元)', '项目资金', '年初预算数', '全年预算数', '全年执行数', '执行率(%)', '得分', '', ''],
      ['', '年度资金总额', budget, budget, executed, rate, '', '', ''],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '权重', '自评得分', '偏差原因分析及改进措施'],
      ['', '产出指标', '数量指标', '调查问卷数量', '>=5000份', '0份', '90', '0', reason],
      ['总分', '', '', '', '', '', '', '0.00', ''],
    ],
  };
}

const BUDGET = ['五、一般公共预算财政拨款支出决算情况说明', '（四）一般公共预算财政拨款支出决算具体情况'];
const CHANGE = ['三、支出决算情况说明'];

ruleTester(rule, {
  valid: [
    { description: 'a project executed at 95%', tables: [sheet('政务公开工作经费', '20', '19', '95')] },
    {
      description: 'an item spent within its budget',
      tables: [],
      text: [...BUDGET, '2.一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）年初预算为 100 万元，支出决算为 98 万元，完成年初预算的 98%。'],
    },
    {
      description: 'a wrongly stated rate ("下降85.37%" for 46.05%) is text-growth\'s finding, not a question',
      tables: [],
      text: [...CHANGE, '公务接待费支出1.23万元，较2023年度减少1.05万元，下降85.37%。'],
    },
    { description: 'a change of 40% is within ±50%', tables: [], text: [...CHANGE, '基本支出 2395.01 万元，比上年增加 684.29 万元，增长 40%。'] },
    {
      description: 'a change of 100% on an amount below the floor (0.01 万元) is not questioned',
      inapplicable: 'below the change floor',
      tables: [],
      text: [...CHANGE, '其他收入 0.00 万元，比上年减少 0.01 万元，下降 100%。'],
    },
    { description: 'a lower threshold set by the user (80%) leaves 85% alone', tables: [sheet('社会信用体系建设专项经费', '37', '32.14', '86.86')], thresholds: { executionBelow: 80 } },
  ],
  invalid: [
    {
      description: 'a project executed at 4.42%, its reason given in the 偏差原因 column',
      tables: [sheet('营商环境服务专项经费', '12', '0.53', '4.42', '上级取消调查工作')],
      findings: [{ messageId: 'anomaly-execution', severity: 'review', category: 'rate-anomaly', cells: ['r2c5'], stated: '4.42', data: { reason: '上级取消调查工作' } }],
    },
    {
      description: 'a project with a budget and no spending, no reason given',
      tables: [sheet('推进政府职能转变领导小组工作经费', '40', '0', '0')],
      findings: [{ messageId: 'anomaly-no-spending', severity: 'review', category: 'rate-anomaly', data: { reason: '' } }],
    },
    {
      description: 'an item spent at 107.1% of its 年初预算, with the reason the report gives',
      tables: [],
      text: [
        ...BUDGET,
        '1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）年初预算为1776.1万元，支出决算为1901.97万元，完成年初预算的107.1%。决算数大于预算数的主要原因是：2024年度支出含当年追加行政运行经费。',
      ],
      findings: [{ messageId: 'anomaly-over-budget', severity: 'review', stated: '107.09', data: { reason: '2024年度支出含当年追加行政运行经费' } }],
    },
    {
      description: 'spending with a budget of 0',
      tables: [],
      text: [...BUDGET, '12. 社会保障和就业支出（类）抚恤（款）死亡抚恤（项）年初预算为 0 万元，支出决算为 242.48 万元。决算数大于预算数的主要原因是执行中追加死亡抚恤经费。'],
      findings: [{ messageId: 'anomaly-no-budget', severity: 'review', data: { reason: '执行中追加死亡抚恤经费' } }],
    },
    {
      description: 'a decline of 72.7% with its reason',
      tables: [],
      text: [...CHANGE, '项目支出 2773.11 万元，比上年减少 7394.83 万元，下降 72.7%，主要原因是“数字吉林”建设任务在 2023 年度执行完毕。'],
      findings: [{ messageId: 'anomaly-change', severity: 'review', stated: '-72.73', data: { reason: '“数字吉林”建设任务在 2023 年度执行完毕' } }],
    },
    {
      description: 'a stricter threshold set by the user (95%) questions 92%',
      tables: [sheet('政务公开工作经费', '25', '23', '92')],
      thresholds: { executionBelow: 95 },
      findings: [{ messageId: 'anomaly-execution', severity: 'review', stated: '92.00' }],
    },
  ],
});
