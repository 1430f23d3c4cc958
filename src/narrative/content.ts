/**
 * Does a document carry budget content in its narrative? Most disclosure pages publish only the
 * 情况说明 (the tables are in an attachment or on another page): such a page is a budget page when
 * its text states budget figures — statements whose subject is a budget concept (收入, 支出, 基本支出,
 * 三公经费, 财政拨款 …) with an amount in 元/万元/亿元 — and it names itself as a budget document (部门
 * 决算, 单位预算, 三公经费, 绩效自评, 公开0N表 …) or states several such figures.
 *
 * A news article that mentions "投资 5000 万元" has no budget-concept subject and is not a budget page;
 * one sentence about a budget in a page that does not name itself as a disclosure is not either.
 */
import type { RecognisedDocument } from '../recognise/index.js';
import { keyText } from '../model/text.js';
import { figureOf, type Statement } from './statement.js';
import type { Narrative } from './model.js';

export interface NarrativeContent {
  /** Statements of a budget figure (a budget-concept subject with an amount in money). */
  readonly figures: number;
  /** All statements read (figures, rates, shares, counts). */
  readonly statements: number;
  /** The page names itself as a budget disclosure (title, heading or text). */
  readonly named: boolean;
  /** The narrative is budget content: the page is to be checked even without tables. */
  readonly budget: boolean;
}

/** Words with which a page names itself as a budget disclosure. */
const DISCLOSURE =
  /(?:部门|单位|政府|财政|机关)?(?:决算|预算)(?:公开|说明|情况|报告|草案|执行)|(?:部门|单位|整体)(?:决算|预算)|三公经费|预决算|绩效(?:单位|部门|项目|整体)?(?:自评|评价)|情况说明|公开0?\d{1,2}表|收支(?:总体)?情况|财政拨款(?:收入|支出)/u;

/** How many budget figures make a budget page when the page does not name itself as one. */
const UNNAMED_FIGURES = 4;

function isMoney(unit: string): boolean {
  return /^(?:亿元|万元|千元|元)$/u.test(unit);
}

/** Subjects of budget figures beyond the canonical concepts: classes (一般公共服务支出), funds, fees. */
const BUDGET_SUBJECT = /收入|支出|预算|决算|拨款|经费|资金|结转|结余|采购|费$/u;

/** A statement of a budget figure: a budget subject with an amount in money. */
export function isBudgetFigure(st: Statement): boolean {
  if (st.concept === null && !BUDGET_SUBJECT.test(keyText(st.subject))) return false;
  const m = figureOf(st) ?? st.change?.mention ?? st.prior?.mention;
  return m !== undefined && m !== null && isMoney(m.unit);
}

export function narrativeContent(doc: RecognisedDocument, narrative: Narrative): NarrativeContent {
  const figures = narrative.statements.filter(isBudgetFigure).length;
  const title = keyText(doc.document.title ?? '');
  let named = DISCLOSURE.test(title);
  for (const p of narrative.passages) {
    if (named) break;
    if (p.headings.some((h) => DISCLOSURE.test(keyText(h))) || DISCLOSURE.test(keyText(p.text))) named = true;
  }
  for (const b of doc.document.blocks) {
    if (named) break;
    if (b.kind === 'heading' && !b.chrome && DISCLOSURE.test(keyText(b.text))) named = true;
  }
  const budget = figures >= UNNAMED_FIGURES || (named && figures >= 1);
  return { figures, statements: narrative.statements.length, named, budget };
}
