/**
 * The 绩效评价 section against the 项目支出绩效自评表: each project's stated 自评得分, 全年预算数, 执行数
 * and completion against its own table (found by its name, which the text spells loosely); the funds
 * "涉及资金" of the self-evaluated projects against the sum over the self-evaluation tables; the
 * figure given for the department's 整体支出 evaluation against its 一般公共预算 spending.
 *
 * Basis: issue 4 item 3 ("执行率 and 得分 restated in the text vs the 绩效自评表"); domain.md §4.5.
 * Sample pages: 001-*.html ("得分为 91.48 分" for 91.43; 400.19 against 714.52), 002-*.html ("48.05分" for 90).
 */
import { keyText } from '../../model/text.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { asPrinted, judgeRate, rateRange, printedAt } from '../../engine/tolerance.js';
import { formatAmount, formatPercent } from '../../i18n/format.js';
import { compareFigure, reportClaim, shown } from '../../engine/claim.js';
import { performanceSums, summaryCell, totalRowCell } from '../../narrative/lookup.js';
import type { Pos } from '../../model/table.js';
import { clauseStart, resolve } from '../../narrative/model.js';
import { performanceOf } from '../../narrative/document.js';
import type { Statement } from '../../narrative/statement.js';
import type { RecognisedTable } from '../../recognise/index.js';
import { fig } from '../../contract/figure.js';

const printed = (rt: RecognisedTable, pos: Pos | null | undefined) => printedAt(rt.table, pos, true);

