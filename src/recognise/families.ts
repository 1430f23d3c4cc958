/**
 * The families of budget tables (决算 D01–D08, 预算 B01–B09), the role each kind plays among them
 * (a summary of all funds, of 财政拨款, a table by subject code, the economic detail), and the sets
 * of tables a page holds: figures are compared within a set only.
 */
import { keyText } from '../model/text.js';
import type { TableKind } from './kind.js';
import type { Family, RecognisedTable } from './types.js';
export type { Family } from './types.js';

export type Role = 'summary-all' | 'income-codes' | 'expenditure-codes' | 'summary-fiscal' | 'general-codes' | 'economic' | 'fund-codes' | 'capital-codes';

export const FAMILY: Partial<Record<TableKind, [Family, Role]>> = {
  D01: ['final', 'summary-all'],
  D02: ['final', 'income-codes'],
  D03: ['final', 'expenditure-codes'],
  D04: ['final', 'summary-fiscal'],
  D05: ['final', 'general-codes'],
  D06: ['final', 'economic'],
  D07: ['final', 'fund-codes'],
  D08: ['final', 'capital-codes'],
  B01: ['budget', 'summary-all'],
  B02: ['budget', 'income-codes'],
  B03: ['budget', 'expenditure-codes'],
  B04: ['budget', 'summary-fiscal'],
  B05: ['budget', 'general-codes'],
  B06: ['budget', 'economic'],
  B08: ['budget', 'fund-codes'],
  B09: ['budget', 'capital-codes'],
};

/** How far a table's figures are summaries of others (lower = more summary); the target of a comparison. */
export function summaryRank(kind: TableKind): number {
  const role = FAMILY[kind]?.[1];
  switch (role) {
    case 'summary-all':
      return 0;
    case 'summary-fiscal':
      return 1;
    case 'income-codes':
    case 'expenditure-codes':
      return 2;
    case 'general-codes':
    case 'fund-codes':
    case 'capital-codes':
      return 3;
    default:
      return 4;
  }
}

export function familyOf(kind: TableKind): Family | null {
  return FAMILY[kind]?.[0] ?? null;
}

/**
 * The sets of tables a page holds: one department's 决算 (or 预算) tables each. A page may hold
 * several (a 汇总 report and its 本级 one, two years, two departments); figures are compared within
 * a set only. A set ends where a kind it already has appears again, or where the 部门 line changes.
 * Read once into RecognisedDocument.sets.
 */
export function tableSets(tables: readonly RecognisedTable[]): ReadonlyMap<RecognisedTable, number> {
  const out = new Map<RecognisedTable, number>();
  let set = 0;
  let kinds = new Set<TableKind>();
  let department: string | null = null;
  for (const rt of tables) {
    const family = familyOf(rt.kind);
    if (family) {
      const dept = rt.table.meta.department ? keyText(rt.table.meta.department) : null;
      if (kinds.has(rt.kind) || (dept && department && dept !== department)) {
        set++;
        kinds = new Set();
        department = null;
      }
      kinds.add(rt.kind);
      department = dept ?? department;
    }
    out.set(rt, set);
  }
  return out;
}
