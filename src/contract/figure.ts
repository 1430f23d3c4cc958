/**
 * A figure a finding states, expects, or finds as the difference. A number stays a decimal, with
 * the number of decimals it is shown to and how it is written (plain "1234.50", grouped "1,234.50",
 * signed "+1,234.50", with the unit a sentence gave it "2.61万元"), until the report is written
 * (figureText); a figure a sentence gives in words ("决算数大于预算数", a period, a list of items)
 * is kept as its words.
 */
import type { Decimal } from '../model/decimal.js';
import { formatAmount, formatSigned } from '../model/format.js';

export interface Amount {
  readonly value: Decimal;
  readonly scale: number;
  readonly style: 'plain' | 'grouped' | 'signed' | 'plus';
  /** The unit the sentence wrote after the figure ("万元", "%"), if it is shown with it. */
  readonly unit?: string;
}

export interface Words {
  readonly words: string;
}

export type Figure = Amount | Words;

/** A decimal as it is printed: "1234.50" (scale: its own decimals when not given). */
export function fig(value: Decimal, scale: number = value.decimalPlaces()): Amount {
  return { value, scale, style: 'plain' };
}

/** A decimal with grouped thousands: "1,234.50". */
export function grouped(value: Decimal, scale: number): Amount {
  return { value, scale, style: 'grouped' };
}

/** A signed difference with grouped thousands: "+1,234.50", "-0.01". */
export function signed(value: Decimal, scale: number): Amount {
  return { value, scale, style: 'signed' };
}

/** A change with its sign, ungrouped: "+12.50", "-3.00". */
export function withSign(value: Decimal, scale: number): Amount {
  return { value, scale, style: 'plus' };
}

/** A figure the text gives in words. */
export function phrase(text: string): Words {
  return { words: text };
}

export function isAmount(f: Figure | null): f is Amount {
  return f !== null && 'value' in f;
}

/** The figure as the report writes it. */
export function figureText(f: Figure): string;
export function figureText(f: Figure | null): string | null;
export function figureText(f: Figure | null): string | null {
  if (f === null) return null;
  if (!isAmount(f)) return f.words;
  const plain = f.value.toFixed(Math.max(0, f.scale));
  const n = f.style === 'grouped' ? formatAmount(f.value, f.scale) : f.style === 'signed' ? formatSigned(f.value, f.scale) : f.style === 'plus' && !f.value.isNegative() ? `+${plain}` : plain;
  return f.unit ? `${n}${f.unit}` : n;
}