export default defineDocumentRule({
  meta: {
    id: 'text-performance',
    category: 'score',
    description: {
      zh: '绩效评价说明中的得分、预算、执行数与执行率与绩效自评表一致',
      en: 'Scores, budgets, spending and execution stated in the performance section agree with the self-evaluation tables',
    },
    basis: 'issue 4 item 3; domain.md §4.5',
    messages: ['perf-text-score', 'perf-text-amount', 'perf-text-rate', 'perf-text-funds', 'perf-text-overall'],
  },
  run(ctx) {
    const doc = ctx.doc;
    const narrative = doc.narrative;
    let sums: ReturnType<typeof performanceSums> | null = null;
    for (const st of narrative.statements) {
      const passage = narrative.passages[st.passage];
      if (!passage || passage.topic !== 'performance') continue;
      const sentence = keyText(passage.text.slice(st.sentence[0], st.sentence[1]));

      // 涉及资金 of the self-evaluated 一般公共预算 projects
      if (st.amount && /涉及资金/u.test(st.subject) && /一般公共预算项目/u.test(sentence) && !st.amount.value.isZero()) {
        sums ??= performanceSums(doc);
        if (sums.tables === 0) continue;
        const m = st.amount;
        const candidates = [
          ['全年预算数', sums.annual],
          ['年初预算数', sums.initial],
          ['全年执行数', sums.executed],
        ] as const;
        if (candidates.some(([, v]) => compareFigure(m, { value: v, scale: 2 }, null).outcome !== 'mismatch')) {
          ctx.pass(sums.refs, 'sum');
          continue;
        }
        const count = /(\d+)个/u.exec(sentence.replace(/一级项目\d+个/u, ''))?.[1];
        const sameCount = count !== undefined && Number(count) === sums.tables;
        const overWhole = st.share
          ? st.share.mention.value.gt(100) ||
            (() => {
              const base = totalRowCell(doc, ['D05', 'B05'], (k) => /项目支出$/u.test(k)) ?? totalRowCell(doc, ['D03', 'B03'], (k) => /项目支出$/u.test(k));
              return base ? m.value.gt(base.printed.value) : false;
            })()
          : false;
        reportClaim(ctx, narrative, {
          st,
          span: { start: st.start, end: m.end, focus: m.start },
          severity: sameCount && !overWhole ? 'error' : 'review',
          category: 'text-vs-table',
          messageId: 'perf-text-funds',
          stated: fig(m.value, m.scale),
          expected: fig(sums.annual, 2),
          difference: fig(m.value.minus(sums.annual), 2),
          data: { stated: shown(m), tables: sums.tables, annual: formatAmount(sums.annual, 2), initial: formatAmount(sums.initial, 2), executed: formatAmount(sums.executed, 2) },
          related: sums.refs,
        });
        continue;
      }
      // the department's 整体支出 evaluation against all of its 一般公共预算 spending
      if (st.amount && /整体支出/u.test(sentence) && /一般公共预算支出/u.test(st.subject)) {
        const whole =
          summaryCell(
            doc,
            ['D04', 'B04'],
            'expenditure',
            (k) => /^本年支出合计$/u.test(k),
            (c) => /一般公共预算/u.test(c.keys.join('/')),
          ) ??
          resolve(doc, narrative, { ...st, subject: '一般公共预算财政拨款支出', concept: 'general-expenditure' }, 'amount')?.cell ??
          null;
        if (whole && compareFigure(st.amount, whole.printed, whole.rt.unit).outcome === 'mismatch') {
          reportClaim(ctx, narrative, {
            st,
            span: { start: st.start, end: st.amount.end, focus: st.amount.start },
            severity: 'review',
            category: 'text-vs-table',
            messageId: 'perf-text-overall',
            stated: fig(st.amount.value, st.amount.scale),
            expected: fig(whole.printed.value, whole.printed.scale),
            difference: fig(st.amount.value.minus(whole.printed.value), 2),
            data: { stated: shown(st.amount), cell: whole.name, expected: formatAmount(whole.printed.value, whole.printed.scale) },
            related: [whole.ref],
          });
        } else if (whole) ctx.pass([whole.ref], 'exact');
        continue;
      }
      checkProject(st);
    }

    function checkProject(st: Statement): void {
      const match = performanceOf(doc, st);
      if (!match) return;
      const { rt, perf } = match;
      const total = perf.funds.find((f) => f.total) ?? perf.funds[0];
      const project = perf.project ?? st.subject;
      const ref = (p: Pos | null | undefined) => (p ? [{ table: rt.table.index, row: p.row, col: p.col }] : []);
      if (st.score && perf.total) {
        const t = printed(rt, perf.total);
        if (t) {
          const cmp = compareFigure(st.score, t, null);
          if (cmp.outcome === 'pass') ctx.pass(ref(perf.total), 'exact');
          else {
            const rate = printed(rt, total?.cells.rate);
            const asRate = rate && compareFigure(st.score, rate, null).outcome === 'pass';
            reportClaim(ctx, narrative, {
              st,
              span: { start: clauseStart(narrative, st, st.score.start), end: st.score.end, focus: st.score.start },
              severity: cmp.outcome === 'rounding' ? 'rounding' : 'error',
              category: 'score',
              messageId: 'perf-text-score',
              stated: fig(st.score.value, st.score.scale),
              expected: fig(t.value, t.scale),
              difference: fig(cmp.difference, Math.max(st.score.scale, t.scale)),
              data: { project, stated: shown(st.score), expected: t.value.toFixed(t.scale) },
              related: ref(perf.total),
              cause: asRate ? { kind: 'other', messageId: 'cause.score-is-rate', data: { rate: `${rate.value.toFixed(rate.scale)}%` } } : null,
            });
          }
        }
      }
      const amounts: Array<[import('../../narrative/mentions.js').Mention | undefined, Pos | undefined, string]> = [
        [st.budget?.mention, total?.cells.annual, '全年预算数'],
        [st.final, total?.cells.executed, '全年执行数'],
      ];
      for (const [m, pos, label] of amounts) {
        if (!m || !pos || !/元$/u.test(m.unit)) continue;
        const cell = printed(rt, pos);
        if (!cell) continue;
        const cmp = compareFigure(m, cell, rt.unit);
        if (cmp.outcome === 'pass') {
          ctx.pass(ref(pos), 'exact');
          continue;
        }
        reportClaim(ctx, narrative, {
          st,
          span: { start: clauseStart(narrative, st, m.start), end: m.end, focus: m.start },
          severity: cmp.outcome === 'rounding' ? 'rounding' : 'error',
          category: 'text-vs-table',
          messageId: 'perf-text-amount',
          stated: fig(m.value, m.scale),
          expected: fig(cmp.expected, Math.max(cmp.scale, cell.scale)),
          difference: fig(cmp.difference, Math.max(cmp.scale, cell.scale)),
          data: { project, label, stated: shown(m), expected: formatAmount(cmp.expected, Math.max(cmp.scale, cell.scale)) },
          related: ref(pos),
        });
      }
      // the stated rate against the table's own 执行数 ÷ 全年预算数 (the rate's own arithmetic is text-completion's)
      const rateMention = st.execution ?? (st.completion && !st.completion.unitSlip ? st.completion.mention : undefined);
      const budget = printed(rt, total?.cells.annual);
      const executed = printed(rt, total?.cells.executed);
      if (rateMention && budget && executed && !budget.value.isZero() && !st.budget) {
        const j = judgeRate(rateMention.value, rateMention.scale, asPrinted(executed), asPrinted(budget), 2);
        if ((j.outcome === 'error' || j.outcome === 'rounding') && j.exact && j.expected && j.difference) {
          reportClaim(ctx, narrative, {
            st,
            span: { start: clauseStart(narrative, st, rateMention.start), end: rateMention.end, focus: rateMention.start },
            severity: j.outcome,
            category: 'execution-rate',
            messageId: 'perf-text-rate',
            stated: fig(rateMention.value, rateMention.scale),
            expected: fig(j.expected, rateMention.scale),
            difference: fig(j.difference, rateMention.scale),
            data: { project, stated: formatPercent(rateMention.value, rateMention.scale), expected: formatPercent(j.exact, 2), ...rateRange(j, rateMention.scale) },
            related: [...ref(total?.cells.executed), ...ref(total?.cells.annual)],
          });
        } else if (j.outcome === 'pass') ctx.pass([...ref(total?.cells.executed), ...ref(total?.cells.annual)], 'rate');
      }
    }
  },
});
