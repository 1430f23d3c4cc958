/**
 * The shared fixtures (../shared/fixtures, read in place) and a matcher between the answer keys'
 * entries and report findings.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report, ReportFinding } from '../../src/contract/report.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.resolve(ROOT, '../shared/fixtures');
export const SEEDS = ['000', '001', '002'] as const;
export const SKINS = ['plain', 'word', 'excel', 'frame', 'lazy'] as const;
export type Seed = (typeof SEEDS)[number];
export type Skin = (typeof SKINS)[number];

export function fixturesAvailable(): boolean {
  return existsSync(path.join(FIXTURES, 'answer-keys', '000.json'));
}

export function seedFile(seed: Seed): string {
  const dir = path.join(FIXTURES, 'seeds');
  const names: Record<Seed, string> = { '000': '000_3205ff7ef2bdcc1d.txt', '001': '001_d5e7d60ef56c0495.txt', '002': '002_f428d76052f7ee41.txt' };
  return path.join(dir, names[seed]);
}

export function pageFile(seed: Seed, skin: Skin): string {
  return path.join(FIXTURES, 'pages', `${seed}-${skin}.html`);
}

export interface KeyFinding {
  readonly id: string;
  readonly category: string;
  readonly table: string;
  readonly location: string;
  readonly quote: string;
  readonly stated: string;
  readonly expected: string;
  readonly computation: string;
  readonly difference: string;
  readonly severity: 'material' | 'rounding' | 'review';
  readonly explanation: string;
}

export interface AnswerKey {
  readonly seed: string;
  readonly department: string;
  readonly findings: KeyFinding[];
  readonly traps: Array<{ readonly location: string; readonly why_not_an_error: string }>;
}

export function answerKey(seed: Seed): AnswerKey {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'answer-keys', `${seed}.json`), 'utf8')) as AnswerKey;
}

export const SEVERITY: Record<KeyFinding['severity'], ReportFinding['severity']> = { material: 'error', rounding: 'rounding', review: 'review' };

/** First number of a key field ("5,168.13", "85.28%", "10 (full marks)"); null when it does not start with one. */
export function keyNumber(text: string): number | null {
  const m = /^\s*([+-]?\d[\d,]*(?:\.\d+)?)/.exec(text.replace(/[−]/g, '-'));
  if (!m?.[1]) return null;
  return Number(m[1].replace(/,/g, ''));
}

