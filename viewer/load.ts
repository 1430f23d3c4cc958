/**
 * The viewer's reading of a document: a PDF through pdf.js (its legacy build, its worker a file
 * of the extension), a workbook through SheetJS; then the same engine as on pages. Kept apart from
 * the view so that the reading can be tested without a browser.
 */
// the legacy build: the modern one needs Map.getOrInsertComputed, which Firefox ESR 140 lacks
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerSrc from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { pdfDocument, workbookDocument } from '../src/extract/documents.js';
import type { PageBox, PageLine } from '../src/extract/pdf-layout.js';
import { isPdf, openPdf, readOpenPdf, type PdfJsDocument, type PdfJsModule } from '../src/extract/pdf-read.js';
import { isWorkbook } from '../src/extract/workbook.js';
import { type Report } from '../src/contract/report.js';
import { checkDocument } from '../src/pipeline/report.js';
import type { ReportDocument } from '../src/model/document.js';

pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
const PDFJS = pdfjs as unknown as PdfJsModule;

export type Checked =
  /** `pdf` stays open for painting its pages (read once): the holder destroys it. */
  | {
      readonly kind: 'pdf';
      readonly report: Report;
      readonly document: ReportDocument;
      readonly boxes: PageBox[];
      readonly blockLines: Array<readonly PageLine[]>;
      readonly pages: Array<{ width: number; height: number }>;
      readonly pdf: PdfJsDocument;
    }
  | { readonly kind: 'workbook'; readonly report: Report; readonly document: ReportDocument };

/** Reads and checks a document's bytes; `progress` is told each page read. */
export async function checkBytes(data: Uint8Array, source: string, progress: (done: number, total: number) => void): Promise<Checked> {
  if (isPdf(data)) {
    const pdf = await openPdf(PDFJS, data.slice());
    try {
      const read = await readOpenPdf(PDFJS, pdf, progress);
      const { document, layout, blockLines } = pdfDocument(read, source);
      return { kind: 'pdf', report: checkDocument(document, source), document, boxes: layout.boxes, blockLines, pages: read.pages.map((p) => ({ width: p.width, height: p.height })), pdf };
    } catch (e) {
      await pdf.destroy();
      throw e;
    }
  }
  if (isWorkbook(data)) {
    const document = workbookDocument(data, source);
    return { kind: 'workbook', report: checkDocument(document, source), document };
  }
  throw new Error('not a PDF or a workbook');
}
