/**
 * Which value columns a total column adds up, read from the header: a 合计/总计 column totals the
 * columns that follow it up to the next 合计 (a nested group taking part through its own 小计);
 * a 小计 column totals the following columns of its own group (本年支出 / 基本支出 / {小计, 人员经费, 公用经费}).
 * "其中" columns are parts of the column before them and never addends.
 */
import { keyText } from '../model/text.js';
import type { Column, Layout } from './layout.js';
import { isTotalColumn } from './vocabulary.js';

export interface ColumnIdentity {
  readonly total: number;
  readonly parts: number[];
}

function leafKey(c: Column): string {
  return c.keys[c.keys.length - 1] ?? '';
}

function parentNode(c: Column): number {
  return c.nodes.length >= 2 ? (c.nodes[c.nodes.length - 2] as number) : -1;
}

function isSubtotal(c: Column): boolean {
  return /^小计$/u.test(leafKey(c)) && parentNode(c) !== -1;
}

function isGrand(c: Column): boolean {
  return isTotalColumn(leafKey(c)) && !isSubtotal(c);
}

function isOfWhich(c: Column): boolean {
  return /^其中/u.test(leafKey(c)) || /^其中/u.test(keyText(c.path[c.path.length - 1] ?? ''));
}

/**
 * The members of a nested group that starts at `start` (its 小计) in `cols`: the following columns
 * under the same group node. Returns the index after the group.
 */
function skipGroup(cols: Column[], start: number): number {
  const group = parentNode(cols[start] as Column);
  let j = start + 1;
  while (j < cols.length && (cols[j] as Column).nodes.includes(group)) j++;
  return j;
}

function collect(cols: Column[], from: number, to: number, within: number, strictParent: boolean, stopAtGrand: boolean): number[] {
  const parts: number[] = [];
  let j = from;
  while (j < to) {
    const c = cols[j] as Column;
    if (stopAtGrand && isGrand(c)) break;
    if (strictParent && within !== -1 && !c.nodes.includes(within)) break;
    if (isOfWhich(c)) {
      j++;
      continue;
    }
    if (isSubtotal(c)) {
      parts.push(c.col);
      j = skipGroup(cols, j);
      continue;
    }
    parts.push(c.col);
    j++;
  }
  return parts;
}

function identitiesOf(cols: Column[], strict: boolean): ColumnIdentity[] {
  const out: ColumnIdentity[] = [];
  cols.forEach((c, i) => {
    if (!isTotalColumn(leafKey(c))) return;
    let parts: number[];
    if (isSubtotal(c)) {
      const group = parentNode(c);
      parts = collect(cols, i + 1, cols.length, group, true, false);
      if (parts.length === 0) {
        // 小计 printed after its members
        let k = i - 1;
        while (k >= 0 && (cols[k] as Column).nodes.includes(group)) k--;
        parts = collect(cols, k + 1, i, group, true, false);
      }
    } else {
      parts = collect(cols, i + 1, cols.length, parentNode(c), strict, true);
      if (parts.length === 0) {
        let k = i - 1;
        while (k >= 0 && !isGrand(cols[k] as Column)) k--;
        parts = collect(cols, k + 1, i, parentNode(c), strict, true);
      }
    }
    if (parts.length >= 1) out.push({ total: c.col, parts });
  });
  return out;
}

/**
 * The smallest period of a header that repeats itself (预算数 | 决算数 blocks of the 三公 table:
 * 合计 因公出国 小计 购置 运行 接待 | 合计 因公出国 小计 购置 运行 接待), or 0.
 */
function period(cols: Column[]): number {
  const keys = cols.map(leafKey);
  const n = keys.length;
  for (let p = 2; p <= n / 2; p++) {
    if (n % p !== 0 || !isTotalColumn(keys[0] as string)) continue;
    if (keys.every((k, i) => k === keys[i % p])) return p;
  }
  return 0;
}

/** Column identities of one block of a table. */
export function columnIdentities(layout: Layout, blockIndex: number): ColumnIdentity[] {
  const block = layout.blocks[blockIndex];
  if (!block) return [];
  const cols = block.values.map((c) => layout.columns[c] as Column).filter((c) => c.path.length > 0);
  const strict = layout.alignment === 'aligned';
  const p = period(cols);
  if (p === 0) return identitiesOf(cols, strict);
  // a repeated header: read the structure of its first repetition (exporters and extractions tend to
  // damage the later ones) and apply it to every repetition
  const template = identitiesOf(cols.slice(0, p), strict);
  const indexOf = new Map(cols.map((c, i) => [c.col, i]));
  const out: ColumnIdentity[] = [];
  for (let rep = 0; rep < cols.length / p; rep++) {
    const shift = (col: number): number => (cols[(indexOf.get(col) as number) + rep * p] as Column).col;
    for (const id of template) out.push({ total: shift(id.total), parts: id.parts.map(shift) });
  }
  return out;
}
