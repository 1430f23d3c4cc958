/**
 * The 政府采购 paragraph: the 中小企业 contracts split over 货物, 工程 and 服务 must add up to the
 * 中小企业 total, Σ (share of category × category amount) = 中小企业合同金额. When only one category
 * has any procurement, every 中小企业 contract is in it and its share is exact: a different share is
 * an error. With several categories the split is unknown and a sum that does not hold is review.
 *
 * Basis: domain.md §4.4 N10 (the 中小企业 amount and its share recompute); §1 (政府采购 content).
 * Sample pages: 002-*.html (服务 458.83 万元 is all procurement, 中小企业 83 万元, yet "占服务支出金额的 0%").
 */
import { Decimal } from '../../model/decimal.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { asPrinted, judgeRate, rateRange } from '../../engine/tolerance.js';
import { formatAmount, formatPercent } from '../../i18n/format.js';
import type { Mention } from '../../narrative/mentions.js';
import type { Statement } from '../../narrative/statement.js';
import { reportClaim, shown } from '../../engine/claim.js';
import { fig } from '../../contract/figure.js';

const CATEGORIES: ReadonlyArray<{ word: RegExp; concept: string; name: string }> = [
  { word: /货物/u, concept: 'proc-goods', name: '货物' },
  { word: /工程/u, concept: 'proc-works', name: '工程' },
  { word: /服务/u, concept: 'proc-services', name: '服务' },
];

export default defineDocumentRule({
  meta: {
    id: 'text-procurement',
    category: 'share-rate',
    description: { zh: '政府采购中小企业合同金额按货物、工程、服务所占比例之和与总额一致', en: 'The SME shares of goods, works and services procurement add up to the SME total' },
    basis: 'domain.md §4.4 N10',
    messages: ['procurement-category-share', 'procurement-split'],
  },
  run(ctx) {
    const narrative = ctx.doc.narrative;
    const statements = narrative.statements.filter((s) => narrative.passages[s.passage]?.topic === 'procurement');
    const sme = statements.find((s) => s.concept === 'proc-sme' && s.amount && !CATEGORIES.some((c) => c.word.test(s.subject)));
    if (!sme?.amount) return;
    const cats = CATEGORIES.map((c) => ({
      ...c,
      amount: statements.find((s) => s.concept === c.concept && s.amount)?.amount,
      share: statements.find((s): s is Statement & { share: NonNullable<Statement['share']> } => s.concept === 'proc-sme' && c.word.test(s.subject) && !!s.share),
    }));
    if (cats.some((c) => !c.amount) || !cats.some((c) => c.share)) return;
    const nonzero = cats.filter((c) => !(c.amount as Mention).value.isZero());
    if (nonzero.length === 1) {
      const only = nonzero[0] as (typeof cats)[number];
      const st = only.share;
      const amount = only.amount as Mention;
      if (!st) return;
      const stated = st.share.mention;
      const j = judgeRate(stated.value, stated.scale, asPrinted(sme.amount), asPrinted(amount), 2);
      if ((j.outcome === 'error' || j.outcome === 'rounding') && j.exact && j.expected && j.difference) {
        reportClaim(ctx, narrative, {
          st,
          span: { start: st.start, end: stated.end, focus: stated.start },
          severity: j.outcome,
          category: 'share-rate',
          messageId: 'procurement-category-share',
          stated: fig(stated.value, stated.scale),
          expected: fig(j.exact, 2),
          difference: fig(stated.value.minus(j.exact), 2),
          data: {
            category: only.name,
            amount: shown(amount),
            sme: shown(sme.amount),
            stated: formatPercent(stated.value, stated.scale),
            expected: formatPercent(j.exact, 2),
            ...rateRange(j, stated.scale),
          },
        });
      } else if (j.outcome === 'pass') ctx.pass([], 'rate');
      return;
    }
    // several categories: Σ share × amount against the total, within the shares' printed precision
    let sum = new Decimal(0);
    let slack = new Decimal(0);
    for (const c of cats) {
      const amount = c.amount as Mention;
      if (amount.value.isZero()) continue;
      if (!c.share) return;
      const m = c.share.share.mention;
      sum = sum.plus(m.value.times(amount.value).dividedBy(100));
      slack = slack.plus(new Decimal(10).pow(-m.scale).times(amount.value).dividedBy(100));
    }
    slack = slack.plus(new Decimal(10).pow(-sme.amount.scale));
    const diff = sum.minus(sme.amount.value);
    if (diff.abs().lte(slack)) {
      ctx.pass([], 'sum');
      return;
    }
    reportClaim(ctx, narrative, {
      st: sme,
      span: { start: sme.start, end: sme.amount.end, focus: sme.amount.start },
      severity: 'review',
      category: 'share-rate',
      messageId: 'procurement-split',
      stated: fig(sme.amount.value, sme.amount.scale),
      expected: fig(sum, 2),
      difference: fig(diff.negated(), 2),
      data: {
        sme: shown(sme.amount),
        expected: formatAmount(sum, 2),
        terms: nonzero.map((c) => `${c.name} ${shown(c.amount as Mention)} × ${c.share ? formatPercent(c.share.share.mention.value, c.share.share.mention.scale) : '?'}`).join(' + '),
      },
    });
  },
});
