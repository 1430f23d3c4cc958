/**
 * The two sides of a summary table (收入支出决算总表, 财政拨款收入支出决算总表, 收支总表): which
 * block is income and which expenditure, their lines, their year total and grand total, and the
 * lines between (使用非财政拨款结余, 年初/年末结转和结余 and the fund lines under them).
 */
import type { RecognisedTable } from './types.js';
import type { RowInfo } from './rows.js';

export type Side = 'income' | 'expenditure';

export interface SummarySide {
  readonly side: Side;
  readonly block: number;
  readonly values: number[];
  readonly rows: RowInfo[];
  readonly yearTotal: RowInfo | undefined;
  readonly grandTotal: RowInfo | undefined;
  /** Lines above the year total (top level only). */
  readonly items: RowInfo[];
  /** Lines between the year total and the grand total that add to the grand total. */
  readonly adds: RowInfo[];
  /** 结转和结余 lines with the fund lines under them. */
  readonly groups: Array<{ head: RowInfo; parts: RowInfo[] }>;
}

const YEAR_TOTAL = /^本年(?:收入|支出)合计$|^(?:收入|支出)合计$|^本年收支合计$/u;
const GRAND_TOTAL = /总计$/u;
const CARRY = /结转|结余/u;

function sideOf(rows: RowInfo[], index: number): Side | null {
  const keys = rows.map((r) => r.key).join('|');
  if (/本年收入合计|收入合计|收入总计/u.test(keys)) return 'income';
  if (/本年支出合计|支出合计|支出总计/u.test(keys)) return 'expenditure';
  if (/收入/u.test(keys)) return 'income';
  if (/支出/u.test(keys)) return 'expenditure';
  return index === 0 ? 'income' : index === 1 ? 'expenditure' : null;
}

export function summarySides(rt: RecognisedTable): SummarySide[] {
  const out: SummarySide[] = [];
  rt.rows.forEach((rows, block) => {
    const side = sideOf(rows, block);
    if (!side) return;
    const yi = rows.findIndex((r) => YEAR_TOTAL.test(r.key));
    const gi = rows.findIndex((r, i) => i > yi && GRAND_TOTAL.test(r.key));
    const labelled = (r: RowInfo): boolean => r.label !== '' && !r.ofWhich && r.total === null;
    const before = yi >= 0 ? rows.slice(0, yi).filter(labelled) : [];
    const withOrdinal = before.filter((r) => r.ordinal === 1);
    const items = withOrdinal.length >= 2 ? withOrdinal : before.filter((r) => r.ordinal === null || r.ordinal === 1);
    const between = yi >= 0 && gi > yi ? rows.slice(yi + 1, gi).filter(labelled) : [];
    const adds: RowInfo[] = [];
    const groups: SummarySide['groups'] = [];
    let current: { head: RowInfo; parts: RowInfo[] } | null = null;
    for (const r of between) {
      if (CARRY.test(r.key) || adds.length === 0 || !current) {
        if (current && current.parts.length > 0) groups.push(current);
        adds.push(r);
        current = CARRY.test(r.key) ? { head: r, parts: [] } : null;
      } else current.parts.push(r);
    }
    if (current && current.parts.length > 0) groups.push(current);
    out.push({ side, block, values: rt.layout.blocks[block]?.values ?? [], rows, yearTotal: yi >= 0 ? rows[yi] : undefined, grandTotal: gi >= 0 ? rows[gi] : undefined, items, adds, groups });
  });
  return out;
}