/** Every figure a key field mentions ("人员经费 17.06 with 基本支出 小计 blank" → [17.06]); "blank" counts as 0. */
export function keyNumbers(text: string): number[] {
  const out = [...text.replace(/[−]/g, '-').matchAll(/(?<![\d.])[+-]?\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
  if (/blank|空白/i.test(text)) out.push(0);
  return out;
}

function num(s: string | null): number | null {
  if (s === null) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

const close = (a: number | null, b: number | null): boolean => a !== null && b !== null && Math.abs(a - b) < 1e-9;

/** Keys of the issue-2 scope: arithmetic inside one table (category list + 绩效自评表 arithmetic). */
export function inTableScope(k: KeyFinding): boolean {
  if (['table-sum', 'hierarchy', 'code-prefix', 'misplaced-value'].includes(k.category)) return true;
  if (['score', 'execution-rate'].includes(k.category)) return !/第三部分|说明/u.test(k.table) && /绩效自评表/u.test(k.table);
  return false;
}

/**
 * How well a finding matches a key entry (0 = not at all). A failure the finding's figure explains
 * (a consequence of the one defect) matches as the finding would, at the finding's severity for
 * errors and its own for the rest: the key lists each broken identity, Crossfoot one error per defect.
 */
export function matchScore(k: KeyFinding, f: ReportFinding, report: Report): number {
  const own = matchOne(k, f, report);
  if (own > 0) return own;
  for (const c of f.consequences ?? []) {
    const as = { ...f, ...c, severity: c.severity === 'error' || f.severity !== 'error' ? c.severity : c.severity, related: f.related, consequences: [] } as ReportFinding;
    const s = matchOne(k, as, report);
    if (s > 0) return s;
  }
  return 0;
}

function matchOne(k: KeyFinding, f: ReportFinding, report: Report): number {
  if (f.severity !== SEVERITY[k.severity]) return 0;
  let score = 0;
  const ks = keyNumber(k.stated);
  const ke = keyNumber(k.expected);
  const fs = num(f.stated);
  const fe = num(f.expected);
  const matches = (key: string, kn: number | null, v: number | null, blankOk: boolean): boolean =>
    close(kn, v) || (kn === null && (v === null ? blankOk && (/blank|空白/i.test(key) || keyNumbers(key).length === 0) : keyNumbers(key).some((n) => close(n, v))));
  let statedMatch = matches(k.stated, ks, fs, true);
  let expectedMatch = matches(k.expected, ke, fe, false);
  // two tables printing one figure differently: which of them is "stated" is the key author's choice
  if (!(statedMatch && expectedMatch) && k.category === 'cross-table' && matches(k.stated, ks, fe, false) && matches(k.expected, ke, fs, true)) {
    statedMatch = true;
    expectedMatch = true;
  }
  if (statedMatch) score += 3;
  if (expectedMatch) score += 3;
  // the key's quote is a cell value (or the printed line that holds it)
  const quote = k.quote.replace(/\s+/g, ' ');
  const texts = [...f.cells, ...f.related].map((c) => c.text).filter((t) => t !== '');
  if (texts.some((t) => quote === t || quote.split(' ').includes(t))) score += 1;
  if (f.category === k.category) score += 1;
  // a key naming a 绩效自评表 project must match the table the finding is in
  const project = /绩效自评表[:：]\s*([^|（(]+)/u.exec(k.table)?.[1]?.trim();
  if (project) {
    // the finding's own table, or for a finding in the text the tables of the cells it cites
    const ids = new Set([f.table, ...f.cells.map((c) => c.table), ...f.related.map((c) => c.table)].filter((t) => t !== null));
    const names = report.tables.filter((t) => ids.has(t.id)).map((t) => t.name ?? '');
    if (!names.some((name) => name !== '' && (name.includes(project.slice(0, 6)) || project.includes(name.slice(0, 6))))) return 0;
  }
  if (statedMatch && (expectedMatch || ke === null)) return score;
  // a key entry whose claim is words, not a figure ("持平", "increase attributed to …"): the finding
  // must quote the same sentence
  const wordy = ks === null && keyNumbers(k.stated).length === 0;
  if (wordy && f.quote && f.category === k.category && quotesOverlap(k.quote, f.quote.text)) return 2;
  return 0;
}

/** Two quotes of one passage: one holds the other, or they share a run of 8 characters. */
function quotesOverlap(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  if (x.includes(y) || y.includes(x)) return y.length >= 4 && x.length >= 4;
  for (let i = 0; i + 8 <= y.length; i++) if (x.includes(y.slice(i, i + 8))) return true;
  return false;
}

/** The best-matching finding for each key entry (each finding used once). */
export function matchKey(keys: readonly KeyFinding[], report: Report): Map<string, ReportFinding | null> {
  const used = new Set<string>();
  const out = new Map<string, ReportFinding | null>();
  for (const k of keys) {
    let best: ReportFinding | null = null;
    let bestScore = 0;
    for (const f of report.findings) {
      const s = matchScore(k, f, report) - (used.has(f.id) ? 0.5 : 0);
      if (s > bestScore) {
        best = f;
        bestScore = s;
      }
    }
    if (best) used.add(best.id);
    out.set(k.id, best);
  }
  return out;
}

/**
 * Matching for the real pages' keys, whose findings are mostly about the narrative: the figures
 * must match as for the seeds, or the finding must quote the key's phrase (a blank slot, a
 * placeholder, a wrong year have no figure to match) and be of its category.
 */
export function realMatchScore(k: KeyFinding, f: ReportFinding, report: Report): number {
  const own = realMatchOne(k, f, report);
  if (own > 0) return own;
  for (const c of f.consequences ?? []) {
    const s = realMatchOne(k, { ...f, ...c, related: f.related, consequences: [] } as ReportFinding, report);
    if (s > 0) return s;
  }
  return 0;
}

function realMatchOne(k: KeyFinding, f: ReportFinding, report: Report): number {
  if (f.severity !== SEVERITY[k.severity]) return 0;
  // a key whose claim is words only ("市级" for 区级, a name spelled two ways): the finding must quote its phrase
  if (keyNumbers(k.stated).length === 0 && keyNumbers(k.expected).length === 0) {
    const phrase = f.quote?.text ?? [...f.cells, ...f.related].map((c) => c.text).join(' ');
    return k.quote && phrase && f.category === k.category && quotesOverlap(k.quote, phrase) ? 2 : 0;
  }
  const base = matchOne(k, f, report);
  if (base > 0) return base;
  // the keys write the arithmetic into their fields ("445.80 + 79.63 = 525.43 万元"): the finding's
  // figures must be among the key's, stated among stated and expected among expected
  const fs = num(f.stated);
  const fe = num(f.expected);
  const among = (text: string, v: number | null): boolean => v !== null && keyNumbers(text).some((n) => close(n, v));
  if (among(k.stated, fs) && among(k.expected, fe)) return 5;
  const phrase = f.quote?.text ?? [...f.cells, ...f.related].map((c) => c.text).join(' ');
  if (k.quote && phrase && quotesOverlap(k.quote, phrase) && f.category === k.category) return 2;
  return 0;
}

/** The finding each key entry is matched to: best scores first, each finding used for one entry only. */
export function realMatchKey(keys: readonly KeyFinding[], report: Report): Map<string, ReportFinding | null> {
  const pairs: Array<{ k: KeyFinding; f: ReportFinding; score: number }> = [];
  for (const k of keys)
    for (const f of report.findings) {
      const score = realMatchScore(k, f, report);
      if (score > 0) pairs.push({ k, f, score });
    }
  pairs.sort((a, b) => b.score - a.score);
  const out = new Map<string, ReportFinding | null>(keys.map((k) => [k.id, null]));
  const used = new Set<string>();
  for (const { k, f } of pairs) {
    if (out.get(k.id) || used.has(f.id)) continue;
    out.set(k.id, f);
    used.add(f.id);
  }
  return out;
}
