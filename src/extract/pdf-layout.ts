/**
 * A PDF page's text, as positioned runs, turned into the reading text of a report: runs grouped
 * into lines by their baseline, running headers, footers and page numbers dropped (a page number
 * must never fuse with a figure), lines broken at the right margin joined back into paragraphs —
 * across a page break too — and section headings kept as blocks of their own. Lines laid out as
 * table rows (several runs apart by wide gaps, most of them figures) are not narrative: they are
 * set aside and counted, for the table reader to rebuild from the page's ruling lines.
 *
 * Pure data in, reader items out: no pdf.js and no DOM here, so it runs in the CLI and in the
 * extension's viewer alike, and is tested with runs written by hand.
 */
import type { ReaderItem } from './assemble.js';
import type { RawRow } from './grid.js';
import { metaKind } from './meta.js';
import type { ReaderNote } from '../model/document.js';
import { columnMap, joinCutRow, remapRows, rowKey, tablesOfPage, type PageBox, type PdfTable, type Rule } from './pdf-tables.js';

export type { PageBox, Rule } from './pdf-tables.js';

/** One run of text as pdf.js gives it: its string, the left end of its baseline, its width and font size (PDF units, y upwards). */
export interface TextRun {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

export interface PdfPageText {
  readonly width: number;
  readonly height: number;
  readonly runs: readonly TextRun[];
  /** The page paints images (a page with images and no text is a scan; one with neither is blank). */
  readonly images?: boolean;
  /** The ruling lines it draws: where they form tables, the tables are rebuilt from them. */
  readonly rules?: readonly Rule[];
}

/** A line of a text block where the page prints it (PDF units, y upwards): for painting a phrase. */
export interface PageLine {
  readonly page: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly text: string;
}

export interface PdfLayout {
  readonly items: ReaderItem[];
  /** For each item, the lines of a text block (empty for a table). */
  readonly lines: ReadonlyArray<readonly PageLine[]>;
  readonly notes: ReaderNote[];
  /** Lines laid out as table rows outside any ruled table: not read. */
  readonly tabularLines: number;
  /** Each table cell's page and box, indexed by the cell's RawCell.src. */
  readonly boxes: PageBox[];
  /** Tables rebuilt from ruling lines (after joining those continued on the next page). */
  readonly tables: number;
}

/** A row holding one text only, a table's title. */
function isTitleRow(row: RawRow): boolean {
  const texts = row.cells.map((c) => c.text.trim()).filter((t) => t !== '');
  return texts.length === 1 && metaKind(texts[0] as string) === 'title';
}

/** Lines allowed above a table continued from the previous page: a repeated unit line, a "续" title. */
const CONTINUATION_LINE = /^(?:(?:金额)?单位[:：]|.{0,40}[（(]续[）)]?\s*$|续表)/u;

interface Line {
  readonly page: number;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
  /** Its parts apart by wide gaps ("编制部门：… ｜ 单位：元"). */
  readonly segments: readonly string[];
  /** Laid out as a table row. */
  readonly tabular: boolean;
}

const FIGURE = /^[-−(（]?\d[\d,，]*(?:[.．]\d+)?%?[)）]?$/u;
const PAGE_NUMBER = /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d{1,4}\s*页(?:\s*[/／共]\s*\d{1,4}\s*页?)?|\d{1,4}\s*[/／]\s*\d{1,4})$/u;
/** Headings of the 情况说明's sections: a block of their own, never joined to the text after them. */
const HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|附件\d*)/u;
const ASCII_END = /[A-Za-z0-9]$/u;
const ASCII_START = /^[A-Za-z0-9]/u;

