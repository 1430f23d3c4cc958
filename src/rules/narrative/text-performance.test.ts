import { ruleTester, type CaseTable } from '../../../test/support/rule-tester.js';
import rule from './text-performance.js';

/** A 项目支出绩效自评表: funds [年初预算数, 全年预算数, 全年执行数, 执行率] and the 总分. */
function sheet(project: string, implementer: string, funds: [string, string, string, string], total: string): CaseTable {
  return {
    title: '项目支出绩效自评表',
    rows: [
      ['项目名称', '', project, '', '', '', '', ''],
      ['主管部门', '', '吉林省人民政府办公厅', '', '实施单位', '', implementer, ''],
      ['资金情况 (万元)', '项目资金', '年初预算数', '全年预算数', '全年执行数', '执行率(%)', '得分', ''],
      ['', '年度资金总额', ...funds, '10', ''],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '权重', '自评得分'],
      ['', '产出指标', '数量指标', '接待批次', '≥10次', '12次', '90', '90'],
      ['总分', '', '', '', '', '', '', total],
    ],
  };
}

const H = ['十、绩效评价情况说明', '（二）项目绩效自评结果'];
const BJ = '吉林省人民政府驻北京办事处（本级）';
const SH = '吉林省人民政府驻上海办事处（本级）';

/** Three bodies with projects of the same name, each with its own figures. */
const sameNames = [
  sheet('业务保障经费', BJ, ['75', '75', '75', '100'], '100.00'),
  sheet('业务保障经费', SH, ['534.3', '534.3', '534.3', '100'], '100.00'),
  sheet('招商引资专项经费', BJ, ['50', '50', '24.03', '48.05'], '90.00'),
  sheet('公务接待及招商引资经费', SH, ['20', '20', '19.6', '98'], '97.00'),
];

