/**
 * Marks every finding in the page without moving anything.
 *
 * - A finding about cells: attributes on the cells and a stylesheet of outlines, hatching and inset
 *   shadows (none of which takes part in layout). Nothing is inserted into a table cell.
 * - A finding about the narrative: its exact phrase is highlighted with the CSS Custom Highlight API
 *   (ranges styled by ::highlight(), no element added); where the browser lacks it, the paragraph
 *   that holds the phrase is outlined instead.
 *
 * While a finding is hovered or focused its participating cells are outlined too, and a tooltip
 * explains it. Questions about rates (rate anomalies) are marked only when the user asks for them.
 */
import { tableName, type Report, type ReportCell, type ReportFinding } from '../src/engine/report.js';
import { isAnomaly } from '../src/engine/anomaly.js';
import { blockSpan, type DomExtraction } from '../src/extract/dom.js';
import { runSync, type Steps } from '../src/model/steps.js';
import type { Locale } from '../src/i18n/index.js';
import { Tooltip } from './tooltip.js';
import { canHighlightIn, PhraseHighlights } from './highlights.js';
import type { Review, ReviewStatus } from '../src/review/model.js';

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

const ATTR = 'data-crossfoot';
const SEVERITY_ATTR = 'data-crossfoot-severity';
const TEXT_ATTR = 'data-crossfoot-text';
const RELATED_ATTR = 'data-crossfoot-related';
const FLASH_ATTR = 'data-crossfoot-flash';
const OFF_ATTR = 'data-crossfoot-off';
/** A paragraph holding highlighted phrases (its marks are the highlights: no outline of its own). */
const PHRASE_ATTR = 'data-crossfoot-phrase';

/** How a finding is marked: its severity, or "question" for a rate anomaly. */
export type Mark = ReportFinding['severity'] | 'question';
const RANK: Record<Mark, number> = { error: 4, review: 3, rounding: 2, question: 1 };
const MARKS: readonly Mark[] = ['error', 'review', 'rounding', 'question'];

const markOf = (f: ReportFinding): Mark => (isAnomaly(f) ? 'question' : f.severity);

/** Severity words in marks' accessible names. */
const ACCESSIBLE: Record<'zh' | 'en', Record<Mark, string>> = {
  zh: { error: '错误', review: '待核实', rounding: '尾数差异', question: '比率提示' },
  en: { error: 'Error', review: 'To review', rounding: 'Rounding', question: 'Rate question' },
};

interface Painted {
  readonly ids: Set<string>;
  readonly hadTabindex: boolean;
  /** The element's own aria-label (null: none), put back when the mark goes. */
  readonly ariaLabel: string | null;
  /** A paragraph holding phrases, rather than a table cell. */
  readonly text: boolean;
}

export interface PaintOptions {
  /** Mark questions about rates too. */
  readonly questions?: boolean;
  /** Findings not to mark (those the user dismissed). */
  readonly skip?: (f: ReportFinding) => boolean;
}

export class Overlay {
  private readonly painted = new Map<Element, Painted>();
  private readonly targets = new Map<string, Element[]>();
  private readonly related = new Map<string, Element[]>();
  private readonly phrases = new Map<string, Range>();
  /** Cells of findings found but not marked (rate questions while their marks are off): reveal can go there. */
  private readonly unmarked = new Map<string, Element[]>();
  private readonly findings = new Map<string, ReportFinding>();
  private readonly listening = new Set<Document>();
  private readonly highlights = new PhraseHighlights<Mark>(MARKS);
  private tooltip: Tooltip | null = null;
  private report: Report | null = null;
  private hovered: Element | null = null;
  private shownIds = '';
  private enabled = true;
  private flashTimer: number | undefined;
  private hideTimer: number | undefined;
  private dwellTimer: number | undefined;
  /** The pointer is over the tooltip. */
  private inTooltip = false;
  /** Findings in the order N / P walk them (report order: tables, then the narrative). */
  private order: string[] = [];
  private current: string | null = null;

  constructor(
    private readonly signal: AbortSignal,
    private readonly locale: () => Locale,
    private readonly hooks: ReviewHooks,
  ) {}

  /** Cell element of a report cell. */
  private elementOf(extraction: DomExtraction, cell: ReportCell): Element | undefined {
    const table = extraction.document.tables.find((t) => t.id === cell.table);
    if (!table) return undefined;
    const slot = table.grid[cell.row]?.[cell.col];
    if (!slot || slot.src < 0) return undefined;
    return extraction.cellElements[table.index]?.[slot.src];
  }

