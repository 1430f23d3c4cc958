/**
 * Comparing what the text states with what a table (or another sentence) prints, at the text's own
 * printed precision: "7044.9" equals 7,044.90; "42.44" against 42.43 is a rounding difference;
 * "491.68" against 491.86 is a contradiction. 万元 text against 元 tables is converted first.
 */
import type { MessageKey } from '../i18n/zh-CN.js';
import { Decimal } from '../model/decimal.js';
import { convert, type MoneyUnit } from '../model/units.js';
import type { CellRef } from '../model/table.js';
import type { DocumentContext, EngineFinding } from './context.js';
import type { Quantity } from './evidence.js';
import type { Category, Cause, MessageData, Quote, Severity } from '../contract/types.js';
import type { Mention } from '../narrative/mentions.js';
import type { Statement } from '../narrative/statement.js';
import { figureText, type Amount, type Figure } from '../contract/figure.js';
import { quoteOf, type Narrative } from '../narrative/model.js';
import { locate, type Passage } from '../narrative/passages.js';

export interface FigureComparison {
  readonly outcome: 'pass' | 'rounding' | 'mismatch';
  /** The other figure in the text's unit. */
  readonly expected: Decimal;
  readonly difference: Decimal;
  readonly scale: number;
}

const MONEY = new Set(['元', '千元', '万元', '百万元', '亿元']);

/** Compares a stated figure with a printed one (in `unit`, or the text's unit when null). */
export function compareFigure(stated: Mention, other: { value: Decimal; scale: number }, unit: MoneyUnit | null): FigureComparison {
  const statedUnit = MONEY.has(stated.unit) ? (stated.unit as MoneyUnit) : null;
  const value = statedUnit && unit && statedUnit !== unit ? convert(other.value, unit, statedUnit) : other.value;
  const scale = stated.scale;
  const rounded = value.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
  const difference = stated.value.minus(value);
  if (stated.value.eq(rounded) || difference.isZero()) return { outcome: 'pass', expected: value, difference, scale };
  const oneUnit = new Decimal(10).pow(-Math.min(scale, Math.max(other.scale, 0) || scale));
  return { outcome: difference.abs().lte(oneUnit) ? 'rounding' : 'mismatch', expected: value, difference, scale };
}

export interface ClaimFinding {
  readonly st: Statement;
  readonly span?: { start: number; end: number; focus?: number };
  readonly severity: Severity;
  readonly category: Category;
  readonly messageId: MessageKey;
  readonly data: MessageData;
  readonly stated: Figure | null;
  readonly expected: Figure | null;
  readonly difference: Figure | null;
  readonly cells?: CellRef[];
  readonly related?: CellRef[];
  readonly table?: number | null;
  readonly cause?: Cause | null;
}

/** What a finding about the narrative says besides its quote. */
type QuotedFinding = Omit<ClaimFinding, 'st' | 'span'>;

function reportQuoted(ctx: DocumentContext, quote: Quote | null, f: QuotedFinding): EngineFinding {
  return ctx.report({
    severity: f.severity,
    category: f.category,
    table: null,
    cells: f.cells ?? [],
    related: f.related ?? [],
    quote,
    stated: f.stated,
    expected: f.expected,
    difference: f.difference,
    messageId: f.messageId,
    data: { quote: quote?.text ?? '', ...f.data },
    cause: f.cause ?? null,
  });
}

/** Reports a finding about a sentence of the narrative, quoting it. */
export function reportClaim(ctx: DocumentContext, narrative: Narrative, f: ClaimFinding): EngineFinding {
  return reportQuoted(ctx, quoteOf(narrative, f.st, f.span), f);
}

/** Reports a finding about a span of a passage that no statement holds (a template word, a 实施周期 line), quoting it. */
export function reportPassage(ctx: DocumentContext, p: Passage, start: number, end: number, f: Omit<QuotedFinding, 'difference'>): EngineFinding {
  const loc = locate(p, start, end);
  return reportQuoted(ctx, loc ? { block: loc.block, start: loc.start, end: loc.end, text: loc.text } : null, { ...f, difference: null });
}

/** A figure of the narrative as evidence: one id per printed figure, its name, and its quote. */
export function quantityOf(
  narrative: Narrative,
  st: Statement,
  m: Mention | { readonly value: Decimal; readonly scale: number; readonly unit?: string; readonly start: number; readonly end: number },
  name = st.subject,
): Quantity {
  const quote = quoteOf(narrative, st, { start: Math.min(st.start, m.start), end: m.end, focus: m.start });
  return { id: `m:${st.passage}:${m.start}`, value: m.value, scale: m.scale, name: name || st.item || '', ...(quote ? { quote } : {}), ...(m.unit === '%' ? { percent: true } : {}) };
}

/** "1,433.26万元" for messages. */
/** The subject a message names for a statement: its own, its item's, or (never an empty “”) a word saying the text names none. */
export function subjectOf(st: Statement): string {
  // "预算" in "2024年预算安排 X 万元" is no subject: the item the sentence is about is
  if (st.item && GENERIC_SUBJECT.test(st.subject)) return st.item.replace(/^[“"]|[”"]$/gu, '');
  return st.subject || st.item || '@word.unnamed';
}

const GENERIC_SUBJECT = /^(?:预算|决算|预算数|决算数|执行数|预算执行数|支出|收入|安排|当年|本年|上年|[“”"'‘’]+)?$/u;

/** A figure of the text as a finding states it: its decimal, its printed decimals and its unit ("2.61万元"). */
export function mentionFigure(m: Mention): Amount {
  return { value: m.value, scale: m.scale, style: 'plain', unit: m.unit };
}

/** A figure of the text as messages quote it: "2.61万元". */
export function shown(m: Mention): string {
  return figureText(mentionFigure(m));
}
