/**
 * Messages between the three contexts, typed once. Direction is in the name:
 * popup → content script, content script → background, popup → background.
 */
import type { Report } from '../contract/report.js';

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

/**
 * Popup or background → content script: every request, the fields it carries, and what it is
 * answered with. Both sides take their types from here: the sender's answer is typed by the request
 * it sent (send.ts), and the content script answers through ContentHandlers, which the compiler
 * holds to one handler per request, each returning its own response.
 */
export interface ContentProtocol {
  'crossfoot:get-report': { request: object; response: (Report & { readonly url: string }) | null };
  'crossfoot:get-status': { request: object; response: PageStatus };
  'crossfoot:check-now': { request: object; response: PageStatus };
  'crossfoot:set-overlay': { request: { readonly on: boolean }; response: { readonly overlay: boolean } };
  'crossfoot:reveal': { request: { readonly finding: string }; response: { readonly found: boolean } };
  /** The keyboard shortcut (background → content script): the next (1) or previous (-1) finding. */
  'crossfoot:step': { request: { readonly direction: 1 | -1 }; response: { readonly found: boolean } };
  /** The context menu's 核对此表: the page checked, the findings of the table the menu was opened on shown. */
  'crossfoot:check-table': { request: object; response: { readonly table: string | null; readonly findings: number } };
}

/** Content script → background. */
export interface BackgroundProtocol {
  /** The page's counts, for the toolbar badge. */
  'crossfoot:report-summary': {
    request: {
      readonly errors: number;
      readonly reviews: number;
      readonly roundings: number;
      /** Checks that held: a page with no finding and no check held is "nothing to check", never "✓". */
      readonly passed: number;
      readonly checked: boolean;
    };
    response: { readonly ok: true };
  };
}

/** A protocol: request types, each with the fields it carries and its response. */
type Protocol<P> = { readonly [K in keyof P]: { request: object; response: unknown } };
/** The request of one type: its `type` and its fields. */
export type RequestOf<P extends Protocol<P>, K extends keyof P> = { readonly type: K } & P[K]['request'];
/** Any request of a protocol. */
export type AnyRequest<P extends Protocol<P>> = { [K in keyof P]: RequestOf<P, K> }[keyof P];
export type ResponseOf<P extends Protocol<P>, K extends keyof P> = P[K]['response'];
/** One handler per request type, each answering with its own response (or a promise of it). */
export type Handlers<P extends Protocol<P>> = { readonly [K in keyof P]: (request: RequestOf<P, K>) => ResponseOf<P, K> | Promise<ResponseOf<P, K>> };

export type ContentRequest = AnyRequest<ContentProtocol>;
export type BackgroundRequest = AnyRequest<BackgroundProtocol>;

type Fields = Readonly<Record<string, unknown>>;
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** What each request must carry, checked on receipt (a message is data from another context; its fields are checked, not trusted). */
const CONTENT_FIELDS: { readonly [K in keyof ContentProtocol]: (m: Fields) => boolean } = {
  'crossfoot:get-report': () => true,
  'crossfoot:get-status': () => true,
  'crossfoot:check-now': () => true,
  'crossfoot:set-overlay': (m) => typeof m.on === 'boolean',
  'crossfoot:reveal': (m) => typeof m.finding === 'string',
  'crossfoot:step': (m) => m.direction === 1 || m.direction === -1,
  'crossfoot:check-table': () => true,
};

const BACKGROUND_FIELDS: { readonly [K in keyof BackgroundProtocol]: (m: Fields) => boolean } = {
  'crossfoot:report-summary': (m) => isCount(m.errors) && isCount(m.reviews) && isCount(m.roundings) && isCount(m.passed) && typeof m.checked === 'boolean',
};

function valid<P extends Protocol<P>>(fields: { readonly [K in keyof P]: (m: Fields) => boolean }, m: unknown): m is AnyRequest<P> {
  if (typeof m !== 'object' || m === null) return false;
  const type = (m as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(fields, type) && fields[type as keyof P](m as Fields);
}

export function isContentRequest(m: unknown): m is ContentRequest {
  return valid<ContentProtocol>(CONTENT_FIELDS, m);
}

export function isBackgroundRequest(m: unknown): m is BackgroundRequest {
  return valid<BackgroundProtocol>(BACKGROUND_FIELDS, m);
}

/** Answers a request with its own handler. */
export function dispatch<P extends Protocol<P>>(handlers: Handlers<P>, request: AnyRequest<P>): Promise<unknown> {
  const handler = handlers[request.type as keyof P] as (r: AnyRequest<P>) => unknown;
  return Promise.resolve(handler(request));
}
