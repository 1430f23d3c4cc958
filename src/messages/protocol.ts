/**
 * Messages between the three contexts, typed once. Direction is in the name:
 * popup → content script, content script → background, popup → background.
 */
import type { Report } from '../engine/report.js';

/** Time the content script spent on its last check, in milliseconds (for the benchmark and the curious). */
export interface Timings {
  /** When the check started, on the page's clock (performance.now()). */
  readonly at?: number;
  /** Looking for tables that could be budget tables. */
  readonly scan: number;
  /** Our own work per phase (the sum of our slices). */
  readonly extract: number;
  readonly check: number;
  readonly paint: number;
  /** From the start of the check to the marks painted, the page's turns between our slices included. */
  readonly total: number;
  /** The longest stretch the page had to wait for us, and how many slices the work took. */
  readonly longestSlice: number;
  /** The phase that slice was in (scan, extract, check, paint). */
  readonly longestIn: string;
  readonly slices: number;
}

/** What the content script knows about its page. */
export type PageStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'checking' }
  | { readonly state: 'no-tables'; readonly tablesSeen: number; readonly timings?: Timings }
  | {
      readonly state: 'done';
      readonly report: Report;
      readonly url: string;
      readonly overlay: boolean;
      readonly timings?: Timings;
      /** Checks run in this document so far. */
      readonly checks?: number;
      /** Findings with no place in the page to go to (a figure the reader could not tie to an element): said once in the popup's list. */
      readonly unplaced?: readonly string[];
    }
  | { readonly state: 'failed'; readonly message: string }
  /** The user turned Crossfoot off on this site: nothing checked until asked. */
  | { readonly state: 'site-off' };

export type ContentRequest =
  | { readonly type: 'crossfoot:get-report' }
  | { readonly type: 'crossfoot:get-status' }
  | { readonly type: 'crossfoot:check-now' }
  | { readonly type: 'crossfoot:set-overlay'; readonly on: boolean }
  | { readonly type: 'crossfoot:reveal'; readonly finding: string }
  /** The keyboard shortcut (background → content script): the next (1) or previous (-1) finding. */
  | { readonly type: 'crossfoot:step'; readonly direction: 1 | -1 }
  /** The context menu's 核对此表: the page checked, the findings of the table the menu was opened on shown. */
  | { readonly type: 'crossfoot:check-table' };

export interface ContentResponses {
  'crossfoot:get-report': (Report & { readonly url: string }) | null;
  'crossfoot:get-status': PageStatus;
  'crossfoot:check-now': PageStatus;
  'crossfoot:set-overlay': { readonly overlay: boolean };
  'crossfoot:reveal': { readonly found: boolean };
  'crossfoot:step': { readonly found: boolean };
  'crossfoot:check-table': { readonly table: string | null; readonly findings: number };
}

/** Content script → background: the page's counts, for the toolbar badge. */
export type BackgroundRequest = {
  readonly type: 'crossfoot:report-summary';
  readonly errors: number;
  readonly reviews: number;
  readonly roundings: number;
  /** Checks that held: a page with no finding and no check held is "nothing to check", never "✓". */
  readonly passed: number;
  readonly checked: boolean;
};

export interface BackgroundResponses {
  'crossfoot:report-summary': { readonly ok: true };
}

export type ResponseOf<R extends { type: string }, M> = R['type'] extends keyof M ? M[R['type']] : never;

export function isContentRequest(m: unknown): m is ContentRequest {
  const type = typeof m === 'object' && m !== null ? (m as { type?: unknown }).type : undefined;
  return (
    type === 'crossfoot:get-report' ||
    type === 'crossfoot:get-status' ||
    type === 'crossfoot:check-now' ||
    type === 'crossfoot:set-overlay' ||
    type === 'crossfoot:reveal' ||
    type === 'crossfoot:step' ||
    type === 'crossfoot:check-table'
  );
}

export function isBackgroundRequest(m: unknown): m is BackgroundRequest {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'crossfoot:report-summary';
}
