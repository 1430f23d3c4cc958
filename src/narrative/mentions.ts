/**
 * The figures a text states: each number with the unit printed after it (a list of figures that
 * prints its unit once gives it to all), years, codes and ordinals left out; and the words that say
 * which way a figure moved (增加, 下降, 持平…) or how an outturn compares with its budget.
 */
import { Decimal } from '../model/decimal.js';

export interface Mention {
  readonly value: Decimal;
  readonly scale: number;
  readonly unit: string;
  /** Offsets in the passage text (the number and its unit). */
  readonly start: number;
  readonly end: number;
}

export type Direction = 'up' | 'down' | 'flat';

const UNIT = '万元|亿元|千元|元|%|％|个百分点|万人次|人次|批次|辆|个|次|人|条|家|台（套）|台\\(套\\)|台|套|分|项|份|册|起|万|余条|余次|余家|余人';
const NUMBER = new RegExp(`(?<![\\d.．])([+-]?\\d{1,3}(?:[,，]\\d{3})+(?:[.．]\\d+)?|[+-]?\\d+(?:[.．]\\d+)?)\\s*(${UNIT})?`, 'gu');

/** "决算数大于/小于/等于预算数" and its variants. */
export const COMPARISON = /决算(?:数)?(大于|小于|等于|高于|低于|与预算数?持平|超过)预算(?:数)?/u;

export function comparisonWord(text: string): 'greater' | 'less' | 'equal' {
  return /大于|高于|超过/u.test(text) ? 'greater' : /小于|低于/u.test(text) ? 'less' : 'equal';
}

function mention(raw: string, unit: string, start: number, end: number): Mention {
  const clean = raw.replace(/[,，]/g, '').replace('．', '.');
  const dot = clean.indexOf('.');
  const u = unit.replace('％', '%').replace(/^台\(套\)$/u, '台（套）');
  return { value: new Decimal(clean), scale: dot < 0 ? 0 : clean.length - dot - 1, unit: u === '万' ? '万元' : u, start, end };
}

/**
 * Number mentions of a text, with their units (years, codes and plain ordinals are left out). In a
 * list of figures that prints its unit once ("分别减少 1.2、3.4 万元") every figure takes the unit.
 */
export function mentionsOf(text: string): Mention[] {
  const raw: Array<{ raw: string; unit: string; start: number; end: number }> = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const after = text.slice(start + m[0].length, start + m[0].length + 1);
    const unit = m[2] ?? '';
    if (unit === '' && /^[年月日号时届级]/u.test(after)) continue;
    // a subject code written before its name ("20103-政府办公厅…")
    if (unit === '' && /^[-－—]/u.test(after) && /^\d{3,7}$/u.test(m[1] ?? '')) continue;
    // a code inside a level marker ("卫生健康支出（210类）…行政单位医疗（01项）"), not a count
    if (/^(?:类|款|项)[)）]/u.test(text.slice(start + m[0].length - (unit === '项' ? 1 : 0), start + m[0].length + 2)) && /[(（]$/u.test(text.slice(Math.max(0, start - 1), start))) continue;
    raw.push({ raw: m[1] ?? '', unit, start, end: start + m[0].length });
  }
  const out: Mention[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i] as (typeof raw)[number];
    let unit = r.unit;
    if (unit === '') {
      // "1.2、3.4 万元": the unit of the list's last figure
      let k = i;
      while (
        k + 1 < raw.length &&
        /^\s*[、和及与]\s*$/u.test(text.slice((raw[k] as (typeof raw)[number]).end, (raw[k + 1] as (typeof raw)[number]).start)) &&
        (raw[k] as (typeof raw)[number]).unit === ''
      )
        k++;
      if (k > i || /^\s*[、]/u.test(text.slice(r.end, r.end + 2))) unit = k > i ? (raw[k] as (typeof raw)[number]).unit : '';
    }
    if (unit === '') continue;
    // "3.5万元/人": a figure per head, not an amount of its own
    if (/^\s*[/／](?:人|辆|次|人次|天|日|月|年|户|台|个)/u.test(text.slice(r.end, r.end + 4))) continue;
    out.push(mention(r.raw, unit, r.start, r.end));
  }
  return out;
}

const DIRECTION_WORDS: Array<[RegExp, Direction]> = [
  [/(?:增加|增长|上升|提高|增多|增|多|上涨)了?$/u, 'up'],
  [/(?:减少|下降|降低|减|少|压减|节约|下滑|缩减)了?$/u, 'down'],
];

export function directionOf(word: string): Direction | null {
  if (/持平|相同|一致|不变|无增减/u.test(word)) return 'flat';
  for (const [re, d] of DIRECTION_WORDS) if (re.test(word)) return d;
  if (/增幅|增长率|增长幅度|上升幅度/u.test(word)) return 'up';
  if (/降幅|下降率|减少率|减幅|下降幅度|减少幅度/u.test(word)) return 'down';
  return null;
}
