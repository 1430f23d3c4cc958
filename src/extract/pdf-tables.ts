/**
 * Tables rebuilt from a PDF page's ruling lines. The rules a page draws are merged into horizontal
 * and vertical segments; segments that touch form one table; the distinct rule positions give its
 * grid, and a grid line missing between two slots merges them (a rule absent inside a header is a
 * colspan or rowspan, as the printed table shows). Each text run goes to the cell whose box holds
 * its middle; a cell's runs are read line by line. Every cell keeps its page and box, for painting.
 *
 * Pure data in and out: no pdf.js, no DOM.
 */
import type { RawCell, RawRow } from './grid.js';

/** An axis-aligned ruling line in page space (y upwards): y1 === y2 for a horizontal one, x1 === x2 for a vertical one. */
export interface Rule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** A box on a page (PDF units, y upwards), 0-based page index. */
export interface PageBox {
  readonly page: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The fields of a text run the table reader uses. */
export interface PositionedRun {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

export interface PdfTable {
  readonly page: number;
  /** The table's bounds on its (first) page. */
  readonly box: PageBox;
  /** Its column boundaries, left to right (for joining a table continued on the next page). */
  readonly xs: readonly number[];
  readonly rows: RawRow[];
  /** Each cell's box: the cell whose RawCell.src is srcStart + k has boxes[k]. */
  readonly boxes: PageBox[];
  readonly srcStart: number;
  /** No rule closes the table at its top / its bottom: a row cut by the page break continues across it. */
  readonly openTop: boolean;
  readonly openBottom: boolean;
}

/** Rule positions closer than this are one line (double rules, rounding in the producer). */
const SNAP = 2;

interface Seg {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** Collinear segments merged: grouped by position, overlapping or touching intervals joined. */
function mergeSegs(segs: readonly Seg[]): Seg[] {
  const sorted = [...segs].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: Seg[][] = [];
  for (const s of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs((line[0] as Seg).at - s.at) <= SNAP) line.push(s);
    else lines.push([s]);
  }
  const out: Seg[] = [];
  for (const line of lines) {
    const at = line.reduce((sum, s) => sum + s.at, 0) / line.length;
    line.sort((a, b) => a.from - b.from);
    let cur: { from: number; to: number } | null = null;
    for (const s of line) {
      if (cur && s.from <= cur.to + SNAP) cur.to = Math.max(cur.to, s.to);
      else {
        if (cur) out.push({ at, ...cur });
        cur = { from: s.from, to: s.to };
      }
    }
    if (cur) out.push({ at, ...cur });
  }
  return out;
}

/** Positions within SNAP of each other, as one (their mean), ascending. */
function clusterPositions(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const c = out[out.length - 1];
    if (c && v - (c[c.length - 1] as number) <= SNAP) c.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** How much of [lo, hi] the segments at position `at` cover. */
function coverage(segs: readonly Seg[], at: number, lo: number, hi: number): number {
  let covered = 0;
  for (const s of segs) {
    if (Math.abs(s.at - at) > SNAP) continue;
    const a = Math.max(lo, s.from);
    const b = Math.min(hi, s.to);
    if (b > a) covered += b - a;
  }
  return hi > lo ? covered / (hi - lo) : 0;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[i] !== r) {
      const next = this.parent[i] as number;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** A run's reference point: the middle of its baseline, raised by a third of its size (the middle of the glyphs). */
const middle = (r: PositionedRun): [number, number] => [r.x + r.width / 2, r.y + r.size / 3];

/** A cell's runs as its text: lines top to bottom, runs left to right, CJK lines joined without a space. */
export function cellText(runs: readonly PositionedRun[]): string {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedRun[][] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && Math.abs(first.y - r.y) <= 0.45 * Math.max(first.size, r.size)) line.push(r);
    else lines.push([r]);
  }
  let text = '';
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let s = '';
    let end = -Infinity;
    for (const r of line) {
      const t = s === '' ? r.str.trimStart() : r.str;
      s = s !== '' && r.x - end > 0.25 * r.size && /[A-Za-z0-9]$/u.test(s) && /^[A-Za-z0-9]/u.test(t) ? `${s} ${t}` : `${s}${t}`;
      end = Math.max(end, r.x + r.width);
    }
    s = s.trim();
    text = text !== '' && /[A-Za-z]$/u.test(text) && /^[A-Za-z]/u.test(s) ? `${text} ${s}` : `${text}${s}`;
  }
  return text;
}

/**
 * The tables a page's rules draw, and the runs left outside them (indices into `runs`).
 * `srcBase` numbers the cells' boxes after those of earlier pages.
 */
export function tablesOfPage(rules: readonly Rule[], runs: readonly PositionedRun[], page: number, srcBase = 0): { tables: PdfTable[]; outside: number[] } {
  const h = mergeSegs(rules.filter((r) => Math.abs(r.y1 - r.y2) < 0.5).map((r) => ({ at: r.y1, from: Math.min(r.x1, r.x2), to: Math.max(r.x1, r.x2) })));
  const v = mergeSegs(rules.filter((r) => Math.abs(r.x1 - r.x2) < 0.5 && Math.abs(r.y1 - r.y2) >= 0.5).map((r) => ({ at: r.x1, from: Math.min(r.y1, r.y2), to: Math.max(r.y1, r.y2) })));
  // segments that cross or touch belong to one table
  const uf = new UnionFind(h.length + v.length);
  h.forEach((hs, i) => {
    v.forEach((vs, j) => {
      if (vs.at >= hs.from - SNAP && vs.at <= hs.to + SNAP && hs.at >= vs.from - SNAP && hs.at <= vs.to + SNAP) uf.union(i, h.length + j);
    });
  });
  const groups = new Map<number, { h: Seg[]; v: Seg[] }>();
  h.forEach((s, i) => {
    const g = groups.get(uf.find(i)) ?? { h: [], v: [] };
    g.h.push(s);
    groups.set(uf.find(i), g);
  });
  v.forEach((s, j) => {
    const g = groups.get(uf.find(h.length + j)) ?? { h: [], v: [] };
    g.v.push(s);
    groups.set(uf.find(h.length + j), g);
  });

  const taken = new Set<number>();
  const tables: PdfTable[] = [];
  let src = srcBase;
  // a table needs two rules of each direction; a fragment cut by a page break may lack its top or
  // bottom rule, its vertical rules then end where the page cut it
  const candidates = [...groups.values()].filter((g) => g.v.length >= 2 && (g.h.length >= 2 || (g.h.length === 1 && Math.min(...g.v.map((s) => s.to - s.from)) >= 8)));
  for (const g of candidates) {
    const left = Math.min(...g.h.map((s) => s.from), ...g.v.map((s) => s.at));
    const right = Math.max(...g.h.map((s) => s.to), ...g.v.map((s) => s.at));
    const bottom = Math.min(...g.v.map((s) => s.from), ...g.h.map((s) => s.at));
    const top = Math.max(...g.v.map((s) => s.to), ...g.h.map((s) => s.at));
    if (right - left < 20 || top - bottom < 8) continue;
    const xs = clusterPositions([...g.v.map((s) => s.at), left, right]);
    const ys = clusterPositions([...g.h.map((s) => s.at), bottom, top]).reverse(); // top first
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    if (rows < 1 || cols < 1) continue;
    // the runs inside the table, by slot
    const slotRuns: PositionedRun[][][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => []));
    runs.forEach((run, i) => {
      const [mx, my] = middle(run);
      if (mx < left - SNAP || mx > right + SNAP || my < bottom - SNAP || my > top + SNAP) return;
      taken.add(i);
      if (run.str.trim() === '') return;
      let c = xs.findIndex((x, k) => k < cols && mx >= x - SNAP / 2 && mx <= (xs[k + 1] as number) + SNAP / 2);
      let r = ys.findIndex((y, k) => k < rows && my <= y + SNAP / 2 && my >= (ys[k + 1] as number) - SNAP / 2);
      if (c < 0) c = mx < (xs[0] as number) ? 0 : cols - 1;
      if (r < 0) r = my > (ys[0] as number) ? 0 : rows - 1;
      slotRuns[r]?.[c]?.push(run);
    });
    // slots merged where the rule between them is missing
    const owner: Array<Array<boolean>> = Array.from({ length: rows }, () => Array.from({ length: cols }, () => false));
    const rawRows: RawRow[] = [];
    const boxes: PageBox[] = [];
    const srcStart = src;
    for (let r = 0; r < rows; r++) {
      const cells: RawCell[] = [];
      const yTop = ys[r] as number;
      const yBot = ys[r + 1] as number;
      for (let c = 0; c < cols; c++) {
        if (owner[r]?.[c]) continue;
        let cs = 1;
        while (c + cs < cols && !owner[r]?.[c + cs] && coverage(g.v, xs[c + cs] as number, yBot, yTop) < 0.5) cs++;
        let rs = 1;
        while (r + rs < rows && [...Array(cs).keys()].every((k) => !owner[r + rs]?.[c + k]) && coverage(g.h, ys[r + rs] as number, xs[c] as number, xs[c + cs] as number) < 0.5) rs++;
        const inside: PositionedRun[] = [];
        for (let rr = r; rr < r + rs; rr++)
          for (let cc = c; cc < c + cs; cc++) {
            const row = owner[rr];
            if (row) row[cc] = true;
            inside.push(...(slotRuns[rr]?.[cc] ?? []));
          }
        boxes.push({ page, x0: xs[c] as number, x1: xs[c + cs] as number, y0: ys[r + rs] as number, y1: yTop });
        cells.push({ text: cellText(inside), rowSpan: rs, colSpan: cs, th: false, src: src++ });
      }
      rawRows.push({ cells, spacer: cells.every((cell) => cell.text === '') && yTop - yBot < 3 });
    }
    const openTop = coverage(g.h, top, left, right) < 0.5;
    const openBottom = coverage(g.h, bottom, left, right) < 0.5;
    tables.push({ page, box: { page, x0: left, y0: bottom, x1: right, y1: top }, xs, rows: rawRows, boxes, srcStart, openTop, openBottom });
  }
  tables.sort((a, b) => b.box.y1 - a.box.y1 || a.box.x0 - b.box.x0);
  const outside = runs.map((_, i) => i).filter((i) => !taken.has(i));
  return { tables, outside };
}

