/**
 * Painting a checked document in the viewer: PDF pages rendered to canvases with each finding's
 * cells outlined over their boxes, or a workbook's tables built as DOM tables with the same marks.
 * Everything from the document is set as text (textContent) or drawn by pdf.js on a canvas.
 */
import type { ReportFinding } from '../src/contract/report.js';
import type { ReportDocument } from '../src/model/document.js';
import type { Checked } from './load.js';
import { phraseRects, type PageRect } from '../src/extract/pdf-layout.js';
import { UI } from '../src/i18n/ui.js';

const SCALE = 1.5;
const SEVERITY_WORD: Record<ReportFinding['severity'], string> = { error: UI['zh-CN'].error, review: UI['zh-CN'].review, rounding: UI['zh-CN'].rounding };

interface PdfDoc {
  readonly numPages: number;
  getPage(n: number): Promise<unknown>;
}
interface PdfPage {
  getViewport(o: { scale: number }): { width: number; height: number };
  render(o: { canvasContext: CanvasRenderingContext2D; viewport: unknown }): { promise: Promise<void> };
}

/** The grid cell a finding's cell ref names, as the reader's source index (-1 when none). */
function srcOf(doc: ReportDocument, ref: { table: string; row: number; col: number }): number {
  const t = doc.tables.find((x) => x.id === ref.table);
  const cell = t?.grid[ref.row]?.[ref.col];
  if (!t || !cell) return -1;
  return t.grid[cell.origin.row]?.[cell.origin.col]?.src ?? cell.src;
}

/** One tooltip for the page, filled with a mark's findings as text. */
function tooltip(): { show(target: HTMLElement, findings: readonly ReportFinding[]): void; hide(): void } {
  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);
  return {
    show(target, findings) {
      tip.replaceChildren(
        ...findings.map((f) => {
          const p = document.createElement('p');
          p.className = f.severity;
          const b = document.createElement('strong');
          b.textContent = `${SEVERITY_WORD[f.severity]} `;
          p.append(b, document.createTextNode(f.message.zh));
          return p;
        }),
      );
      tip.hidden = false;
      const r = target.getBoundingClientRect();
      tip.style.left = `${Math.max(8, Math.min(window.innerWidth - 420, r.left))}px`;
      tip.style.top = `${r.bottom + 6 + window.scrollY}px`;
    },
    hide() {
      tip.hidden = true;
    },
  };
}

/** A focusable mark for the findings of one cell. */
function mark(findings: readonly ReportFinding[], tip: ReturnType<typeof tooltip>): HTMLButtonElement {
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'review') ? 'review' : 'rounding';
  const el = document.createElement('button');
  el.type = 'button';
  el.className = `cf-mark cf-${worst}`;
  el.dataset.finding = findings[0]?.id ?? '';
  el.dataset.findings = findings.map((f) => f.id).join(' ');
  el.dataset.severity = worst;
  el.setAttribute('aria-label', findings.map((f) => `${SEVERITY_WORD[f.severity]}：${f.message.zh}`).join('；'));
  el.addEventListener('mouseenter', () => tip.show(el, findings));
  el.addEventListener('focus', () => tip.show(el, findings));
  el.addEventListener('mouseleave', () => tip.hide());
  el.addEventListener('blur', () => tip.hide());
  applyShown(el);
  return el;
}

/** Each marked cell's findings, by the reader's source index. */
function findingsBySrc(c: Checked): Map<number, ReportFinding[]> {
  const out = new Map<number, ReportFinding[]>();
  for (const f of c.report.findings) {
    for (const ref of f.cells) {
      const src = srcOf(c.document, ref);
      if (src < 0) continue;
      const list = out.get(src) ?? [];
      if (!list.includes(f)) list.push(f);
      out.set(src, list);
    }
  }
  return out;
}

/** The PDF page (1-based) a finding stands on: its first cell's, or its phrase's first line's; null for a workbook. */
export function pageOfFinding(c: Checked, f: ReportFinding): number | null {
  if (c.kind !== 'pdf') return null;
  for (const ref of f.cells) {
    const box = c.boxes[srcOf(c.document, ref)];
    if (box) return box.page + 1;
  }
  const line = f.quote ? c.blockLines[f.quote.block]?.[0] : undefined;
  return line ? line.page + 1 : null;
}

/**
 * Shows the marks that still hold a finding to show and hides the others (all of whose findings
 * the user dismissed). Marks are found by their data-findings, wherever they were painted.
 */
export function showMarks(shown: (id: string) => boolean): void {
  markShown = shown;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('.cf-mark'))) applyShown(el);
}

