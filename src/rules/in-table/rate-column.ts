/**
 * Rate columns in any table, recomputed from the columns their headers name:
 * - 比上年增长% / 增减率 / 增减% = (本年 − 上年) ÷ 上年, and an amount 增减 column = 本年 − 上年;
 * - 完成预算% / 完成率 / 决算数为预算数的% = 决算 ÷ 预算 (年初 or 调整后, as the header says);
 * - 执行率 = 执行数 ÷ 预算数;
 * - 占比 / 比重 / 构成% = the row's figure ÷ the column's 合计.
 * A zero base is review (the rate is undefined; "无可比性" is the right thing to print).
 *
 * Basis: domain.md §4.1 J11 (完成%), §4.3 P06 (增减%); issue 2 item 5 "rate columns in any table".
 */
import { defineTableRule } from '../../engine/rule.js';
import type { TableContext } from '../../engine/context.js';
import type { Pos } from '../../model/table.js';
import { asPrinted, judgeRate, rateRange, type Printed } from '../../engine/tolerance.js';
import { BLANK, formatAmount, formatPercent, formatSigned } from '../../i18n/format.js';
import type { Category } from '../../contract/types.js';
import type { Identity } from '../../engine/evidence.js';
import type { Column, RowInfo } from '../../recognise/index.js';
import { NO_FIGURE, rateKindOf, type RateKind } from '../../recognise/vocabulary.js';
import { keyText } from '../../model/text.js';
import { fig } from '../../contract/figure.js';

const CATEGORY: Record<RateKind, Category> = {
  growth: 'growth-rate',
  completion: 'budget-completion-rate',
  execution: 'execution-rate',
  share: 'share-rate',
};

function joined(c: Column): string {
  return c.keys.join('/');
}

function isRate(c: Column): boolean {
  return rateKindOf(joined(c)) !== null;
}

interface Operands {
  readonly numerator: Column;
  readonly denominator: Column | 'total-row';
  /** For growth: numerator is (current − prior); `current` is given and numerator is the change column or null. */
  readonly current?: Column;
  readonly change?: Column;
}

function operands(kind: RateKind, rate: Column, cols: Column[]): Operands | null {
  const others = cols.filter((c) => c.col !== rate.col && !isRate(c));
  const has = (c: Column, re: RegExp): boolean => re.test(joined(c));
  switch (kind) {
    case 'growth': {
      const prior = others.find((c) => has(c, /上年|上期|去年|\d{4}年(?!度?预算)/u) && !has(c, /增减|增长|变动/u));
      const current = others.find((c) => c !== prior && has(c, /本年|本期|当年|今年/u) && !has(c, /增减|增长|变动/u));
      const change = others.find((c) => has(c, /增减|增加|减少|增长额|变动/u));
      if (!prior || !current) return null;
      return { numerator: change ?? current, denominator: prior, current, ...(change ? { change } : {}) };
    }
    case 'completion':
    case 'execution': {
      const wantsInitial = /年初/u.test(joined(rate));
      const budgets = others.filter((c) => has(c, /预算/u) && !has(c, /执行|决算|完成/u));
      const budget = wantsInitial ? budgets.find((c) => has(c, /年初/u)) : (budgets.find((c) => has(c, /调整|全年/u)) ?? budgets[0]);
      const actual = others.find((c) => has(c, /决算|执行数|实际|支出数|完成数/u) && !has(c, /预算数?$/u));
      if (!budget || !actual) return null;
      return { numerator: actual, denominator: budget };
    }
    case 'share': {
      const before = others.filter((c) => c.col < rate.col);
      const part = before[before.length - 1];
      if (!part) return null;
      return { numerator: part, denominator: 'total-row' };
    }
  }
}

function statedOf(ctx: TableContext, pos: Pos): { value: import('../../model/decimal.js').Decimal; scale: number } | null {
  const v = ctx.table.grid[pos.row]?.[pos.col]?.value;
  if (!v || (v.type !== 'number' && v.type !== 'percent')) return null;
  return { value: v.value, scale: v.scale };
}

