/**
 * The subject-code hierarchy of a table's rows: each coded row's nearest printed ancestor (by code
 * prefix), its children, the top-level rows, and rows filed under a parent whose code they do not
 * extend (a child code whose prefix does not match its parent).
 */
import type { RowInfo } from './rows.js';

export interface CodeTree {
  readonly coded: RowInfo[];
  readonly children: Map<RowInfo, RowInfo[]>;
  readonly top: RowInfo[];
  /** Number of distinct code lengths printed (1 for a flat list of 项). */
  readonly levels: number;
  /** Rows listed under a parent whose code they do not extend, with that parent. */
  readonly misfiled: Array<{ readonly row: RowInfo; readonly listedUnder: RowInfo }>;
}

export function buildCodeTree(rows: readonly RowInfo[]): CodeTree {
  const coded = rows.filter((r) => r.code !== null);
  const byCode = new Map<string, RowInfo>();
  for (const r of coded) if (!byCode.has(r.code as string)) byCode.set(r.code as string, r);
  const children = new Map<RowInfo, RowInfo[]>();
  const top: RowInfo[] = [];
  const misfiled: CodeTree['misfiled'] = [];
  const lengths = new Set<number>();
  coded.forEach((r, i) => {
    const code = r.code as string;
    lengths.add(code.length);
    let parent: RowInfo | undefined;
    for (let len = code.length - 2; len >= 3 && !parent; len -= 2) {
      const p = byCode.get(code.slice(0, len));
      if (p && p !== r) parent = p;
    }
    if (parent) {
      const list = children.get(parent) ?? [];
      list.push(r);
      children.set(parent, list);
    } else top.push(r);
    // listed under: the nearest earlier row with a shorter code
    for (let k = i - 1; k >= 0; k--) {
      const prev = coded[k] as RowInfo;
      const pc = prev.code as string;
      if (pc.length < code.length) {
        if (!code.startsWith(pc) && !parent) misfiled.push({ row: r, listedUnder: prev });
        break;
      }
    }
  });
  return { coded, children, top, levels: lengths.size, misfiled };
}
