/**
 * PDF files in the CLI: pdf.js (its legacy build, for Node) reads each page's text runs with their
 * positions; pdf-layout.ts turns them into the report's text. The document's own code never runs:
 * no eval, no scripting, no fonts loaded into the process, nothing fetched.
 */
import { assemble } from '../extract/assemble.js';
import { layoutPdfText, type PdfPageText, type TextRun } from '../extract/pdf-layout.js';
import type { ReportDocument } from '../model/document.js';
import { InputError } from './errors.js';

/** The file starts like a PDF. */
export function isPdf(buf: Uint8Array): boolean {
  return buf.length > 5 && buf[0] === 0x25 && buf[1] === 0x50 && buf[2] === 0x44 && buf[3] === 0x46 && buf[4] === 0x2d; // %PDF-
}

interface PdfTextItem {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
  readonly height?: number;
}

/** Reads a PDF's text into a report document (its tables are left to the table reader: noted). */
export async function readPdf(data: Uint8Array, source: string): Promise<ReportDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false, stopAtErrors: false, verbosity: 0 }).promise;
  } catch (e) {
    throw new InputError(`cannot read ${source}: not a readable PDF (${e instanceof Error ? e.message : String(e)})`);
  }
  const pages: PdfPageText[] = [];
  let title: string | null = null;
  try {
    const meta = await doc.getMetadata().catch(() => null);
    const info = meta?.info as { Title?: unknown } | undefined;
    if (typeof info?.Title === 'string' && info.Title.trim() !== '') title = info.Title.trim();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.view;
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items as PdfTextItem[]) {
        if (typeof item.str !== 'string' || !item.transform) continue;
        const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform;
        runs.push({ str: item.str, x, y, width: item.width ?? 0, size: Math.hypot(a, b) || Math.abs(d) || (item.height ?? 0) });
      }
      // a page without text: a scan when it paints an image, blank otherwise
      let images = false;
      if (runs.every((r) => r.str.trim() === '')) {
        const ops = await page.getOperatorList();
        const paint = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageXObjectRepeat, pdfjs.OPS.paintImageMaskXObject]);
        images = ops.fnArray.some((f) => paint.has(f));
      }
      pages.push({ width: (view[2] ?? 595) - (view[0] ?? 0), height: (view[3] ?? 842) - (view[1] ?? 0), runs, images });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  const { items, notes, tabularLines } = layoutPdfText(pages);
  if (tabularLines > 0) notes.push({ reason: 'pdf-tables-not-rebuilt', data: { lines: tabularLines } });
  const first = items.find((i) => i.type === 'block');
  return assemble(items, source, title ?? (first?.type === 'block' ? first.text.slice(0, 80) : null), notes).document;
}
