import { parseCellValue, EMPTY, type CellValue } from '../model/number.js';
import type { Cell, Truncation } from '../model/table.js';
import { displayText, INVISIBLE } from '../model/text.js';
import { runSync, type Steps } from '../model/steps.js';
import { LIMITS } from '../model/limits.js';

/** A cell as a reader found it, before span expansion. */
export interface RawCell {
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly th: boolean;
  /** The reader's index for the source cell (the DOM adapter maps it back to an Element). */
  readonly src: number;
}

export interface RawRow {
  readonly cells: RawCell[];
  /** Word/Excel spacer rows (height 0, display:none): ignored when all their cells are empty. */
  readonly spacer: boolean;
}

/** Bounds that keep pathological pages from eating the page's memory or time (see limits.ts). */
export const GRID_LIMITS = LIMITS.grid;

export interface GridResult {
  readonly grid: Cell[][];
  readonly rows: number;
  readonly cols: number;
  readonly truncated: Truncation | null;
  /** Figures whose text held invisible characters (zero-width, soft hyphen, bidi), removed to read them. */
  readonly invisible: number;
}

const PAD: Omit<Cell, 'row' | 'col' | 'origin'> = {
  text: '',
  value: EMPTY,
  span: { rows: 1, cols: 1 },
  merged: false,
  th: false,
  src: -1,
};

function pad(row: number, col: number): Cell {
  return { row, col, text: PAD.text, value: PAD.value, origin: { row, col }, span: PAD.span, merged: false, th: false, src: -1 };
}

function clampSpan(n: number, max: number): number {
  if (!Number.isFinite(n) || n < 0) return 1;
  return Math.min(Math.floor(n), max);
}

/**
 * Expands rowspan/colspan into a rectangular grid (the HTML table model, simplified: rowspan=0
 * runs to the last row). Every slot knows its origin and whether it is part of a merge; short
 * rows are padded with empty slots so that every row has the same width.
 */
export function buildGrid(input: readonly RawRow[]): GridResult {
  return runSync(buildGridSteps(input));
}

/** buildGrid, a thousand rows at a time. */
export function* buildGridSteps(input: readonly RawRow[]): Steps<GridResult> {
  let truncated: Truncation | null = null;
  const rows = input.filter((r) => !(r.spacer && r.cells.every((c) => displayText(c.text) === '')));
  if (rows.length > GRID_LIMITS.maxRows) truncated = { what: 'rows', limit: GRID_LIMITS.maxRows, found: rows.length };
  const rowCount = Math.min(rows.length, GRID_LIMITS.maxRows);

  const slots: Array<Array<Cell | undefined>> = [];
  for (let r = 0; r < rowCount; r++) slots.push([]);
  let width = 0;
  let cellBudget = GRID_LIMITS.maxCells;
  let invisible = 0;

  for (let r = 0; r < rowCount; r++) {
    if (r % 250 === 249) yield 'grid';
    const row = rows[r];
    if (!row) continue;
    const line = slots[r] ?? [];
    let c = 0;
    for (const raw of row.cells) {
      while (line[c] !== undefined) c++;
      if (c >= GRID_LIMITS.maxCols) {
        truncated ??= { what: 'columns', limit: GRID_LIMITS.maxCols, found: null };
        break;
      }
      const rs0 = clampSpan(raw.rowSpan, GRID_LIMITS.maxRowSpan);
      const rowSpan = Math.max(1, Math.min(rs0 === 0 ? rowCount - r : rs0, rowCount - r));
      const colSpan = Math.max(1, Math.min(clampSpan(raw.colSpan, GRID_LIMITS.maxColSpan) || 1, GRID_LIMITS.maxCols - c));
      if (rowSpan * colSpan > cellBudget) {
        truncated ??= { what: 'cells', limit: GRID_LIMITS.maxCells, found: null };
        break;
      }
      cellBudget -= rowSpan * colSpan;
      if (raw.text.length > GRID_LIMITS.maxCellText) truncated ??= { what: 'text', limit: GRID_LIMITS.maxCellText, found: raw.text.length };
      const text = displayText(raw.text.length > GRID_LIMITS.maxCellText ? raw.text.slice(0, GRID_LIMITS.maxCellText) : raw.text);
      const value: CellValue = text.length > 64 ? { type: 'text' } : parseCellValue(text);
      if (value.type !== 'text' && value.type !== 'empty' && INVISIBLE.test(raw.text)) invisible++;
      const origin = { row: r, col: c };
      const span = { rows: rowSpan, cols: colSpan };
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = slots[r + dr];
        if (!target) continue;
        for (let dc = 0; dc < colSpan; dc++) {
          if (target[c + dc] !== undefined) continue; // overlapping spans: first writer wins
          target[c + dc] = {
            row: r + dr,
            col: c + dc,
            text,
            value,
            origin,
            span,
            merged: dr !== 0 || dc !== 0,
            th: raw.th,
            src: raw.src,
          };
        }
      }
      c += colSpan;
      width = Math.max(width, c);
    }
    width = Math.max(width, line.length);
    if (cellBudget <= 0) break;
  }

  // padding makes every row as wide as the widest: one colspan=1000 row over 20,000 one-cell rows
  // would ask for 20 M slots. The grid keeps the rows that fit the budget and says so.
  let kept = rowCount;
  if (width > 0 && rowCount * width > GRID_LIMITS.maxCells) {
    kept = Math.max(1, Math.floor(GRID_LIMITS.maxCells / width));
    truncated = { what: 'cells', limit: GRID_LIMITS.maxCells, found: rowCount * width };
  }
  const grid: Cell[][] = [];
  for (let r = 0; r < kept; r++) {
    if (r % 500 === 499) yield 'grid';
    const line = slots[r] ?? [];
    const out: Cell[] = [];
    for (let c = 0; c < width; c++) {
      out.push(line[c] ?? pad(r, c));
    }
    grid.push(out);
  }
  return { grid, rows: grid.length, cols: width, truncated, invisible };
}
