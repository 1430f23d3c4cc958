/**
 * Likely cause of a wrong figure, where the arithmetic shows one:
 * - the difference equals one participating figure: a row left out of the total, or counted twice;
 * - the difference is a multiple of 9 and swapping two adjacent digits turns one figure into the other:
 *   transposed digits;
 * - the figures differ by a factor of 10, 100, 1,000 or 10,000: a decimal point or unit slip.
 */
import { Decimal } from '../model/decimal.js';
import type { CellRef } from '../model/table.js';
import type { Cause } from '../contract/types.js';

export interface Participant {
  readonly ref: CellRef;
  readonly label: string;
  readonly value: Decimal;
  readonly scale: number;
}

function digits(value: Decimal, scale: number): string {
  return value.abs().toFixed(scale).replace('.', '');
}

/** True when swapping two adjacent digits of `a` gives `b`. */
export function isTransposition(a: Decimal, b: Decimal, scale: number): boolean {
  if (a.isNegative() !== b.isNegative()) return false;
  const x = digits(a, scale);
  const y = digits(b, scale);
  if (x.length !== y.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff.push(i);
  if (diff.length !== 2) return false;
  const [i, j] = diff as [number, number];
  return j === i + 1 && x[i] === y[j] && x[j] === y[i];
}

const FACTORS = ['10', '100', '1000', '10000'].map((f) => new Decimal(f));

/** A factor f (10, 100, 1,000, 10,000 or its inverse) with stated = expected × f, at printed precision. */
export function factorBetween(stated: Decimal, expected: Decimal, scale: number): Decimal | null {
  if (stated.isZero() || expected.isZero()) return null;
  const tolerance = new Decimal(10).pow(-scale).dividedBy(2);
  for (const f of FACTORS) {
    if (stated.minus(expected.times(f)).abs().lte(tolerance.times(f))) return f;
    if (stated.times(f).minus(expected).abs().lte(tolerance.times(f))) return new Decimal(1).dividedBy(f);
  }
  return null;
}

/**
 * Finds the likely cause of `stated ≠ expected` for a total whose parts are `parts` (the target
 * itself is not among them).
 */
export function likelyCause(stated: Decimal, expected: Decimal, scale: number, parts: readonly Participant[]): Cause | null {
  const difference = stated.minus(expected);
  if (difference.isZero()) return null;
  const magnitude = difference.abs();
  const oneUnit = new Decimal(10).pow(-scale);
  if (magnitude.gt(oneUnit)) {
    const match = parts.find((p) => !p.value.isZero() && p.value.abs().eq(magnitude));
    if (match) {
      const value = match.value.toFixed(match.scale);
      // stated below the sum by one part: that part looks left out; above by one part: counted twice
      return difference.isNegative() === match.value.isPositive()
        ? { kind: 'omitted', cell: match.ref, label: match.label, value }
        : { kind: 'double-counted', cell: match.ref, label: match.label, value };
    }
  }
  const units = magnitude.dividedBy(oneUnit);
  if (units.isInteger() && units.mod(9).isZero() && isTransposition(stated, expected, scale)) {
    return { kind: 'transposition', from: stated.toFixed(scale), to: expected.toFixed(scale) };
  }
  const factor = factorBetween(stated, expected, scale);
  if (factor) return { kind: 'factor', factor: factor.toFixed() };
  return null;
}