function joinRuns(a: string, b: string): string {
  return ASCII_END.test(a) && ASCII_START.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/** The runs of one page grouped into lines, top to bottom. */
function linesOf(page: PdfPageText, index: number): Line[] {
  const runs = page.runs.filter((r) => r.str.trim() !== '').map((r) => ({ ...r, size: r.size > 0 ? r.size : 10 }));
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Array<typeof runs> = [];
  for (const r of runs) {
    const g = groups[groups.length - 1];
    const y = g?.[0]?.y;
    if (g && y !== undefined && Math.abs(y - r.y) <= 0.45 * Math.max(r.size, g[0]?.size ?? r.size)) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    const size = Math.max(...g.map((r) => r.size));
    const segments: string[] = [];
    let text = '';
    let end = -Infinity;
    let wide = 0;
    for (const r of g) {
      const gap = r.x - end;
      if (text !== '' && gap > 1.5 * size) {
        wide++;
        segments.push(text);
        text = r.str.trim();
      } else text = text === '' ? r.str.trim() : gap > 0.25 * size ? joinRuns(text, r.str.trim()) : `${text}${r.str}`;
      end = Math.max(end, r.x + r.width);
    }
    segments.push(text);
    const figures = segments.filter((s) => FIGURE.test(s.replace(/\s+/gu, ''))).length;
    const first = g[0] as (typeof g)[number];
    return {
      page: index,
      x: first.x,
      right: end,
      y: first.y,
      size,
      text: segments.join(wide > 0 ? ' ' : '').trim(),
      segments,
      tabular: wide >= 2 && figures >= 2,
    };
  });
}

/**
 * An edge of a page's text column (the right one; the left one given negated): the outermost edge
 * that several lines reach (lines run to the margin and break there), so that one wide line — a
 * table's header, a title — does not move it.
 */
function textColumnEdge(edges: ReadonlyArray<{ at: number; size: number }>): number {
  const sorted = [...edges].sort((a, b) => b.at - a.at);
  const several = Math.min(3, Math.max(1, Math.floor(edges.length / 3)));
  for (const e of sorted) if (sorted.filter((x) => Math.abs(x.at - e.at) <= 1.2 * e.size).length >= several) return e.at;
  return sorted[0]?.at ?? 0;
}

/** Text of a line with its digits masked: a running header or footer repeats it page after page. */
const shape = (s: string): string => s.replace(/\d+/gu, '#').replace(/\s+/gu, '');

/**
 * The pages' text as reader items (one block per paragraph or heading, in reading order) and the
 * reader's notes: pages with no text layer (scanned), and table rows left for the table reader.
 */
