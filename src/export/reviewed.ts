/**
 * A report with the user's decisions about its findings: what every export (the popup's Markdown,
 * CSV and JSON, and the CLI with --reviews) writes. The JSON is `crossfoot.report/1` with two
 * optional fields: `review` on each finding ({status, note, at} or null while pending) and `reviews`
 * counting the decisions.
 */
import type { Report, ReportFinding } from '../contract/report.js';
import { applyReviews, recordOf, REVIEWS_SCHEMA, type Review } from '../review/model.js';

export interface ReviewedFinding extends ReportFinding {
  readonly review: Review | null;
}

export interface ReviewedReport extends Report {
  readonly findings: ReviewedFinding[];
  readonly reviews: { readonly confirmed: number; readonly dismissed: number; readonly notes: number };
  /** The page address, where the report was checked in a browser. */
  readonly url?: string;
}

export function withReviews(report: Report, entries: Readonly<Record<string, Review>> = {}): ReviewedReport {
  const applied = applyReviews(report, entries);
  const findings = report.findings.map((f) => {
    const r = applied.review(f);
    // the decision alone (a stored one also says what it was about: the finding says that here)
    return { ...f, review: r ? { status: r.status, note: r.note, at: r.at } : null };
  });
  const notes = findings.filter((f) => f.review !== null && f.review.note !== '').length;
  return { ...report, findings, reviews: { confirmed: applied.confirmed, dismissed: applied.dismissed.length, notes } };
}

/** The review status a finding carries, if it is a reviewed one. */
export function reviewOf(f: ReportFinding): Review | null {
  return 'review' in f ? ((f as ReviewedFinding).review ?? null) : null;
}

/**
 * Decisions read from a file the user names (`--reviews`): a JSON report exported from the popup
 * (one or an array: each finding's `review` by its fingerprint), or a stored record
 * (`crossfoot.reviews/1`). Anything else is refused with the reason.
 */
export function reviewsFromJson(value: unknown): Record<string, Review> {
  const out: Record<string, Review> = {};
  const take = (v: unknown): boolean => {
    const record = recordOf(v);
    if (record) {
      for (const [fp, e] of Object.entries(record.entries)) out[fp] = { status: e.status, note: e.note, at: e.at };
      return true;
    }
    const r = v as { schema?: unknown; findings?: unknown };
    if (typeof v !== 'object' || v === null || r.schema !== 'crossfoot.report/1' || !Array.isArray(r.findings)) return false;
    for (const f of r.findings as Array<{ fingerprint?: unknown; review?: unknown }>) {
      const rv = f.review as Partial<Review> | null | undefined;
      if (typeof f.fingerprint !== 'string' || !rv || typeof rv !== 'object') continue;
      const status = rv.status === 'confirmed' || rv.status === 'dismissed' ? rv.status : null;
      const note = typeof rv.note === 'string' ? rv.note : '';
      if (status !== null || note !== '') out[f.fingerprint] = { status, note, at: typeof rv.at === 'string' ? rv.at : '' };
    }
    return true;
  };
  const ok = Array.isArray(value) ? value.every(take) : take(value);
  if (!ok) throw new Error(`not a Crossfoot export: expected crossfoot.report/1 (with each finding's review) or ${REVIEWS_SCHEMA}`);
  return out;
}
