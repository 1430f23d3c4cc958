import DecimalBase from 'decimal.js';

/**
 * The one Decimal constructor the project uses: a private clone, so nothing a host page or
 * another library sets on the global decimal.js configuration changes our arithmetic.
 * Money never becomes a JavaScript number; percentages and ratios are Decimals too.
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

/** Sum of Decimals (empty list → 0). */
export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Half a unit of the last printed digit: scale 2 → 0.005. */
export function halfUnit(scale: number): Decimal {
  return new Decimal(5).times(new Decimal(10).pow(-(scale + 1)));
}

/** One unit of the last printed digit: scale 2 → 0.01. */
export function unit(scale: number): Decimal {
  return new Decimal(10).pow(-scale);
}

/** Plain decimal string with exactly `scale` digits (no exponent, no grouping). */
export function fixed(value: Decimal, scale: number): string {
  return value.toFixed(Math.max(0, scale), Decimal.ROUND_HALF_UP);
}

/** Plain decimal string that keeps the value's own digits (no exponent). */
export function plain(value: Decimal): string {
  return value.toFixed();
}
