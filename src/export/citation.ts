/**
 * "复制引用": a paragraph a reporter can paste into an article or a working paper — the finding's
 * sentence, the report's title, the page's address (with a text fragment that opens the page
 * scrolled to a quoted phrase, or the PDF page), the table with the row and column labels (or the
 * phrase), the figures, the date checked and Crossfoot's version.
 */
import { figureParts, GENERATOR, isAnomaly, type Report, type ReportFinding, tableName } from '../contract/report.js';
import { type Locale, message } from '../i18n/index.js';
import { stripInvisible } from '../model/text.js';

/** Characters a text directive must escape besides what encodeURIComponent does (its own syntax: - , &). */
function directivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/**
 * A URL text fragment (`#:~:text=…`) that scrolls to `phrase` and highlights it. Context before
 * and after the phrase (a few characters of its own paragraph) tell apart a phrase the page holds
 * more than once.
 */
export function textFragment(phrase: string, context: { before?: string; after?: string } = {}): string {
  const text = stripInvisible(phrase).replace(/\s+/gu, ' ').trim();
  if (text === '') return '';
  const before = context.before ? `${directivePart(context.before)}-,` : '';
  const after = context.after ? `,-${directivePart(context.after)}` : '';
  return `:~:text=${before}${directivePart(text)}${after}`;
}

/** The address with a fragment: a text directive for a phrase, `#page=N` for a PDF page; the page's own fragment is replaced. */
export function addressOf(url: string, fragment: string): string {
  if (!fragment) return url;
  const hash = url.indexOf('#');
  return `${hash >= 0 ? url.slice(0, hash) : url}#${fragment}`;
}

export interface CitationOptions {
  /** The document's address (for the viewer: the PDF's or workbook's own). */
  readonly url: string;
  readonly locale: Locale;
  /** When the report was checked. */
  readonly checked: Date;
  /** The PDF page the finding stands on (the viewer knows it). */
  readonly page?: number | null;
}

/** Where a finding stands, in words: the table and its row / column, or the narrative and the phrase. */
export function placeOf(report: Report, f: ReportFinding, locale: Locale): string {
  const en = locale === 'en';
  const parts: string[] = [];
  if (f.table !== null || f.place) {
    const title = tableName(report, f.table, locale);
    if (title) parts.push(en ? `table “${title}”` : `《${title}》`);
    if (f.place) parts.push(en ? `row “${f.place.row}”, column “${f.place.column}”` : `“${f.place.row}”行“${f.place.column}”栏`);
  }
  if (f.quote) parts.push(en ? `the narrative: “${f.quote.text}”` : `情况说明：“${f.quote.text}”`);
  return parts.join(en ? ', ' : ' ');
}

/** The words before a finding's figures in text written for people (exports, citations). */
export const FIGURE_WORDS: Readonly<Record<Locale, Readonly<Record<'stated' | 'expected' | 'difference', string>>>> = {
  'zh-CN': { stated: '所列', expected: '应为', difference: '差额' },
  en: { stated: 'stated', expected: 'expected', difference: 'difference' },
};

/** The local calendar date, 2026-12-08. */
export function localDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The address a citation gives: scrolled to the phrase, or at the PDF page. */
export function citationUrl(f: ReportFinding, options: Pick<CitationOptions, 'url' | 'page'>): string {
  if (options.page != null) return addressOf(options.url, `page=${options.page}`);
  if (f.quote) return addressOf(options.url, textFragment(f.quote.text, f.quote.context));
  return options.url;
}

/** The paragraph "复制引用" copies. Page text is quoted as it is, with invisible characters removed. */
export function citation(report: Report, f: ReportFinding, options: CitationOptions): string {
  const en = options.locale === 'en';
  const severity = isAnomaly(f) ? message(options.locale, 'ui.question') : message(options.locale, `severity.${f.severity}`);
  const lines: string[] = [];
  lines.push(`${en ? f.message.en : f.message.zh}`);
  const title = report.title ?? report.source;
  lines.push(en ? `Report: ${title}` : `报告：${title}`);
  lines.push(en ? `Address: ${citationUrl(f, options)}` : `网址：${citationUrl(f, options)}`);
  const place = placeOf(report, f, options.locale);
  const page = options.page != null ? (en ? ` (PDF page ${options.page})` : `（PDF 第 ${options.page} 页）`) : '';
  if (place || page) lines.push(en ? `Where: ${place}${page}` : `位置：${place}${page}`);
  const figures = figureParts(f, (k) => FIGURE_WORDS[options.locale][k]);
  lines.push(en ? `Severity: ${severity}${figures.length ? `; ${figures.join(', ')}` : ''}` : `性质：${severity}${figures.length ? `；${figures.join('，')}` : ''}`);
  const version = `Crossfoot 勾稽 ${GENERATOR.version}`;
  lines.push(en ? `Checked ${localDate(options.checked)} with ${version} (rule ${f.rule}).` : `核对日期：${localDate(options.checked)}，${version}（规则 ${f.rule}）。`);
  return stripInvisible(lines.join('\n'));
}
