/**
 * What a reader does with the marks of a page (marks.ts paints them): while a mark is hovered or
 * focused its participating cells are outlined and a tooltip explains it; N / P and the keyboard
 * shortcuts walk the findings; the popup and the context menu go to a finding or a table. Questions
 * about rates (rate anomalies) are marked only when the user asks for them.
 */
import { tableName, type Report, type ReportFinding } from '../src/contract/report.js';
import type { DomExtraction } from '../src/extract/dom.js';
import { runSync, type Steps } from '../src/model/steps.js';
import type { Locale } from '../src/i18n/index.js';
import { Tooltip } from './tooltip.js';
import { Marks, type PaintOptions } from './marks.js';
import type { Review, ReviewStatus } from '../src/review/model.js';

export type { Mark, PaintOptions } from './marks.js';

/** The user's decisions, as the page session keeps them. */
export interface ReviewHooks {
  review(f: ReportFinding): Review | null;
  setReview(f: ReportFinding, status: ReviewStatus | null, note: string): Promise<void>;
  copy(f: ReportFinding): Promise<boolean>;
}

/** How long the tooltip waits, once the pointer has left a mark, for it to arrive in the tooltip. */
const HIDE_DELAY = 350;
/** How long the pointer rests on a mark before its tooltip takes the pointer (hover intent). */
const DWELL = 600;

export class Overlay {
  private readonly marks: Marks;
  private readonly listening = new Set<Document>();
  private tooltip: Tooltip | null = null;
  private report: Report | null = null;
  private hovered: Element | null = null;
  private shownIds = '';
  private enabled = true;
  private hideTimer: number | undefined;
  private dwellTimer: number | undefined;
  /** The pointer is over the tooltip. */
  private inTooltip = false;
  private current: string | null = null;

  constructor(
    private readonly signal: AbortSignal,
    private readonly locale: () => Locale,
    private readonly hooks: ReviewHooks,
  ) {
    this.marks = new Marks(locale);
  }

  paint(report: Report, extraction: DomExtraction, options: PaintOptions = {}): void {
    runSync(this.paintSteps(report, extraction, options));
  }

  /** paint, a hundred findings and a few hundred elements at a time. */
  *paintSteps(report: Report, extraction: DomExtraction, options: PaintOptions = {}): Steps<void> {
    this.hide();
    this.report = report;
    const documents = yield* this.marks.paintSteps(report, extraction, options);
    for (const doc of documents) this.listen(doc);
    this.marks.applyEnabled(this.enabled);
  }

  private listen(doc: Document): void {
    if (this.listening.has(doc)) return;
    this.listening.add(doc);
    const opts = { capture: true, passive: true, signal: this.signal } as const;
    doc.addEventListener('mouseover', (e) => this.enter(e.target, e as MouseEvent), opts);
    doc.addEventListener('mousemove', (e) => this.move(e as MouseEvent), opts);
    doc.addEventListener('focusin', (e) => this.enter(e.target, null), opts);
    doc.addEventListener('mouseout', (e) => this.leave(e.target, (e as MouseEvent).relatedTarget), opts);
    doc.addEventListener('focusout', (e) => this.leave(e.target, (e as FocusEvent).relatedTarget), opts);
    doc.addEventListener('keydown', (e) => this.key(e as KeyboardEvent), { capture: true, signal: this.signal });
    // a click on a mark makes its tooltip usable at once (no waiting for the pointer to rest)
    doc.addEventListener('click', (e) => this.marks.markedOf(e.target) === this.hovered && this.hovered && this.tooltip?.interactive(true), opts);
    doc.defaultView?.addEventListener('scroll', () => this.scrolled(), opts);
  }

