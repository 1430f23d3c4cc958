/**
 * Marks every finding's cells in the page without moving anything: attributes on the cells and a
 * stylesheet of outlines, hatching and inset shadows (none of which takes part in layout). Nothing is
 * inserted into a table cell. While a finding is hovered or focused its participating cells are
 * outlined too, and a tooltip explains it.
 */
import type { Report, ReportCell, ReportFinding } from '../src/engine/report.js';
import type { DomExtraction } from '../src/extract/dom.js';
import type { Locale } from '../src/i18n/index.js';
import { Tooltip } from './tooltip.js';

const ATTR = 'data-crossfoot';
const SEVERITY_ATTR = 'data-crossfoot-severity';
const RELATED_ATTR = 'data-crossfoot-related';
const FLASH_ATTR = 'data-crossfoot-flash';
const OFF_ATTR = 'data-crossfoot-off';
const RANK: Record<ReportFinding['severity'], number> = { error: 3, review: 2, rounding: 1 };

interface Painted {
  readonly ids: Set<string>;
  readonly hadTabindex: boolean;
}

export class Overlay {
  private readonly painted = new Map<Element, Painted>();
  private readonly targets = new Map<string, Element[]>();
  private readonly related = new Map<string, Element[]>();
  private readonly findings = new Map<string, ReportFinding>();
  private readonly listening = new Set<Document>();
  private tooltip: Tooltip | null = null;
  private report: Report | null = null;
  private hovered: Element | null = null;
  private enabled = true;

  constructor(
    private readonly signal: AbortSignal,
    private readonly locale: () => Locale,
  ) {}

  /** Cell element of a report cell. */
  private elementOf(extraction: DomExtraction, cell: ReportCell): Element | undefined {
    const table = extraction.document.tables.find((t) => t.id === cell.table);
    if (!table) return undefined;
    const slot = table.grid[cell.row]?.[cell.col];
    if (!slot || slot.src < 0) return undefined;
    return extraction.cellElements[table.index]?.[slot.src];
  }

  paint(report: Report, extraction: DomExtraction): void {
    this.clear();
    this.report = report;
    for (const f of report.findings) {
      this.findings.set(f.id, f);
      const targets = f.cells.map((c) => this.elementOf(extraction, c)).filter((e): e is Element => !!e);
      // blank cells take part as zeros, but outlining them only adds noise
      const related = f.related
        .filter((c) => c.text.trim() !== '')
        .map((c) => this.elementOf(extraction, c))
        .filter((e): e is Element => !!e && !targets.includes(e));
      this.targets.set(f.id, targets);
      this.related.set(f.id, related);
      for (const el of targets) {
        let p = this.painted.get(el);
        if (!p) {
          p = { ids: new Set(), hadTabindex: el.hasAttribute('tabindex') };
          this.painted.set(el, p);
        }
        p.ids.add(f.id);
      }
    }
    for (const [el, p] of this.painted) {
      const ids = [...p.ids];
      const worst = ids.map((id) => this.findings.get(id)?.severity ?? 'rounding').sort((a, b) => RANK[b] - RANK[a])[0] ?? 'rounding';
      el.setAttribute(ATTR, ids.join(' '));
      el.setAttribute(SEVERITY_ATTR, worst);
      if (!p.hadTabindex) el.setAttribute('tabindex', '0');
      this.listen(el.ownerDocument);
    }
    this.applyEnabled();
  }

  private listen(doc: Document): void {
    if (this.listening.has(doc)) return;
    this.listening.add(doc);
    const opts = { capture: true, passive: true, signal: this.signal } as const;
    doc.addEventListener('mouseover', (e) => this.enter(e.target), opts);
    doc.addEventListener('focusin', (e) => this.enter(e.target), opts);
    doc.addEventListener('mouseout', (e) => this.leave(e.target, (e as MouseEvent).relatedTarget), opts);
    doc.addEventListener('focusout', (e) => this.leave(e.target, (e as FocusEvent).relatedTarget), opts);
    doc.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Escape' && this.hide(), opts);
    doc.defaultView?.addEventListener('scroll', () => this.hide(), opts);
  }

