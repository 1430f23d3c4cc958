/**
 * The tooltip: one fixed-position host element (zero size) with a closed shadow root, so page CSS
 * cannot touch what is inside and page scripts cannot read it. Styles are set through the CSSOM
 * (element.style), which no page Content-Security-Policy blocks. Page text is only ever set as
 * textContent.
 *
 * It is a small dialog, not a hint: the pointer can move into it (its text can be selected), every
 * finding of a cell is listed (the list scrolls), and each has its actions — 确认, 非错误 (with a
 * reason), 备注, 复制引用 — reachable by keyboard: Enter on a mark moves into it, Tab walks its
 * buttons, N / P go to the next or previous finding, Escape closes it and returns to the mark.
 */
import { figureParts, isAnomaly, type ReportFinding } from '../src/contract/report.js';
import { type Locale, message } from '../src/i18n/index.js';
import { UI, type UiKey } from '../src/i18n/ui.js';
import type { Review, ReviewStatus } from '../src/review/model.js';
import { markOwn } from './own-ui.js';

type Mark = ReportFinding['severity'] | 'question';

const COLORS: Record<Mark, { bar: string; bg: string; fg: string }> = {
  error: { bar: '#c5221f', bg: '#fce8e6', fg: '#a50e0e' },
  review: { bar: '#b06000', bg: '#fef7e0', fg: '#7a4a00' },
  rounding: { bar: '#5f6368', bg: '#f1f3f4', fg: '#3c4043' },
  question: { bar: '#1a73e8', bg: '#e8f0fe', fg: '#174ea6' },
};

const MARKS: Record<Mark, string> = { error: '✖', review: '◆', rounding: '≈', question: '?' };

/** What the tooltip's buttons and keys do; the overlay provides it. */
export interface TooltipActions {
  review(f: ReportFinding): Review | null;
  setReview(f: ReportFinding, status: ReviewStatus | null, note: string): Promise<void>;
  /** Copies the finding's citation; false when the browser refused. */
  copy(f: ReportFinding): Promise<boolean>;
  step(direction: 1 | -1): void;
  /** Escape: close and give the focus back to the mark. */
  close(): void;
  /** The pointer entered or left the tooltip. */
  hover(inside: boolean): void;
}

function css(el: HTMLElement, styles: Record<string, string>): void {
  for (const [k, v] of Object.entries(styles)) el.style.setProperty(k, v, 'important');
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, styles: Record<string, string>, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  css(e, styles);
  if (text !== undefined) e.textContent = text;
  return e;
}

const BUTTON: Record<string, string> = {
  font: 'inherit',
  'font-size': '12px',
  'line-height': '1.4',
  padding: '2px 8px',
  margin: '0',
  border: '1px solid #dadce0',
  'border-radius': '4px',
  background: '#ffffff',
  color: '#1a73e8',
  cursor: 'pointer',
  'min-height': '0',
  'min-width': '0',
  width: 'auto',
  height: 'auto',
  'box-shadow': 'none',
  'text-transform': 'none',
};

