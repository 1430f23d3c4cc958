import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './perf-score.js';

interface Ind {
  name: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
}

function sheet(inds: Ind[], total: string, fundScore = '10', project = '测试项目'): CaseTable {
  return {
    title: '项目支出绩效自评表',
    rows: [
      ['项目名称', '', project, '', '', '', '', ''],
      ['资金情况 (万元)', '项目资金', '年初预算数', '全年预算数', '全年执行数', '执行率(%)', '得分', ''],
      ['', '年度资金总额', '50', '50', '50', '100', fundScore, ''],
      ['年度总体目标', '', '完成', '', '', '', '', ''],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '权重', '自评得分'],
      ...inds.map((i, k) => ['', k === 0 ? '产出指标' : '', '数量指标', i.name, i.target, i.actual, i.weight, i.score]),
      ['总分', '', '', '', '', '', '', total],
    ],
  };
}

const full = (name: string, weight: string): Ind => ({ name, target: '完成', actual: '完成', weight, score: weight });

ruleTester(rule, {
  valid: [
    { description: 'weights 90 + 10 for funds, total = Σ scores + funds score', tables: [sheet([full('a', '50'), full('b', '40')], '100.00')] },
    { description: 'an "=" target exceeded keeps full marks', tables: [sheet([{ name: '调研地区数量', target: '=10个', actual: '30个', weight: '50', score: '50' }, full('b', '40')], '100.00')] },
    {
      description: 'a missed target scored 0 is not a finding by itself',
      tables: [sheet([{ name: '资料编印数', target: '≥1000册', actual: '500册', weight: '50', score: '0' }, full('b', '40')], '50.00')],
    },
    { description: 'the funds score may be implied by the total (tiered practice, not 10 × 执行率)', tables: [sheet([full('a', '50'), full('b', '40')], '97.00', '')] },
    { description: "weights of 100 where the form scores no funds and its total is the indicators' sum", tables: [sheet([full('a', '60'), full('b', '40')], '100.00', '')] },
  ],
  invalid: [
    {
      description: 'weights adding up to 85 (+10 for funds = 95) and a total of 100.00 for 95 points',
      tables: [sheet([full('a', '45'), full('b', '40')], '100.00')],
      findings: [
        { messageId: 'perf-weights', severity: 'error', category: 'score', stated: '85', expected: '90' },
        { messageId: 'perf-total', severity: 'error', stated: '100.00', expected: '95.00' },
      ],
    },
    {
      description: 'weights of 100 where the 总分 leaves room for a funds score of 7: the indicators weigh 90',
      tables: [
        sheet(
          [
            { name: 'a', target: '完成', actual: '完成', weight: '60', score: '55' },
            { name: 'b', target: '完成', actual: '完成', weight: '40', score: '35' },
          ],
          '97.00',
          '',
        ),
      ],
      findings: [{ messageId: 'perf-weights', severity: 'error', stated: '100', expected: '90' }],
    },
    {
      description: "weights of 100 in a form that shows no funds score, while the document's other forms weigh 90",
      tables: [
        sheet([full('a', '50'), full('b', '40')], '90.00', '', '甲'),
        sheet([full('a', '50'), full('b', '40')], '90.00', '', '乙'),
        sheet([full('a', '60'), full('b', '40')], '100.00', '', '丙'),
      ],
      findings: [{ messageId: 'perf-weights', severity: 'error', cells: ['t2r5c6', 't2r6c6'], stated: '100', expected: '90' }],
    },
    {
      description: 'a score above its weight',
      tables: [sheet([{ name: 'a', target: '完成', actual: '完成', weight: '50', score: '55' }, full('b', '40')], '105.00')],
      findings: [
        { messageId: 'perf-score-over-weight', severity: 'error' },
        { messageId: 'perf-total-over', severity: 'error', stated: '105.00', expected: '100.00' },
      ],
    },
    {
      description: '">1份" achieved with 1份 yet full marks: review',
      tables: [sheet([{ name: '权责清单动态调整次数', target: '>1份', actual: '1份', weight: '50', score: '50' }, full('b', '40')], '100.00')],
      findings: [{ messageId: 'perf-score-missed-full', severity: 'review', stated: '50' }],
    },
    {
      description: '"≥90%" met with 90% yet scored 0: review',
      tables: [sheet([{ name: '参会人员满意度', target: '≥90%', actual: '90%', weight: '50', score: '0' }, full('b', '40')], '50.00')],
      findings: [{ messageId: 'perf-score-met-not-full', severity: 'review', stated: '0', expected: '50' }],
    },
    {
      description: 'a document that scores shortfalls proportionally: a score off that practice is review, one off in its last digit is rounding',
      tables: [
        sheet(
          [
            { name: '办公经费1', target: '10万元', actual: '5.7万元', weight: '2', score: '1.14' },
            { name: '办公经费2', target: '17万元', actual: '9.5万元', weight: '2', score: '1.12' },
            { name: '聘用人员', target: '150名', actual: '51名', weight: '20', score: '6.8' },
            { name: '办公经费3', target: '13万元', actual: '5.34万元', weight: '2', score: '0.92' },
            { name: '聘用合同工', target: '58万元', actual: '57.63万元', weight: '20', score: '19.8' },
            full('其余', '44'),
          ],
          '83.78',
          '',
        ),
      ],
      findings: [
        { messageId: 'perf-score-proportional', severity: 'review', stated: '0.92', expected: '0.82' },
        { messageId: 'perf-score-proportional', severity: 'rounding', stated: '19.8', expected: '19.87' },
      ],
    },
  ],
});
