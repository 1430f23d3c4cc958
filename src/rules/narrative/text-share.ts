/**
 * Shares stated in the 情况说明: "A 万元，占 p%" is A ÷ the base the sentence names ("占本年支出合计的",
 * "占政府采购支出总额的") or, in a list ("主要用于以下方面：…", "其中：…"), the list's total. A share
 * over a zero base is review (0 ÷ 0 has no value; "占…的 0%" over nothing says nothing); a share above
 * 100% means the figure and the base are not of the same scope, which needs review too.
 *
 * Basis: domain.md §4.4 N03; §1 (政府采购: 中小企业 amount and share).
 * Sample pages: 001-*.html (一般公共服务支出 "占 93.28%"), 000/001/002 政府采购 (shares of zero bases).
 */
import { Decimal } from '../../model/decimal.js';
import { keyText } from '../../model/text.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { asPrinted, judgeRate, rateRange } from '../../engine/tolerance.js';
import type { CellRef } from '../../model/table.js';
import { formatAmount, formatPercent, formatSigned } from '../../i18n/format.js';
import { quantityOf, reportClaim, shown } from '../../engine/claim.js';
import type { Identity, Quantity } from '../../engine/evidence.js';
import { conceptAliases, conceptOf } from '../../narrative/concepts.js';
import { byLeaf, totalRowCell } from '../../narrative/lookup.js';
import { resolve, type Narrative } from '../../narrative/model.js';
import { figureOf, type Statement } from '../../narrative/statement.js';
import type { RecognisedDocument } from '../../recognise/index.js';
import { fig } from '../../contract/figure.js';

export interface Base {
  readonly value: Decimal;
  readonly scale: number;
  readonly name: string;
  readonly ref: CellRef | null;
  /** The base as evidence (a figure of the text, or a cell). */
  readonly quantity?: Quantity;
}

/** A table cell as evidence. */
function cellQuantity(ref: CellRef, value: Decimal, scale: number, name: string): Quantity {
  return { id: `c:${ref.table}:${ref.row}:${ref.col}`, value, scale, name, cell: ref };
}

function statementBase(narrative: Narrative, st: Statement, test: (s: Statement) => boolean): Base | null {
  // nearest before the share, else nearest after it (statements are in id order)
  const all = narrative.statements;
  const at = st.id - (all[0]?.id ?? 0);
  const fits = (s: Statement): boolean => test(s) && !!figureOf(s);
  let best: Statement | null = null;
  for (let i = Math.min(at, all.length) - 1; i >= 0 && !best; i--) if (fits(all[i] as Statement)) best = all[i] as Statement;
  for (let i = Math.max(at, 0); i < all.length && !best; i++) if (fits(all[i] as Statement)) best = all[i] as Statement;
  const m = best ? figureOf(best) : undefined;
  return best && m ? { value: m.value, scale: m.scale, name: `${best.subject} ${shown(m)}`, ref: null, quantity: quantityOf(narrative, best, m) } : null;
}

/** The base a share is computed on. */
/** A base that names no figure of its own, only "the total" ("占总支出的", "占支出总额", "占收入总额"): in a list, the list's head. */
const GENERIC_TOTAL = /^(?:总支出|支出总额|总收入|收入总额|总额|总数)(?:的)?$/u;

export function baseOf(doc: RecognisedDocument, narrative: Narrative, st: Statement, baseText: string | null): Base | null {
  if (baseText === null || (GENERIC_TOTAL.test(keyText(baseText)) && st.parent !== null)) {
    const parent = st.parent !== null ? narrative.byId.get(st.parent) : undefined;
    const m = parent ? figureOf(parent) : undefined;
    return parent && m ? { value: m.value, scale: m.scale, name: `${parent.subject} ${shown(m)}`, ref: null, quantity: quantityOf(narrative, parent, m) } : null;
  }
  const k = keyText(baseText);
  const fundTopic = /政府性基金/u.test(k) ? 'fund' : /国有资本经营/u.test(k) ? 'capital' : null;
  if (fundTopic) {
    const kinds = fundTopic === 'fund' ? (['D07', 'B08'] as const) : (['D08', 'B09'] as const);
    const cell = totalRowCell(doc, [...kinds], (keys) => /^本年支出(?:\/(?:合计|小计))?$/u.test(keys) || /项目支出$/u.test(keys));
    if (cell) return { value: cell.printed.value, scale: cell.printed.scale, name: cell.name, ref: cell.ref };
    const stated = statementBase(narrative, st, (s) => narrative.passages[s.passage]?.topic === fundTopic && (s.concept === 'expenditure-year' || /支出/u.test(s.subject)));
    if (stated) return stated;
    const none = narrative.passages.some((p) => p.topic === fundTopic && /(?:无|没有|不涉及)[^。]{0,12}(?:政府性基金|国有资本经营)|本单位无|本部门无|本部门没有/u.test(keyText(p.text)));
    return none ? { value: new Decimal(0), scale: 2, name: baseText, ref: null } : null;
  }
  if (/一般公共预算项目支出/u.test(k)) {
    const cell = totalRowCell(doc, ['D05', 'B05'], byLeaf(/项目支出$/u)) ?? totalRowCell(doc, ['D03', 'B03'], byLeaf(/项目支出$/u));
    if (cell) return { value: cell.printed.value, scale: cell.printed.scale, name: cell.name, ref: cell.ref };
  }
  const procurement: Array<[RegExp, string]> = [
    [/政府采购支出总额/u, 'proc-total'],
    [/授予中小企业合同金额/u, 'proc-sme'],
    [/货物支出/u, 'proc-goods'],
    [/工程支出/u, 'proc-works'],
    [/服务支出/u, 'proc-services'],
  ];
  for (const [re, concept] of procurement) if (re.test(k)) return statementBase(narrative, st, (s) => s.concept === concept);
  const concept = conceptOf(baseText);
  if (concept) {
    const accepted: readonly string[] = conceptAliases(concept);
    const stated = statementBase(narrative, st, (s) => s.concept !== null && accepted.includes(s.concept));
    if (stated) return stated;
    const pseudo: Statement = { ...st, subject: baseText, concept, item: null, amount: figureOf(st) };
    const r = resolve(doc, narrative, pseudo, 'amount');
    if (r) return { value: r.cell.printed.value, scale: r.cell.printed.scale, name: r.cell.name, ref: r.cell.ref };
  }
  return null;
}

