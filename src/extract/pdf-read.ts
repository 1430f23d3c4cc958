/**
 * Reads a PDF's pages with pdf.js — whichever build the front end loads (the legacy build in Node,
 * the modern one in the extension's viewer) is passed in, so this module names no pdf.js type and
 * stays engine-side. Per page: the text runs with their positions and sizes, and the ruling lines
 * the page draws (stroked segments, and filled rectangles thin enough to be rules), in page space
 * (PDF units, y upwards), with the current transformation matrix followed through save/restore,
 * `cm` and form XObjects. Nothing in the document runs: no eval, no scripting, no fonts loaded.
 */
import type { PdfPageText, Rule, TextRun } from './pdf-layout.js';

/** The part of a pdf.js module used here. */
export interface PdfJsModule {
  readonly OPS: Readonly<Record<string, number>>;
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfJsDocument> };
}
export interface PdfJsDocument {
  readonly numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  getMetadata(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}
interface PdfJsPage {
  readonly view: readonly number[];
  readonly rotate: number;
  getTextContent(): Promise<{ items: readonly unknown[] }>;
  getOperatorList(): Promise<{ fnArray: readonly number[]; argsArray: readonly unknown[] }>;
  cleanup(): void;
}
interface PdfTextItem {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
  readonly height?: number;
}

export interface PdfPages {
  readonly pages: PdfPageText[];
  readonly title: string | null;
}

/** The bytes start like a PDF (%PDF-). */
export function isPdf(buf: Uint8Array): boolean {
  return buf.length > 5 && buf[0] === 0x25 && buf[1] === 0x50 && buf[2] === 0x44 && buf[3] === 0x46 && buf[4] === 0x2d;
}

/** Options for pdf.js that keep the document's own code and resources out. */
export const SAFE_PDF_OPTIONS = { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false, stopAtErrors: false, verbosity: 0 } as const;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m applied first, then ctm (PDF's `cm`). */
function multiply(ctm: Matrix, m: readonly number[]): Matrix {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  return [ctm[0] * a + ctm[2] * b, ctm[1] * a + ctm[3] * b, ctm[0] * c + ctm[2] * d, ctm[1] * c + ctm[3] * d, ctm[0] * e + ctm[2] * f + ctm[4], ctm[1] * e + ctm[3] * f + ctm[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Thicker than this a filled rectangle is a shaded box, not a rule. */
const RULE_THICKNESS = 2.5;
/** Shorter than this a segment is a tick, a bullet or a glyph part. */
const RULE_MIN_LENGTH = 3;

/** pdf.js path data (its DrawOPS): 0 moveTo x y, 1 lineTo x y, 2 curveTo 6 numbers, 3 quadraticCurveTo 4, 4 closePath. */
function subpaths(data: ArrayLike<number>, ctm: Matrix): Array<{ points: Array<[number, number]>; closed: boolean; curved: boolean }> {
  const out: Array<{ points: Array<[number, number]>; closed: boolean; curved: boolean }> = [];
  let cur: { points: Array<[number, number]>; closed: boolean; curved: boolean } | null = null;
  for (let i = 0; i < data.length;) {
    const op = data[i] ?? -1;
    if (op === 0) {
      cur = { points: [apply(ctm, data[i + 1] ?? 0, data[i + 2] ?? 0)], closed: false, curved: false };
      out.push(cur);
      i += 3;
    } else if (op === 1) {
      cur?.points.push(apply(ctm, data[i + 1] ?? 0, data[i + 2] ?? 0));
      i += 3;
    } else if (op === 2 || op === 3) {
      const n = op === 2 ? 6 : 4;
      if (cur) {
        cur.curved = true;
        cur.points.push(apply(ctm, data[i + n - 1] ?? 0, data[i + n] ?? 0));
      }
      i += n + 1;
    } else if (op === 4) {
      if (cur) cur.closed = true;
      i += 1;
    } else break; // unknown: stop reading this path rather than misread it
  }
  return out;
}

function axisRule(a: [number, number], b: [number, number]): Rule | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= 0.5 && dx >= RULE_MIN_LENGTH) return { x1: Math.min(a[0], b[0]), y1: (a[1] + b[1]) / 2, x2: Math.max(a[0], b[0]), y2: (a[1] + b[1]) / 2 };
  if (dx <= 0.5 && dy >= RULE_MIN_LENGTH) return { x1: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), x2: (a[0] + b[0]) / 2, y2: Math.max(a[1], b[1]) };
  return null;
}

/** An axis-aligned rectangle's bounds, when the subpath is one. */
function rectangle(points: ReadonlyArray<[number, number]>): { x0: number; y0: number; x1: number; y1: number } | null {
  const pts = points.length === 5 && Math.abs((points[0]?.[0] ?? 0) - (points[4]?.[0] ?? 0)) < 0.5 && Math.abs((points[0]?.[1] ?? 0) - (points[4]?.[1] ?? 0)) < 0.5 ? points.slice(0, 4) : points;
  if (pts.length !== 4) return null;
  for (let i = 0; i < 4; i++) {
    const p = pts[i] as [number, number];
    const q = pts[(i + 1) % 4] as [number, number];
    if (Math.abs(p[0] - q[0]) > 0.5 && Math.abs(p[1] - q[1]) > 0.5) return null;
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const WHITE = /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/iu;

/** The ruling lines a page's operator list draws, in page space. */
export function rulesOf(ops: { fnArray: readonly number[]; argsArray: readonly unknown[] }, OPS: Readonly<Record<string, number>>): Rule[] {
  const rules: Rule[] = [];
  const stack: Array<{ ctm: Matrix; fill: boolean; stroke: boolean }> = [];
  let ctm: Matrix = IDENTITY;
  let fillWhite = false;
  let strokeWhite = false;
  const op = (name: string): number => OPS[name] ?? -1;
  const STROKE = new Set([op('stroke'), op('closeStroke')]);
  const FILL = new Set([op('fill'), op('eoFill')]);
  const BOTH = new Set([op('fillStroke'), op('eoFillStroke'), op('closeFillStroke'), op('closeEOFillStroke')]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === op('save')) stack.push({ ctm, fill: fillWhite, stroke: strokeWhite });
    else if (fn === op('restore')) {
      const s = stack.pop();
      if (s) ({ ctm, fill: fillWhite, stroke: strokeWhite } = s);
    } else if (fn === op('transform') && Array.isArray(args)) ctm = multiply(ctm, args as number[]);
    else if (fn === op('paintFormXObjectBegin')) {
      stack.push({ ctm, fill: fillWhite, stroke: strokeWhite });
      const m = Array.isArray(args) ? (args[0] as number[] | null) : null;
      if (Array.isArray(m) && m.length === 6) ctm = multiply(ctm, m);
    } else if (fn === op('paintFormXObjectEnd')) {
      const s = stack.pop();
      if (s) ({ ctm, fill: fillWhite, stroke: strokeWhite } = s);
    } else if (fn === op('setFillRGBColor') && Array.isArray(args)) fillWhite = typeof args[0] === 'string' && WHITE.test(args[0]);
    else if (fn === op('setStrokeRGBColor') && Array.isArray(args)) strokeWhite = typeof args[0] === 'string' && WHITE.test(args[0]);
    else if (fn === op('constructPath') && Array.isArray(args)) {
      const paint = args[0] as number;
      const stroke = (STROKE.has(paint) || BOTH.has(paint)) && !strokeWhite;
      const fill = (FILL.has(paint) || BOTH.has(paint)) && !fillWhite;
      if (!stroke && !fill) continue;
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
      if (!data || typeof data.length !== 'number') continue;
      for (const sp of subpaths(data, ctm)) {
        if (sp.curved) continue;
        const box = fill ? rectangle(sp.points) : null;
        if (box) {
          const w = box.x1 - box.x0;
          const h = box.y1 - box.y0;
          if (h <= RULE_THICKNESS && w >= RULE_MIN_LENGTH) rules.push({ x1: box.x0, y1: (box.y0 + box.y1) / 2, x2: box.x1, y2: (box.y0 + box.y1) / 2 });
          else if (w <= RULE_THICKNESS && h >= RULE_MIN_LENGTH) rules.push({ x1: (box.x0 + box.x1) / 2, y1: box.y0, x2: (box.x0 + box.x1) / 2, y2: box.y1 });
          else if (stroke) for (let k = 0; k < 4; k++) pushEdge(rules, sp.points[k], sp.points[(k + 1) % 4]);
          continue;
        }
        if (!stroke) continue;
        const pts = sp.closed ? [...sp.points, sp.points[0] as [number, number]] : sp.points;
        for (let k = 0; k + 1 < pts.length; k++) pushEdge(rules, pts[k], pts[k + 1]);
      }
    }
  }
  return rules;
}

function pushEdge(rules: Rule[], a: [number, number] | undefined, b: [number, number] | undefined): void {
  if (!a || !b) return;
  const r = axisRule(a, b);
  if (r) rules.push(r);
}

/** Reads every page's text runs and ruling lines; `progress` is told after each page. */
export async function readPdfPages(pdfjs: PdfJsModule, data: Uint8Array, progress?: (done: number, total: number) => void): Promise<PdfPages> {
  const doc = await openPdf(pdfjs, data);
  try {
    return await readOpenPdf(pdfjs, doc, progress);
  } finally {
    await doc.destroy();
  }
}

/** Opens a PDF (the document's own code kept out); the caller destroys it. */
export async function openPdf(pdfjs: PdfJsModule, data: Uint8Array): Promise<PdfJsDocument> {
  return pdfjs.getDocument({ data, ...SAFE_PDF_OPTIONS }).promise;
}

/** readPdfPages on a document already open (the viewer keeps it open to paint its pages). */
export async function readOpenPdf(pdfjs: PdfJsModule, doc: PdfJsDocument, progress?: (done: number, total: number) => void): Promise<PdfPages> {
  const pages: PdfPageText[] = [];
  let title: string | null = null;
  const PAINT_IMAGE = new Set(['paintImageXObject', 'paintInlineImageXObject', 'paintImageXObjectRepeat', 'paintImageMaskXObject'].map((n) => pdfjs.OPS[n] ?? -1));
  const meta = await doc.getMetadata().catch(() => null);
  const info = meta?.info as { Title?: unknown } | undefined;
  if (typeof info?.Title === 'string' && info.Title.trim() !== '') title = info.Title.trim();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [vx0 = 0, vy0 = 0, vx1 = 595, vy1 = 842] = page.view;
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items as PdfTextItem[]) {
      if (typeof item.str !== 'string' || !item.transform) continue;
      const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform;
      runs.push({ str: item.str, x: x - vx0, y: y - vy0, width: item.width ?? 0, size: Math.hypot(a, b) || Math.abs(d) || (item.height ?? 0) });
    }
    const ops = await page.getOperatorList();
    const rules = rulesOf(ops, pdfjs.OPS).map((r) => ({ x1: r.x1 - vx0, y1: r.y1 - vy0, x2: r.x2 - vx0, y2: r.y2 - vy0 }));
    const images = ops.fnArray.some((f) => PAINT_IMAGE.has(f));
    pages.push({ width: vx1 - vx0, height: vy1 - vy0, runs, rules, images });
    page.cleanup();
    progress?.(n, doc.numPages);
  }
  return { pages, title };
}
