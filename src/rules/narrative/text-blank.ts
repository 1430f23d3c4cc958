/**
 * Slots a template left blank in the 情况说明, and figures masked out: "占 %" (a share with no
 * figure), "比上年减少 万元" (a change with no amount), "**个", "********支出 2 万元". The text says
 * nothing where it must say something; what it should say can often be worked out (a share from
 * the amount and its total), and is given where it can. Review: a person fills the gap.
 *
 * Basis: domain.md §4.5 K07 (template text and blanks left in); §1 (the 说明 must state 三公 figures).
 * Sample pages: real-pages s-01 (three "占 %", "减少 万元"), s-08 ("占基本支出预算%"), s-22 ("**个"),
 * s-30 (masked 科目 names).
 */
import { Decimal } from '../../model/decimal.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { formatPercent } from '../../i18n/format.js';
import { reportClaim, reportPassage } from '../../engine/claim.js';

import { figureOf, type Statement } from '../../narrative/statement.js';
import { fig, phrase } from '../../contract/figure.js';

const HUNDRED = new Decimal(100);

const DIRECTION = '增加|增长|上升|提高|下降|减少|降低';
/** A direction word with its opposite beside it, as the template offers both. */
const TWO_WAYS = new RegExp(`(${DIRECTION})\\s*(?:[（(]\\s*(${DIRECTION})\\s*[）)]|[/／](${DIRECTION}))`, 'gu');
const sense = (w: string): 'up' | 'down' => (/增|升|提高/u.test(w) ? 'up' : 'down');

/** The share a blank "占 %" should hold: the statement's amount over its list's total, where both are printed. */
function expectedShare(st: Statement, parent: Statement | undefined): Decimal | null {
  const part = figureOf(st);
  const whole = parent ? figureOf(parent) : undefined;
  if (!part || !whole || whole.value.isZero() || part.unit !== whole.unit) return null;
  return part.value.dividedBy(whole.value).times(HUNDRED);
}

export default defineDocumentRule({
  meta: {
    id: 'text-blank',
    category: 'share-rate',
    description: { zh: '情况说明中留空的数字（“占 %”“减少 万元”）和被遮盖的内容（“**个”）', en: 'Figures the narrative left blank ("占 %", "减少 万元") or masked ("**个")' },
    basis: 'domain.md §4.5 K07; §1',
    messages: ['text-blank-share', 'text-blank-change', 'text-placeholder', 'text-template-direction'],
  },
  *run(ctx) {
    const narrative = ctx.doc.narrative;
    // both directions of the template left in: "下降（增长）27.78%", "增加（减少）", "增加/减少"
    for (const p of narrative.passages) {
      for (const m of p.text.matchAll(TWO_WAYS)) {
        const [whole, first = ''] = m;
        const second = m[2] ?? m[3] ?? '';
        if (sense(first) === sense(second)) {
          ctx.pass([], 'form');
          continue;
        }
        const figure = /^\s*\d[\d,.]*\s*(?:%|万元|元|亿元)?/u.exec(p.text.slice(m.index + whole.length))?.[0] ?? '';
        reportPassage(ctx, p, m.index, m.index + whole.length + figure.length, {
          severity: 'review',
          category: 'text-vs-text',
          messageId: 'text-template-direction',
          stated: phrase((whole + figure).trim()),
          expected: null,
          data: { stated: (whole + figure).trim(), first, second },
        });
      }
    }
    for (const st of narrative.statements) {
      if (st.id % 200 === 199) yield;
      // a share or change slot that holds its figure is a slot checked and filled
      if ((st.blanks ?? []).length === 0 && (st.share || st.change?.mention)) ctx.pass([], 'form');
      for (const b of st.blanks ?? []) {
        const span = { start: b.role === 'share' || b.role === 'change' ? st.start : b.start, end: b.end, focus: b.start };
        if (b.role === 'share') {
          const share = expectedShare(st, st.parent !== null ? narrative.byId.get(st.parent) : undefined);
          reportClaim(ctx, narrative, {
            st,
            span,
            severity: 'review',
            category: 'share-rate',
            messageId: 'text-blank-share',
            stated: null,
            expected: share ? fig(share, 2) : null,
            difference: null,
            data: { subject: st.subject, slot: b.text.trim(), expected: share ? formatPercent(share, 2) : '' },
          });
        } else if (b.role === 'change') {
          reportClaim(ctx, narrative, {
            st,
            span,
            severity: 'review',
            category: 'text-vs-text',
            messageId: 'text-blank-change',
            stated: null,
            expected: null,
            difference: null,
            data: { subject: st.subject, slot: b.text.trim() },
          });
        } else {
          reportClaim(ctx, narrative, {
            st,
            span: { start: b.clause, end: b.end, focus: b.start },
            severity: 'review',
            category: 'misplaced-value',
            messageId: 'text-placeholder',
            stated: phrase(b.text.trim()),
            expected: null,
            difference: null,
            data: { slot: b.text.trim() },
          });
        }
      }
    }
  },
});
