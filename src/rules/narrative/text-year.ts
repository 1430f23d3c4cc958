/**
 * Years in the 情况说明 that are not the report's: a comparison with the report's own year or a later
 * one ("2022 年决算…与 2022 年决算数持平" in the 2022 决算, where every other line says 较 2021 年),
 * and figures given only for another year ("2017 年…支出合计 13.78 万元" in a page on the 2018
 * budget). Either may be a slip of the year or figures copied from another report: review.
 *
 * Basis: domain.md §4.4 N08 (the report year appears consistently).
 * Sample pages: real-pages s-18 (与2022年决算数持平), s-02 (2017 figures in the 2018 budget page).
 */
import { defineDocumentRule } from '../../engine/rule.js';
import { reportClaim, reportPassage, shown } from '../../engine/claim.js';
import { budgetReport } from '../../narrative/model.js';
import { figureOf } from '../../narrative/statement.js';
import { fig, phrase } from '../../contract/figure.js';

export default defineDocumentRule({
  meta: {
    id: 'text-year',
    category: 'text-vs-text',
    description: { zh: '情况说明中的年份与报告年度一致', en: 'Years in the narrative agree with the report’s year' },
    basis: 'domain.md §4.4 N08',
    messages: ['year-compared', 'year-figures', 'year-period'],
  },
  *run(ctx) {
    const year = ctx.doc.year;
    if (year === null) return;
    const narrative = ctx.doc.narrative;
    // in a 部门预算 every comparison is with an earlier year: "比2026年预算" in the 2026 budget compares it with itself
    const budget = budgetReport(ctx.doc);
    for (const st of narrative.statements) {
      if (st.id % 200 === 199) yield;
      const compared = st.compared;
      const passage = narrative.passages[st.passage];
      // a comparison names a year: last year's, or a budget of the same year ("与 2022 年预算相比"), never this year's outcome
      if (compared && compared.year >= year && passage && (budget || !/预算/u.test(passage.text.slice(compared.start, compared.end + 8)))) {
        reportClaim(ctx, narrative, {
          st,
          span: { start: st.start, end: Math.max(st.end, compared.end), focus: compared.start },
          severity: 'review',
          category: 'text-vs-text',
          messageId: 'year-compared',
          stated: phrase(String(compared.year)),
          expected: phrase(String(year - 1)),
          difference: null,
          data: { subject: st.subject, stated: compared.year, year, expected: year - 1 },
        });
        continue;
      }
      if (compared) ctx.pass([], 'form');
      // figures of another year and none of the report's own
      const prior = st.prior;
      if (
        prior &&
        prior.year !== null &&
        !figureOf(st) &&
        !st.budget &&
        (st.change || st.parent === null) &&
        narrative.statements.filter((s) => s.passage === st.passage && figureOf(s)).length === 0
      ) {
        reportClaim(ctx, narrative, {
          st,
          span: { start: st.start, end: Math.max(st.end, prior.mention.end), focus: prior.mention.start },
          severity: 'review',
          category: 'text-vs-text',
          messageId: 'year-figures',
          stated: fig(prior.mention.value, prior.mention.scale),
          expected: null,
          difference: null,
          data: { subject: st.subject, stated: shown(prior.mention), figureYear: prior.year, year },
        });
      }
    }
    // a project of this year's budget whose 实施周期 ends before the year: text carried over from an earlier budget
    if (!budget) return;
    for (const p of narrative.passages) {
      const own = /实施周期/u.test(p.headings.at(-1) ?? '');
      const inline = /实施(?:周期|期限|时间)[:：]?\s*(?=\d{4}\s*年)/u.exec(p.text);
      if (!own && !inline) continue;
      const from = inline ? inline.index + inline[0].length : 0;
      const period = /^\s*(\d{4})\s*年[^。；;，,\s\-－—~～至到]{0,12}(?:\s*[-－—~～至到]+\s*(\d{4})\s*年[^。；;，,\s]{0,12})?/u.exec(p.text.slice(from));
      if (!period) continue;
      const last = Number(period[2] ?? period[1]);
      const start = from + (period[0].length - period[0].trimStart().length);
      if (last >= year) {
        ctx.pass([], 'form');
        continue;
      }
      reportPassage(ctx, p, start, from + period[0].length, {
        severity: 'review',
        category: 'text-vs-text',
        messageId: 'year-period',
        stated: phrase(period[0].trim()),
        expected: phrase(String(year)),
        data: { stated: period[0].trim(), year },
      });
    }
  },
});