export class Tooltip {
  private readonly host: HTMLElement;
  private readonly box: HTMLElement;
  private findings: readonly ReportFinding[] = [];
  private locale: Locale = 'zh-CN';
  private actions: TooltipActions | null = null;
  private tableTitle: (id: string | null) => string = () => '';
  private anchor: DOMRect | null = null;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement('crossfoot-overlay');
    markOwn(this.host);
    css(this.host, {
      position: 'fixed',
      top: '0',
      left: '0',
      width: '0',
      height: '0',
      margin: '0',
      padding: '0',
      border: '0',
      overflow: 'visible',
      'z-index': '2147483647',
      'pointer-events': 'none',
      display: 'block',
    });
    // closed: the page can neither read what we show nor change it
    const shadow = this.host.attachShadow({ mode: 'closed' });
    this.box = el(doc, 'div', {
      position: 'fixed',
      display: 'none',
      width: 'max-content',
      'max-width': 'min(460px, calc(100vw - 24px))',
      'max-height': 'min(60vh, 440px)',
      'overflow-y': 'auto',
      'overscroll-behavior': 'contain',
      'box-sizing': 'border-box',
      padding: '10px 12px',
      'border-radius': '8px',
      background: '#ffffff',
      color: '#202124',
      'box-shadow': '0 4px 16px rgba(0,0,0,.22), 0 0 0 1px rgba(0,0,0,.08)',
      font: '13px/1.55 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
      'text-align': 'left',
      'white-space': 'normal',
      'word-break': 'break-word',
      // a preview lets the pointer through to the cells it covers until it is meant to be used (interactive())
      'pointer-events': 'none',
      'user-select': 'text',
      cursor: 'auto',
      'letter-spacing': 'normal',
      'text-transform': 'none',
    });
    this.box.setAttribute('role', 'dialog');
    this.box.id = 'crossfoot-tooltip';
    this.box.addEventListener('mouseenter', () => this.actions?.hover(true));
    this.box.addEventListener('mouseleave', () => this.actions?.hover(false));
    this.box.addEventListener('keydown', (e) => this.key(e));
    // a polite live region: the page's summary is announced once per check, not on every change
    this.live = el(doc, 'div', {
      position: 'fixed',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      'clip-path': 'inset(50%)',
      'white-space': 'nowrap',
      margin: '-1px',
      padding: '0',
      border: '0',
    });
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    shadow.append(this.box, this.live);
    (doc.documentElement ?? doc.body).append(this.host);
  }

  private readonly live: HTMLElement;
  private announced = '';

  /** Says `text` through the live region, unless it is what was said last. */
  announce(text: string): void {
    if (text === this.announced) return;
    this.announced = text;
    this.live.textContent = text;
  }

  get announcement(): string {
    return this.live.textContent ?? '';
  }

  private t(key: UiKey): string {
    return UI[this.locale][key];
  }

  /** Shows the findings of one cell or phrase next to it (rect in the top document's viewport). */
  show(findings: readonly ReportFinding[], rect: DOMRect, locale: Locale, tableTitle: (id: string | null) => string, actions: TooltipActions): void {
    this.findings = findings;
    this.locale = locale;
    this.tableTitle = tableTitle;
    this.actions = actions;
    this.anchor = rect;
    this.render();
    this.place();
  }

  /** A line of its own in the tooltip (no finding to show): where a table's findings were asked for. */
  note(text: string, rect: DOMRect): void {
    this.findings = [];
    this.actions = null;
    this.box.replaceChildren(el(this.doc, 'div', { color: '#3c4043' }, text));
    this.anchor = rect;
    this.place();
  }

  /** Draws the findings again (after a decision changed), keeping the focus on the same button. */
  refresh(): void {
    if (!this.visible) return;
    const focused = this.focusedKey();
    this.render();
    this.place();
    if (focused) this.focusKey(focused);
  }

  private render(): void {
    const doc = this.doc;
    this.box.replaceChildren();
    this.box.setAttribute('aria-label', this.locale === 'en' ? 'Crossfoot finding' : 'Crossfoot 勾稽发现');
    this.findings.forEach((f, i) => this.box.append(this.section(f, i)));
    this.box.append(el(doc, 'div', { 'margin-top': '8px', color: '#80868b', 'font-size': '11px' }, this.t('keysHint')));
  }

  private section(f: ReportFinding, i: number): HTMLElement {
    const doc = this.doc;
    const mark: Mark = isAnomaly(f) ? 'question' : f.severity;
    const c = COLORS[mark];
    const review = this.actions?.review(f) ?? null;
    const section = el(doc, 'div', { 'border-left': `4px solid ${c.bar}`, 'padding-left': '8px', margin: i > 0 ? '12px 0 0' : '0' });
    section.dataset.finding = f.id;
    const head = el(doc, 'div', { display: 'flex', gap: '6px', 'align-items': 'baseline', 'flex-wrap': 'wrap', 'margin-bottom': '4px' });
    head.append(
      el(
        doc,
        'span',
        { background: c.bg, color: c.fg, 'font-weight': '600', 'border-radius': '4px', padding: '0 6px', 'font-size': '12px' },
        `${MARKS[mark]} ${message(this.locale, mark === 'question' ? 'ui.question' : `severity.${f.severity}`)}`,
      ),
      el(doc, 'span', { color: '#5f6368', 'font-size': '12px' }, this.tableTitle(f.table)),
    );
    if (review?.status)
      head.append(
        el(
          doc,
          'span',
          { color: review.status === 'confirmed' ? '#188038' : '#5f6368', 'font-size': '12px', 'font-weight': '600' },
          review.status === 'confirmed' ? `✓ ${this.t('confirmed')}` : this.t('dismissed'),
        ),
      );
    section.append(head);
    if (f.quote) section.append(el(doc, 'div', { color: '#3c4043', 'border-left': '2px solid #dadce0', 'padding-left': '6px', margin: '2px 0 4px' }, `“${f.quote.text}”`));
    section.append(el(doc, 'div', {}, this.locale === 'en' ? f.message.en : f.message.zh));
    const figures = figureParts(f, (k) => this.t(k));
    if (figures.length && mark !== 'question')
      section.append(el(doc, 'div', { 'margin-top': '4px', color: '#3c4043', 'font-variant-numeric': 'tabular-nums', 'font-size': '12px' }, figures.join(' · ')));
    if (review?.note)
      section.append(el(doc, 'div', { 'margin-top': '4px', color: '#5f6368', 'font-size': '12px' }, `${review.status === 'dismissed' ? this.t('reasonLabel') : this.t('noteLabel')}${review.note}`));
    section.append(this.buttons(f, review));
    return section;
  }

  private button(label: string, key: string, onClick: () => void, pressed?: boolean): HTMLButtonElement {
    const b = el(this.doc, 'button', BUTTON, label);
    b.type = 'button';
    b.dataset.key = key;
    if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
    if (pressed) css(b, { background: '#e8f0fe', 'border-color': '#1a73e8' });
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      onClick();
    });
    return b;
  }

  private buttons(f: ReportFinding, review: Review | null): HTMLElement {
    const row = el(this.doc, 'div', { display: 'flex', gap: '6px', 'flex-wrap': 'wrap', 'margin-top': '6px', 'align-items': 'center' });
    const set = (status: ReviewStatus | null, note: string): void => void this.actions?.setReview(f, status, note);
    const confirmed = review?.status === 'confirmed';
    row.append(this.button(confirmed ? `✓ ${this.t('confirmed')}` : this.t('confirm'), `${f.id}:confirm`, () => set(confirmed ? null : 'confirmed', review?.note ?? ''), confirmed));
    if (review?.status === 'dismissed') row.append(this.button(this.t('restore'), `${f.id}:restore`, () => set(null, '')));
    else row.append(this.button(`${this.t('dismiss')}…`, `${f.id}:dismiss`, () => this.ask(row, f, 'dismissed', review)));
    row.append(this.button(`${this.t('note')}…`, `${f.id}:note`, () => this.ask(row, f, review?.status ?? null, review)));
    const copy = this.button(this.t('copyCitation'), `${f.id}:copy`, () => {
      void this.actions?.copy(f).then((ok) => {
        copy.textContent = ok ? `✓ ${this.t('copied')}` : this.t('copyFailed');
        copy.focus({ preventScroll: true });
      });
    });
    row.append(copy);
    return row;
  }

  /** A line to write the reason (dismissing) or the note in, under the finding's buttons. */
  private ask(row: HTMLElement, f: ReportFinding, status: ReviewStatus | null, review: Review | null): void {
    const doc = this.doc;
    row.parentElement?.querySelector('[data-ask]')?.remove();
    const form = el(doc, 'div', { display: 'flex', gap: '6px', 'margin-top': '6px', 'align-items': 'center', 'flex-wrap': 'wrap' });
    form.dataset.ask = status ?? 'note';
    const input = el(doc, 'input', {
      font: 'inherit',
      'font-size': '12px',
      padding: '2px 6px',
      border: '1px solid #dadce0',
      'border-radius': '4px',
      flex: '1 1 180px',
      'min-width': '120px',
      color: '#202124',
      background: '#fff',
    });
    input.type = 'text';
    input.maxLength = 500;
    input.value = review?.note ?? '';
    input.placeholder = status === 'dismissed' ? this.t('reasonPlaceholder') : this.t('notePlaceholder');
    input.setAttribute('aria-label', status === 'dismissed' ? this.t('reasonLabel') : this.t('noteLabel'));
    const save = (): void => void this.actions?.setReview(f, status, input.value);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        save();
      }
    });
    form.append(
      input,
      this.button(this.t('save'), `${f.id}:save`, save),
      this.button(this.t('cancel'), `${f.id}:cancel`, () => form.remove()),
    );
    row.after(form);
    input.focus();
  }

  private key(e: KeyboardEvent): void {
    const typing = (e.composedPath()[0] as Element | undefined)?.tagName === 'INPUT';
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.actions?.close();
    } else if (!typing && !e.altKey && !e.ctrlKey && !e.metaKey && /^[nNjJpPkK]$/u.test(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      this.actions?.step(/^[nNjJ]$/u.test(e.key) ? 1 : -1);
    }
  }

  private focusedKey(): string | null {
    const root = this.box.getRootNode() as ShadowRoot;
    const active = root.activeElement as HTMLElement | null;
    return active?.dataset.key ?? null;
  }

  private focusKey(key: string): void {
    const target = Array.from(this.box.querySelectorAll('button')).find((b) => b.dataset.key === key) ?? this.box.querySelector('button');
    target?.focus({ preventScroll: true });
  }

  /** Moves the keyboard focus to the first action of the tooltip. */
  focus(): void {
    this.interactive(true);
    this.box.querySelector('button')?.focus({ preventScroll: true });
  }

  /**
   * Whether the pointer can enter the tooltip: off while it is a preview shown as the pointer
   * passes over marks (so it never stands between the pointer and the next cell), on once the
   * pointer has rested on the mark, the mark was clicked, or the keyboard is in it.
   */
  interactive(on: boolean): void {
    css(this.box, { 'pointer-events': on ? 'auto' : 'none' });
  }

  get isInteractive(): boolean {
    return this.box.style.getPropertyValue('pointer-events') === 'auto';
  }

  /** Whether the focus is inside the tooltip. */
  get hasFocus(): boolean {
    return (this.box.getRootNode() as ShadowRoot).activeElement !== null;
  }

  /** Places the box below its anchor (above when there is no room), inside the viewport. */
  place(rect: DOMRect | null = this.anchor): void {
    if (!rect) return;
    this.anchor = rect;
    const doc = this.doc;
    css(this.box, { display: 'block', visibility: 'hidden', left: '0px', top: '0px' });
    const vw = doc.documentElement.clientWidth || 1024;
    const vh = doc.documentElement.clientHeight || 768;
    const w = this.box.offsetWidth;
    const h = this.box.offsetHeight;
    let left = Math.min(Math.max(8, rect.left), vw - w - 8);
    let top = rect.bottom + 6;
    if (top + h > vh - 8 && rect.top - h - 6 > 8) top = rect.top - h - 6;
    left = Math.max(8, left);
    css(this.box, { left: `${Math.round(left)}px`, top: `${Math.round(Math.max(8, Math.min(top, vh - h - 8)))}px`, visibility: 'visible' });
  }

  get visible(): boolean {
    return this.box.style.getPropertyValue('display') === 'block';
  }

  hide(): void {
    css(this.box, { display: 'none', 'pointer-events': 'none' });
    this.findings = [];
  }

  /** The text of the findings shown (the live region's words apart). */
  get text(): string {
    return this.box.textContent ?? '';
  }

  remove(): void {
    this.host.remove();
  }
}
