/**
 * What reading the 情况说明 produces: statements — a subject and the figures a sentence states about
 * it (an amount, a budget, a 决算, a change and its rate, a share, a completion rate, a score, a
 * count), where they stand in the passage, the list they belong to — and the slots a template left
 * blank. claims.ts reads them.
 */
import type { Direction, Mention } from './mentions.js';

/** A figure the template left out: "占 %", "比上年减少 万元", "**个". */
export interface Blank {
  readonly role: 'share' | 'change' | 'amount' | 'count';
  readonly start: number;
  readonly end: number;
  /** The words of the slot as printed ("占 %"). */
  readonly text: string;
  /** Where the clause that holds the slot starts (the quote begins there). */
  readonly clause: number;
  /** For a share slot, the base it names ("占基本支出预算%" → 基本支出预算). */
  readonly base?: string | null;
}

export interface Statement {
  readonly id: number;
  readonly passage: number;
  /** Subject as written, cleaned of connectors ("基本支出", "收、支总计", "一般公共服务支出"). */
  subject: string;
  /** Canonical key of the subject (see concepts.ts), or null. */
  concept: string | null;
  /** For the numbered items of a 具体情况 list, the item text ("一般公共服务支出（类）…行政运行（项）"). */
  item: string | null;
  /** A subject code printed with the subject ("20103-政府办公厅…", "201 一般公共服务支出"). */
  code?: string | null;
  amount?: Mention;
  budget?: { readonly mention: Mention; readonly kind: 'initial' | 'adjusted' | 'any' };
  final?: Mention;
  /** A figure of an earlier year stated beside this year's ("2015 年预算 12.5 万元"). */
  prior?: { readonly mention: Mention; readonly year: number | null; readonly field: 'amount' | 'budget' | 'final' };
  change?: { readonly mention: Mention | null; readonly direction: Direction; readonly word: string; readonly start: number; readonly end: number };
  rate?: { readonly mention: Mention; readonly direction: Direction | null; readonly word: string };
  /** "无可比性" said of the change instead of a rate (right only over a zero prior year). */
  noComparison?: { readonly start: number; readonly end: number };
  share?: { readonly mention: Mention; readonly base: string | null };
  completion?: { readonly mention: Mention; readonly base: 'initial' | 'adjusted' | 'any'; readonly unitSlip: boolean };
  execution?: Mention;
  score?: Mention;
  count?: Mention;
  /** Within a list, which of its breakdowns the statement is in ("按功能分类科目…；按经济分类科目…"). */
  group?: number;
  /** Slots of this statement the template left blank. */
  blanks?: Blank[];
  /** The year the statement's figures are of, where the clause names one (null: the report's year). */
  year?: number | null;
  /** The comparison year named ("较 2021 年决算数", "与 2022 年决算数持平"), where one is. */
  compared?: { readonly year: number; readonly start: number; readonly end: number } | null;
  /** "决算数大于/小于/等于预算数" said of this statement. */
  comparison?: { readonly word: 'greater' | 'less' | 'equal'; readonly start: number; readonly end: number; readonly passage: number };
  /** The statement this one is a component of (其中 / 主要用于 / numbered items). */
  parent: number | null;
  /** Span in the passage text, for the quote. */
  start: number;
  end: number;
  /** The sentence the statement stands in (passage offsets). */
  readonly sentence: readonly [number, number];
}

/**
 * The figure a statement states for its year: its amount, else its final figure, else (a budget
 * document's "支出预算 75800 元") its budget.
 */
export function figureOf(st: Statement): Mention | undefined {
  return st.amount ?? st.final ?? (st.completion ? undefined : st.budget?.mention);
}

/** Options of a reading: the report's year, for figures of other years. */
export interface ReadOptions {
  readonly year?: number | null;
  /** The statement, of this passage or an earlier one, whose subject means the same as a name ("…“三公”经费支出决算中"). */
  readonly concept?: (name: string, read: readonly Statement[]) => Statement | null;
}
