/**
 * Names of a table's cells as a reader would say them: the row by its code and label
 * ("2010301 行政运行"), the column by its header path ("基本支出·小计"). Rules use them in their
 * messages; the report gives each finding its place by them, so a finding keeps its identity when
 * the same report is read from another skin or by a newer version (grid positions may differ).
 */
import type { RecognisedTable } from './types.js';
import type { RowInfo } from './rows.js';
import type { Pos } from '../model/table.js';

const GENERIC_LEAF = /^(?:合计|小计|总计|金额|决算数|预算数|本年|上年)$/u;

export class TableLabels {
  private readonly rowIndex = new Map<string, RowInfo>();

  constructor(readonly rt: RecognisedTable) {
    for (const rows of rt.rows) {
      for (const info of rows) {
        this.rowIndex.set(`${info.block}:${info.row}`, info);
        if (info.valueRow !== info.row) this.rowIndex.set(`${info.block}:${info.valueRow}`, info);
      }
    }
  }

  rowInfo(pos: Pos): RowInfo | undefined {
    const block = this.rt.layout.columns[pos.col]?.block ?? 0;
    return this.rowIndex.get(`${block}:${pos.row}`);
  }

  /** Row label of a cell's row within the block of its column ("2010301 行政运行"). */
  rowName(pos: Pos): string {
    const block = this.rt.layout.columns[pos.col]?.block ?? 0;
    const info = this.rowIndex.get(`${block}:${pos.row}`);
    const b = this.rt.layout.blocks[block];
    // a table without row labels (the 三公 table has one line of figures): name it by its title
    const unlabelled = !b || (b.label === null && b.code.length === 0);
    const meta = this.rt.table.meta;
    const fallback = unlabelled ? (meta.title ?? meta.headings.at(-1) ?? `R${pos.row + 1}`) : `R${pos.row + 1}`;
    if (!info) return fallback;
    const label = info.label || (info.lineNo !== null ? `行次 ${info.lineNo}` : fallback);
    return info.code && !label.startsWith(info.code) ? `${info.code} ${label}` : label;
  }

  /** Column name from its header path ("基本支出·小计"); repeated names get their 栏次. */
  colName(col: number): string {
    const columns = this.rt.layout.columns;
    const column = columns[col];
    if (!column || column.path.length === 0) return column?.index != null ? `栏次 ${column.index}` : `C${col + 1}`;
    const path = column.path;
    const leaf = path[path.length - 1] ?? '';
    const generic = GENERIC_LEAF.test(leaf);
    let name = generic && path.length > 1 ? `${path[path.length - 2]}·${leaf}` : leaf;
    const twin = columns.some((c) => c.col !== col && c.path.length > 0 && c.path[c.path.length - 1] === leaf && (!generic || c.path[c.path.length - 2] === path[path.length - 2]));
    if (twin) name += column.index !== null ? `（栏次 ${column.index}）` : `（C${col + 1}）`;
    return name;
  }

  cellName(pos: Pos): string {
    return `${this.rowName(pos)} / ${this.colName(pos.col)}`;
  }
}
