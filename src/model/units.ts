import { Decimal } from './decimal.js';
import { keyText } from './text.js';

/** Money units that budget tables print in. */
export type MoneyUnit = '元' | '千元' | '万元' | '百万元' | '亿元';

const FACTORS: Record<MoneyUnit, Decimal> = {
  元: new Decimal(1),
  千元: new Decimal(1_000),
  万元: new Decimal(10_000),
  百万元: new Decimal(1_000_000),
  亿元: new Decimal(100_000_000),
};

/** Value of one `unit` in 元. */
export function unitFactor(unit: MoneyUnit): Decimal {
  return FACTORS[unit];
}

/** Converts an amount between money units. */
export function convert(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  if (from === to) return value;
  return value.times(FACTORS[from]).dividedBy(FACTORS[to]);
}

const UNIT_LINE = /(?:金额)?单位[:：]?\s*(百万元|亿元|万元|千元|元)/u;

/** Finds the unit of a "单位：万元" / "金额单位：元" line; null when the text has none. */
export function findUnit(text: string): MoneyUnit | null {
  const m = UNIT_LINE.exec(keyText(text).replace(/:/g, '：'));
  return m?.[1] ? (m[1] as MoneyUnit) : null;
}

/** True when a text is (only) a unit line. */
export function isUnitLine(text: string): boolean {
  return /^(?:金额)?单位[:：]?(百万元|亿元|万元|千元|元)$/u.test(keyText(text).replace(/:/g, '：'));
}