export default defineTableRule({
  meta: {
    id: 'rate-column',
    category: 'growth-rate',
    description: { zh: '比率栏（增长率、完成率、执行率、占比）与其所依据的栏目一致', en: 'Rate columns (growth, completion, execution, share) agree with the columns they are computed from' },
    basis: 'domain.md §4.1 J11, §4.3 P06',
    messages: ['rate-column', 'rate-column-zero-base', 'change-column'],
  },
  applies: (t) => t.kind !== 'PERF' && t.layout.columns.some((c) => c.role === 'value' && c.path.length > 0 && isRate(c)),
  run(ctx) {
    const { layout } = ctx.rt;
    layout.blocks.forEach((block, b) => {
      const cols = block.values.map((c) => layout.columns[c] as Column).filter((c) => c.path.length > 0);
      const rows = (ctx.rt.rows[b] ?? []).filter((r: RowInfo) => !r.blank);
      const totalRow = rows.find((r) => r.total === 'total' || r.total === 'grand');
      for (const rate of cols.filter(isRate)) {
        const kind = rateKindOf(joined(rate)) as RateKind;
        const ops = operands(kind, rate, cols);
        if (!ops) {
          ctx.notChecked('rate-operands-not-found', { column: ctx.colName(rate.col) });
          continue;
        }
        for (const r of rows) {
          const ratePos = { row: r.valueRow, col: rate.col };
          const stated = statedOf(ctx, ratePos);
          if (!stated) {
            // "无可比性" over a zero base is the right thing to print
            const zeroBase = ops.denominator !== 'total-row' && ctx.printed({ row: r.valueRow, col: ops.denominator.col })?.value.isZero();
            if (zeroBase && NO_FIGURE.test(keyText(ctx.table.grid[ratePos.row]?.[ratePos.col]?.text ?? ''))) ctx.pass([ratePos], 'rate');
            continue;
          }
          let numerator: Printed | null;
          let numeratorPos: Pos[];
          let denominatorPos: Pos;
          if (ops.denominator === 'total-row') {
            if (!totalRow) continue;
            denominatorPos = { row: totalRow.valueRow, col: ops.numerator.col };
          } else denominatorPos = { row: r.valueRow, col: ops.denominator.col };
          const denominator = ctx.printed(denominatorPos);
          if (kind === 'growth' && ops.current && !ops.change) {
            const cur = ctx.printed({ row: r.valueRow, col: ops.current.col });
            if (!cur || !denominator) continue;
            numerator = asPrinted({ value: cur.value.minus(denominator.value), scale: Math.max(cur.scale, denominator.scale) });
            numeratorPos = [{ row: r.valueRow, col: ops.current.col }];
          } else {
            numerator = ctx.printed({ row: r.valueRow, col: ops.numerator.col });
            numeratorPos = [{ row: r.valueRow, col: ops.numerator.col }];
          }
          if (!numerator || !denominator) continue;
          const data = {
            row: ctx.rowName(ratePos),
            column: ctx.colName(rate.col),
            stated: formatPercent(stated.value, stated.scale),
            numerator: numerator.empty ? BLANK : formatAmount(numerator.value, numerator.scale),
            denominator: denominator.empty ? BLANK : formatAmount(denominator.value, denominator.scale),
            numeratorName: ctx.colName(ops.numerator.col),
            denominatorName: ops.denominator === 'total-row' ? ctx.cellName(denominatorPos) : ctx.colName(ops.denominator.col),
          };
          const related = [...numeratorPos, denominatorPos].map((p) => ctx.ref(p));
          if (denominator.value.isZero()) {
            if (stated.value.isZero() && numerator.value.isZero()) continue; // 0 → 0, 0%: nothing to compare
            ctx.report({
              severity: 'review',
              category: 'zero-denominator',
              cells: [ctx.ref(ratePos)],
              related,
              stated: fig(stated.value, stated.scale),
              expected: null,
              difference: null,
              messageId: 'rate-column-zero-base',
              data,
            });
            continue;
          }
          const j = judgeRate(stated.value, stated.scale, numerator, denominator, 2);
          // a rate of two printed cells is an identity between them (evidence for blame)
          const direct = !(kind === 'growth' && ops.current && !ops.change);
          const identity: Identity | null = direct
            ? {
                kind: 'ratio',
                rate: ctx.quantity(ratePos, { value: stated.value, scale: stated.scale, empty: false }, true),
                numerator: ctx.quantity(numeratorPos[0] as Pos, numerator),
                denominator: ctx.quantity(denominatorPos, denominator),
              }
            : null;
          if (j.outcome === 'pass') {
            ctx.pass([ratePos, ...numeratorPos, denominatorPos], 'rate');
            if (identity) ctx.evidence(identity, 'pass');
            continue;
          }
          if (!j.expected || !j.difference || !j.exact) continue;
          ctx.report({
            severity: j.outcome === 'rounding' ? 'rounding' : 'error',
            category: CATEGORY[kind],
            cells: [ctx.ref(ratePos)],
            related,
            stated: fig(stated.value, stated.scale),
            expected: fig(j.expected, stated.scale),
            difference: fig(j.difference, stated.scale),
            messageId: 'rate-column',
            data: { ...data, expected: formatPercent(j.expected, stated.scale), exact: formatPercent(j.exact, 4), difference: formatSigned(j.difference, stated.scale), ...rateRange(j, stated.scale) },
          });
          if (identity) ctx.evidence(identity, j.outcome === 'rounding' ? 'rounding' : 'error');
        }
        // the amount of change itself: 增减 = 本年 − 上年
        if (kind === 'growth' && ops.change && ops.current && ops.denominator !== 'total-row') {
          for (const r of rows) {
            ctx.checkSum({
              target: { row: r.valueRow, col: ops.change.col },
              plus: [{ row: r.valueRow, col: ops.current.col }],
              minus: [{ row: r.valueRow, col: ops.denominator.col }],
              messageId: 'change-column',
              category: 'table-sum',
            });
          }
        }
      }
    });
  },
});