  /** The page range of a finding's quoted phrase. */
  private rangeOf(extraction: DomExtraction, f: ReportFinding): { range: Range; element: Element } | null {
    const q = f.quote;
    const source = q ? extraction.blockSources[q.block] : undefined;
    if (!q || !source) return null;
    const span = blockSpan(source, q.start, q.end);
    if (!span) return null;
    const range = source.element.ownerDocument.createRange();
    range.setStart(span.start.node, span.start.offset);
    range.setEnd(span.end.node, span.end.offset);
    return { range, element: source.element };
  }

  paint(report: Report, extraction: DomExtraction, options: PaintOptions = {}): void {
    runSync(this.paintSteps(report, extraction, options));
  }

  /** paint, a hundred findings and a few hundred elements at a time. */
  *paintSteps(report: Report, extraction: DomExtraction, options: PaintOptions = {}): Steps<void> {
    this.clear();
    this.report = report;
    let n = 0;
    for (const f of report.findings) {
      if (++n % 100 === 0) yield;
      if (options.skip?.(f)) continue;
      if (isAnomaly(f) && !options.questions) {
        // a question about a rate is not marked unless asked for, but the popup can still go to its cell
        const cells = f.cells.map((c) => this.elementOf(extraction, c)).filter((e): e is Element => !!e);
        if (cells.length > 0) this.unmarked.set(f.id, cells);
        continue;
      }
      this.findings.set(f.id, f);
      let targets = f.cells.map((c) => this.elementOf(extraction, c)).filter((e): e is Element => !!e);
      let text = false;
      if (targets.length === 0 && f.quote) {
        const phrase = this.rangeOf(extraction, f);
        if (phrase) {
          this.phrases.set(f.id, phrase.range);
          targets = [phrase.element];
          text = true;
        }
      }
      // blank cells take part as zeros, but outlining them only adds noise
      const related = f.related
        .filter((c) => c.text.trim() !== '')
        .map((c) => this.elementOf(extraction, c))
        .filter((e): e is Element => !!e && !targets.includes(e));
      this.targets.set(f.id, targets);
      this.related.set(f.id, related);
      if (targets.length > 0) this.order.push(f.id);
      for (const el of targets) {
        let p = this.painted.get(el);
        if (!p) {
          p = { ids: new Set(), hadTabindex: el.hasAttribute('tabindex'), ariaLabel: el.getAttribute('aria-label'), text };
          this.painted.set(el, p);
        }
        p.ids.add(f.id);
      }
    }
    const canHighlight = new Map<Document, boolean>();
    for (const [el, p] of this.painted) {
      if (++n % 300 === 0) yield;
      const ids = [...p.ids];
      const worst =
        ids
          .map((id) => this.findings.get(id))
          .filter((f): f is ReportFinding => !!f)
          .map(markOf)
          .sort((a, b) => RANK[b] - RANK[a])[0] ?? 'rounding';
      el.setAttribute(ATTR, ids.join(' '));
      // a paragraph is outlined only where the browser cannot highlight its phrases
      const doc = el.ownerDocument;
      if (p.text && !canHighlight.has(doc)) canHighlight.set(doc, canHighlightIn(doc));
      if (p.text) el.setAttribute(canHighlight.get(doc) ? PHRASE_ATTR : TEXT_ATTR, worst);
      else {
        el.setAttribute(SEVERITY_ATTR, worst);
        // a marked cell says what is wrong with it, not only its figure ("错误：应为 3.20，表中为 3.02")
        el.setAttribute('aria-label', this.accessibleName(el, ids));
      }
      this.listen(el.ownerDocument);
    }
    this.applyEnabled();
  }

  /** What a screen reader says on a marked cell: its figure, then each finding's severity and figures. */
  private accessibleName(el: Element, ids: readonly string[]): string {
    const en = this.locale() === 'en';
    const findings = ids
      .map((id) => this.findings.get(id))
      .filter((f): f is ReportFinding => !!f)
      .sort((a, b) => RANK[markOf(b)] - RANK[markOf(a)]);
    const words = ACCESSIBLE[en ? 'en' : 'zh'];
    const said = findings.slice(0, 3).map((f) => {
      const mark = words[markOf(f)];
      if (f.expected !== null && f.stated !== null && !isAnomaly(f)) return en ? `${mark}: should be ${f.expected}, the table prints ${f.stated}` : `${mark}：应为 ${f.expected}，表中为 ${f.stated}`;
      const m = en ? f.message.en : f.message.zh;
      return `${mark}${en ? ': ' : '：'}${m.length > 80 ? `${m.slice(0, 80)}…` : m}`;
    });
    const more = findings.length > 3 ? (en ? `; ${findings.length - 3} more` : `；另有 ${findings.length - 3} 处`) : '';
    const figure = (el.textContent ?? '').replace(/\s+/gu, ' ').trim().slice(0, 40);
    return `${figure}${figure ? (en ? ' — ' : '——') : ''}${said.join(en ? '; ' : '；')}${more}`;
  }

