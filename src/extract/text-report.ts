import { displayText, stripInlineMarkup } from '../model/text.js';
import type { RawRow } from './grid.js';
import { withForms } from './forms.js';
import { assemble, type Assembled, type ReaderItem } from './assemble.js';
import { metaKind } from './meta.js';

/**
 * Reads a plain-text report: tab-separated tables, markdown pipe tables and the text between
 * them, as text extractions of published PDFs come out. A table broken by a page break (a blank
 * line, then more rows of the same shape) is joined back together.
 */
export function readTextReport(text: string, source: string): Assembled {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const items: ReaderItem[] = [];
  let current: { format: 'tsv' | 'md'; rows: RawRow[]; width: number } | null = null;
  let src = 0;
  let title: string | null = null;

  const flush = (): void => {
    if (current && current.rows.length > 0) items.push({ type: 'table', rows: current.rows });
    current = null;
  };

  const rowOf = (cells: string[]): RawRow => ({
    spacer: false,
    cells: cells.map((c) => ({ text: displayText(stripInlineMarkup(c)), rowSpan: 1, colSpan: 1, th: false, src: src++ })),
  });

  const tableLine = (line: string): { format: 'tsv' | 'md'; cells: string[] } | null => {
    const trimmed = line.trim();
    if (trimmed.startsWith('|') && trimmed.length > 1) {
      const inner = trimmed.replace(/^\|/, '').replace(/\|$/, '');
      return { format: 'md', cells: inner.split('|').map((c) => c.trim()) };
    }
    if (line.includes('\t')) return { format: 'tsv', cells: line.split('\t') };
    return null;
  };

  const widthOf = (cells: string[]): number => cells.length;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const parsed = tableLine(line);
    if (parsed) {
      if (parsed.format === 'md' && parsed.cells.some((c) => c.includes('---')) && parsed.cells.every((c) => /^:?-*:?$/.test(c))) {
        continue; // markdown separator row
      }
      if (current && current.format !== parsed.format) flush();
      if (!current) current = { format: parsed.format, rows: [], width: widthOf(parsed.cells) };
      current.rows.push(rowOf(parsed.cells));
      current.width = Math.max(current.width, widthOf(parsed.cells));
      continue;
    }
    if (line.trim() === '' && current) {
      // a page break inside a table: blank lines, then a row of the same shape that is not a new title
      let j = i + 1;
      while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
      const next = j < lines.length ? tableLine(lines[j] ?? '') : null;
      const cur: { format: 'tsv' | 'md'; width: number } = current;
      if (next && next.format === cur.format && Math.abs(widthOf(next.cells) - cur.width) <= 1 && !next.cells.some((c) => metaKind(stripInlineMarkup(c)) !== null)) {
        i = j - 1;
        continue;
      }
      flush();
      continue;
    }
    flush();
    const content = line.trim();
    if (content === '') continue;
    const heading = /^(#{1,6})\s+/.exec(content);
    const clean = displayText(stripInlineMarkup(content.replace(/^[-*]\s+/, '')));
    if (clean === '') continue;
    if (title === null && clean.length <= 80) title = clean;
    items.push({ type: 'block', text: clean, heading: heading?.[1] ? heading[1].length : null });
  }
  flush();
  return assemble(withForms(items).items as ReaderItem[], source, title);
}