ruleTester(rule, {
  valid: [
    {
      description: 'score, budget and spending restated as in the project table',
      tables: [sheet('政府序列会议经费', '吉林省人民政府办公厅（本级）', ['50', '50', '47.5', '95'], '87.00')],
      text: [...H, '1. 吉林省人民政府办公厅（本级）政府序列会议经费自评情况：根据年初设定的绩效目标，项目绩效自评得分为 87 分。项目全年预算数为 50 万元，执行数为 47.5 万元，完成预算的 95%。'],
    },
    {
      description: 'projects of the same name in different bodies are told apart by the 实施单位 the text names',
      tables: sameNames,
      text: [
        ...H,
        `40. ${BJ}业务保障经费项目绩效自评情况：根据年初设定的绩效目标，项目绩效自评得分为 100 分。项目全年预算数为 75 万元，执行数为 75 万元。`,
        `41. ${SH}业务保障经费项目绩效自评情况：根据年初设定的绩效目标，项目绩效自评得分为 100 分。项目全年预算数为 534.3 万元，执行数为 534.3 万元。`,
        `42. ${SH}公务接待及招商引资经费项目绩效自评情况：项目绩效自评得分为 97 分。项目全年预算数为 20 万元，执行数为 19.6 万元。`,
      ],
    },
    {
      description: 'a name that fits two tables equally well is not matched (no comparison, no false contradiction)',
      inapplicable: 'the name fits two tables: no table to compare with',
      tables: [sheet('业务保障经费', BJ, ['75', '75', '75', '100'], '100.00'), sheet('业务保障经费', SH, ['534.3', '534.3', '534.3', '100'], '100.00')],
      text: [...H, '1. 业务保障经费项目绩效自评情况：项目绩效自评得分为 95 分。项目全年预算数为 80 万元，执行数为 80 万元。'],
    },
    {
      description: 'a project whose name matches no table is left alone',
      inapplicable: 'no table of that name',
      tables: [sheet('政府序列会议经费', '吉林省人民政府办公厅（本级）', ['50', '50', '47.5', '95'], '87.00')],
      text: [...H, '2. 印刷费自评情况：根据年初设定的绩效目标，项目绩效自评得分为 100 分。项目全年预算数为 60 万元，执行数为 60 万元。'],
    },
    {
      description: 'outside the 绩效 section a 得分 is not a project claim',
      inapplicable: 'not in the performance section',
      tables: [sheet('政府序列会议经费', '吉林省人民政府办公厅（本级）', ['50', '50', '47.5', '95'], '87.00')],
      text: ['五、一般公共预算财政拨款支出决算情况说明', '政府序列会议经费项目绩效自评得分为 90 分。'],
    },
  ],
  invalid: [
    {
      description: 'a score that is the project execution rate (48.05 for a 总分 of 90.00), in the body the text names',
      tables: sameNames,
      text: [...H, `43. ${BJ}招商引资专项经费项目绩效自评情况：根据年初设定的绩效目标，项目绩效自评得分48.05分。`],
      findings: [{ messageId: 'perf-text-score', severity: 'error', category: 'score', stated: '48.05', expected: '90.00' }],
    },
    {
      description: "the figures of one body's project compared with that body's table, not with a namesake",
      tables: sameNames,
      text: [...H, `41. ${SH}业务保障经费项目绩效自评情况：项目绩效自评得分为 100 分。项目全年预算数为 75 万元，执行数为 534.3 万元。`],
      findings: [{ messageId: 'perf-text-amount', severity: 'error', stated: '75', expected: '534.3' }],
    },
    {
      description: 'a score off by 0.05 of the table total',
      tables: [sheet('延边州12345政务热线运行管理经费', '延边州政务服务和数字化建设局', ['190', '190', '179.09', '94.26'], '91.43')],
      text: [...H, '7. 延边州12345政务热线运行管理经费项目绩效自评情况：根据年初设定的绩效目标，项目绩效自评得分为 91.48 分。'],
      findings: [{ messageId: 'perf-text-score', severity: 'error', stated: '91.48', expected: '91.43', difference: '0.05' }],
    },
    {
      description: 'budget and spending that disagree with the table, and a rate that does not follow from it',
      tables: [sheet('政府序列会议经费', '吉林省人民政府办公厅（本级）', ['50', '50', '47.5', '95'], '87.00')],
      text: [...H, '1. 吉林省人民政府办公厅（本级）政府序列会议经费自评情况：项目绩效自评得分为 87 分。项目全年预算数为 60 万元，执行数为 47.5 万元。执行率为 97%。'],
      findings: [
        { messageId: 'perf-text-amount', severity: 'error', category: 'text-vs-table', stated: '60', expected: '50' },
        { messageId: 'perf-text-rate', severity: 'error', category: 'execution-rate', stated: '97', expected: '95' },
      ],
    },
    {
      description: 'the funds of the self-evaluated projects against the sum of their tables (same count: error)',
      tables: [sheet('政府序列会议经费', BJ, ['50', '50', '47.5', '95'], '87.00'), sheet('业务保障经费', SH, ['75', '70', '70', '100'], '100.00')],
      text: ['十、绩效评价情况说明', '（一）绩效评价工作开展情况', '本部门组织对 2024 年度一般公共预算项目支出全面开展绩效自评，共 2 个项目，共涉及资金 130 万元。'],
      findings: [{ messageId: 'perf-text-funds', severity: 'error', category: 'text-vs-table', stated: '130', expected: '120.00' }],
    },
    {
      description: 'a funds figure for a different number of projects than tables printed: review',
      tables: [sheet('政府序列会议经费', BJ, ['50', '50', '47.5', '95'], '87.00'), sheet('业务保障经费', SH, ['75', '70', '70', '100'], '100.00')],
      text: ['十、绩效评价情况说明', '（一）绩效评价工作开展情况', '本部门组织对 2024 年度一般公共预算项目支出全面开展绩效自评，其中，一级项目 1 个，二级项目 3 个，共涉及资金 130 万元。'],
      findings: [{ messageId: 'perf-text-funds', severity: 'review', stated: '130' }],
    },
  ],
});
