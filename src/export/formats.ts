/**
 * Output formats: a readable text list, Markdown and CSV (the JSON report is the report itself).
 * The CLI writes them; the popup's exports are the same functions over the page's report with the
 * user's decisions (reviewed.ts), so a file from either holds the same findings and figures.
 */
// the self-contained build: the same code in Node and in the popup (the Node build needs Buffer)
import { stringify } from 'csv-stringify/browser/esm/sync';
import { figureParts, isAnomaly, type Report, type ReportCell, type ReportFinding } from '../contract/report.js';
import { FIGURE_WORDS } from './citation.js';
import { type Locale, message } from '../i18n/index.js';
import { csvCell, safeOutput } from './safe-text.js';
import { reviewOf } from './reviewed.js';
import type { Review } from '../review/model.js';

export type Format = 'text' | 'json' | 'md' | 'csv' | 'html';

const MARK: Record<ReportFinding['severity'], string> = { error: '✖', review: '◆', rounding: '·' };

function cellLabel(c: ReportCell): string {
  return `${c.table}!R${c.row + 1}C${c.col + 1}`;
}

function tableTitle(report: Report, id: string | null, locale: Locale): string {
  const t = report.tables.find((x) => x.id === id);
  if (!t) return id ?? '';
  return `${t.id} ${t.title ?? (locale === 'en' ? t.kindName.en : t.kindName.zh)}`;
}

function msg(f: ReportFinding, locale: Locale): string {
  return locale === 'en' ? f.message.en : f.message.zh;
}

function summaryLine(report: Report, locale: Locale): string {
  const s = report.summary.findings;
  const figures = report.summary.narrative.figures;
  return locale === 'en'
    ? `${report.summary.tables} tables · ${figures} narrative figures · ${report.summary.passed} checks held · ${s.error} errors · ${s.review} to review · ${s.rounding} rounding · ${report.summary.anomalies} rate questions · ${report.summary.notChecked} not checked`
    : `${report.summary.tables} 张表 · 情况说明数字 ${figures} 个 · 核对相符 ${report.summary.passed} 项 · 错误 ${s.error} · 待核实 ${s.review} · 尾数差异 ${s.rounding} · 比率提示 ${report.summary.anomalies} · 未核对 ${report.summary.notChecked}`;
}

/** The verdict when nothing is wrong: consistent where checks were made, or nothing checkable. */
function cleanLine(report: Report, locale: Locale): string {
  const n = report.summary.passed;
  if (n > 0) return locale === 'en' ? `${n} checks made, all consistent.` : `核对 ${n} 项，均相符。`;
  return locale === 'en' ? 'Nothing on this page could be checked: no total, rate or restated figure to recompute.' : '本页没有可核对的数字：没有可以重算的合计、比率或前后重述的数字。';
}

function where(report: Report, f: ReportFinding, locale: Locale): string {
  if (f.table === null) return message(locale, 'ui.narrative');
  const cells = f.cells.length > 0 ? f.cells.slice(0, 3).map(cellLabel).join(', ') + (f.cells.length > 3 ? ` (+${f.cells.length - 3})` : '') : '';
  return `${tableTitle(report, f.table, locale)}${cells ? ` @ ${cells}` : ''}`;
}

function textEntry(report: Report, f: ReportFinding, locale: Locale): string[] {
  const out: string[] = [];
  const sev = message(locale, `severity.${f.severity}`);
  out.push(`${MARK[f.severity]} ${sev} [${f.category}] ${where(report, f, locale)}`);
  if (f.quote) out.push(`  “${f.quote.text}”`);
  const numbers = figureParts(f, (k) => FIGURE_WORDS[locale][k]);
  if (numbers.length && !isAnomaly(f)) out.push(`  ${numbers.join(' · ')}`);
  out.push(`  ${msg(f, locale)}`);
  const review = reviewOf(f);
  if (review) out.push(`  [${statusWord(review, locale)}${review.note ? `: ${review.note}` : ''}]`);
  out.push(`  (${f.rule} · ${f.id})`);
  out.push('');
  return out;
}

export function formatText(report: Report, locale: Locale): string {
  const out: string[] = [];
  out.push(`Crossfoot 勾稽 — ${report.source}`);
  if (report.title) out.push(report.title);
  out.push(summaryLine(report, locale));
  out.push('');
  const contradictions = report.findings.filter((f) => !isAnomaly(f));
  const questions = report.findings.filter(isAnomaly);
  for (const f of contradictions) out.push(...textEntry(report, f, locale));
  if (contradictions.length === 0) out.push(cleanLine(report, locale), '');
  if (questions.length > 0) {
    out.push(
      locale === 'en' ? `Rates worth a question (${questions.length}; computed correctly, but an auditor would ask):` : `值得追问的比率（${questions.length} 项；计算无误，但审计时通常会追问）：`,
      '',
    );
    for (const f of questions) out.push(...textEntry(report, f, locale));
  }
  if (report.notChecked.length > 0) {
    out.push(locale === 'en' ? 'Not checked:' : '未核对：');
    for (const n of report.notChecked) out.push(`  - ${n.table ? `${tableTitle(report, n.table, locale)} · ` : ''}${n.rule}: ${locale === 'en' ? n.message.en : n.message.zh}`);
  }
  return safeOutput(out.join('\n').trimEnd() + '\n');
}