  /** Registers the phrase highlights (one Highlight per mark), none while the overlay is off. */
  private applyHighlights(): void {
    const phrases: Array<{ range: Range; mark: Mark }> = [];
    if (this.enabled) {
      for (const [id, range] of this.phrases) {
        const f = this.findings.get(id);
        if (f) phrases.push({ range, mark: markOf(f) });
      }
    }
    this.highlights.show(phrases);
  }

  /** Emphasises the phrases of the given findings (hover, reveal); none clears it. */
  private activate(ids: readonly string[]): void {
    this.highlights.emphasise(ids.map((id) => this.phrases.get(id)).filter((r): r is Range => !!r));
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
    doc.addEventListener('click', (e) => this.markedOf(e.target) === this.hovered && this.hovered && this.tooltip?.interactive(true), opts);
    doc.defaultView?.addEventListener('scroll', () => this.scrolled(), opts);
  }

  /** Keys on a focused mark: Enter moves into the tooltip's actions, N / P to the next or previous finding, Escape closes. */
  private key(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      if (this.tooltip?.visible) this.hide();
      return;
    }
    if (!this.enabled || e.altKey || e.ctrlKey || e.metaKey) return;
    const el = this.markedOf(e.target);
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
    if (this.order.length === 0) return false;
    const at = this.current === null ? -1 : this.order.indexOf(this.current);
    const next = at < 0 ? (direction === 1 ? 0 : this.order.length - 1) : (at + direction + this.order.length) % this.order.length;
    const id = this.order[next] as string;
    return this.reveal(id, { instant: true });
  }

  private markedOf(target: EventTarget | null): Element | null {
    if (!target || !(target as Element).closest) return null;
    const el = (target as Element).closest(`[${ATTR}]`);
    return el && this.painted.has(el) ? el : null;
  }

  private findingsOf(el: Element): ReportFinding[] {
    const ids = [...(this.painted.get(el)?.ids ?? [])];
    return ids
      .map((id) => this.findings.get(id))
      .filter((f): f is ReportFinding => !!f)
      .sort((a, b) => RANK[markOf(b)] - RANK[markOf(a)]);
  }

  /** The phrase findings of a paragraph under the pointer (all of them for keyboard focus). */
  private phrasesAt(el: Element, pointer: MouseEvent | null): ReportFinding[] {
    const all = this.findingsOf(el);
    if (!pointer) return all;
    const x = pointer.clientX;
    const y = pointer.clientY;
    return all.filter((f) => {
      const range = this.phrases.get(f.id);
      if (!range) return true;
      return Array.from(range.getClientRects()).some((r) => x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 2 && y <= r.bottom + 2);
    });
  }

  private enter(target: EventTarget | null, pointer: MouseEvent | null): void {
    if (!this.enabled) return;
    const el = this.markedOf(target);
    if (!el) return;
    window.clearTimeout(this.hideTimer);
    if (el === this.hovered && !this.painted.get(el)?.text) return;
    this.show(el, pointer);
  }

  /** Pointer moves: phrase by phrase inside a paragraph, and back onto a mark after a scroll hid the tooltip. */
  private move(e: MouseEvent): void {
    if (!this.enabled) return;
    const el = this.markedOf(e.target);
    if (!el || (el === this.hovered && !this.painted.get(el)?.text)) return;
    this.show(el, e);
  }

  private show(el: Element, pointer: MouseEvent | null): void {
    const text = this.painted.get(el)?.text ?? false;
    this.showList(el, text ? this.phrasesAt(el, pointer) : this.findingsOf(el));
  }

  private showList(el: Element, findings: ReportFinding[]): void {
    const key = findings.map((f) => f.id).join(' ');
    if (el === this.hovered && key === this.shownIds) return;
    this.clearRelated();
    this.hovered = el;
    this.shownIds = key;
    if (findings.length === 0) {
      this.activate([]);
      this.tooltip?.hide();
      return;
    }
    for (const f of findings) for (const r of this.related.get(f.id) ?? []) r.setAttribute(RELATED_ATTR, f.severity);
    this.activate(findings.map((f) => f.id));
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
    const text = this.painted.get(el)?.text ?? false;
    if (text) return this.phraseRect(findings ?? this.findingsOf(el), el);
    return this.viewportRect(el.getBoundingClientRect(), el.ownerDocument);
  }

  /** Whether the popup can go to a finding in the page (a marked cell or phrase, or the cell of an unmarked question). */
  locatable(id: string): boolean {
    return (this.targets.get(id)?.length ?? 0) > 0 || (this.unmarked.get(id)?.length ?? 0) > 0;
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

  private phraseRect(findings: readonly ReportFinding[], el: Element): DOMRect {
    const range = findings.map((f) => this.phrases.get(f.id)).find((r): r is Range => !!r);
    const rect = range?.getClientRects()[0] ?? el.getBoundingClientRect();
    return this.viewportRect(rect, el.ownerDocument);
  }

  private leave(target: EventTarget | null, next: EventTarget | null): void {
    const el = this.markedOf(target);
    if (!el || el !== this.hovered) return;
    if (next && el.contains(next as Node)) return;
    // the pointer or the focus may be on its way into the tooltip: give it a moment
    this.hideSoon();
  }

  private clearRelated(): void {
    for (const list of this.related.values()) for (const r of list) r.removeAttribute(RELATED_ATTR);
  }

  private hide(): void {
    window.clearTimeout(this.hideTimer);
    window.clearTimeout(this.dwellTimer);
    this.inTooltip = false;
    this.clearRelated();
    this.hovered = null;
    this.shownIds = '';
    this.activate([]);
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
    const targets = this.targets.get(id)?.length ? (this.targets.get(id) as Element[]) : (this.unmarked.get(id) ?? []);
    const first = targets[0];
    if (!first) return false;
    if (!this.enabled) this.setEnabled(true);
    this.current = id;
    const phrase = this.phrases.get(id);
    const behavior: ScrollBehavior = options.instant ? 'auto' : 'smooth';
    if (phrase) {
      // the paragraph when it fits the screen, else the phrase itself
      const win = first.ownerDocument.defaultView;
      if (win && win !== window) win.frameElement?.scrollIntoView({ block: 'nearest' });
      const box = first.getBoundingClientRect();
      if (!win || box.height < win.innerHeight * 0.8) first.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
      else win.scrollBy({ top: phrase.getBoundingClientRect().top - win.innerHeight / 2 });
      this.activate([id]);
    } else first.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
    for (const el of targets) {
      el.removeAttribute(FLASH_ATTR);
      void (el as HTMLElement).offsetWidth; // restart the animation
      el.setAttribute(FLASH_ATTR, phrase ? 'text' : '');
    }
    window.clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => {
      targets.forEach((el) => el.removeAttribute(FLASH_ATTR));
      if (phrase && !this.hovered) this.activate([]);
    }, 2400);
    if ('focus' in first) (first as HTMLElement).focus({ preventScroll: true });
    if (options.instant) {
      // the keyboard went there: show this finding's explanation where the mark now stands
      const f = this.findings.get(id);
      if (f) this.showFindings(first, [f, ...this.findingsOf(first).filter((x) => x.id !== id && !phrase)]);
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
    for (const [el, p] of this.painted) {
      if (this.enabled) {
        el.removeAttribute(OFF_ATTR);
        if (!p.hadTabindex) el.setAttribute('tabindex', '0');
      } else {
        el.setAttribute(OFF_ATTR, '');
        if (!p.hadTabindex) el.removeAttribute('tabindex');
      }
    }
    this.applyHighlights();
  }

  /** Removes every mark, restoring the page as it was. */
  clear(): void {
    this.hide();
    window.clearTimeout(this.flashTimer);
    for (const [el, p] of this.painted) {
      el.removeAttribute(ATTR);
      el.removeAttribute(SEVERITY_ATTR);
      el.removeAttribute(TEXT_ATTR);
      el.removeAttribute(PHRASE_ATTR);
      el.removeAttribute(OFF_ATTR);
      el.removeAttribute(FLASH_ATTR);
      if (!p.hadTabindex) el.removeAttribute('tabindex');
      if (!p.text) {
        if (p.ariaLabel === null) el.removeAttribute('aria-label');
        else el.setAttribute('aria-label', p.ariaLabel);
      }
    }
    this.painted.clear();
    this.unmarked.clear();
    this.order = [];
    this.targets.clear();
    this.related.clear();
    this.phrases.clear();
    this.findings.clear();
    this.applyHighlights();
  }

  destroy(): void {
    this.clear();
    this.tooltip?.remove();
    this.tooltip = null;
  }
}
