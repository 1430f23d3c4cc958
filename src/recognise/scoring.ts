/**
 * How a document scores its 绩效自评表, judged once from all of them (the forms of one document share
 * a template): whether a missed target loses points in proportion (得分 = 权重 × 实际/目标) or all of
 * them, and which indicator weight total (90 beside a scored 预算执行率, or 100) its forms use.
 */
import { Decimal, unit, sum } from '../model/decimal.js';
import type { Quantity } from '../model/number.js';
import { printedAt, type Printed } from '../model/printed.js';
import type { Table } from '../model/table.js';
import type { Indicator, PerformanceTable } from './performance.js';

export type Practice = 'proportional' | 'all-or-nothing' | 'unknown';

export interface Scoring {
  /** How missed targets are scored in this document. */
  readonly practice: Practice;
  /** How many forms' indicator weights add up to each total ("90", "100", …). */
  readonly weightTotals: ReadonlyMap<string, number>;
}

function normUnit(u: string): string {
  return u.replace(/^(万|亿|千)元?$/u, '$1元').replace(/^元$/u, '元');
}

function comparable(a: Quantity, b: Quantity): boolean {
  return normUnit(a.unit) === normUnit(b.unit) || (a.unit === '' && b.unit !== '') || (b.unit === '' && a.unit !== '');
}

/** Whether the actual value meets the target; "=" and bare targets count over-achievement as met. */
export function targetMet(target: Quantity, actual: Quantity): boolean {
  const t = target.value;
  const a = actual.value;
  switch (target.op) {
    case '>':
      return a.gt(t);
    case '<':
      return a.lt(t);
    case '<=':
      return a.lte(t);
    default:
      return a.gte(t);
  }
}

/** Proportional score for a missed target: 权重 × 实际/目标 (正向), 权重 × 目标/实际 (反向). */
export function proportionalScore(weight: Decimal, target: Quantity, actual: Quantity): Decimal | null {
  const reverse = target.op === '<' || target.op === '<=';
  const num = reverse ? target.value : actual.value;
  const den = reverse ? actual.value : target.value;
  if (den.isZero() || num.isNegative()) return null;
  return Decimal.min(weight, weight.times(num).dividedBy(den));
}

/** An indicator with a printed weight and score and a target and actual value that compare. */
export interface Scored {
  readonly indicator: Indicator;
  readonly weight: Printed;
  readonly score: Printed;
  readonly target: Quantity;
  readonly actual: Quantity;
}

export function scoredIndicators(table: Table, indicators: readonly Indicator[]): Scored[] {
  const out: Scored[] = [];
  for (const ind of indicators) {
    const target = ind.target?.quantity;
    const actual = ind.actual?.quantity;
    if (!ind.weight || !ind.score || !target || !actual || !comparable(target, actual)) continue;
    const weight = printedAt(table, ind.weight);
    const score = printedAt(table, ind.score);
    if (!weight || !score || weight.empty || score.empty) continue;
    out.push({ indicator: ind, weight, score, target, actual });
  }
  return out;
}

/** A score against the proportional one: equal at its printed precision, off by its last digit, or off. */
export function closeEnough(stated: Printed, expected: Decimal): 'equal' | 'last-digit' | 'off' {
  if (expected.toDecimalPlaces(stated.scale, Decimal.ROUND_HALF_UP).eq(stated.value)) return 'equal';
  return stated.value.minus(expected).abs().lt(unit(stated.scale)) ? 'last-digit' : 'off';
}

interface Form {
  readonly table: Table;
  readonly performance: PerformanceTable | null;
}

/** The scoring of a document's forms: read once by recognition into RecognisedDocument.scoring. */
export function scoringOf(forms: readonly Form[]): Scoring {
  let proportional = 0;
  let zero = 0;
  const weightTotals = new Map<string, number>();
  for (const { table, performance } of forms) {
    if (!performance) continue;
    for (const s of scoredIndicators(table, performance.indicators)) {
      if (targetMet(s.target, s.actual)) continue;
      const expected = proportionalScore(s.weight.value, s.target, s.actual);
      if (!expected || expected.isZero()) continue;
      if (s.score.value.isZero()) zero++;
      else if (closeEnough(s.score, expected) !== 'off') proportional++;
    }
    const ws = performance.indicators.map((i) => printedAt(table, i.weight)).filter((p): p is Printed => !!p && !p.empty);
    if (ws.length === 0) continue;
    const t = sum(ws.map((p) => p.value)).toFixed(0);
    weightTotals.set(t, (weightTotals.get(t) ?? 0) + 1);
  }
  const practice: Practice = proportional >= 3 && proportional > zero ? 'proportional' : zero >= 2 && zero > proportional ? 'all-or-nothing' : 'unknown';
  return { practice, weightTotals };
}

/** The indicator weight total the document's other forms use, when at least two agree and none differs. */
export function weightPractice(scoring: Scoring, own: Decimal): 90 | 100 | null {
  const others = (t: string): number => (scoring.weightTotals.get(t) ?? 0) - (own.toFixed(0) === t ? 1 : 0);
  const n90 = others('90');
  const n100 = others('100');
  return n90 >= 2 && n100 === 0 ? 90 : n100 >= 2 && n90 === 0 ? 100 : null;
}