export default defineDocumentRule({
  meta: {
    id: 'text-share',
    category: 'share-rate',
    description: { zh: '情况说明中的占比等于该数除以句中所说的基数', en: 'Stated shares equal the figure divided by the base the sentence names' },
    basis: 'domain.md §4.4 N03',
    messages: ['share-rate', 'share-zero-base', 'share-over-100'],
  },
  *run(ctx) {
    const doc = ctx.doc;
    const narrative = doc.narrative;
    for (const st of narrative.statements) {
      if (st.id % 200 === 199) yield;
      const share = st.share;
      if (!share) continue;
      const base = baseOf(doc, narrative, st, share.base);
      const part = figureOf(st);
      const span = { start: st.start, end: share.mention.end, focus: share.mention.start };
      const stated = share.mention;
      const data = {
        subject: st.subject,
        base: share.base ?? base?.name ?? '',
        baseValue: base ? formatAmount(base.value, base.scale) : '',
        stated: formatPercent(stated.value, stated.scale),
        part: part ? shown(part) : '',
      };
      const related = base?.ref ? [base.ref] : [];
      if (base && base.value.isZero()) {
        reportClaim(ctx, narrative, {
          st,
          span,
          severity: 'review',
          category: 'zero-denominator',
          messageId: 'share-zero-base',
          stated: fig(stated.value, stated.scale),
          expected: null,
          difference: null,
          data,
          related,
        });
        continue;
      }
      if (!base || !part) continue;
      const j = judgeRate(stated.value, stated.scale, asPrinted(part), asPrinted(base), 2);
      if (!j.exact || !j.expected || !j.difference || j.outcome === 'zero-denominator') continue;
      const baseQuantity = base.quantity ?? (base.ref ? cellQuantity(base.ref, base.value, base.scale, base.name) : null);
      const identity: Identity | null = baseQuantity ? { kind: 'ratio', rate: quantityOf(narrative, st, stated), numerator: quantityOf(narrative, st, part), denominator: baseQuantity } : null;
      // "100%" claims the whole: say so when it is not exactly the whole
      const boundary = j.outcome === 'pass' && stated.value.eq(100) && !j.exact.eq(100);
      if (j.outcome === 'pass' && !boundary) {
        if (identity) ctx.evidence(identity, 'pass');
        continue;
      }
      const exactData = {
        ...data,
        exact: formatPercent(j.exact, 4),
        expected: formatPercent(j.expected, stated.scale),
        difference: formatSigned(j.difference, stated.scale),
        ...rateRange(j, stated.scale),
      };
      if (j.outcome === 'error' && j.exact.gt(100)) {
        reportClaim(ctx, narrative, {
          st,
          span,
          severity: 'review',
          category: 'share-rate',
          messageId: 'share-over-100',
          stated: fig(stated.value, stated.scale),
          expected: fig(j.exact, 2),
          difference: fig(stated.value.minus(j.exact), 2),
          data: exactData,
          related,
        });
        continue;
      }
      const finding = reportClaim(ctx, narrative, {
        st,
        span,
        severity: j.outcome === 'error' ? 'error' : 'rounding',
        category: 'share-rate',
        messageId: 'share-rate',
        stated: fig(stated.value, stated.scale),
        expected: boundary ? fig(j.exact, 2) : fig(j.expected, stated.scale),
        difference: boundary ? fig(stated.value.minus(j.exact), 2) : fig(j.difference, stated.scale),
        data: exactData,
        related,
      });
      if (identity && !boundary) ctx.evidence(identity, j.outcome === 'error' ? 'error' : 'rounding', finding);
    }
  },
});
