/**
 * How a decimal is written, in any language: grouped thousands, a sign, a percent sign, each at the
 * number of decimals it was printed to.
 */
import type { Decimal } from './decimal.js';

/** 5168.13 → "5,168.13", keeping `scale` decimals (the printed precision). */
export function formatAmount(value: Decimal, scale: number): string {
  const fixed = value.abs().toFixed(Math.max(0, scale));
  const [int, frac] = fixed.split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value.isNegative() && !value.isZero() ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A signed difference: "+0.01" / "-82.29". */
export function formatSigned(value: Decimal, scale: number): string {
  const s = formatAmount(value, scale);
  return value.isPositive() && !value.isZero() ? `+${s}` : s;
}

/** "85.29%" */
export function formatPercent(value: Decimal, scale: number): string {
  return `${value.toFixed(Math.max(0, scale))}%`;
}
