/**
 * A printed figure: the value a cell or a sentence prints, with the number of decimals it was
 * printed to (its rounding) and whether the cell was blank. Every check starts from these.
 */
import { convert, unitFactor, type MoneyUnit } from './units.js';
import { type Decimal, ZERO } from './decimal.js';
import type { CellValue } from './number.js';
import { cellAt, type Pos, type Table } from './table.js';

/** A printed figure: its value, how many decimals were printed, and whether the cell was blank. */
export interface Printed {
  readonly value: Decimal;
  readonly scale: number;
  readonly empty: boolean;
}

/**
 * Two printed figures in the same unit, for tables printed in different units (the 三公 table in
 * 万元 beside detail tables in 元): the one in the finer unit is converted into the coarser one and
 * given its precision, so that the coarse figure's rounding is the band.
 */
export function inCommonUnit(a: Printed, aUnit: MoneyUnit | null, b: Printed, bUnit: MoneyUnit | null): [Printed, Printed] {
  // one unit unknown: the tables are taken to print alike (the document's usual unit)
  if (aUnit === bUnit || !aUnit || !bUnit) return [a, b];
  const coarse = unitFactor(aUnit).gt(unitFactor(bUnit)) ? aUnit : bUnit;
  const to = (p: Printed, from: MoneyUnit, other: Printed): Printed => (from === coarse ? p : { value: convert(p.value, from, coarse), scale: other.scale, empty: p.empty });
  return [to(a, aUnit, b), to(b, bUnit, a)];
}

/** A figure stated somewhere (a sentence, a computed part) with the precision it was given in. */
export function asPrinted(x: { readonly value: Decimal; readonly scale: number }): Printed {
  return { value: x.value, scale: x.scale, empty: false };
}

/**
 * The printed figure of a cell's value: a blank cell is an exact zero; text is null, and so is a
 * percentage unless `percent` asks for it (a rate is not an amount to add).
 */
export function printedOf(v: CellValue | undefined, percent = false): Printed | null {
  if (!v) return null;
  if (v.type === 'empty') return { value: ZERO, scale: 0, empty: true };
  if (v.type === 'number' || (percent && v.type === 'percent')) return { value: v.value, scale: v.scale, empty: false };
  return null;
}

/** The printed figure at a position of a table (see printedOf); null where there is no position or cell. */
export function printedAt(table: Table, pos: Pos | null | undefined, percent = false): Printed | null {
  return pos ? printedOf(cellAt(table, pos.row, pos.col)?.value, percent) : null;
}