  private cellOf(target: EventTarget | null): Element | null {
    if (!target || !(target as Element).closest) return null;
    const cell = (target as Element).closest(`[${ATTR}]`);
    return cell && this.painted.has(cell) ? cell : null;
  }

  private enter(target: EventTarget | null): void {
    if (!this.enabled) return;
    const cell = this.cellOf(target);
    if (!cell || cell === this.hovered) return;
    this.hide();
    this.hovered = cell;
    const ids = [...(this.painted.get(cell)?.ids ?? [])];
    const findings = ids.map((id) => this.findings.get(id)).filter((f): f is ReportFinding => !!f).sort((a, b) => RANK[b.severity] - RANK[a.severity]);
    for (const f of findings) for (const r of this.related.get(f.id) ?? []) r.setAttribute(RELATED_ATTR, f.severity);
    this.tooltip ??= new Tooltip(document);
    this.tooltip.show(findings, this.viewportRect(cell), this.locale(), (id) => this.tableTitle(id));
  }

  private leave(target: EventTarget | null, next: EventTarget | null): void {
    const cell = this.cellOf(target);
    if (!cell || cell !== this.hovered) return;
    if (next && cell.contains(next as Node)) return;
    this.hide();
  }

  private hide(): void {
    for (const el of this.related.values()) for (const r of el) r.removeAttribute(RELATED_ATTR);
    this.hovered = null;
    this.tooltip?.hide();
  }

  /** A cell's rectangle in the top document's viewport (cells of same-origin frames are offset by their frame). */
  private viewportRect(el: Element): DOMRect {
    const rect = el.getBoundingClientRect();
    let x = rect.left;
    let y = rect.top;
    let win: Window | null = el.ownerDocument.defaultView;
    while (win && win !== window && win.frameElement) {
      const fr = win.frameElement.getBoundingClientRect();
      x += fr.left;
      y += fr.top;
      win = win.parent;
    }
    return new DOMRect(x, y, rect.width, rect.height);
  }

  private tableTitle(id: string | null): string {
    const t = this.report?.tables.find((x) => x.id === id);
    if (!t) return '';
    const title = t.title ?? (this.locale() === 'en' ? t.kindName.en : t.kindName.zh);
    return t.name ? `${title} · ${t.name}` : title;
  }

  /** Scrolls to a finding and flashes its cells; false when it has no cell in the page. */
  reveal(id: string): boolean {
    const targets = this.targets.get(id) ?? [];
    const first = targets[0];
    if (!first) return false;
    if (!this.enabled) this.setEnabled(true);
    first.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'smooth' });
    for (const el of targets) {
      el.removeAttribute(FLASH_ATTR);
      void (el as HTMLElement).offsetWidth; // restart the animation
      el.setAttribute(FLASH_ATTR, '');
    }
    window.setTimeout(() => targets.forEach((el) => el.removeAttribute(FLASH_ATTR)), 2400);
    if (first instanceof HTMLElement || 'focus' in first) (first as HTMLElement).focus({ preventScroll: true });
    return true;
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    this.applyEnabled();
    if (!on) this.hide();
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  private applyEnabled(): void {
    for (const [el, p] of this.painted) {
      if (this.enabled) {
        el.removeAttribute(OFF_ATTR);
        if (!p.hadTabindex) el.setAttribute('tabindex', '0');
      } else {
        el.setAttribute(OFF_ATTR, '');
        if (!p.hadTabindex) el.removeAttribute('tabindex');
      }
    }
  }

  /** Removes every mark, restoring the cells as they were. */
  clear(): void {
    this.hide();
    for (const [el, p] of this.painted) {
      el.removeAttribute(ATTR);
      el.removeAttribute(SEVERITY_ATTR);
      el.removeAttribute(OFF_ATTR);
      el.removeAttribute(FLASH_ATTR);
      if (!p.hadTabindex) el.removeAttribute('tabindex');
    }
    this.painted.clear();
    this.targets.clear();
    this.related.clear();
    this.findings.clear();
  }

  destroy(): void {
    this.clear();
    this.tooltip?.remove();
    this.tooltip = null;
  }
}
