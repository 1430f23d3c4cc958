/**
 * 绩效自评表 执行率 = 全年执行数 ÷ 全年预算数 (调整后预算数), at the printed precision of the rate,
 * row by row. Template rows of zero budget and zero spending are placeholders, not rates.
 *
 * Basis: domain.md §4.5 K02; Sichuan template note "预算执行率=预算执行数/调整后预算数".
 * Sample pages: 000-*.html (6 rates off in their last digits).
 */
import type { Identity } from '../../engine/evidence.js';
import { defineTableRule } from '../../engine/rule.js';
import { judgeRate, rateRange } from '../../engine/tolerance.js';
import { Decimal } from '../../model/decimal.js';
import { BLANK, formatAmount, formatPercent, formatSigned } from '../../i18n/format.js';
import { fig } from '../../contract/figure.js';

export default defineTableRule({
  meta: {
    id: 'perf-execution-rate',
    category: 'execution-rate',
    description: { zh: '绩效自评表：执行率等于全年执行数除以全年预算数', en: 'Performance self-evaluation: execution rate equals spending divided by the full-year budget' },
    basis: 'domain.md §4.5 K02',
    messages: ['perf-execution-rate', 'perf-execution-rate-zero-budget', 'perf-execution-rate-missing', 'perf-funds-score'],
  },
  applies: (t) => t.kind === 'PERF' && (t.performance?.funds.length ?? 0) > 0,
  run(ctx) {
    const perf = ctx.rt.performance;
    if (!perf) return;
    if (perf.fundColumns.rate === undefined) return;
    for (const f of perf.funds) {
      const { rate, annual, executed } = f.cells;
      const budgetPos = annual ?? f.cells.initial;
      if (!rate || !budgetPos || !executed) continue;
      const rateCell = ctx.table.grid[rate.row]?.[rate.col];
      const rv = rateCell?.value;
      // the total row with its budget and spending but no rate: the form's figure is missing
      if (rv?.type === 'empty' && f.total && !/^其中/u.test(f.label)) {
        const b = ctx.printed(budgetPos);
        const e = ctx.printed(executed);
        if (b && e && !b.empty && !e.empty && !b.value.isZero()) {
          const exact = e.value.dividedBy(b.value).times(100);
          ctx.report({
            severity: 'review',
            cells: [ctx.ref(rate)],
            related: [ctx.ref(executed), ctx.ref(budgetPos)],
            stated: null,
            expected: fig(exact, 2),
            difference: null,
            messageId: 'perf-execution-rate-missing',
            data: { project: perf.project ?? '', row: f.label, executed: formatAmount(e.value, e.scale), budget: formatAmount(b.value, b.scale), expected: formatPercent(exact, 2) },
          });
        }
        continue;
      }
      if (!rv || (rv.type !== 'number' && rv.type !== 'percent')) continue;
      const budget = ctx.printed(budgetPos);
      const spent = ctx.printed(executed);
      if (!budget || !spent) continue;
      const data = {
        project: perf.project ?? '',
        row: f.label,
        stated: formatPercent(rv.value, rv.scale),
        executed: spent.empty ? BLANK : formatAmount(spent.value, spent.scale),
        budget: budget.empty ? BLANK : formatAmount(budget.value, budget.scale),
      };
      if (budget.value.isZero()) {
        if (spent.value.isZero()) continue; // a template row: 0 0 0 0
        ctx.report({
          severity: 'review',
          category: 'zero-denominator',
          cells: [ctx.ref(rate)],
          related: [ctx.ref(executed), ctx.ref(budgetPos)],
          stated: fig(rv.value, rv.scale),
          expected: null,
          difference: null,
          messageId: 'perf-execution-rate-zero-budget',
          data,
        });
        continue;
      }
      const j = judgeRate(rv.value, rv.scale, spent, budget, 2);
      // the funds' own score: 执行率 × 分值 where the form scores proportionally (K03; bands are also used: review)
      const { weight, score } = f.cells;
      const w = weight ? ctx.printed(weight) : null;
      const sc = score ? ctx.printed(score) : null;
      if (f.total && weight && score && w && sc && !w.empty && !sc.empty && !w.value.isZero()) {
        const exact = Decimal.min(spent.value.dividedBy(budget.value), 1).times(w.value);
        const expected = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        if (!sc.value.eq(expected) && sc.value.lt(w.value) && !expected.eq(w.value)) {
          ctx.report({
            severity: 'review',
            category: 'score',
            cells: [ctx.ref(score)],
            related: [ctx.ref(rate), ctx.ref(weight)],
            stated: fig(sc.value, sc.scale),
            expected: fig(expected, 2),
            difference: fig(sc.value.minus(expected), 2),
            messageId: 'perf-funds-score',
            data: {
              project: perf.project ?? '',
              stated: formatAmount(sc.value, sc.scale),
              expected: formatAmount(expected, 2),
              weight: formatAmount(w.value, w.scale),
              rate: formatPercent(spent.value.dividedBy(budget.value).times(100), 2),
            },
          });
        } else if (sc.value.eq(expected)) ctx.pass([score, rate, weight], 'formula');
      }
      // the rate is an identity of the table's cells (evidence for blame)
      const identity: Identity = {
        kind: 'ratio',
        rate: ctx.quantity(rate, { value: rv.value, scale: rv.scale, empty: false }, true),
        numerator: ctx.quantity(executed, spent),
        denominator: ctx.quantity(budgetPos, budget),
      };
      if (j.outcome === 'pass') {
        ctx.pass([rate, executed, budgetPos], 'rate');
        ctx.evidence(identity, 'pass');
        continue;
      }
      if (j.outcome === 'zero-denominator' || !j.expected || !j.exact || !j.difference) continue;
      ctx.report({
        severity: j.outcome === 'rounding' ? 'rounding' : 'error',
        cells: [ctx.ref(rate)],
        related: [ctx.ref(executed), ctx.ref(budgetPos)],
        stated: fig(rv.value, rv.scale),
        expected: fig(j.expected, rv.scale),
        difference: fig(j.difference, rv.scale),
        messageId: 'perf-execution-rate',
        data: { ...data, expected: formatPercent(j.expected, rv.scale), exact: formatPercent(j.exact, 4), difference: formatSigned(j.difference, rv.scale), ...rateRange(j, rv.scale) },
        // lets the 年度资金总额 and 当年财政拨款 rows printing the same wrong rate fold into one finding
        checks: [{ table: ctx.table.index, target: ctx.ref(rate), plus: [ctx.ref(executed)], minus: [ctx.ref(budgetPos)] }],
      });
      ctx.evidence(identity, j.outcome === 'rounding' ? 'rounding' : 'error');
    }
  },
});
