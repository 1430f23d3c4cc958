/**
 * Human decisions about findings: 已确认 (confirmed), 非错误 (dismissed, with a short reason), or a
 * free note. They are kept per report, under each finding's fingerprint (engine/fingerprint.ts),
 * so a reload, another skin of the same report or a newer version's re-check finds them again and
 * never overwrites them. A dismissed finding leaves the counts, the badge and the marks; it stays
 * listed apart and can be restored.
 *
 * Pure data here; src/platform/reviews.ts keeps it in the extension's local storage (nothing leaves the machine).
 */
import { isAnomaly, type Report, type ReportFinding, tableName } from '../contract/report.js';
import type { Severity } from '../contract/types.js';
import { displayText, keyText } from '../model/text.js';

export const REVIEWS_SCHEMA = 'crossfoot.reviews/1';

export type ReviewStatus = 'confirmed' | 'dismissed';

/** One decision. `status` null with a note is a note alone. */
export interface Review {
  readonly status: ReviewStatus | null;
  /** The reason for a dismissal, or a free note. */
  readonly note: string;
  /** When it was last changed (ISO 8601). */
  readonly at: string;
}

/** A decision as stored: with what it was about, so that a list of stored decisions can say it. */
export interface StoredReview extends Review {
  readonly rule: string;
  readonly severity: Severity;
  /** Where the finding stood ("D04 · 2010301 行政运行 / 合计", or the phrase). */
  readonly label: string;
  readonly stated: string | null;
}

/** The decisions about one report. */
export interface ReviewRecord {
  readonly schema: typeof REVIEWS_SCHEMA;
  readonly key: string;
  /** The host name the report was read on (decisions are listed and cleared per site). */
  readonly site: string;
  readonly title: string | null;
  /** Addresses the report was seen at (its skins), most recent first. */
  readonly urls: readonly string[];
  readonly updated: string;
  readonly entries: Readonly<Record<string, StoredReview>>;
}

/** Longest reason or note kept (a note is a line in a working paper, not a document). */
export const NOTE_MAX = 500;

/** The separators CMS templates put between an article's title and the site's or column's names. */
const TITLE_PARTS = /\s+[-|–—]\s+|\s*[|｜_]\s*|\s+[-–—]{1,2}\s*|\s*——\s*/u;
/** A trailing note on the title that names the page's part, not the report: （正文）, （全文）, （附件）. */
const PART_NOTE = /[（(](?:正文|全文|附件|公开版|网页版|文字版)[)）]$/u;
const REPORT_WORDS = /决算|预算|公开|绩效/u;

/**
 * The report's name in a page title: the part holding 决算/预算 when the CMS added its site and
 * column names ("…2024年度部门决算_财政预决算_吉林省…" → "…2024年度部门决算"), without a note
 * naming the page's part ("（正文）").
 */
export function reportName(title: string | null): string | null {
  if (!title) return null;
  const parts = displayText(title)
    .split(TITLE_PARTS)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const name = parts.find((p) => REPORT_WORDS.test(p)) ?? parts[0];
  return name ? name.replace(PART_NOTE, '').trim() || null : null;
}

/**
 * The key decisions about a report are kept under: its site and its name (so every skin of it on
 * that site shares them), or its address without query and fragment where it has no title.
 */
export function reportKey(url: string, title: string | null): { key: string; site: string } {
  let site = '';
  let path = url;
  try {
    const u = new URL(url);
    site = u.protocol === 'file:' ? 'file' : u.hostname;
    path = `${u.origin === 'null' ? u.protocol : u.origin}${u.pathname}`;
    // the viewer's address carries the document's in ?src=
    const src = u.protocol.endsWith('-extension:') ? u.searchParams.get('src') : null;
    if (src) return reportKey(src, title);
  } catch {
    /* not a URL: keyed by the text as given */
  }
  const name = reportName(title);
  return { key: name ? `${site}|${keyText(name)}` : `${site}|${path}`, site };
}

/** A place a person can recognise: the table and cell labels, or the phrase. */
export function findingLabel(report: Report, f: ReportFinding): string {
  if (f.quote) return `“${f.quote.text}”`;
  return [tableName(report, f.table, 'zh-CN'), f.place ? `${f.place.row} / ${f.place.column}` : ''].filter((x) => x !== '').join(' · ');
}

