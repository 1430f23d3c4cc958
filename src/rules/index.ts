/**
 * Every rule, in folders by what it checks (GROUPS), and RULES: all of them sorted by id, the order
 * the engine runs them in. A new rule is a file in its group's folder, its table-driven test beside
 * it, its messages in each catalogue of src/i18n, and a line here (`npm run new:rule NAME` writes
 * all four; test/conventions.test.ts checks them).
 */
import type { Rule } from '../engine/rule.js';
import codeConsistency from './across-tables/code-consistency.js';
import codeHierarchy from './in-table/code-hierarchy.js';
import codePrefix from './in-table/code-prefix.js';
import columnSum from './in-table/column-sum.js';
import crossTable from './across-tables/cross-table.js';
import economicDetail from './in-table/economic-detail.js';
import emptyTable from './narrative/empty-table.js';
import fundBalance from './in-table/fund-balance.js';
import misplacedValue from './in-table/misplaced-value.js';
import perfExecutionRate from './performance/perf-execution-rate.js';
import perfFormCells from './performance/perf-form-cells.js';
import perfFunds from './performance/perf-funds.js';
import perfScore from './performance/perf-score.js';
import perfTextIndicators from './performance/perf-text-indicators.js';
import rateAnomaly from './rate-questions/rate-anomaly.js';
import rateColumn from './in-table/rate-column.js';
import summaryTable from './in-table/summary-table.js';
import textAmount from './narrative/text-amount.js';
import textBlank from './narrative/text-blank.js';
import textCompletion from './narrative/text-completion.js';
import textComponents from './narrative/text-components.js';
import textEconItems from './narrative/text-econ-items.js';
import textGrowth from './narrative/text-growth.js';
import textItemNames from './narrative/text-item-names.js';
import textPerformance from './narrative/text-performance.js';
import textPrior from './narrative/text-prior.js';
import textProcurement from './narrative/text-procurement.js';
import textReasons from './narrative/text-reasons.js';
import textRestated from './narrative/text-restated.js';
import textShare from './narrative/text-share.js';
import textUnits from './narrative/text-units.js';
import textYear from './narrative/text-year.js';
import threePublicDetail from './across-tables/three-public-detail.js';
import totalRow from './in-table/total-row.js';

export interface RuleGroup {
  /** The folder under src/rules. */
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly rules: readonly Rule[];
}

export const GROUPS: readonly RuleGroup[] = [
  {
    id: 'in-table',
    title: { zh: '表内：合计、层级、编码与表内等式', en: 'Inside one table: totals, hierarchy, codes and the table’s own identities' },
    rules: [codeHierarchy, codePrefix, columnSum, economicDetail, fundBalance, misplacedValue, rateColumn, summaryTable, totalRow],
  },
  {
    id: 'across-tables',
    title: { zh: '表间：同一数字在不同表中一致', en: 'Across tables: one figure printed alike in every table' },
    rules: [codeConsistency, crossTable, threePublicDetail],
  },
  {
    id: 'narrative',
    title: { zh: '情况说明：文字所述与表格、与自身一致', en: 'The narrative: what the text states against the tables and against itself' },
    rules: [
      emptyTable,
      textAmount,
      textBlank,
      textCompletion,
      textComponents,
      textEconItems,
      textGrowth,
      textItemNames,
      textPerformance,
      textPrior,
      textProcurement,
      textReasons,
      textRestated,
      textShare,
      textUnits,
      textYear,
    ],
  },
  {
    id: 'performance',
    title: { zh: '项目支出绩效自评表', en: 'The project performance self-evaluation forms (绩效自评表)' },
    rules: [perfExecutionRate, perfFormCells, perfFunds, perfScore, perfTextIndicators],
  },
  {
    id: 'rate-questions',
    title: { zh: '比率问题：超出阈值的增减与执行率', en: 'Rate questions: changes and execution rates beyond the thresholds' },
    rules: [rateAnomaly],
  },
];

export const RULES: readonly Rule[] = GROUPS.flatMap((g) => g.rules).sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
