/**
 * The tooltip: one fixed-position host element (zero size, pointer-events: none) with a shadow
 * root, so page CSS cannot touch what is inside. Styles are set through the CSSOM (element.style),
 * which no page Content-Security-Policy blocks. Page text is only ever set as textContent.
 */
import type { ReportFinding } from '../src/engine/report.js';
import type { Locale } from '../src/i18n/index.js';
import { message } from '../src/i18n/index.js';
import { isAnomaly } from '../src/engine/anomaly.js';
import { markOwn } from './own-ui.js';

type Mark = ReportFinding['severity'] | 'question';

const COLORS: Record<Mark, { bar: string; bg: string; fg: string }> = {
  error: { bar: '#c5221f', bg: '#fce8e6', fg: '#a50e0e' },
  review: { bar: '#b06000', bg: '#fef7e0', fg: '#7a4a00' },
  rounding: { bar: '#5f6368', bg: '#f1f3f4', fg: '#3c4043' },
  question: { bar: '#1a73e8', bg: '#e8f0fe', fg: '#174ea6' },
};

const MARKS: Record<Mark, string> = { error: '✖', review: '◆', rounding: '≈', question: '?' };

function css(el: HTMLElement, styles: Record<string, string>): void {
  for (const [k, v] of Object.entries(styles)) el.style.setProperty(k, v, 'important');
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, styles: Record<string, string>, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  css(e, styles);
  if (text !== undefined) e.textContent = text;
  return e;
}

export class Tooltip {
  private readonly host: HTMLElement;
  private readonly box: HTMLElement;

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
      'pointer-events': 'none',
      'letter-spacing': 'normal',
      'text-transform': 'none',
    });
    this.box.setAttribute('role', 'tooltip');
    this.box.id = 'crossfoot-tooltip';
    shadow.append(this.box);
    (doc.documentElement ?? doc.body).append(this.host);
  }

  /** Shows the findings of one cell next to it (rect in the top document's viewport). */
  show(findings: readonly ReportFinding[], rect: DOMRect, locale: Locale, tableTitle: (id: string | null) => string): void {
    const doc = this.doc;
    this.box.replaceChildren();
    findings.slice(0, 4).forEach((f, i) => {
      const mark: Mark = isAnomaly(f) ? 'question' : f.severity;
      const c = COLORS[mark];
      const section = el(doc, 'div', { 'border-left': `4px solid ${c.bar}`, 'padding-left': '8px', margin: i > 0 ? '10px 0 0' : '0' });
      const head = el(doc, 'div', { display: 'flex', gap: '6px', 'align-items': 'baseline', 'flex-wrap': 'wrap', 'margin-bottom': '4px' });
      head.append(
        el(doc, 'span', { background: c.bg, color: c.fg, 'font-weight': '600', 'border-radius': '4px', padding: '0 6px', 'font-size': '12px' }, `${MARKS[mark]} ${message(locale, mark === 'question' ? 'ui.question' : `severity.${f.severity}`)}`),
        el(doc, 'span', { color: '#5f6368', 'font-size': '12px' }, tableTitle(f.table)),
      );
      section.append(head);
      if (f.quote) section.append(el(doc, 'div', { color: '#3c4043', 'font-style': 'normal', 'border-left': '2px solid #dadce0', 'padding-left': '6px', margin: '2px 0 4px' }, `“${f.quote.text}”`));
      section.append(el(doc, 'div', {}, locale === 'en' ? f.message.en : f.message.zh));
      const figures: string[] = [];
      if (f.stated !== null) figures.push(`${locale === 'en' ? 'Stated' : '所列'} ${f.stated}`);
      if (f.expected !== null) figures.push(`${locale === 'en' ? 'Expected' : '应为'} ${f.expected}`);
      if (f.difference !== null) figures.push(`${locale === 'en' ? 'Difference' : '差额'} ${f.difference}`);
      if (figures.length && mark !== 'question') section.append(el(doc, 'div', { 'margin-top': '4px', color: '#3c4043', 'font-variant-numeric': 'tabular-nums', 'font-size': '12px' }, figures.join(' · ')));
      this.box.append(section);
    });
    if (findings.length > 4) this.box.append(el(doc, 'div', { 'margin-top': '8px', color: '#5f6368', 'font-size': '12px' }, `+${findings.length - 4}`));
    css(this.box, { display: 'block', visibility: 'hidden', left: '0px', top: '0px' });
    const vw = doc.documentElement.clientWidth || 1024;
    const vh = doc.documentElement.clientHeight || 768;
    const w = this.box.offsetWidth;
    const h = this.box.offsetHeight;
    let left = Math.min(Math.max(8, rect.left), vw - w - 8);
    let top = rect.bottom + 6;
    if (top + h > vh - 8 && rect.top - h - 6 > 8) top = rect.top - h - 6;
    left = Math.max(8, left);
    css(this.box, { left: `${Math.round(left)}px`, top: `${Math.round(Math.max(8, top))}px`, visibility: 'visible' });
  }

  hide(): void {
    css(this.box, { display: 'none' });
  }

  get text(): string {
    return this.box.textContent ?? '';
  }

  remove(): void {
    this.host.remove();
  }
}