export function layoutPdfText(pages: readonly PdfPageText[]): PdfLayout {
  const notes: ReaderNote[] = [];
  const boxes: PageBox[] = [];
  const pageTables: PdfTable[][] = [];
  const perPage = pages.map((p, i) => {
    if (!p.rules || p.rules.length === 0) {
      pageTables.push([]);
      return linesOf(p, i);
    }
    const { tables, outside } = tablesOfPage(p.rules, p.runs, i, boxes.length);
    for (const t of [...tables].sort((a, b) => a.srcStart - b.srcStart)) boxes.push(...t.boxes);
    pageTables.push(tables);
    return linesOf({ ...p, runs: outside.map((k) => p.runs[k] as TextRun) }, i);
  });
  pages.forEach((p, i) => {
    if (p.images && p.runs.every((r) => r.str.trim() === '')) notes.push({ reason: 'pdf-scanned-page', data: { page: i + 1 } });
  });
  // running headers and footers: a line near the top or bottom edge whose shape recurs on many pages
  const edge = new Map<string, number>();
  const nearEdge = (l: Line): boolean => {
    const h = pages[l.page]?.height ?? 842;
    return l.y > 0.9 * h || l.y < 0.1 * h;
  };
  for (const lines of perPage) for (const s of new Set(lines.filter(nearEdge).map((l) => shape(l.text)))) edge.set(s, (edge.get(s) ?? 0) + 1);
  const recurring = Math.max(3, Math.ceil(pages.length / 2));
  const kept = perPage.map((lines) => lines.filter((l) => !PAGE_NUMBER.test(l.text) && !(nearEdge(l) && (edge.get(shape(l.text)) ?? 0) >= recurring)));

  // a table that ends its page and one that starts the next with the same columns are one table;
  // header rows the continuation repeats are dropped
  const continued = new Set<PdfTable>();
  const joined = new Map<PdfTable, RawRow[]>();
  let open: { table: PdfTable; rows: RawRow[]; fragment: PdfTable } | null = null;
  pageTables.forEach((tables, p) => {
    const lines = kept[p] ?? [];
    const first = tables[0];
    const map = open && first ? columnMap(open.table.xs, first.xs) : null;
    if (open && first && map && lines.every((l) => l.y < first.box.y1 || CONTINUATION_LINE.test(l.text))) {
      const rows = remapRows(first.rows, map);
      let skip = 0;
      while (skip < rows.length && skip < open.rows.length && rowKey(rows[skip] as RawRow) === rowKey(open.rows[skip] as RawRow)) skip++;
      // a table of its own that starts like the one before (its title row, "项目支出绩效自评表", again)
      // is no continuation: a repeated header repeats the column labels, not the title
      if (!rows.slice(0, skip).some(isTitleRow)) {
        // a row the page break cut (no rule at the foot of the page, none at the head of the next)
        const cut = skip === 0 && open.fragment.openBottom && first.openTop && rows[0] && open.rows.length > 0 ? joinCutRow(open.rows[open.rows.length - 1] as RawRow, rows[0]) : null;
        if (cut) {
          open.rows[open.rows.length - 1] = cut;
          skip = 1;
        }
        open.rows.push(...rows.slice(skip));
        continued.add(first);
      }
    }
    for (const t of tables) if (!continued.has(t)) joined.set(t, [...t.rows]);
    const lastTable = tables[tables.length - 1];
    if (lastTable && lines.every((l) => l.y > lastTable.box.y0)) {
      const root: PdfTable | undefined = continued.has(lastTable) && open ? open.table : lastTable;
      const rows = joined.get(root);
      open = rows && root ? { table: root, rows, fragment: lastTable } : null;
    } else open = null;
  });

  const items: ReaderItem[] = [];
  const itemLines: PageLine[][] = [];
  let tabularLines = 0;
  let para: string | null = null;
  let paraLines: PageLine[] = [];
  let last: Line | null = null;
  const lineBox = (l: Line): PageLine => ({ page: l.page, x0: l.x, x1: l.right, y0: l.y - 0.2 * l.size, y1: l.y + 0.9 * l.size, text: l.text });
  const flush = (): void => {
    if (para !== null && para.trim() !== '') {
      items.push({ type: 'block', text: para.trim(), heading: null });
      itemLines.push(paraLines);
    }
    para = null;
    paraLines = [];
  };
  // the text column: the page's own where it has lines enough to tell, else the document's
  const allProse = kept.flat().filter((l) => !l.tabular);
  const columnOf = (prose: readonly Line[]): { left: number; right: number } => ({
    left: -textColumnEdge(prose.map((l) => ({ at: -l.x, size: l.size }))),
    right: textColumnEdge(prose.map((l) => ({ at: l.right, size: l.size }))),
  });
  const whole = columnOf(allProse);
  let tables = 0;
  kept.forEach((lines, p) => {
    const pending = (pageTables[p] ?? []).filter((t) => !continued.has(t));
    const emitTablesAbove = (y: number): void => {
      while (pending.length > 0 && (pending[0] as PdfTable).box.y1 > y) {
        const t = pending.shift() as PdfTable;
        flush();
        last = null;
        items.push({ type: 'table', rows: joined.get(t) ?? t.rows });
        itemLines.push([]);
        tables++;
      }
    };
    const prose = lines.filter((l) => !l.tabular);
    tabularLines += lines.length - prose.length;
    const { left, right } = prose.length >= 5 ? columnOf(prose) : whole;
    for (const l of lines) {
      emitTablesAbove(l.y);
      // a line of describing parts apart (编制部门：… and 单位：元 at the two ends): one block each
      if (l.segments.length >= 2 && l.segments.every((seg) => metaKind(seg) !== null)) {
        flush();
        for (const seg of l.segments) {
          items.push({ type: 'block', text: seg, heading: null });
          itemLines.push([lineBox(l)]);
        }
        last = null;
        continue;
      }
      if (l.tabular) {
        // a table row between two paragraphs ends the one before it
        flush();
        last = null;
        continue;
      }
      const samePage = last !== null && last.page === l.page;
      const spacing = samePage && last ? last.y - l.y : 0;
      const indented = l.x > left + 1.2 * l.size;
      const heading = HEADING.test(l.text);
      const lastEndedShort = last !== null && last.right < (last.page === l.page ? right : right) - 2 * last.size;
      const gap = samePage && last ? spacing > 2.2 * Math.max(l.size, last.size) : false;
      if (para === null || heading || indented || lastEndedShort || gap || (last !== null && HEADING.test(last.text) && last.right < right - 2 * last.size)) {
        flush();
        para = l.text;
      } else para = joinRuns(para, l.text);
      paraLines.push(lineBox(l));
      last = l;
      // a short heading line stands alone
      if (heading && l.right < right - 2 * l.size) {
        flush();
        last = { ...l, right: -Infinity };
      }
    }
    emitTablesAbove(-Infinity);
  });
  flush();
  return { items, lines: itemLines, notes, tabularLines, boxes, tables };
}

