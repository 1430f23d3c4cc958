/**
 * PDF files in the CLI: pdf.js's legacy build (for Node) reads each page's text runs and ruling
 * lines (extract/pdf-read.ts); pdf-layout.ts rebuilds the tables and the reading text. The
 * document's own code never runs: no eval, no scripting, no fonts loaded, nothing fetched.
 */
import { pdfDocument } from '../extract/documents.js';
import type { PdfLayout } from '../extract/pdf-layout.js';
import { readPdfPages, type PdfJsModule } from '../extract/pdf-read.js';
import type { ReportDocument } from '../model/document.js';
import { InputError } from './errors.js';

export { isPdf } from '../extract/pdf-read.js';

/** Reads a PDF into a report document: its tables rebuilt from their ruling lines, its text in paragraphs. */
export async function readPdf(data: Uint8Array, source: string): Promise<ReportDocument> {
  return (await readPdfLayout(data, source)).document;
}

/** readPdf, with the layout (cell boxes by page) for painting. */
export async function readPdfLayout(data: Uint8Array, source: string): Promise<{ document: ReportDocument; layout: PdfLayout }> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJsModule;
  let read;
  try {
    read = await readPdfPages(pdfjs, new Uint8Array(data));
  } catch (e) {
    throw new InputError(`cannot read ${source}: not a readable PDF (${e instanceof Error ? e.message : String(e)})`);
  }
  return pdfDocument(read, source);
}
