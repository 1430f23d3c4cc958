/**
 * The marks of findings in a page, and nothing else: which elements are marked for which findings,
 * the attributes and phrase highlights that show them, and how to take them all away again. What a
 * reader does with a mark (hover, keys, the tooltip) is overlay.ts.
 *
 * - A finding about cells: attributes on the cells, styled by outlines, hatching and inset shadows
 *   (none of which takes part in layout). Nothing is inserted into a table cell.
 * - A finding about the narrative: its exact phrase is highlighted with the CSS Custom Highlight API
 *   (ranges styled by ::highlight(), no element added); where the browser lacks it, the paragraph
 *   that holds the phrase is outlined instead.
 */
import { isAnomaly, type Report, type ReportCell, type ReportFinding } from '../src/contract/report.js';
import { blockSpan, type DomExtraction } from '../src/extract/dom.js';
import type { Steps } from '../src/model/steps.js';
import type { Locale } from '../src/i18n/index.js';
import { canHighlightIn, PhraseHighlights } from './highlights.js';

export const ATTR = 'data-crossfoot';
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

export class Marks {
  private readonly painted = new Map<Element, Painted>();
  private readonly targets = new Map<string, Element[]>();
  private readonly related = new Map<string, Element[]>();
  private readonly phrases = new Map<string, Range>();
  /** Cells of findings found but not marked (rate questions while their marks are off): reveal can go there. */
  private readonly unmarked = new Map<string, Element[]>();
  private readonly findings = new Map<string, ReportFinding>();
  private readonly highlights = new PhraseHighlights<Mark>(MARKS);
  private flashTimer: number | undefined;
  /** Findings in the order N / P walk them (report order: tables, then the narrative). */
  order: string[] = [];

  constructor(private readonly locale: () => Locale) {}

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

  /** Marks a report's findings, a hundred findings and a few hundred elements at a time; returns the documents marked in. */
  *paintSteps(report: Report, extraction: DomExtraction, options: PaintOptions = {}): Steps<Set<Document>> {
    this.clear();
    const documents = new Set<Document>();
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
      documents.add(el.ownerDocument);
    }
    return documents;
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
  private applyHighlights(enabled: boolean): void {
    const phrases: Array<{ range: Range; mark: Mark }> = [];
    if (enabled) {
      for (const [id, range] of this.phrases) {
        const f = this.findings.get(id);
        if (f) phrases.push({ range, mark: markOf(f) });
      }
    }
    this.highlights.show(phrases);
  }

  /** Emphasises the phrases of the given findings (hover, reveal); none clears it. */
  activate(ids: readonly string[]): void {
    this.highlights.emphasise(ids.map((id) => this.phrases.get(id)).filter((r): r is Range => !!r));
  }

  /** The marked element an event target is in, if any. */
  markedOf(target: EventTarget | null): Element | null {
    if (!target || !(target as Element).closest) return null;
    const el = (target as Element).closest(`[${ATTR}]`);
    return el && this.painted.has(el) ? el : null;
  }

  /** Whether a marked element is a paragraph holding phrases (not a cell). */
  isText(el: Element): boolean {
    return this.painted.get(el)?.text ?? false;
  }

  /** The findings marked on an element, the worst first. */
  findingsOf(el: Element): ReportFinding[] {
    const ids = [...(this.painted.get(el)?.ids ?? [])];
    return ids
      .map((id) => this.findings.get(id))
      .filter((f): f is ReportFinding => !!f)
      .sort((a, b) => RANK[markOf(b)] - RANK[markOf(a)]);
  }

  finding(id: string): ReportFinding | undefined {
    return this.findings.get(id);
  }

  phrase(id: string): Range | undefined {
    return this.phrases.get(id);
  }

  /** The phrase findings of a paragraph under the pointer (all of them for keyboard focus). */
  phrasesAt(el: Element, pointer: MouseEvent | null): ReportFinding[] {
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

  /** The first rectangle of the findings' phrase in a paragraph (the paragraph's own where none is laid out). */
  phraseRect(findings: readonly ReportFinding[], el: Element): DOMRect | DOMRectReadOnly {
    const range = findings.map((f) => this.phrases.get(f.id)).find((r): r is Range => !!r);
    return range?.getClientRects()[0] ?? el.getBoundingClientRect();
  }

  /** Elements a finding can be found at: its marks, or the cells of a question not marked. */
  placesOf(id: string): Element[] {
    return this.targets.get(id)?.length ? (this.targets.get(id) as Element[]) : (this.unmarked.get(id) ?? []);
  }

  /** Outlines the cells that take part in these findings. */
  markRelated(findings: readonly ReportFinding[]): void {
    for (const f of findings) for (const r of this.related.get(f.id) ?? []) r.setAttribute(RELATED_ATTR, f.severity);
  }

  clearRelated(): void {
    for (const list of this.related.values()) for (const r of list) r.removeAttribute(RELATED_ATTR);
  }

  /** Flashes the places of a finding (a phrase's paragraph flashes as text) for a moment; `done` runs after. */
  flash(targets: readonly Element[], text: boolean, done: () => void): void {
    for (const el of targets) {
      el.removeAttribute(FLASH_ATTR);
      void (el as HTMLElement).offsetWidth; // restart the animation
      el.setAttribute(FLASH_ATTR, text ? 'text' : '');
    }
    window.clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => {
      targets.forEach((el) => el.removeAttribute(FLASH_ATTR));
      done();
    }, 2400);
  }

  /** Shows or hides every mark (the page keeps them, unstyled and out of the tab order, while off). */
  applyEnabled(enabled: boolean): void {
    for (const [el, p] of this.painted) {
      if (enabled) {
        el.removeAttribute(OFF_ATTR);
        if (!p.hadTabindex) el.setAttribute('tabindex', '0');
      } else {
        el.setAttribute(OFF_ATTR, '');
        if (!p.hadTabindex) el.removeAttribute('tabindex');
      }
    }
    this.applyHighlights(enabled);
  }

  /** Removes every mark, restoring the page as it was. */
  clear(): void {
    this.clearRelated();
    this.activate([]);
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
    this.applyHighlights(false);
  }
}
