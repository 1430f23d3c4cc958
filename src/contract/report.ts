/**
 * The JSON report, schema crossfoot.report/1 (docs/report-schema.md, docs/report.schema.json): the
 * contract between the engine that writes it and everything that reads it (the CLI's formats, the
 * popup, the viewer, exports). Types and a few pure functions only; src/pipeline/report.ts builds it.
 * Deterministic: no timestamps, stable ids and order, so two runs on the same page compare equal.
 */
import type { Category, Localised, Severity } from './types.js';
import { VERSION } from '../model/version.js';

/**
 * A table as a reader names it: its printed title (else its kind's name), with what a form is
 * about ("项目支出绩效自评表 · 某项目"); "" for an unknown table.
 */
export function tableName(report: Pick<Report, 'tables'>, id: string | null, locale: 'zh-CN' | 'en'): string {
  const t = id === null ? undefined : report.tables.find((x) => x.id === id);
  if (!t) return '';
  const title = t.title ?? (locale === 'en' ? t.kindName.en : t.kindName.zh);
  return t.name ? `${title} · ${t.name}` : title;
}

/** A finding's figures, those it has, each after its word: ["所列 1.75", "应为 1.76", "差额 -0.01"]. */
export function figureParts(f: Pick<ReportFinding, 'stated' | 'expected' | 'difference'>, word: (k: 'stated' | 'expected' | 'difference') => string): string[] {
  return (['stated', 'expected', 'difference'] as const).flatMap((k) => (f[k] === null ? [] : [`${word(k)} ${f[k]}`]));
}

/** Questions about rates (category rate-anomaly) are listed and counted apart from contradictions. */
export function isAnomaly(f: { readonly category: string }): boolean {
  return f.category === 'rate-anomaly';
}

export const REPORT_SCHEMA = 'crossfoot.report/1';
export const GENERATOR = { name: 'crossfoot', version: VERSION } as const;

export interface ReportCell {
  readonly table: string;
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export interface ReportTable {
  readonly id: string;
  readonly index: number;
  readonly kind: string;
  readonly kindName: Localised;
  readonly title: string | null;
  /** What the table is about where the form says it (a 绩效自评表's 项目名称). */
  readonly name: string | null;
  readonly code: string | null;
  readonly unit: string | null;
  readonly unitInferred: boolean;
  readonly department: string | null;
  readonly rows: number;
  readonly cols: number;
  readonly headerRows: number;
  readonly alignment: string;
}

export interface ReportQuote {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /**
   * Where the narrative holds the phrase more than once: a few characters of its own paragraph
   * before and after it, so that a link to it (a URL text fragment) finds this one.
   */
  readonly context?: { readonly before: string; readonly after: string };
}

export interface ReportFinding {
  readonly id: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly table: string | null;
  readonly cells: ReportCell[];
  readonly related: ReportCell[];
  readonly quote: ReportQuote | null;
  readonly stated: string | null;
  readonly expected: string | null;
  readonly difference: string | null;
  /** The catalogue id of the message (stable; useful to group findings of one kind). */
  readonly messageId: string;
  readonly message: Localised;
  readonly cause: { readonly kind: string; readonly message: Localised } | null;
  /** For questions about a rate (rate-anomaly): the reason the report gives for it, or given: false. */
  readonly reason: { readonly given: boolean; readonly text: string } | null;
  /**
   * The failures this finding's figure explains (one defect, one error): identities that fail
   * because of it and hold once it is corrected. Empty for most findings.
   */
  readonly consequences: ReportConsequence[];
  /** Where the finding's first cell stands, as a reader names it (row and column labels); null for the narrative. */
  readonly place: ReportPlace | null;
  /**
   * Stable across reloads, skins of the same report and versions (engine/fingerprint.ts): made of
   * the rule, the table's kind, the row and column labels or the phrase, and the stated figure.
   * Human decisions about a finding are kept under it.
   */
  readonly fingerprint: string;
}

export interface ReportPlace {
  readonly row: string;
  readonly column: string;
}

/** A failure a finding's figure explains: the parts of a finding that say what failed and by how much. */
export type ReportConsequence = Pick<ReportFinding, 'rule' | 'category' | 'severity' | 'cells' | 'quote' | 'stated' | 'expected' | 'difference' | 'messageId' | 'message'>;

export interface ReportNotChecked {
  readonly rule: string;
  readonly table: string | null;
  readonly reason: string;
  readonly message: Localised;
}

export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly generator: typeof GENERATOR;
  readonly source: string;
  readonly title: string | null;
  readonly summary: {
    readonly tables: number;
    /** Contradictions and rounding differences by severity (questions about rates excluded). */
    readonly findings: Readonly<Record<Severity, number>>;
    /** Questions about rates (category rate-anomaly), counted apart so they never drown the errors. */
    readonly anomalies: number;
    readonly notChecked: number;
    /**
     * Checks of figures made that held (sums, rates, shares, restated figures; checks of form, such as
     * a slot filled or one unit to a figure, are not counted): "clean" is never "nothing checked".
     */
    readonly passed: number;
    /** Budget figures the narrative states, and whether the narrative is budget content (a page without tables is checked on it). */
    readonly narrative: { readonly figures: number; readonly statements: number; readonly budget: boolean };
  };
  readonly tables: ReportTable[];
  readonly findings: ReportFinding[];
  readonly notChecked: ReportNotChecked[];
}

/** The report has budget content to show: budget tables, or a narrative that states budget figures. */
export function hasBudgetContent(report: Report): boolean {
  return report.tables.length > 0 || report.summary.narrative.budget;
}