/**
 * How a table continued on the next page lines up with the one it continues: for each of its
 * column boundaries, the index of the same boundary in the first table's; null when they do not
 * line up. The continuation may lack boundaries the first page drew only in its header (类/款/项
 * under 科目编码): every one of its boundaries must be one of the first table's, and the outer
 * edges must agree.
 */
export function columnMap(first: readonly number[], next: readonly number[]): number[] | null {
  const map: number[] = [];
  for (const x of next) {
    const k = first.findIndex((f) => Math.abs(f - x) <= 3 * SNAP);
    if (k < 0 || (map.length > 0 && k <= (map[map.length - 1] as number))) return null;
    map.push(k);
  }
  return map.length >= 2 && map[0] === 0 && map[map.length - 1] === first.length - 1 ? map : null;
}

/** A continuation's rows in the first table's columns (colspans widened where it lacks boundaries). */
export function remapRows(rows: readonly RawRow[], map: readonly number[]): RawRow[] {
  if (map.every((k, i) => k === i)) return [...rows];
  // each cell's starting column, with the slots rowspans from rows above occupy
  const occupied: number[] = [];
  return rows.map((row) => {
    let col = 0;
    const cells = row.cells.map((cell) => {
      while ((occupied[col] ?? 0) > 0) col++;
      const from = col;
      col += cell.colSpan;
      for (let k = from; k < col; k++) occupied[k] = cell.rowSpan;
      const span = (map[Math.min(col, map.length - 1)] ?? 0) - (map[from] ?? 0);
      return span === cell.colSpan ? cell : { ...cell, colSpan: Math.max(1, span) };
    });
    for (let k = 0; k < occupied.length; k++) occupied[k] = Math.max(0, (occupied[k] ?? 0) - 1);
    return { ...row, cells };
  });
}

/**
 * A row the page break cut in two: the part at the foot of one page and the part at the head of
 * the next, read as one row (each cell's text joined); null when their cells do not line up.
 */
export function joinCutRow(above: RawRow, below: RawRow): RawRow | null {
  if (above.cells.length !== below.cells.length || above.cells.some((c, i) => c.colSpan !== below.cells[i]?.colSpan)) return null;
  return { spacer: false, cells: above.cells.map((c, i) => ({ ...c, text: `${c.text}${below.cells[i]?.text ?? ''}` })) };
}

/** The text of a table's first rows, to tell a repeated header on a continuation page. */
export function rowKey(row: RawRow): string {
  return row.cells.map((c) => `${c.text.replace(/\s+/gu, '')}/${c.colSpan}`).join('|');
}
