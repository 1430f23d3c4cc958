import { Decimal } from './decimal.js';
import { stripInvisible } from './text.js';

/**
 * What a printed cell holds. Amounts and percentages keep their printed precision (`scale`,
 * the number of decimals printed), because the rounding band of every comparison is derived
 * from it.
 */
export type CellValue =
  | { readonly type: 'empty'; readonly marker: string }
  | { readonly type: 'number'; readonly value: Decimal; readonly scale: number; readonly grouped: boolean }
  | { readonly type: 'percent'; readonly value: Decimal; readonly scale: number }
  | { readonly type: 'text' };

export const EMPTY: CellValue = Object.freeze({ type: 'empty', marker: '' });
const TEXT: CellValue = Object.freeze({ type: 'text' });

/**
 * Printed markers that mean "nothing here": not zero, but summed as zero where the template
 * means it (a blank 公用经费 beside a filled 人员经费 is 0).
 */
const EMPTY_MARKERS = new Set(['', '-', '--', '—', '——', '―', '－', '－－', '/', '／', '无', '─', '…', '...', '……', 'N/A', 'n/a', '/ ', '*']);

/** Longest number we accept; anything longer is treated as text (1e309-style overflow, pasted ids). */
const MAX_DIGITS = 24;

const PLAIN = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Folds what typists and exporters put into numbers: full-width forms, odd minus signs, spaces. */
function foldNumeric(text: string): string {
  return stripInvisible(text)
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/gu, '')
    .replace(/[−﹣－‐‑–]/gu, '-')
    .replace(/[，]/gu, ',')
    .replace(/[．。](?=\d)/gu, '.');
}

function parseNumberBody(body: string): { value: Decimal; scale: number; grouped: boolean } | null {
  const grouped = GROUPED.test(body);
  if (!grouped && !PLAIN.test(body)) return null;
  const digits = body.replace(/[^0-9]/g, '');
  if (digits.length > MAX_DIGITS) return null;
  const bare = body.replace(/,/g, '');
  const dot = bare.indexOf('.');
  const scale = dot < 0 ? 0 : bare.length - dot - 1;
  return { value: new Decimal(bare), scale, grouped };
}

/**
 * Parses one printed value. Accepts 1,234.56 / 1234.56 / ５，１６８．１２ / (12.30) / -12.30 /
 * 0.00 / 12.5% / （12.30）. Blank, —, -, －, /, 无 are empty. Anything else is text, never an
 * error: "单位不需填列" in a numeric column is simply not a number.
 */
export function parseCellValue(raw: string): CellValue {
  const folded = foldNumeric(raw);
  if (EMPTY_MARKERS.has(folded)) return folded === '' ? EMPTY : { type: 'empty', marker: folded };
  if (folded.length > 64) return TEXT;

  let body = folded;
  let negative = false;
  const paren = /^\((.+)\)$/.exec(body);
  if (paren?.[1] !== undefined) {
    body = paren[1];
    negative = true;
  }
  let percent = false;
  if (body.endsWith('%')) {
    body = body.slice(0, -1);
    percent = true;
  } else if (body.endsWith('‰')) {
    return TEXT;
  }
  if (body.startsWith('+')) body = body.slice(1);
  if (body.startsWith('-')) {
    if (negative) return TEXT;
    negative = true;
    body = body.slice(1);
  }
  const parsed = parseNumberBody(body);
  if (!parsed) return TEXT;
  const value = negative ? parsed.value.negated() : parsed.value;
  if (percent) return { type: 'percent', value, scale: parsed.scale };
  return { type: 'number', value, scale: parsed.scale, grouped: parsed.grouped };
}

/** True for values that take part in arithmetic (numbers and percentages). */
export function isNumeric(v: CellValue): v is Extract<CellValue, { type: 'number' | 'percent' }> {
  return v.type === 'number' || v.type === 'percent';
}

/** A quantity printed with a unit inside a cell or sentence, e.g. "≥1000册", "21万元", ">1份". */
export interface Quantity {
  readonly op: '=' | '>' | '>=' | '<' | '<=' | null;
  readonly value: Decimal;
  readonly scale: number;
  readonly unit: string;
  readonly percent: boolean;
}

const QUANTITY = /^(>=|<=|≥|≤|>|<|=|＝)?\s*([+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)\s*(%|[^\d\s]{0,6})$/u;

/** Parses an indicator value with an optional comparison and unit ("≥95%", "232万元", "=1次"). */
export function parseQuantity(raw: string): Quantity | null {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').replace(/[−－]/g, '-');
  const m = QUANTITY.exec(text);
  if (!m?.[2]) return null;
  const opText = m[1];
  const op = opText === '≥' || opText === '>=' ? '>=' : opText === '≤' || opText === '<=' ? '<=' : opText === '>' ? '>' : opText === '<' ? '<' : opText ? '=' : null;
  const body = parseNumberBody(m[2].replace(/^[+-]/, ''));
  if (!body) return null;
  const value = m[2].startsWith('-') ? body.value.negated() : body.value;
  const unitText = m[3] ?? '';
  return { op, value, scale: body.scale, unit: unitText === '%' ? '%' : unitText, percent: unitText === '%' };
}
