/**
 * A figure of last year stated beside this year's and the change between them: "公务接待费 2016 年
 * 预算 8 万元，2015 年预算 12.5 万元；对比减少 4.35 万元；减少率 35.22%". This year's figure minus
 * last year's is the change. When it is not, the rate decides which figure is wrong: a rate that
 * fits the change over (this year ∓ change) bears the change out, so last year's figure is the wrong
 * one (here 8 + 4.35 = 12.35, and 4.35 ÷ 12.35 = 35.22%); a rate that fits the two years' figures
 * bears last year's figure out, so the change is wrong. Without a rate, or when both fit or neither,
 * the contradiction is certain but its culprit is not: review.
 *
 * Basis: domain.md §4.4 N04 (prior = current ∓ change), N07 (one quantity stated twice).
 * Sample pages: real-pages s-11 (2015 公务接待费 12.5 against 8 + 4.35).
 */
import { Decimal } from '../../model/decimal.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { asPrinted, judgeRate, judgeSum } from '../../engine/tolerance.js';
import { formatAmount, formatSigned } from '../../i18n/format.js';
import { quantityOf, reportClaim, shown } from '../../engine/claim.js';
import type { Identity } from '../../engine/evidence.js';

import { figureOf, type Statement } from '../../narrative/statement.js';
import type { Mention } from '../../narrative/mentions.js';
import { fig } from '../../contract/figure.js';

/** This year's figure of the same kind as the prior one (a budget against a budget). */
function currentFor(st: Statement): Mention | undefined {
  const field = st.prior?.field;
  if (field === 'budget') return st.budget?.mention ?? figureOf(st);
  if (field === 'final') return st.final ?? figureOf(st);
  return figureOf(st);
}

export default defineDocumentRule({
  meta: {
    id: 'text-prior',
    category: 'text-vs-text',
    description: { zh: '上年数与本年数之差等于所述增减额', en: 'Last year’s figure and this year’s differ by the stated change' },
    basis: 'domain.md §4.4 N04, N07',
    messages: ['prior-wrong', 'prior-change-wrong', 'prior-change'],
  },
  *run(ctx) {
    const narrative = ctx.doc.narrative;
    for (const st of narrative.statements) {
      if (st.id % 200 === 199) yield;
      const prior = st.prior?.mention;
      const current = currentFor(st);
      const change = st.change?.mention;
      if (!prior || !current || !change || !st.change || st.change.direction === 'flat' || prior.unit !== current.unit || change.unit !== current.unit) continue;
      const signed = st.change.direction === 'down' ? change.value.negated() : change.value;
      const implied = current.value.minus(signed); // last year, as the change says
      const scale = Math.max(prior.scale, current.scale, change.scale);
      // prior + change = current, within the rounding of the three printed figures
      const j = judgeSum(asPrinted(current), [asPrinted(prior), { ...asPrinted({ value: signed, scale: change.scale }) }]);
      // the identity, as evidence for blame: this year = last year ± the change
      const q = {
        current: quantityOf(narrative, st, current),
        prior: quantityOf(narrative, st, prior, `${st.subject}（${st.prior?.year ?? '上年'}）`),
        change: quantityOf(narrative, st, change, `${st.subject}${st.change.word}`),
      };
      const identity: Identity =
        st.change.direction === 'down' ? { kind: 'sum', target: q.current, plus: [q.prior], minus: [q.change] } : { kind: 'sum', target: q.current, plus: [q.prior, q.change], minus: [] };
      if (j.outcome !== 'error') {
        ctx.evidence(identity, j.outcome);
        continue;
      }
      const rate = st.rate?.mention;
      const bearsChange = rate && !implied.isZero() ? judgeRate(rate.value, rate.scale, asPrinted(change), asPrinted({ value: implied.abs(), scale }), 2).outcome !== 'error' : false;
      const actual = current.value.minus(prior.value).abs();
      const bearsPrior = rate && !prior.value.isZero() ? judgeRate(rate.value, rate.scale, asPrinted({ value: actual, scale }), asPrinted(prior), 2).outcome !== 'error' : false;
      const data = {
        subject: st.subject,
        current: shown(current),
        prior: shown(prior),
        change: `${st.change.word}${shown(change)}`,
        rate: rate ? `${rate.value.toFixed(rate.scale)}%` : '',
        implied: formatAmount(implied, scale),
        actual: formatAmount(actual, scale),
        year: st.prior?.year ?? '',
      };
      let finding;
      if (bearsChange && !bearsPrior) {
        finding = reportClaim(ctx, narrative, {
          st,
          span: { start: st.start, end: rate?.end ?? st.end, focus: prior.start },
          severity: 'error',
          category: 'text-vs-text',
          messageId: 'prior-wrong',
          stated: fig(prior.value, prior.scale),
          expected: fig(implied, scale),
          difference: fig(prior.value.minus(implied), scale),
          data: { ...data, difference: formatSigned(prior.value.minus(implied), scale) },
        });
      } else if (bearsPrior && !bearsChange) {
        finding = reportClaim(ctx, narrative, {
          st,
          span: { start: st.start, end: rate?.end ?? st.end, focus: change.start },
          severity: 'error',
          category: 'text-vs-text',
          messageId: 'prior-change-wrong',
          stated: fig(change.value, change.scale),
          expected: fig(actual, scale),
          difference: fig(change.value.minus(actual), scale),
          data: { ...data, difference: formatSigned(change.value.minus(actual), scale) },
        });
      } else {
        finding = reportClaim(ctx, narrative, {
          st,
          span: { start: st.start, end: rate?.end ?? st.end, focus: change.start },
          severity: 'review',
          category: 'text-vs-text',
          messageId: 'prior-change',
          stated: fig(change.value, change.scale),
          expected: fig(actual, scale),
          difference: fig(change.value.minus(actual), scale),
          data,
        });
      }
      ctx.evidence(identity, 'error', finding);
    }
  },
});

void Decimal;
