/**
 * The PDF part of `npm run bench`: for each real PDF report of the fixtures, the time split into
 * pdf.js parsing (text runs and operator lists), rebuilding (tables from ruling lines, paragraphs,
 * the document assembled), and the engine; and its ratio to pdf.js text extraction alone on the same
 * file (the floor: no tool can read the PDF faster than pdf.js gives its text). Median of runs, all
 * measured side by side in one process. Painting happens in the viewer (a browser page) and is not
 * part of these figures.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pdfDocument } from '../src/extract/documents.js';
import { readPdfPages, SAFE_PDF_OPTIONS, type PdfJsModule } from '../src/extract/pdf-read.js';
import { checkDocument } from '../src/pipeline/report.js';

export interface PdfRow {
  readonly file: string;
  readonly pages: number;
  readonly tables: number;
  readonly findings: number;
  /** pdf.js text extraction alone (getTextContent on every page). */
  readonly floor: number;
  /** pdf.js text and operator lists, read into runs and rules. */
  readonly parse: number;
  /** Tables rebuilt, paragraphs joined, the document assembled. */
  readonly rebuild: number;
  readonly engine: number;
  readonly total: number;
  /** total ÷ floor */
  readonly ratio: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function textOnly(pdfjs: PdfJsModule, data: Uint8Array): Promise<number> {
  const t0 = performance.now();
  const doc = await pdfjs.getDocument({ data, ...SAFE_PDF_OPTIONS }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  await doc.destroy();
  return performance.now() - t0;
}

/** Measures every PDF in `dir`, `runs` times each. */
export async function benchPdfs(dir: string, runs: number): Promise<PdfRow[]> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJsModule;
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pdf')).sort();
  const rows: PdfRow[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(path.join(dir, file)));
    const floor: number[] = [];
    const parse: number[] = [];
    const rebuild: number[] = [];
    const engine: number[] = [];
    let pages = 0;
    let tables = 0;
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      floor.push(await textOnly(pdfjs, bytes.slice()));
      const t0 = performance.now();
      const read = await readPdfPages(pdfjs, bytes.slice());
      const t1 = performance.now();
      const { document } = pdfDocument(read, file);
      const t2 = performance.now();
      const report = checkDocument(document, file);
      const t3 = performance.now();
      parse.push(t1 - t0);
      rebuild.push(t2 - t1);
      engine.push(t3 - t2);
      pages = read.pages.length;
      tables = report.summary.tables;
      findings = report.findings.length;
    }
    const total = median(parse) + median(rebuild) + median(engine);
    rows.push({ file, pages, tables, findings, floor: median(floor), parse: median(parse), rebuild: median(rebuild), engine: median(engine), total, ratio: total / Math.max(1, median(floor)) });
    process.stderr.write(`  ${file}\n`);
  }
  return rows;
}
