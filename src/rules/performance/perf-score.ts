/**
 * 绩效自评表 scores:
 * - an indicator's 得分 never exceeds its 权重/分值 (K05);
 * - indicator weights add up to 90 (plus 10 for 预算执行率) or to 100 where funds are not scored (K04);
 * - 总分 = Σ indicator scores + the funds score (printed, or implied and within its 10 points) (K04);
 * - an indicator whose target is met but that lost points, or missed its target but kept full marks,
 *   needs review (scoring practice is not stated on the sheet);
 * - where the document scores shortfalls proportionally (得分 = 权重 × 实际/目标, seen on several of its
 *   indicators), a score that departs from that practice is rounding (last digit) or review.
 * The funds score follows tiered practices that vary by province (100% → 10, 90–100% → 7 …);
 * it is never recomputed as 10 × 执行率. The document's practice is read by recognition (scoring.ts).
 *
 * Basis: domain.md §4.5 K03–K05; Anhui/central and Sichuan templates.
 * Sample pages: 001-*.html (weights 85 and 95, 总分 100.00 and 91.43), 000-*.html (">1份" met by 1份).
 */
import { Decimal, HUNDRED, sum, unit } from '../../model/decimal.js';
import { defineTableRule } from '../../engine/rule.js';
import type { TableContext } from '../../engine/context.js';
import type { Pos } from '../../model/table.js';
import { formatAmount, formatSigned } from '../../i18n/format.js';
import type { Indicator } from '../../recognise/performance.js';
import { closeEnough, proportionalScore, scoredIndicators, targetMet, weightPractice } from '../../recognise/scoring.js';
import type { Printed } from '../../model/printed.js';
import { fig } from '../../contract/figure.js';

function weightsCheck(ctx: TableContext, indicators: readonly Indicator[], fundWeight: Printed | null, total: Pos | null, fundScored: boolean): number {
  const weights = indicators.map((i) => (i.weight ? ctx.printed(i.weight) : null)).filter((p): p is Printed => !!p && !p.empty);
  const positions = indicators.map((i) => i.weight).filter((p): p is Pos => !!p);
  if (weights.length === 0) return 90;
  const w = sum(weights.map((p) => p.value));
  const funds = fundWeight && !fundWeight.empty ? fundWeight.value : null;
  // indicators weigh 90 beside a scored 预算执行率 (10 points); 100 only where the form scores no funds
  // at all, which a 总分 above the indicators' scores contradicts (the difference is the funds' score)
  const total_ = total ? ctx.printed(total) : null;
  const scores = indicators.map((i) => (i.score ? ctx.printed(i.score) : null)).filter((p): p is Printed => !!p && !p.empty);
  const fundsImplied =
    total_ &&
    !total_.empty &&
    scores.length > 0 &&
    total_.value.minus(sum(scores.map((p) => p.value))).gt(
      unit(Math.max(total_.scale, ...scores.map((p) => p.scale)))
        .times(scores.length + 1)
        .dividedBy(2),
    );
  // where nothing in the form tells 90 from 100, the document's other forms do (they share one template)
  const open = !funds && !fundScored && !fundsImplied;
  const practice = open ? weightPractice(ctx.doc.scoring, w) : null;
  const expected = funds ? HUNDRED.minus(funds) : open && w.eq(100) && practice !== 90 ? HUNDRED : new Decimal(90);
  if (!w.eq(expected)) {
    const scale = Math.max(0, ...weights.map((p) => p.scale));
    ctx.report({
      severity: 'error',
      cells: positions.map((p) => ctx.ref(p)),
      related: total ? [ctx.ref(total)] : [],
      stated: fig(w, scale),
      expected: fig(expected, scale),
      difference: fig(w.minus(expected), scale),
      messageId: 'perf-weights',
      data: {
        project: ctx.rt.performance?.project ?? '',
        stated: formatAmount(w, scale),
        expected: formatAmount(expected, scale),
        difference: formatSigned(w.minus(expected), scale),
        funds: formatAmount(funds ?? HUNDRED.minus(expected), 0),
        count: weights.length,
      },
    });
  } else ctx.pass(positions, open && practice === null ? 'bound' : 'exact');
  return expected.toNumber();
}

