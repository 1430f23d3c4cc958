/**
 * Every rule, sorted by id. A new rule is a file in this folder, its table-driven test beside it,
 * its messages in each catalogue of src/i18n, and a line here (test/conventions.test.ts checks all four).
 */
import type { Rule } from '../engine/rule.js';
import codeConsistency from './code-consistency.js';
import codeHierarchy from './code-hierarchy.js';
import codePrefix from './code-prefix.js';
import columnSum from './column-sum.js';
import crossTable from './cross-table.js';
import economicDetail from './economic-detail.js';
import emptyTable from './empty-table.js';
import fundBalance from './fund-balance.js';
import misplacedValue from './misplaced-value.js';
import perfExecutionRate from './perf-execution-rate.js';
import perfFormCells from './perf-form-cells.js';
import perfFunds from './perf-funds.js';
import perfScore from './perf-score.js';
import perfTextIndicators from './perf-text-indicators.js';
import rateAnomaly from './rate-anomaly.js';
import rateColumn from './rate-column.js';
import summaryTable from './summary-table.js';
import textAmount from './text-amount.js';
import textBlank from './text-blank.js';
import textCompletion from './text-completion.js';
import textComponents from './text-components.js';
import textEconItems from './text-econ-items.js';
import textItemNames from './text-item-names.js';
import textGrowth from './text-growth.js';
import textPerformance from './text-performance.js';
import textPrior from './text-prior.js';
import textProcurement from './text-procurement.js';
import textReasons from './text-reasons.js';
import textRestated from './text-restated.js';
import textShare from './text-share.js';
import textUnits from './text-units.js';
import textYear from './text-year.js';
import threePublicDetail from './three-public-detail.js';
import totalRow from './total-row.js';

export const RULES: readonly Rule[] = [
  codeConsistency,
  codeHierarchy,
  codePrefix,
  columnSum,
  crossTable,
  economicDetail,
  emptyTable,
  fundBalance,
  misplacedValue,
  perfExecutionRate,
  perfFormCells,
  perfFunds,
  perfScore,
  perfTextIndicators,
  rateAnomaly,
  rateColumn,
  summaryTable,
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
  threePublicDetail,
  totalRow,
];
