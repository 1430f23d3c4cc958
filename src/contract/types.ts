import type { CellRef } from '../model/table.js';
import type { Figure } from './figure.js';

/** A sentence in both languages of the interface. */
export interface Localised {
  readonly zh: string;
  readonly en: string;
}

/**
 * - error: a contradiction beyond rounding;
 * - review: needs human judgement (scopes that may differ, unstated scoring practice, a zero base);
 * - rounding: within the rounding band of the printed figures.
 */
export type Severity = 'error' | 'review' | 'rounding';

/** The answer keys' vocabulary, plus rate-anomaly for rates an auditor would question. */
export type Category =
  | 'table-sum'
  | 'hierarchy'
  | 'code-prefix'
  | 'cross-table'
  | 'text-vs-table'
  | 'text-vs-text'
  | 'share-rate'
  | 'growth-rate'
  | 'budget-completion-rate'
  | 'execution-rate'
  | 'score'
  | 'unit'
  | 'misplaced-value'
  | 'zero-denominator'
  | 'rate-anomaly';

export type MessageData = Readonly<Record<string, string | number>>;

/** How the arithmetic suggests the figure went wrong. */
export type Cause =
  | { readonly kind: 'omitted'; readonly cell: CellRef; readonly label: string; readonly value: string }
  | { readonly kind: 'double-counted'; readonly cell: CellRef; readonly label: string; readonly value: string }
  | { readonly kind: 'transposition'; readonly from: string; readonly to: string }
  | { readonly kind: 'factor'; readonly factor: string }
  | { readonly kind: 'wrong-base'; readonly base: string; readonly label: string }
  | { readonly kind: 'other'; readonly messageId: string; readonly data: MessageData };

/** A sentence of the narrative a claim finding points at (issue 4 fills these). */
export interface Quote {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A finding as rules produce it: data, never sentences. */
export interface Finding {
  id: string;
  readonly rule: string;
  severity: Severity;
  readonly category: Category;
  readonly table: number | null;
  /** The cells the finding is about (the figure that looks wrong). */
  cells: CellRef[];
  /** The other cells taking part in the arithmetic. */
  related: CellRef[];
  readonly quote: Quote | null;
  /** Decimals until the report is written (figure.ts); words where the text gives words. */
  readonly stated: Figure | null;
  readonly expected: Figure | null;
  readonly difference: Figure | null;
  readonly messageId: string;
  readonly data: MessageData;
  cause: Cause | null;
  /** Failures this finding's figure explains (one defect, one error: they are not reported apart). */
  consequences?: Finding[];
}

/** A check that could not run, with the reason: never a silent pass. */
export interface NotChecked {
  readonly rule: string;
  readonly table: number | null;
  readonly reason: string;
  readonly data: MessageData;
}

/** A check that ran and held; kept so that a failing identity can be blamed on the right cell. */
export interface Passed {
  readonly rule: string;
  /** The cell the check computes first, then the cells it is computed from. */
  readonly cells: readonly CellRef[];
  /**
   * What kind of check held: `sum` (a total within the rounding band of its parts), `exact` (parts
   * adding up to a constant of the template, no band), `rate` (a printed rate against its inputs'
   * rounding intervals), `bound` (a figure within a range, not an equality), `formula` (a score by
   * the document's own scoring practice), `form` (a check of form, not of arithmetic: a code that
   * extends its parent's, a slot that holds its figure, one unit to a figure, the right year).
   */
  readonly kind: 'sum' | 'exact' | 'rate' | 'bound' | 'formula' | 'form';
}
