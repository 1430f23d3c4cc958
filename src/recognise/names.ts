/**
 * How a table and a column are named to a reader: by the table's own title and the column's own
 * header, never by an internal index.
 */
import type { Column } from './layout.js';
import type { RecognisedTable } from './types.js';

/** A leaf header that says only that the column is a total. */
export const TOTAL_LEAF = /^(?:合计|小计|总计|金额|决算数|预算数)$/u;

/** A table's title, else the heading above it, else its place in the page ("第 3 张表"). */
export function tableTitle(rt: RecognisedTable): string {
  // an untitled table is named by its caption or heading, else by its place in the page (never its internal id)
  return rt.table.meta.title ?? rt.table.meta.headings.at(-1) ?? `第 ${rt.table.index + 1} 张表`;
}

/** A column's name: its leaf header, with the block it totals when the leaf alone says only "合计". */
export function columnName(c: Column): string {
  const path = c.path;
  const leaf = path[path.length - 1] ?? '';
  return TOTAL_LEAF.test(leaf) && path.length > 1 ? `${path[path.length - 2]}·${leaf}` : leaf;
}
