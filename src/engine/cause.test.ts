import { describe, expect, it } from 'vitest';
import { Decimal } from '../model/decimal.js';
import { factorBetween, isTransposition, likelyCause } from './cause.js';

const d = (s: string) => new Decimal(s);
const part = (value: string, label = 'x') => ({ ref: { table: 0, row: 1, col: 1 }, label, value: d(value), scale: 2 });

describe('likely causes', () => {
  it('a difference equal to one line: left out, or counted twice', () => {
    expect(likelyCause(d('100.00'), d('120.00'), 2, [part('100.00'), part('20.00', '其他收入')])).toMatchObject({ kind: 'omitted', label: '其他收入', value: '20.00' });
    expect(likelyCause(d('140.00'), d('120.00'), 2, [part('100.00'), part('20.00', '其他收入')])).toMatchObject({ kind: 'double-counted', label: '其他收入' });
  });

  it('transposed digits (the difference is a multiple of 9)', () => {
    expect(isTransposition(d('3.02'), d('3.20'), 2)).toBe(true);
    expect(isTransposition(d('98.76'), d('89.76'), 2)).toBe(true);
    expect(isTransposition(d('3.02'), d('3.21'), 2)).toBe(false);
    expect(likelyCause(d('3.02'), d('3.20'), 2, [])).toEqual({ kind: 'transposition', from: '3.02', to: '3.20' });
  });

  it('a factor of 10, 100, 1,000 or 10,000: a decimal or unit slip', () => {
    expect(factorBetween(d('4966.67'), d('49.67'), 2)?.toFixed()).toBe('100');
    expect(factorBetween(d('0.3'), d('3000'), 1)?.toFixed()).toBe('0.0001');
    expect(likelyCause(d('12345.00'), d('1.25'), 2, [])).toBeNull();
    expect(likelyCause(d('1234.00'), d('12.34'), 2, [])).toEqual({ kind: 'factor', factor: '100' });
  });

  it('nothing when the arithmetic shows nothing', () => {
    expect(likelyCause(d('10.00'), d('10.00'), 2, [])).toBeNull();
    expect(likelyCause(d('10.37'), d('10.00'), 2, [part('4.00')])).toBeNull();
  });
});