/** Inline Markdown that shows the text as it is: every character Markdown or HTML would act on is escaped. */
function mdEscape(s: string): string {
  return s.replace(/[|\\`*_[\]<>&~]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

/** A decision in words: 已确认, 非错误, or 待定; with its reason or note. */
export function statusWord(review: Review | null, locale: Locale): string {
  const en = locale === 'en';
  if (review?.status === 'confirmed') return en ? 'confirmed' : '已确认';
  if (review?.status === 'dismissed') return en ? 'not an error' : '非错误';
  return en ? 'pending' : '待定';
}

/** Where a finding stands in a table: its row and column labels, else its cell references. */
function placeText(f: ReportFinding): string {
  if (f.quote) return `“${f.quote.text}”`;
  if (f.place) return `${f.place.row} / ${f.place.column}`;
  return f.cells.map(cellLabel).join(' ');
}

/**
 * A working-paper table: one row per finding with the table, the row and column labels (or the
 * phrase), the figures and the sentence; with the user's decisions when the report carries them
 * (dismissed findings in a section of their own).
 */
export function formatMarkdown(report: Report, locale: Locale): string {
  const en = locale === 'en';
  const reviewed = report.findings.some((f) => 'review' in f);
  const out: string[] = [];
  out.push(`# Crossfoot 勾稽: ${mdEscape(report.title ?? report.source)}`, '');
  out.push(`${en ? 'Source' : '来源'}: ${mdEscape(report.source)}`, '');
  out.push(`**${summaryLine(report, locale)}**`, '');
  const head = (): void => {
    const cols = en ? ['Severity', 'Category', 'Table', 'Where', 'Stated', 'Expected', 'Difference', 'Finding'] : ['严重程度', '类别', '表', '位置', '所列', '应为', '差额', '说明'];
    if (reviewed) cols.push(en ? 'Status' : '状态', en ? 'Note' : '备注');
    out.push(`| ${cols.join(' | ')} |`);
    out.push(`|---|---|---|---|---:|---:|---:|---|${reviewed ? '---|---|' : ''}`);
  };
  const row = (f: ReportFinding): string => {
    const cells = [
      message(locale, `severity.${f.severity}`),
      f.category,
      mdEscape(f.table === null ? message(locale, 'ui.narrative') : tableTitle(report, f.table, locale)),
      mdEscape(placeText(f)),
      f.stated ?? '',
      f.expected ?? '',
      f.difference ?? '',
      mdEscape(msg(f, locale)),
    ];
    if (reviewed) cells.push(statusWord(reviewOf(f), locale), mdEscape(reviewOf(f)?.note ?? ''));
    return `| ${cells.join(' | ')} |`;
  };
  const dismissed = (f: ReportFinding): boolean => reviewOf(f)?.status === 'dismissed';
  head();
  for (const f of report.findings.filter((x) => !isAnomaly(x) && !dismissed(x))) out.push(row(f));
  const questions = report.findings.filter((x) => isAnomaly(x) && !dismissed(x));
  if (questions.length > 0) {
    out.push('', `## ${en ? 'Rates worth a question' : '值得追问的比率'}`, '');
    head();
    for (const f of questions) out.push(row(f));
  }
  const excluded = report.findings.filter(dismissed);
  if (excluded.length > 0) {
    out.push('', `## ${en ? `Dismissed as not an error (${excluded.length})` : `已排除（${excluded.length}）`}`, '');
    head();
    for (const f of excluded) out.push(row(f));
  }
  if (report.notChecked.length > 0) {
    out.push('', `## ${en ? 'Not checked' : '未核对'}`, '');
    for (const n of report.notChecked) out.push(`- ${n.table ? `${mdEscape(tableTitle(report, n.table, locale))}: ` : ''}${mdEscape(en ? n.message.en : n.message.zh)} (\`${n.rule}\`)`);
  }
  return safeOutput(out.join('\n') + '\n');
}

export function formatCsv(reports: Report[], withHeader = true): string {
  const rows: string[][] = [];
  if (withHeader)
    rows.push([
      'source',
      'id',
      'severity',
      'category',
      'rule',
      'table',
      'table_title',
      'cells',
      'cell_text',
      'related',
      'quote',
      'stated',
      'expected',
      'difference',
      'message_zh',
      'message_en',
      'row_label',
      'column_label',
      'fingerprint',
      'status',
      'note',
    ]);
  for (const report of reports) {
    for (const f of report.findings) {
      const t = report.tables.find((x) => x.id === f.table);
      rows.push([
        report.source,
        f.id,
        f.severity,
        f.category,
        f.rule,
        f.table ?? '',
        t?.title ?? '',
        f.cells.map(cellLabel).join(' '),
        f.cells.map((c) => c.text).join(' | '),
        f.related.map(cellLabel).join(' '),
        f.quote?.text ?? '',
        f.stated ?? '',
        f.expected ?? '',
        f.difference ?? '',
        f.message.zh,
        f.message.en,
        f.place?.row ?? '',
        f.place?.column ?? '',
        f.fingerprint,
        reviewOf(f)?.status ?? '',
        reviewOf(f)?.note ?? '',
      ]);
    }
  }
  return stringify(rows.map((row) => row.map(csvCell)));
}
