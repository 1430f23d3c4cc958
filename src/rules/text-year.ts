/**
 * Years in the 情况说明 that are not the report's: a comparison with the report's own year or a later
 * one ("2022 年决算…与 2022 年决算数持平" in the 2022 决算, where every other line says 较 2021 年),
 * and figures given only for another year ("2017 年…支出合计 13.78 万元" in a page on the 2018
 * budget). Either may be a slip of the year or figures copied from another report: review.
 *
 * Basis: domain.md §4.4 N08 (the report year appears consistently).
 * Sample pages: real-pages s-18 (与2022年决算数持平), s-02 (2017 figures in the 2018 budget page).
 */
import { defineDocumentRule } from '../engine/rule.js';
import { reportClaim, shown } from '../narrative/compare.js';
import { narrativeOf, reportYear } from '../narrative/model.js';
import { figureOf } from '../narrative/claims.js';

export default defineDocumentRule({
  meta: {
    id: 'text-year',
    category: 'text-vs-text',
    description: { zh: '情况说明中的年份与报告年度一致', en: 'Years in the narrative agree with the report’s year' },
    basis: 'domain.md §4.4 N08',
    messages: ['year-compared', 'year-figures'],
  },
  *run(ctx) {
    const year = reportYear(ctx.doc.document);
    if (year === null) return;
    const narrative = narrativeOf(ctx.doc);
    for (const st of narrative.statements) {
      if (st.id % 200 === 199) yield;
      const compared = st.compared;
      const passage = narrative.passages[st.passage];
      // a comparison names a year: last year's, or a budget of the same year ("与 2022 年预算相比"), never this year's outcome
      if (compared && compared.year >= year && passage && !/预算/u.test(passage.text.slice(compared.start, compared.end + 8))) {
        reportClaim(ctx, narrative, {
          st,
          span: { start: st.start, end: Math.max(st.end, compared.end), focus: compared.start },
          severity: 'review',
          category: 'text-vs-text',
          messageId: 'year-compared',
          stated: String(compared.year),
          expected: String(year - 1),
          difference: null,
          data: { subject: st.subject, stated: compared.year, year, expected: year - 1 },
        });
        continue;
      }
      if (compared) ctx.pass([], 'form');
      // figures of another year and none of the report's own
      const prior = st.prior;
      if (prior && prior.year !== null && !figureOf(st) && !st.budget && (st.change || st.parent === null) && narrative.statements.filter((s) => s.passage === st.passage && figureOf(s)).length === 0) {
        reportClaim(ctx, narrative, {
          st,
          span: { start: st.start, end: Math.max(st.end, prior.mention.end), focus: prior.mention.start },
          severity: 'review',
          category: 'text-vs-text',
          messageId: 'year-figures',
          stated: prior.mention.value.toFixed(prior.mention.scale),
          expected: null,
          difference: null,
          data: { subject: st.subject, stated: shown(prior.mention), figureYear: prior.year, year },
        });
      }
    }
  },
});
