/**
 * Budget completion in the 情况说明: "年初预算为 B 万元，支出决算为 A 万元，完成年初预算的 C%" has
 * C = A ÷ B; "决算数大于/小于/等于预算数" must agree with A and B; a completion over a zero budget is
 * review; an amount printed where the completion rate belongs ("完成预算的 99.87 万元") is a unit slip.
 *
 * Basis: domain.md §4.4 N06; §4.1 J11 (完成%).
 * Sample pages: 000-*.html (其他政府办公厅…"决算数大于预算数" under 337.13 < 394.55), 001-*.html (公务接待费), 002-*.html.
 */
import { defineDocumentRule } from '../../engine/rule.js';
import { asPrinted, judgeRate, rateRange } from '../../engine/tolerance.js';
import { formatPercent, formatSigned } from '../../i18n/format.js';
import { compareFigure, reportClaim, shown, subjectOf } from '../../engine/claim.js';
import { clauseStart, resolve } from '../../narrative/model.js';
import { performanceOf } from '../../narrative/document.js';
import type { Statement } from '../../narrative/statement.js';
import type { CellRef } from '../../model/table.js';
import { fig, phrase } from '../../contract/figure.js';

const WORDS = { greater: '大于', less: '小于', equal: '等于' } as const;

export default defineDocumentRule({
  meta: {
    id: 'text-completion',
    category: 'budget-completion-rate',
    description: {
      zh: '情况说明中的预算完成率与预算数、决算数一致，“决算数大于/小于预算数”与数字相符',
      en: 'Stated budget completion agrees with the budget and final figures, and so do "决算数大于/小于预算数"',
    },
    basis: 'domain.md §4.4 N06; §4.1 J11',
    messages: ['completion-rate', 'completion-zero-budget', 'completion-zero-budget-table', 'completion-unit', 'completion-direction'],
  },
  run(ctx) {
    const narrative = ctx.doc.narrative;
    /** The 执行数 and 全年预算数 cells of the project's own 绩效自评表, cited beside a restated rate. */
    const projectFunds = (st: Statement): CellRef[] => {
      const match = performanceOf(ctx.doc, st);
      const total = match?.perf.funds.find((f) => f.total) ?? match?.perf.funds[0];
      if (!match || !total) return [];
      return [total.cells.executed, total.cells.annual].filter((p) => p !== undefined).map((p) => ({ table: match.rt.table.index, row: p.row, col: p.col }));
    };
    for (const st of narrative.statements) {
      const final = st.final ?? st.amount;
      const budget = st.budget?.mention;
      const subject = subjectOf(st);
      const c = st.completion;
      if (c) {
        const span = { start: clauseStart(narrative, st, budget ? budget.start : c.mention.start), end: c.mention.end, focus: c.mention.start };
        // in the 绩效 section "完成预算的 C%" is the project's execution rate
        const rateCategory = narrative.passages[st.passage]?.topic === 'performance' ? 'execution-rate' : 'budget-completion-rate';
        if (c.unitSlip) {
          reportClaim(ctx, narrative, {
            st,
            span: { start: c.mention.start - 6 > st.sentence[0] ? c.mention.start - 6 : c.mention.start, end: c.mention.end, focus: c.mention.start },
            severity: 'review',
            category: 'unit',
            messageId: 'completion-unit',
            stated: fig(c.mention.value, c.mention.scale),
            expected: null,
            difference: null,
            data: { subject, stated: shown(c.mention) },
          });
        } else if (final && budget) {
          const data = { subject, budget: shown(budget), final: shown(final), stated: formatPercent(c.mention.value, c.mention.scale) };
          if (budget.value.isZero()) {
            reportClaim(ctx, narrative, {
              st,
              span,
              severity: 'review',
              category: 'zero-denominator',
              messageId: 'completion-zero-budget',
              stated: fig(c.mention.value, c.mention.scale),
              expected: null,
              difference: null,
              data,
            });
          } else {
            const j = judgeRate(c.mention.value, c.mention.scale, asPrinted(final), asPrinted(budget), 2);
            const boundary = j.outcome === 'pass' && c.mention.value.eq(100) && j.exact !== null && !j.exact.eq(100);
            if ((j.outcome === 'rounding' || j.outcome === 'error' || boundary) && j.exact && j.expected && j.difference) {
              reportClaim(ctx, narrative, {
                st,
                span,
                severity: j.outcome === 'error' ? 'error' : 'rounding',
                category: rateCategory,
                messageId: 'completion-rate',
                stated: fig(c.mention.value, c.mention.scale),
                expected: boundary ? fig(j.exact, 2) : fig(j.expected, c.mention.scale),
                difference: boundary ? fig(c.mention.value.minus(j.exact), 2) : fig(j.difference, c.mention.scale),
                data: {
                  ...data,
                  exact: formatPercent(j.exact, 4),
                  expected: formatPercent(j.expected, c.mention.scale),
                  difference: formatSigned(j.difference, c.mention.scale),
                  ...rateRange(j, c.mention.scale),
                },
                related: rateCategory === 'execution-rate' ? projectFunds(st) : [],
              });
            } else if (j.outcome === 'pass') ctx.pass([], 'rate');
          }
        } else if (final && !budget) {
          // "因公出国（境）费决算为 0.00 万元，完成预算的 0%": the budget is the table's (the 三公 table's 预算数)
          const r = resolve(ctx.doc, narrative, st, 'budget');
          if (r && r.scope === 'same' && (r.cell.printed.empty || r.cell.printed.value.isZero())) {
            reportClaim(ctx, narrative, {
              st,
              span,
              severity: 'review',
              category: 'zero-denominator',
              messageId: 'completion-zero-budget-table',
              stated: fig(c.mention.value, c.mention.scale),
              expected: null,
              difference: null,
              data: { subject, cell: r.cell.name, stated: formatPercent(c.mention.value, c.mention.scale) },
              related: [r.cell.ref],
            });
          } else if (r && r.scope === 'same' && compareFigure(final, { value: r.cell.printed.value.times(c.mention.value).dividedBy(100), scale: final.scale }, null).outcome !== 'mismatch')
            ctx.pass([r.cell.ref], 'rate');
        }
      }
      const cmp = st.comparison;
      if (cmp && final && budget) {
        const actual = final.value.gt(budget.value) ? 'greater' : final.value.lt(budget.value) ? 'less' : 'equal';
        if (actual !== cmp.word) {
          const own = cmp.passage === st.passage;
          reportClaim(ctx, narrative, {
            st: own ? st : { ...st, passage: cmp.passage, start: cmp.start, end: cmp.end, sentence: [cmp.start, cmp.end] },
            span: own ? { start: cmp.start, end: cmp.end } : undefined,
            severity: 'error',
            category: 'text-vs-text',
            messageId: 'completion-direction',
            stated: phrase(`决算数${WORDS[cmp.word]}预算数`),
            expected: phrase(`决算数${WORDS[actual]}预算数`),
            difference: fig(final.value.minus(budget.value), Math.max(final.scale, budget.scale)),
            data: { subject, word: WORDS[cmp.word], actual: WORDS[actual], budget: shown(budget), final: shown(final) },
          });
        } else ctx.pass([], 'exact');
      }
    }
  },
});
