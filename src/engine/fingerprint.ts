/**
 * A finding's fingerprint: what a human decision about it (confirmed, not an error, a note) is kept
 * under. It is made of what the finding is about as a reader names it — the rule, the table's kind
 * (and name, where a form says what it is about), the row's label, or the narrative's phrase, and
 * the stated figure — never of grid positions or block numbers. (The report passes the row only:
 * column names vary with how a skin merges header cells; tested on every seed's skins.) So it survives a
 * reload, the same report in another skin (Word export, Excel export, framed page…) and a check by
 * a newer version that reads the page a little differently; a finding whose figure changed is a new
 * finding, and its old decision no longer applies.
 */
import { keyText } from '../model/text.js';

export interface FingerprintParts {
  readonly rule: string;
  /** The table's kind (D01…, PERF, GENERIC) and, for forms and generic tables, its name or title; null for the narrative. */
  readonly table: string | null;
  /** Row and column labels of the finding's first cell. */
  readonly place: { readonly row: string; readonly column: string } | null;
  /** The quoted phrase of a narrative finding. */
  readonly quote: string | null;
  readonly stated: string | null;
  /** What tells apart findings with neither place nor quote (their message id and expected figure). */
  readonly extra?: string;
}

/** FNV-1a over UTF-16 code units, 32 bits, from a given basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The canonical text of a fingerprint (labels and phrase in key form: full-width, spacing and variants folded). */
export function fingerprintText(p: FingerprintParts): string {
  const place = p.place ? `${keyText(p.place.row)}|${keyText(p.place.column)}` : '';
  return [p.rule, p.table === null ? 'text' : keyText(p.table), place, p.quote === null ? '' : keyText(p.quote), p.stated ?? '', p.extra ?? ''].join('\u241f');
}

/** `fp1-` and 16 hex digits: two independent 32-bit hashes of the canonical text. */
export function fingerprint(p: FingerprintParts): string {
  const text = fingerprintText(p);
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  return `fp1-${hex(fnv1a(text, 0x811c9dc5))}${hex(fnv1a(text, 0x050c5d1f))}`;
}

/** Fingerprints made unique in report order: the second finding with the same one gets `~2`, and so on. */
export function uniqueFingerprints(prints: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return prints.map((p) => {
    const n = (seen.get(p) ?? 0) + 1;
    seen.set(p, n);
    return n === 1 ? p : `${p}~${n}`;
  });
}