/** A new decision (status or note), or null when it says nothing (no status, no note): the finding is pending again. */
export function decide(status: ReviewStatus | null, note: string, now: Date = new Date()): Review | null {
  const text = displayText(note).slice(0, NOTE_MAX);
  if (status === null && text === '') return null;
  return { status, note: text, at: now.toISOString() };
}

/** The record with one decision set (or removed when `review` is null). */
export function withReview(record: ReviewRecord | null, report: Report, url: string, f: ReportFinding, review: Review | null, now: Date = new Date()): ReviewRecord {
  const { key, site } = reportKey(url, report.title);
  const entries: Record<string, StoredReview> = { ...(record?.entries ?? {}) };
  if (review) entries[f.fingerprint] = { ...review, rule: f.rule, severity: f.severity, label: findingLabel(report, f), stated: f.stated };
  else delete entries[f.fingerprint];
  const urls = [url, ...(record?.urls ?? []).filter((u) => u !== url)].slice(0, 20);
  return { schema: REVIEWS_SCHEMA, key, site, title: report.title ?? record?.title ?? null, urls, updated: now.toISOString(), entries };
}

/** A stored record, or null when what is stored is not one (another version's, or damaged). */
export function recordOf(value: unknown): ReviewRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Partial<ReviewRecord>;
  if (r.schema !== REVIEWS_SCHEMA || typeof r.key !== 'string' || typeof r.entries !== 'object' || r.entries === null) return null;
  const entries: Record<string, StoredReview> = {};
  for (const [fp, e] of Object.entries(r.entries)) {
    if (typeof e !== 'object' || e === null) continue;
    const status = e.status === 'confirmed' || e.status === 'dismissed' ? e.status : null;
    const note = typeof e.note === 'string' ? e.note.slice(0, NOTE_MAX) : '';
    if (status === null && note === '') continue;
    const severity = e.severity === 'error' || e.severity === 'review' || e.severity === 'rounding' ? e.severity : 'review';
    entries[fp] = {
      status,
      note,
      at: typeof e.at === 'string' ? e.at : '',
      rule: typeof e.rule === 'string' ? e.rule : '',
      severity,
      label: typeof e.label === 'string' ? e.label : '',
      stated: typeof e.stated === 'string' ? e.stated : null,
    };
  }
  return {
    schema: REVIEWS_SCHEMA,
    key: r.key,
    site: typeof r.site === 'string' ? r.site : '',
    title: typeof r.title === 'string' ? r.title : null,
    urls: Array.isArray(r.urls) ? r.urls.filter((u): u is string => typeof u === 'string') : [],
    updated: typeof r.updated === 'string' ? r.updated : '',
    entries,
  };
}

/** What the user sees once decisions apply: counts without dismissed findings, and those apart. */
export interface Reviewed {
  /** Findings by severity, dismissed ones and rate questions excluded. */
  readonly counts: Readonly<Record<Severity, number>>;
  /** Rate questions not dismissed. */
  readonly anomalies: number;
  readonly confirmed: number;
  /** Dismissed findings, in report order. */
  readonly dismissed: readonly ReportFinding[];
  /** The decision about a finding, if any. */
  review(f: ReportFinding): Review | null;
  isDismissed(f: ReportFinding): boolean;
}

export function applyReviews(report: Report, entries: Readonly<Record<string, Review>> = {}): Reviewed {
  const counts: Record<Severity, number> = { error: 0, review: 0, rounding: 0 };
  let anomalies = 0;
  let confirmed = 0;
  const dismissed: ReportFinding[] = [];
  const reviewOf = (f: ReportFinding): Review | null => (Object.prototype.hasOwnProperty.call(entries, f.fingerprint) ? (entries[f.fingerprint] ?? null) : null);
  for (const f of report.findings) {
    const r = reviewOf(f);
    if (r?.status === 'dismissed') {
      dismissed.push(f);
      continue;
    }
    if (r?.status === 'confirmed') confirmed++;
    if (isAnomaly(f)) anomalies++;
    else counts[f.severity]++;
  }
  return {
    counts,
    anomalies,
    confirmed,
    dismissed,
    review: reviewOf,
    isDismissed: (f) => reviewOf(f)?.status === 'dismissed',
  };
}