/**
 * A PDF report's title: the first line of its text that names a 决算 or 预算 report (the cover),
 * else the file's own title (often left over from a template: "附件2：预算主管部门公开样张"), else
 * the first line.
 */
export function pdfTitle(items: readonly ReaderItem[], metadata: string | null): string | null {
  const blocks = items.flatMap((i) => (i.type === 'block' ? [i.text] : [])).slice(0, 12);
  const at = blocks.findIndex((t) => t.length <= 60 && /(?:决算|预算)/u.test(t) && !/^(?:目录|第[一二三四五六七八九十]+部分)/u.test(t));
  if (at >= 0) {
    // the unit's name on the lines above it ("上海市普陀区财政局" / "2024年度部门决算")
    let from = at;
    while (from > 0 && at - from < 3 && (blocks[from - 1] as string).length <= 30 && /(?:局|委|院|办|处|中心|大学|学校|政府|部|厅|会|所|站|馆)$/u.test(blocks.slice(from - 1, at).join(''))) from--;
    return from < at ? `${blocks.slice(from, at).join('')} ${blocks[at] as string}` : (blocks[at] as string);
  }
  return metadata ?? blocks[0]?.slice(0, 80) ?? null;
}

/** A rectangle on a page (PDF units, y upwards). */
export interface PageRect {
  readonly page: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * Where a phrase of a text block is printed: the block's text (as the reader gave it) from `start`
 * to `end`, as one rectangle per line it runs over. Characters are counted without white space (the
 * block's text was joined from its lines and its spaces folded); within a line a character's place
 * is taken in proportion to its index, which is exact for ideographs and close for figures.
 */
export function phraseRects(lines: readonly PageLine[], blockText: string, start: number, end: number): PageRect[] {
  const solid = (s: string): number => s.replace(/\s+/gu, '').length;
  const from = solid(blockText.slice(0, start));
  const to = from + solid(blockText.slice(start, end));
  const out: PageRect[] = [];
  let seen = 0;
  for (const line of lines) {
    const chars = [...line.text];
    const count = solid(line.text);
    const lo = Math.max(from, seen);
    const hi = Math.min(to, seen + count);
    if (lo < hi && chars.length > 0) {
      // the indices in the line's own characters (spaces included) of the first and past-the-last solid character
      let k = 0;
      let a = -1;
      let b = chars.length;
      for (let i = 0; i < chars.length; i++) {
        if (/\s/u.test(chars[i] as string)) continue;
        if (seen + k === lo && a < 0) a = i;
        k++;
        if (seen + k === hi) {
          b = i + 1;
          break;
        }
      }
      const w = (line.x1 - line.x0) / chars.length;
      out.push({ page: line.page, x0: line.x0 + Math.max(0, a) * w, x1: line.x0 + b * w, y0: line.y0, y1: line.y1 });
    }
    seen += count;
    if (seen >= to) break;
  }
  return out;
}
