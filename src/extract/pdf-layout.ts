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
import type { ReaderNote } from '../model/document.js';

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
}

interface Line {
  readonly page: number;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
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
export function layoutPdfText(pages: readonly PdfPageText[]): { items: ReaderItem[]; notes: ReaderNote[]; tabularLines: number } {
  const notes: ReaderNote[] = [];
  const perPage = pages.map((p, i) => linesOf(p, i));
  perPage.forEach((lines, i) => {
    if (lines.length === 0 && pages[i]?.images) notes.push({ reason: 'pdf-scanned-page', data: { page: i + 1 } });
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

  const items: ReaderItem[] = [];
  let tabularLines = 0;
  let para: string | null = null;
  let last: Line | null = null;
  const flush = (): void => {
    if (para !== null && para.trim() !== '') items.push({ type: 'block', text: para.trim(), heading: null });
    para = null;
  };
  // the text column: the page's own where it has lines enough to tell, else the document's
  const allProse = kept.flat().filter((l) => !l.tabular);
  const columnOf = (prose: readonly Line[]): { left: number; right: number } => ({
    left: -textColumnEdge(prose.map((l) => ({ at: -l.x, size: l.size }))),
    right: textColumnEdge(prose.map((l) => ({ at: l.right, size: l.size }))),
  });
  const whole = columnOf(allProse);
  for (const lines of kept) {
    const prose = lines.filter((l) => !l.tabular);
    tabularLines += lines.length - prose.length;
    if (prose.length === 0) continue;
    const { left, right } = prose.length >= 5 ? columnOf(prose) : whole;
    for (const l of lines) {
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
      last = l;
      // a short heading line stands alone
      if (heading && l.right < right - 2 * l.size) {
        flush();
        last = { ...l, right: -Infinity };
      }
    }
  }
  flush();
  return { items, notes, tabularLines };
}
