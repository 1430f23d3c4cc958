/**
 * Tolerance from printed precision. Every printed figure is the true figure rounded to its last
 * printed digit, so it may be off by half a unit of that digit. A total of n printed addends may
 * therefore differ from their printed sum by up to half a unit × (n + 1) without anyone having
 * made a mistake: that is the rounding band. Beyond it, the figures contradict each other.
 */
import { Decimal, halfUnit, sum, unit } from '../model/decimal.js';

export { asPrinted, inCommonUnit, printedAt, printedOf, type Printed } from '../model/printed.js';
import type { Printed } from '../model/printed.js';

export interface SumJudgement {
  readonly outcome: 'pass' | 'rounding' | 'error';
  readonly expected: Decimal;
  readonly difference: Decimal;
  readonly band: Decimal;
  readonly scale: number;
}

/**
 * Judges `target = Σ plus − Σ minus`. Blank cells count as exact zeros (they add no rounding);
 * the band is half a unit of the finest printed precision × (number of printed figures).
 */
export function judgeSum(target: Printed, plus: readonly Printed[], minus: readonly Printed[] = []): SumJudgement {
  const all = [target, ...plus, ...minus];
  const scale = Math.max(0, ...all.filter((p) => !p.empty).map((p) => p.scale));
  const expected = sum(plus.map((p) => p.value)).minus(sum(minus.map((p) => p.value)));
  const difference = target.value.minus(expected);
  const printed = all.filter((p) => !p.empty).length;
  const band = halfUnit(scale).times(Math.max(1, printed));
  const outcome = difference.isZero() ? 'pass' : difference.abs().lte(band) ? 'rounding' : 'error';
  return { outcome, expected, difference, band, scale };
}

export interface RateJudgement {
  readonly outcome: 'pass' | 'rounding' | 'error' | 'zero-denominator';
  /** The exact rate from the printed inputs (percent). */
  readonly exact: Decimal | null;
  /** The exact rate rounded to the stated precision. */
  readonly expected: Decimal | null;
  readonly difference: Decimal | null;
  /** Bounds of the rate over the rounding intervals of the inputs, widened by one unit of the last printed digit. */
  readonly low: Decimal | null;
  readonly high: Decimal | null;
}

/**
 * For a rate judged rounding that is off by more than one unit of its last digit, the range its
 * rounded inputs allow, as message data (`low`, `high`, at the rate's decimals): "off in the last
 * digit" would not be true of it. Nothing for any other judgement.
 */
export function rateRange(j: RateJudgement, scale: number): { low?: string; high?: string } {
  if (j.outcome !== 'rounding' || !j.difference || !j.low || !j.high || j.difference.abs().lte(unit(scale))) return {};
  return { low: j.low.toFixed(scale, Decimal.ROUND_DOWN), high: j.high.toFixed(scale, Decimal.ROUND_UP) };
}

function interval(p: Printed, minScale: number): [Decimal, Decimal] {
  if (p.empty) return [p.value, p.value];
  const h = halfUnit(Math.max(p.scale, minScale));
  return [p.value.minus(h), p.value.plus(h)];
}

/**
 * Judges a stated percentage `stated` (printed with `statedScale` decimals) against
 * numerator ÷ denominator × 100. `minScale` is the precision amounts are kept at (2 for 万元 tables,
 * whose exporters drop trailing zeros: "55" is 55.00).
 *
 * - pass: the stated rate is the exact rate correctly rounded;
 * - rounding: it lies within the rate's band from the inputs' rounding, give or take one unit of
 *   its last printed digit (truncation instead of rounding);
 * - error: beyond that;
 * - zero-denominator: the base is zero.
 */
export function judgeRate(stated: Decimal, statedScale: number, numerator: Printed, denominator: Printed, minScale = 0): RateJudgement {
  if (denominator.value.isZero()) return { outcome: 'zero-denominator', exact: null, expected: null, difference: null, low: null, high: null };
  const exact = numerator.value.dividedBy(denominator.value).times(100);
  const expected = exact.toDecimalPlaces(statedScale, Decimal.ROUND_HALF_UP);
  const difference = stated.minus(expected);
  const [n0, n1] = interval(numerator, minScale);
  const [d0, d1] = interval(denominator, minScale);
  const corners: Decimal[] = [];
  for (const n of [n0, n1]) for (const d of [d0, d1]) if (!d.isZero()) corners.push(n.dividedBy(d).times(100));
  const spansZero = d0.isNegative() !== d1.isNegative() && !d0.isZero() && !d1.isZero();
  const u = unit(statedScale);
  const low = Decimal.min(...corners).minus(u);
  const high = Decimal.max(...corners).plus(u);
  let outcome: RateJudgement['outcome'];
  if (difference.isZero()) outcome = 'pass';
  else if (!spansZero && stated.gte(low) && stated.lte(high)) outcome = 'rounding';
  else outcome = 'error';
  return { outcome, exact, expected, difference, low, high };
}
