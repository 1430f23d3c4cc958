import { describe, expect, it } from 'vitest';
import { badgeFor } from './badge.js';

describe('badgeFor', () => {
  const cases: Array<[string, Parameters<typeof badgeFor>[0], string]> = [
    ['no budget content: no badge', { errors: 0, reviews: 0, roundings: 0, checked: false, passed: 0 }, ''],
    ['errors: their count', { errors: 3, reviews: 5, roundings: 9, checked: true, passed: 40 }, '3'],
    ['a thousand errors: 999+', { errors: 1000, reviews: 0, roundings: 0, checked: true, passed: 0 }, '999+'],
    ['only items to review', { errors: 0, reviews: 2, roundings: 1, checked: true, passed: 10 }, '?'],
    ['only rounding', { errors: 0, reviews: 0, roundings: 4, checked: true, passed: 10 }, '≈'],
    ['checks held, nothing to report', { errors: 0, reviews: 0, roundings: 0, checked: true, passed: 12 }, '✓'],
    ['a budget page with nothing checkable is not "clean"', { errors: 0, reviews: 0, roundings: 0, checked: true, passed: 0 }, '–'],
  ];
  for (const [name, s, text] of cases) it(name, () => expect(badgeFor(s).text).toBe(text));
  it('the clean badge says how many checks held', () => expect(badgeFor({ errors: 0, reviews: 0, roundings: 0, checked: true, passed: 12 }).title.zh).toBe('核对 12 项，均相符'));
});
