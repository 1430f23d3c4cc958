/**
 * One row per report for a folder or a list of addresses (`--summary`): what an auditor checking a
 * year's reports needs first — which report, whose, which year, how much was read, how many findings
 * of each severity, what could not be checked, and the reports that could not be read at all, with
 * why. As text, CSV (columns documented in the README), Markdown or JSON.
 */
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../contract/report.js';
import type { Locale } from '../i18n/index.js';
import { csvCell, inertJson, safeLine, safeOutput } from '../export/safe-text.js';
import { escapeHtml, htmlPage } from './html.js';

export interface SummaryRow {
  readonly source: string;
  readonly title: string | null;
  readonly department: string | null;
  readonly year: number | null;
  /** Tables recognised (null when the report could not be read). */
  readonly tables: number | null;
  readonly errors: number | null;
  readonly reviews: number | null;
  readonly rounding: number | null;
  readonly rateQuestions: number | null;
  readonly notChecked: number | null;
  readonly checksHeld: number | null;
  /** Why the report could not be read or checked; null when it was. */
  readonly unreadable: string | null;
}

export const SUMMARY_COLUMNS = ['source', 'title', 'department', 'year', 'tables', 'errors', 'reviews', 'rounding', 'rate_questions', 'not_checked', 'checks_held', 'unreadable'] as const;

/** The report's year: the first "20XX 年" of its title. */
function yearOf(title: string | null): number | null {
  const m = /((?:19|20)\d{2})\s*年/u.exec(title ?? '');
  return m ? Number(m[1]) : null;
}

export function summaryRow(report: Report): SummaryRow {
  const s = report.summary;
  return {
    source: report.source,
    title: report.title,
    department: report.tables.map((t) => (t.department ?? '').trim()).find((d) => d !== '' && !/[:：]$/u.test(d)) ?? null,
    year: yearOf(report.title),
    tables: s.tables,
    errors: s.findings.error,
    reviews: s.findings.review,
    rounding: s.findings.rounding,
    rateQuestions: s.anomalies,
    notChecked: s.notChecked,
    checksHeld: s.passed,
    unreadable: null,
  };
}

export function unreadableRow(source: string, why: string): SummaryRow {
  return { source, title: null, department: null, year: null, tables: null, errors: null, reviews: null, rounding: null, rateQuestions: null, notChecked: null, checksHeld: null, unreadable: why };
}

function cells(r: SummaryRow): string[] {
  const n = (v: number | null): string => (v === null ? '' : String(v));
  return [r.source, r.title ?? '', r.department ?? '', n(r.year), n(r.tables), n(r.errors), n(r.reviews), n(r.rounding), n(r.rateQuestions), n(r.notChecked), n(r.checksHeld), r.unreadable ?? ''];
}

const HEADINGS: Record<Locale, readonly string[]> = {
  'zh-CN': ['文件', '标题', '部门', '年度', '表', '错误', '待核实', '尾数差异', '比率提示', '未核对', '核对相符', '无法读取'],
  en: ['Source', 'Title', 'Department', 'Year', 'Tables', 'Errors', 'Reviews', 'Rounding', 'Rate questions', 'Not checked', 'Checks held', 'Unreadable'],
};

export function formatSummary(rows: readonly SummaryRow[], format: 'text' | 'csv' | 'md' | 'json' | 'html', locale: Locale): string {
  if (format === 'html')
    return htmlPage(
      `Crossfoot 勾稽 — ${rows.length} ${locale === 'en' ? 'reports' : '份报告'}`,
      locale,
      `<table><tr>${HEADINGS[locale].map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>${rows
        .map(
          (r) =>
            `<tr>${cells(r)
              .map((c, i) => `<td${i >= 3 && i <= 10 ? ' class="n"' : ''}>${escapeHtml(c)}</td>`)
              .join('')}</tr>`,
        )
        .join('')}</table>`,
    );
  if (format === 'json') return inertJson(JSON.stringify({ schema: 'crossfoot.summary/1', reports: rows }, null, 2)) + '\n';
  if (format === 'csv') return stringify([[...SUMMARY_COLUMNS], ...rows.map((r) => cells(r).map(csvCell))]);
  const head = HEADINGS[locale];
  if (format === 'md') {
    const esc = (s: string): string => safeLine(s).replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
    return safeOutput(
      [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i >= 3 && i <= 10 ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)].join('\n') + '\n',
    );
  }
  const lines = rows.map((r) => {
    const name = r.title ? `${r.title} (${r.source})` : r.source;
    if (r.unreadable) return `${safeLine(name)}\n  ${locale === 'en' ? 'not read' : '无法读取'}: ${safeLine(r.unreadable)}`;
    const counts =
      locale === 'en'
        ? `${r.tables} tables · ${r.errors} errors · ${r.reviews} to review · ${r.rounding} rounding · ${r.rateQuestions} rate questions · ${r.notChecked} not checked · ${r.checksHeld} checks held`
        : `${r.tables} 张表 · 错误 ${r.errors} · 待核实 ${r.reviews} · 尾数差异 ${r.rounding} · 比率提示 ${r.rateQuestions} · 未核对 ${r.notChecked} · 核对相符 ${r.checksHeld}`;
    return `${safeLine(name)}${r.department ? ` — ${safeLine(r.department)}` : ''}${r.year ? ` · ${r.year}` : ''}\n  ${counts}`;
  });
  const read = rows.filter((r) => !r.unreadable);
  const total = (k: 'errors' | 'reviews'): number => read.reduce((a, r) => a + (r[k] ?? 0), 0);
  lines.push(
    locale === 'en'
      ? `${rows.length} reports · ${rows.length - read.length} not read · ${total('errors')} errors · ${total('reviews')} to review`
      : `共 ${rows.length} 份报告 · 无法读取 ${rows.length - read.length} · 错误 ${total('errors')} · 待核实 ${total('reviews')}`,
  );
  return safeOutput(lines.join('\n') + '\n');
}
