/**
 * 科目代码: government subject codes. Functional classification (支出功能分类) codes are 3 digits
 * for a 类, 5 for a 款 and 7 for a 项 (201 / 20103 / 2010301); economic classification (支出经济分类)
 * codes are 3 and 5 digits (301 / 30101). Some tables split a code over 类/款/项 columns (201 | 03 | 01).
 */

export type CodeLevel = 1 | 2 | 3;

const FULL = /^\d{3}(?:\d{2}){0,2}$/;

/** Normalises a printed code ("201 03 01", "2010301") to its digits, or null when it is not one. */
export function parseCode(text: string): string | null {
  const digits = text.normalize('NFKC').replace(/[\s\u00a0]/g, '');
  return FULL.test(digits) ? digits : null;
}

/** 1 for 类 (3 digits), 2 for 款 (5), 3 for 项 (7). */
export function codeLevel(code: string): CodeLevel {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
}

/** Economic-classification codes (301…399) as used in the 基本支出 detail tables. */
export function isEconomicCode(code: string): boolean {
  return /^3\d\d/.test(code) && code.length <= 5;
}

/** 人员经费 classes of the economic classification (工资福利支出, 对个人和家庭的补助). */
export function isPersonnelClass(code: string): boolean {
  return code === '301' || code === '303';
}
