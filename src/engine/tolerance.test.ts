import { describe, expect, it } from 'vitest';
import { Decimal } from '../model/decimal.js';
import { judgeRate, judgeSum, rateRange, type Printed } from './tolerance.js';

const p = (s: string): Printed =>
  s === '' ? { value: new Decimal(0), scale: 0, empty: true } : { value: new Decimal(s.replace(/,/g, '')), scale: s.includes('.') ? s.length - s.indexOf('.') - 1 : 0, empty: false };

describe('judgeSum: a band of half a unit of the last printed digit per printed figure', () => {
  it.each([
    ['exact', '10.00', ['4.00', '6.00'], 'pass'],
    ['0.01 with two addends (band 0.015)', '10.01', ['4.00', '6.00'], 'rounding'],
    ['0.02 with two addends', '10.02', ['4.00', '6.00'], 'error'],
    ['0.02 with four addends (band 0.025)', '10.02', ['1.00', '2.00', '3.00', '4.00'], 'rounding'],
    ['blank addends add no rounding (band 0.01)', '10.01', ['10.00', '', ''], 'rounding'],
    ['a blank total against a filled part', '', ['17.06'], 'error'],
    ['integers: half a unit each', '11', ['5', '5'], 'rounding'],
    ['integers: two units off two addends', '12', ['5', '5'], 'error'],
  ] as const)('%s', (_d, target, parts, outcome) => {
    expect(judgeSum(p(target), parts.map(p)).outcome).toBe(outcome);
  });

  it('subtracts the minus parts (年末 = 年初 + 收入 − 支出)', () => {
    const j = judgeSum(p('15.00'), [p('10.00'), p('50.00')], [p('45.00')]);
    expect(j.outcome).toBe('pass');
    expect(j.expected.toFixed(2)).toBe('15.00');
  });

  it('gives the expected value and the signed difference', () => {
    const j = judgeSum(p('5,168.13'), [p('5,168.12'), p(''), p('0.00')]);
    expect([j.outcome, j.expected.toFixed(2), j.difference.toFixed(2), j.band.toFixed(3)]).toEqual(['rounding', '5168.12', '0.01', '0.015']);
  });
});

describe('judgeRate: printed precision and the band of the rounded inputs', () => {
  const rate = (stated: string, num: string, den: string, minScale = 2) => {
    const s = p(stated);
    return judgeRate(s.value, s.scale, p(num), p(den), minScale);
  };
  it.each([
    ['correctly rounded', '85.29', '78.65', '92.22', 'pass'],
    ['off in the last digit', '85.28', '78.65', '92.22', 'rounding'],
    ['printed with no decimals', '90', '10.01', '11.12', 'pass'],
    ['truncated instead of rounded (12.7358 → 12.73)', '12.73', '162.12', '1,272.95', 'rounding'],
    ['inside the band of 0.9 / 5 (18.09 vs 18.00)', '18.09', '0.9', '5', 'rounding'],
    ['far off', '49.66', '1.49', '0.03', 'error'],
    ['wrong base (current instead of prior)', '63.34', '3.1', '5.71', 'error'],
    ['zero base', '100', '1.00', '0.00', 'zero-denominator'],
  ] as const)('%s', (_d, stated, num, den, outcome) => {
    expect(rate(stated, num, den).outcome).toBe(outcome);
  });
});

describe('rateRange: what a rounding rate is said to lie within', () => {
  const range = (stated: string, num: string, den: string) => {
    const s = p(stated);
    return rateRange(judgeRate(s.value, s.scale, p(num), p(den), 2), s.scale);
  };
  it.each([
    // 0.39 / 1.75 printed from 元: the inputs allow 21.94%–22.64% (widened by one unit of the last digit)
    ['off by more than its last digit, within what the rounded inputs allow', '22.14', '0.39', '1.75', { low: '21.92', high: '22.65' }],
    ['off in its last digit only: the plain rounding words say it', '85.28', '78.65', '92.22', {}],
    ['exact: nothing to say', '85.29', '78.65', '92.22', {}],
    ['a contradiction: no range', '49.66', '1.49', '0.03', {}],
  ] as const)('%s', (_d, stated, num, den, expected) => {
    expect(range(stated, num, den)).toEqual(expected);
  });
});
