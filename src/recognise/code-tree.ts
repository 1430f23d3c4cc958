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
  const lastOfLength = new Map<number, { row: RowInfo; at: number }>();
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
    // listed under: the nearest earlier row with a shorter code (the last one of each length is kept)
    let prev: { row: RowInfo; at: number } | undefined;
    for (const [len, last] of lastOfLength) if (len < code.length && (!prev || last.at > prev.at)) prev = last;
    if (prev && !code.startsWith(prev.row.code as string) && !parent) misfiled.push({ row: r, listedUnder: prev.row });
    lastOfLength.set(code.length, { row: r, at: i });
  });
  return { coded, children, top, levels: lengths.size, misfiled };
}
