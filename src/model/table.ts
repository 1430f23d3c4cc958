import type { CellValue } from './number.js';
import type { MoneyUnit } from './units.js';

/** A position in a table's expanded grid: row and column from 0 (the one position type). */
export interface Pos {
  readonly row: number;
  readonly col: number;
}

/** A cell of the expanded grid, addressed by table index, row and column. */
export interface CellRef extends Pos {
  readonly table: number;
}

/**
 * One slot of a table's expanded grid. A DOM cell with rowspan/colspan covers several slots:
 * the top-left one is its origin, the others are `merged` and repeat the origin's text and value.
 */
export interface Cell {
  readonly row: number;
  readonly col: number;
  /** Display text of the source cell (white space folded). */
  readonly text: string;
  readonly value: CellValue;
  readonly origin: Pos;
  readonly span: { readonly rows: number; readonly cols: number };
  /** True for a slot covered by a merge that is not its origin. */
  readonly merged: boolean;
  /** True when the source cell was a <th>. */
  readonly th: boolean;
  /** Index of the source cell in the reader's list of cells for this table; -1 for padding. */
  readonly src: number;
}

/** Part of a table left unread: rows, columns or cells beyond the limits, or cell text cut short. */
export interface Truncation {
  readonly what: 'rows' | 'columns' | 'cells' | 'text';
  /** The limit that applied, and how much there was (when known). */
  readonly limit: number;
  readonly found: number | null;
}

/** Lines that describe a table, found above it as paragraphs or inside it as full-width rows. */
export interface TableMeta {
  /** The table's own title ("支出决算表"). */
  title: string | null;
  /** The printed table number ("公开03表"), never used to recognise the table. */
  code: string | null;
  unit: MoneyUnit | null;
  unitText: string | null;
  department: string | null;
  /** Nearest headings before the table, nearest last ("三、支出决算表"). */
  headings: string[];
  /** Notes that follow the table ("注：本表反映…", "本部门没有政府性基金预算财政拨款。"). */
  notes: string[];
  /** Rebuilt from text (a form written as paragraphs or '|' lines): its cells stand in the template's columns. */
  rebuilt?: boolean;
}

/** A table as read from the page: an expanded, rectangular grid plus its describing lines. */
export interface Table {
  readonly index: number;
  readonly id: string;
  readonly grid: Cell[][];
  readonly rows: number;
  readonly cols: number;
  readonly meta: TableMeta;
  /** Rows of the source that were lifted out as metadata or dropped as spacers (source row numbers). */
  readonly skippedRows: number;
  /** Why part of the table was not read (too large, ragged beyond repair…). */
  /** What the reader left out of a table too large to read whole (null when it read everything). */
  readonly truncated: Truncation | null;
}

export function emptyMeta(): TableMeta {
  return { title: null, code: null, unit: null, unitText: null, department: null, headings: [], notes: [] };
}

export function cellAt(table: Table, row: number, col: number): Cell | undefined {
  return table.grid[row]?.[col];
}

export function refOf(table: Table, cell: { row: number; col: number }): CellRef {
  return { table: table.index, row: cell.row, col: cell.col };
}
