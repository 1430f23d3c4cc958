import type { Decimal } from '../model/decimal.js';

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

/** Stands for a blank cell inside message data; each catalogue says it in its own words. */
export const BLANK = '⟦blank⟧';

/** Fills "{name}" placeholders; unknown names are left visible so a missing parameter shows. */
export function fill(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = data[name];
    return v === undefined ? m : String(v);
  });
}
