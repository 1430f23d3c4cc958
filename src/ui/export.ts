/**
 * The popup's exports: the page's report with the user's decisions, as Markdown (a working-paper
 * table), CSV (UTF-8 with a byte-order mark so that Excel reads the Chinese right; cells that
 * begin with = + - @ neutralised) or JSON (`crossfoot.report/1` with each finding's review),
 * downloaded as a file named after the report and the date. The same formatters as the CLI's.
 */
import type { Report } from '../contract/report.js';
import type { Locale } from '../i18n/index.js';
import { localDate } from '../export/citation.js';
import { formatCsv, formatMarkdown } from '../export/formats.js';
import { withReviews } from '../export/reviewed.js';
import { inertJson } from '../export/safe-text.js';
import { reportName, type Review } from '../review/model.js';

export type ExportKind = 'md' | 'csv' | 'json';

const MIME: Record<ExportKind, string> = { md: 'text/markdown;charset=utf-8', csv: 'text/csv;charset=utf-8', json: 'application/json;charset=utf-8' };

/** A file name from the report's name and the date: no character a file system or a shell minds. */
export function exportFileName(report: Report, kind: ExportKind, date: Date): string {
  const base = (reportName(report.title) ?? 'report')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, 80);
  return `${base || 'report'}-crossfoot-${localDate(date).replace(/-/gu, '')}.${kind}`;
}

/** The text of an export. */
export function exportText(report: Report, url: string, entries: Readonly<Record<string, Review>>, kind: ExportKind, locale: Locale): string {
  const reviewed = { ...withReviews(report, entries), url };
  if (kind === 'json') return inertJson(JSON.stringify(reviewed, null, 2)) + '\n';
  if (kind === 'csv') return '\ufeff' + formatCsv([reviewed]);
  return formatMarkdown(reviewed, locale);
}

/** Saves text as a file through the browser's downloads (an object URL clicked as a download link). */
export function download(text: string, name: string, kind: ExportKind): void {
  const url = URL.createObjectURL(new Blob([text], { type: MIME[kind] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // the download has its own copy once it starts
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