export default defineTableRule({
  meta: {
    id: 'perf-score',
    category: 'score',
    description: {
      zh: '绩效自评表：得分不超过分值，权重合计为100，总分等于各项得分之和',
      en: 'Performance self-evaluation: scores within weights, weights add to 100, total equals the sum of scores',
    },
    basis: 'domain.md §4.5 K03–K05',
    messages: ['perf-score-over-weight', 'perf-weights', 'perf-total', 'perf-total-over', 'perf-total-implied', 'perf-score-met-not-full', 'perf-score-missed-full', 'perf-score-proportional'],
  },
  applies: (t) => t.kind === 'PERF' && (t.performance?.indicators.length ?? 0) > 0,
  run(ctx) {
    const perf = ctx.rt.performance;
    if (!perf) return;
    const project = perf.project ?? '';
    const fundsTotal = perf.funds.find((f) => f.total) ?? perf.funds[0];
    const fundScorePos = fundsTotal?.cells.score;
    const fundWeightPos = fundsTotal?.cells.weight;
    const fundScore = fundScorePos ? ctx.printed(fundScorePos) : null;
    const fundWeight = fundWeightPos ? ctx.printed(fundWeightPos) : null;

    // 1. score above weight
    for (const ind of perf.indicators) {
      if (!ind.weight || !ind.score) continue;
      const w = ctx.printed(ind.weight);
      const s = ctx.printed(ind.score);
      if (!w || !s || w.empty || s.empty) continue;
      if (s.value.gt(w.value)) {
        const scale = Math.max(w.scale, s.scale);
        ctx.report({
          severity: 'error',
          cells: [ctx.ref(ind.score)],
          related: [ctx.ref(ind.weight)],
          stated: fig(s.value, scale),
          expected: fig(w.value, scale),
          difference: fig(s.value.minus(w.value), scale),
          messageId: 'perf-score-over-weight',
          data: { project, indicator: ind.name, stated: formatAmount(s.value, s.scale), weight: formatAmount(w.value, w.scale) },
        });
      }
      // a score within its weight bears the score out (evidence for the 总分's sum)
      ctx.evidence({ kind: 'bound', value: ctx.quantity(ind.score, s), max: ctx.quantity(ind.weight, w) }, s.value.gt(w.value) ? 'error' : 'pass');
    }

    // 2. weights
    const indicatorShare = weightsCheck(ctx, perf.indicators, fundWeight, perf.total, fundScore !== null && !fundScore.empty);

    // 3. 总分: never above 100, and the sum of the scores
    if (perf.total) {
      const total = ctx.printed(perf.total);
      if (total && !total.empty && total.value.gt(100)) {
        ctx.report({
          severity: 'error',
          cells: [ctx.ref(perf.total)],
          related: [],
          stated: fig(total.value, total.scale),
          expected: fig(HUNDRED, total.scale),
          difference: fig(total.value.minus(100), total.scale),
          messageId: 'perf-total-over',
          data: { project, stated: formatAmount(total.value, total.scale) },
        });
      }
      // 总分 ≤ 100: evidence beside the sum of the scores (one wrong 总分 breaks both: one defect)
      if (total && !total.empty)
        ctx.evidence(
          { kind: 'bound', value: ctx.quantity(perf.total, total), max: { id: `k:100:${ctx.table.index}:${perf.total.row}:${perf.total.col}`, value: HUNDRED, scale: 0, name: '100' } },
          total.value.gt(100) ? 'error' : 'pass',
        );
    }
    if (perf.total) {
      const scorePos = perf.indicators.map((i) => i.score).filter((p): p is Pos => !!p && ctx.printed(p) !== null);
      if (fundScore && !fundScore.empty && fundScorePos) {
        const scores = scorePos.map((p) => ctx.printed(p) as Printed);
        const s = sum(scores.map((p) => p.value));
        const scale = Math.max(0, ...scores.map((p) => p.scale));
        ctx.checkSum({
          target: perf.total,
          plus: [...scorePos, fundScorePos],
          messageId: 'perf-total',
          noCause: true,
          data: { project, scores: formatAmount(s, scale), count: scores.length, fund: formatAmount(fundScore.value, fundScore.scale) },
        });
      } else {
        const total = ctx.printed(perf.total);
        const scores = scorePos.map((p) => ctx.printed(p) as Printed);
        if (total && !total.empty && scores.length > 0) {
          const s = sum(scores.map((p) => p.value));
          const implied = total.value.minus(s);
          const room = new Decimal(100 - indicatorShare);
          const scale = Math.max(total.scale, ...scores.map((p) => p.scale));
          const slack = unit(scale)
            .times(scores.length + 1)
            .dividedBy(2);
          if (implied.lt(slack.negated()) || implied.gt(room.plus(slack))) {
            ctx.report({
              severity: 'error',
              cells: [ctx.ref(perf.total)],
              related: scorePos.map((p) => ctx.ref(p)),
              stated: fig(total.value, scale),
              expected: fig(implied.isNegative() ? s : s.plus(room), scale),
              difference: fig(implied.isNegative() ? implied : implied.minus(room), scale),
              messageId: 'perf-total-implied',
              data: { project, stated: formatAmount(total.value, total.scale), scores: formatAmount(s, scale), room: formatAmount(room, 0), implied: formatAmount(implied, scale) },
            });
          } else ctx.pass([perf.total, ...scorePos], 'bound');
        }
      }
    }

    // 4. targets met or missed against the score
    const practice = ctx.doc.scoring.practice;
    for (const s of scoredIndicators(ctx.table, perf.indicators)) {
      const ind = s.indicator;
      const met = targetMet(s.target, s.actual);
      const common = {
        project,
        indicator: ind.name,
        target: ind.target?.text ?? '',
        actual: ind.actual?.text ?? '',
        weight: formatAmount(s.weight.value, s.weight.scale),
        stated: formatAmount(s.score.value, s.score.scale),
      };
      const cells = [ctx.ref(ind.score as Pos)];
      const related = [ind.target?.pos, ind.actual?.pos, ind.weight].filter((p): p is Pos => !!p).map((p) => ctx.ref(p));
      if (met && s.score.value.lt(s.weight.value)) {
        ctx.report({
          severity: 'review',
          cells,
          related,
          stated: fig(s.score.value, s.score.scale),
          expected: fig(s.weight.value, s.score.scale),
          difference: fig(s.score.value.minus(s.weight.value), s.score.scale),
          messageId: 'perf-score-met-not-full',
          data: common,
        });
        continue;
      }
      if (!met && s.score.value.gte(s.weight.value)) {
        ctx.report({ severity: 'review', cells, related, stated: fig(s.score.value, s.score.scale), expected: null, difference: null, messageId: 'perf-score-missed-full', data: common });
        continue;
      }
      if (!met && practice === 'proportional') {
        const expected = proportionalScore(s.weight.value, s.target, s.actual);
        if (!expected) continue;
        const verdict = closeEnough(s.score, expected);
        if (verdict === 'equal') {
          ctx.pass([ind.score as Pos], 'formula');
          continue;
        }
        const exp = expected.toDecimalPlaces(Math.max(2, s.score.scale), Decimal.ROUND_HALF_UP);
        ctx.report({
          severity: verdict === 'last-digit' ? 'rounding' : 'review',
          cells,
          related,
          stated: fig(s.score.value, s.score.scale),
          expected: fig(exp),
          difference: fig(s.score.value.minus(exp)),
          messageId: 'perf-score-proportional',
          data: {
            ...common,
            expected: exp.toFixed(),
            formula: `${common.weight} × ${s.target.op === '<=' || s.target.op === '<' ? `${s.target.value.toFixed()} ÷ ${s.actual.value.toFixed()}` : `${s.actual.value.toFixed()} ÷ ${s.target.value.toFixed()}`}`,
          },
        });
      }
    }
  },
});
