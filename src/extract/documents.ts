/**
 * Report documents from a PDF's pages or a workbook, the same for every front end (the CLI, the
 * viewer, the benchmark): the layout's items assembled, the reader's notes kept (scanned pages,
 * rows laid out as a table without ruling lines).
 */
import { assemble } from './assemble.js';
import { layoutPdfText, pdfTitle, type PageLine, type PdfLayout } from './pdf-layout.js';
import type { PdfPages } from './pdf-read.js';
import { readWorkbook } from './workbook.js';
import type { ReportDocument } from '../model/document.js';

/**
 * A PDF's pages as a report document, with the layout (each cell's page and box) and each text
 * block's lines on its pages, by block index: for painting.
 */
export function pdfDocument(read: PdfPages, source: string): { document: ReportDocument; layout: PdfLayout; blockLines: Array<readonly PageLine[]> } {
  const layout = layoutPdfText(read.pages);
  const notes = [...layout.notes];
  if (layout.tabularLines > 0) notes.push({ reason: 'pdf-tables-not-rebuilt', data: { lines: layout.tabularLines } });
  const assembled = assemble(layout.items, source, pdfTitle(layout.items, read.title), notes);
  return { document: assembled.document, layout, blockLines: assembled.blockItems.map((i) => layout.lines[i] ?? []) };
}

/** A workbook's bytes as a report document (its first describing line, a sheet's title, names it). */
export function workbookDocument(data: Uint8Array, source: string): ReportDocument {
  const read = readWorkbook(data);
  const first = read.items.find((i) => i.type === 'block');
  return assemble(read.items, source, first?.type === 'block' ? first.text : null).document;
}