  /** Keys on a focused mark: Enter moves into the tooltip's actions, N / P to the next or previous finding, Escape closes. */
  private key(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      if (this.tooltip?.visible) this.hide();
      return;
    }
    if (!this.enabled || e.altKey || e.ctrlKey || e.metaKey) return;
    const el = this.marks.markedOf(e.target);
    if (!el || el !== e.target) return; // typing in the page, or a key inside our tooltip (handled there)
    if (e.key === 'Enter' && this.tooltip?.visible) {
      e.preventDefault();
      this.tooltip.focus();
    } else if (/^[nNjJpPkK]$/u.test(e.key)) {
      e.preventDefault();
      this.step(/^[nNjJ]$/u.test(e.key) ? 1 : -1);
    }
  }

  /** The page scrolled: a tooltip opened by the keyboard follows its mark; one opened by the pointer closes. */
  private scrolled(): void {
    const el = this.hovered;
    if (el && this.tooltip?.visible && (this.tooltip.hasFocus || el.ownerDocument.activeElement === el)) {
      this.tooltip.place(this.anchorOf(el, null));
      return;
    }
    if (!this.inTooltip) this.hide();
  }

  /** Goes to the next (1) or previous (-1) finding in the page: scrolls to it, focuses it, shows its explanation. */
  step(direction: 1 | -1): boolean {
    const order = this.marks.order;
    if (order.length === 0) return false;
    const at = this.current === null ? -1 : order.indexOf(this.current);
    const next = at < 0 ? (direction === 1 ? 0 : order.length - 1) : (at + direction + order.length) % order.length;
    const id = order[next] as string;
    return this.reveal(id, { instant: true });
  }

  private enter(target: EventTarget | null, pointer: MouseEvent | null): void {
    if (!this.enabled) return;
    const el = this.marks.markedOf(target);
    if (!el) return;
    window.clearTimeout(this.hideTimer);
    if (el === this.hovered && !this.marks.isText(el)) return;
    this.show(el, pointer);
  }

  /** Pointer moves: phrase by phrase inside a paragraph, and back onto a mark after a scroll hid the tooltip. */
  private move(e: MouseEvent): void {
    if (!this.enabled) return;
    const el = this.marks.markedOf(e.target);
    if (!el || (el === this.hovered && !this.marks.isText(el))) return;
    this.show(el, e);
  }

  private show(el: Element, pointer: MouseEvent | null): void {
    this.showList(el, this.marks.isText(el) ? this.marks.phrasesAt(el, pointer) : this.marks.findingsOf(el));
  }

  private showList(el: Element, findings: ReportFinding[]): void {
    const key = findings.map((f) => f.id).join(' ');
    if (el === this.hovered && key === this.shownIds) return;
    this.marks.clearRelated();
    this.hovered = el;
    this.shownIds = key;
    if (findings.length === 0) {
      this.marks.activate([]);
      this.tooltip?.hide();
      return;
    }
    this.marks.markRelated(findings);
    this.marks.activate(findings.map((f) => f.id));
    this.current = findings[0]?.id ?? this.current;
    this.tooltip ??= new Tooltip(document);
    // a preview first; usable once the pointer rests on the mark, or at once for the keyboard
    const keyboard = el.ownerDocument.activeElement === el;
    window.clearTimeout(this.dwellTimer);
    if (!keyboard) this.dwellTimer = window.setTimeout(() => this.hovered === el && this.tooltip?.interactive(true), DWELL);
    const tooltip = this.tooltip;
    tooltip.show(findings, this.anchorOf(el, findings), this.locale(), (id) => this.tableTitle(id), {
      review: (f) => this.hooks.review(f),
      setReview: (f, status, note) => this.hooks.setReview(f, status, note),
      copy: (f) => this.hooks.copy(f),
      step: (d) => void this.step(d),
      close: () => {
        const mark = this.hovered;
        this.hide();
        if (mark && 'focus' in mark) (mark as HTMLElement).focus({ preventScroll: true });
      },
      hover: (inside) => {
        this.inTooltip = inside;
        if (inside) window.clearTimeout(this.hideTimer);
        else this.hideSoon();
      },
    });
    tooltip.interactive(keyboard || tooltip.hasFocus);
  }

  /** Where the tooltip of a mark stands: under the phrase for a paragraph, under the cell otherwise. */
  private anchorOf(el: Element, findings: readonly ReportFinding[] | null): DOMRect {
    if (this.marks.isText(el)) return this.viewportRect(this.marks.phraseRect(findings ?? this.marks.findingsOf(el), el), el.ownerDocument);
    return this.viewportRect(el.getBoundingClientRect(), el.ownerDocument);
  }

  /** Whether the popup can go to a finding in the page (a marked cell or phrase, or the cell of an unmarked question). */
  locatable(id: string): boolean {
    return this.marks.placesOf(id).length > 0;
  }

  /** Announces the page's summary to screen readers (once for each new summary). */
  announce(counts: Readonly<Record<ReportFinding['severity'], number>>, passed: number): void {
    const en = this.locale() === 'en';
    const text = en
      ? `Crossfoot: ${counts.error} errors, ${counts.review} to review, ${counts.rounding} rounding differences on this page; ${passed} checks held.`
      : `Crossfoot 勾稽：本页错误 ${counts.error} 处，待核实 ${counts.review} 处，尾数差异 ${counts.rounding} 处；核对相符 ${passed} 项。`;
    this.tooltip ??= new Tooltip(document);
    this.tooltip.announce(text);
  }

  /**
   * The context menu's 核对此表: the findings of one table, listed in the tooltip at the table's
   * top (scrolled into view), or a line saying the table's checks held or that it is not a table
   * Crossfoot reads. Returns the table's id and how many findings it has.
   */
  showTable(table: Element, report: Report, extraction: DomExtraction, shown: (f: ReportFinding) => boolean): { table: string | null; findings: number } {
    const index = extraction.tableElements.indexOf(table);
    const id = index >= 0 ? (extraction.document.tables[index]?.id ?? null) : null;
    const known = id !== null && report.tables.some((t) => t.id === id);
    const findings = known ? report.findings.filter((f) => f.table === id && shown(f)) : [];
    table.scrollIntoView({ block: 'start', inline: 'nearest' });
    const top = (table as HTMLTableElement).rows?.[0] ?? table;
    this.tooltip ??= new Tooltip(document);
    if (findings.length > 0) {
      this.showFindings(top, findings);
      this.tooltip.interactive(true);
    } else {
      const en = this.locale() === 'en';
      const note = !known
        ? en
          ? 'Crossfoot does not read this table as a budget table.'
          : 'Crossfoot 没有把这张表识别为预决算表格，未核对。'
        : en
          ? 'Nothing wrong found in this table.'
          : '这张表没有发现问题。';
      this.tooltip.note(note, this.viewportRect(top.getBoundingClientRect(), top.ownerDocument));
    }
    return { table: known ? id : null, findings: findings.length };
  }

  /** Draws the tooltip again after a decision changed (the marks stay). */
  refreshTooltip(): void {
    this.tooltip?.refresh();
  }

  private hideSoon(): void {
    window.clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => {
      if (!this.inTooltip && !this.tooltip?.hasFocus) this.hide();
    }, HIDE_DELAY);
  }

  private leave(target: EventTarget | null, next: EventTarget | null): void {
    const el = this.marks.markedOf(target);
    if (!el || el !== this.hovered) return;
    if (next && el.contains(next as Node)) return;
    // the pointer or the focus may be on its way into the tooltip: give it a moment
    this.hideSoon();
  }

  private hide(): void {
    window.clearTimeout(this.hideTimer);
    window.clearTimeout(this.dwellTimer);
    this.inTooltip = false;
    this.marks.clearRelated();
    this.hovered = null;
    this.shownIds = '';
    this.marks.activate([]);
    this.tooltip?.hide();
  }

  /** A rectangle in the top document's viewport (rectangles inside same-origin frames are offset by their frame). */
  private viewportRect(rect: DOMRect | DOMRectReadOnly, doc: Document): DOMRect {
    let x = rect.left;
    let y = rect.top;
    let win: Window | null = doc.defaultView;
    while (win && win !== window && win.frameElement) {
      const fr = win.frameElement.getBoundingClientRect();
      x += fr.left;
      y += fr.top;
      win = win.parent;
    }
    return new DOMRect(x, y, rect.width, rect.height);
  }

  private tableTitle(id: string | null): string {
    if (id === null) return this.locale() === 'en' ? 'Narrative' : '情况说明';
    return this.report ? tableName(this.report, id, this.locale()) : '';
  }

  /** Scrolls to a finding and flashes it; false when it has nothing in the page. */
  reveal(id: string, options: { instant?: boolean } = {}): boolean {
    const targets = this.marks.placesOf(id);
    const first = targets[0];
    if (!first) return false;
    if (!this.enabled) this.setEnabled(true);
    this.current = id;
    const phrase = this.marks.phrase(id);
    const behavior: ScrollBehavior = options.instant ? 'auto' : 'smooth';
    if (phrase) {
      // the paragraph when it fits the screen, else the phrase itself
      const win = first.ownerDocument.defaultView;
      if (win && win !== window) win.frameElement?.scrollIntoView({ block: 'nearest' });
      const box = first.getBoundingClientRect();
      if (!win || box.height < win.innerHeight * 0.8) first.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
      else win.scrollBy({ top: phrase.getBoundingClientRect().top - win.innerHeight / 2 });
      this.marks.activate([id]);
    } else first.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
    this.marks.flash(targets, !!phrase, () => phrase && !this.hovered && this.marks.activate([]));
    if ('focus' in first) (first as HTMLElement).focus({ preventScroll: true });
    if (options.instant) {
      // the keyboard went there: show this finding's explanation where the mark now stands
      const f = this.marks.finding(id);
      if (f) this.showFindings(first, [f, ...this.marks.findingsOf(first).filter((x) => x.id !== id && !phrase)]);
    }
    return true;
  }

  private showFindings(el: Element, findings: ReportFinding[]): void {
    this.hovered = null;
    this.shownIds = '';
    this.showList(el, findings);
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
    this.marks.applyEnabled(this.enabled);
  }

  /** Removes every mark, restoring the page as it was. */
  clear(): void {
    this.hide();
    this.marks.clear();
  }

  destroy(): void {
    this.clear();
    this.tooltip?.remove();
    this.tooltip = null;
  }
}