/** What showMarks was last told (marks painted later, page by page, follow it too). */
let markShown: (id: string) => boolean = () => true;

function applyShown(el: HTMLElement): void {
  const ids = (el.dataset.findings ?? '').split(' ').filter((x) => x !== '');
  el.style.display = ids.length > 0 && !ids.some(markShown) ? 'none' : '';
}

/** Renders the pages of the (still open) PDF with their marks; stops when `cancelled` says so. */
export async function paintPdf(doc: PdfDoc, host: HTMLElement, c: Extract<Checked, { kind: 'pdf' }>, cancelled: () => boolean): Promise<void> {
  const tip = tooltip();
  const marks = findingsBySrc(c);
  const byPage = new Map<number, Array<[number, ReportFinding[]]>>();
  for (const [src, list] of marks) {
    const box = c.boxes[src];
    if (!box) continue;
    const entries = byPage.get(box.page) ?? [];
    entries.push([src, list]);
    byPage.set(box.page, entries);
  }
  // phrases of the narrative: a rectangle over each line the quote runs over
  const phrases = new Map<number, Array<{ rect: PageRect; findings: ReportFinding[] }>>();
  const byQuote = new Map<string, { rects: PageRect[]; findings: ReportFinding[] }>();
  for (const f of c.report.findings) {
    const q = f.quote;
    const block = q ? c.document.blocks[q.block] : undefined;
    if (!q || !block) continue;
    const key = `${q.block}:${q.start}:${q.end}`;
    const known = byQuote.get(key);
    if (known) known.findings.push(f);
    else byQuote.set(key, { rects: phraseRects(c.blockLines[q.block] ?? [], block.text, q.start, q.end), findings: [f] });
  }
  for (const { rects, findings } of byQuote.values()) {
    for (const rect of rects) {
      const list = phrases.get(rect.page) ?? [];
      list.push({ rect, findings });
      phrases.set(rect.page, list);
    }
  }
  for (let n = 1; n <= doc.numPages && !cancelled(); n++) {
    const page = (await doc.getPage(n)) as unknown as PdfPage;
    const viewport = page.getViewport({ scale: SCALE });
    const wrap = document.createElement('div');
    wrap.className = 'page';
    wrap.dataset.page = String(n);
    wrap.style.width = `${viewport.width}px`;
    wrap.style.height = `${viewport.height}px`;
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    wrap.append(canvas);
    host.append(wrap);
    const ctx = canvas.getContext('2d');
    if (ctx) await page.render({ canvasContext: ctx, viewport }).promise;
    const height = c.pages[n - 1]?.height ?? viewport.height / SCALE;
    for (const [src, list] of byPage.get(n - 1) ?? []) {
      const box = c.boxes[src];
      if (!box) continue;
      const el = mark(list, tip);
      el.style.left = `${box.x0 * SCALE}px`;
      el.style.top = `${(height - box.y1) * SCALE}px`;
      el.style.width = `${(box.x1 - box.x0) * SCALE}px`;
      el.style.height = `${(box.y1 - box.y0) * SCALE}px`;
      wrap.append(el);
    }
    for (const { rect, findings } of phrases.get(n - 1) ?? []) {
      const el = mark(findings, tip);
      el.classList.add('cf-phrase');
      el.style.left = `${rect.x0 * SCALE}px`;
      el.style.top = `${(height - rect.y1) * SCALE}px`;
      el.style.width = `${(rect.x1 - rect.x0) * SCALE}px`;
      el.style.height = `${(rect.y1 - rect.y0) * SCALE}px`;
      wrap.append(el);
    }
  }
}

export function paintWorkbook(host: HTMLElement, c: Extract<Checked, { kind: 'workbook' }>): void {
  const tip = tooltip();
  const marks = findingsBySrc(c);
  for (const t of c.document.tables) {
    const h = document.createElement('h3');
    h.textContent = t.meta.title ?? t.id;
    const table = document.createElement('table');
    for (const row of t.grid) {
      const tr = document.createElement('tr');
      for (const cell of row) {
        if (cell.merged) continue;
        const td = document.createElement('td');
        td.textContent = cell.text;
        if (cell.span.rows > 1) td.rowSpan = cell.span.rows;
        if (cell.span.cols > 1) td.colSpan = cell.span.cols;
        const found = marks.get(cell.src);
        if (found) {
          const m = mark(found, tip);
          m.textContent = cell.text;
          td.replaceChildren(m);
        }
        tr.append(td);
      }
      table.append(tr);
    }
    host.append(h, table);
  }
}
