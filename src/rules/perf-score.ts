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
 * it is never recomputed as 10 × 执行率.
 *
 * Basis: domain.md §4.5 K03–K05; Anhui/central and Sichuan templates.
 * Sample pages: 001-*.html (weights 85 and 95, 总分 100.00 and 91.43), 000-*.html (">1份" met by 1份).
 */
import { Decimal, HUNDRED, sum, unit } from '../model/decimal.js';
import type { Quantity } from '../model/number.js';
import { defineTableRule } from '../engine/rule.js';
import type { Pos, TableContext } from '../engine/context.js';
import { formatAmount, formatSigned } from '../i18n/format.js';
import type { RecognisedDocument } from '../recognise/index.js';
import type { Indicator } from '../recognise/performance.js';
import { printedAt, type Printed } from '../engine/tolerance.js';

type Practice = 'proportional' | 'all-or-nothing' | 'unknown';

function normUnit(u: string): string {
  return u.replace(/^(万|亿|千)元?$/u, '$1元').replace(/^元$/u, '元');
}

function comparable(a: Quantity, b: Quantity): boolean {
  return normUnit(a.unit) === normUnit(b.unit) || (a.unit === '' && b.unit !== '') || (b.unit === '' && a.unit !== '');
}

/** Whether the actual value meets the target; "=" and bare targets count over-achievement as met. */
export function targetMet(target: Quantity, actual: Quantity): boolean {
  const t = target.value;
  const a = actual.value;
  switch (target.op) {
    case '>':
      return a.gt(t);
    case '<':
      return a.lt(t);
    case '<=':
      return a.lte(t);
    default:
      return a.gte(t);
  }
}

/** Proportional score for a missed target: 权重 × 实际/目标 (正向), 权重 × 目标/实际 (反向). */
export function proportionalScore(weight: Decimal, target: Quantity, actual: Quantity): Decimal | null {
  const reverse = target.op === '<' || target.op === '<=';
  const num = reverse ? target.value : actual.value;
  const den = reverse ? actual.value : target.value;
  if (den.isZero() || num.isNegative()) return null;
  return Decimal.min(weight, weight.times(num).dividedBy(den));
}

interface Scored {
  readonly indicator: Indicator;
  readonly weight: Printed;
  readonly score: Printed;
  readonly target: Quantity;
  readonly actual: Quantity;
}

function scoredIndicators(ctx: { printed(p: Pos): Printed | null }, indicators: readonly Indicator[]): Scored[] {
  const out: Scored[] = [];
  for (const ind of indicators) {
    const target = ind.target?.quantity;
    const actual = ind.actual?.quantity;
    if (!ind.weight || !ind.score || !target || !actual || !comparable(target, actual)) continue;
    const weight = ctx.printed(ind.weight);
    const score = ctx.printed(ind.score);
    if (!weight || !score || weight.empty || score.empty) continue;
    out.push({ indicator: ind, weight, score, target, actual });
  }
  return out;
}

function closeEnough(stated: Printed, expected: Decimal): 'equal' | 'last-digit' | 'off' {
  if (expected.toDecimalPlaces(stated.scale, Decimal.ROUND_HALF_UP).eq(stated.value)) return 'equal';
  return stated.value.minus(expected).abs().lt(unit(stated.scale)) ? 'last-digit' : 'off';
}

const practices = new WeakMap<RecognisedDocument, Practice>();

/** How the document scores missed targets, judged from all its 绩效自评表. */
export function scoringPractice(doc: RecognisedDocument, ctxFor: (i: number) => { printed(p: Pos): Printed | null }): Practice {
  const cached = practices.get(doc);
  if (cached) return cached;
  let proportional = 0;
  let zero = 0;
  doc.tables.forEach((t, i) => {
    if (!t.performance) return;
    for (const s of scoredIndicators(ctxFor(i), t.performance.indicators)) {
      if (targetMet(s.target, s.actual)) continue;
      const expected = proportionalScore(s.weight.value, s.target, s.actual);
      if (!expected || expected.isZero()) continue;
      if (s.score.value.isZero()) zero++;
      else if (closeEnough(s.score, expected) !== 'off') proportional++;
    }
  });
  const practice: Practice = proportional >= 3 && proportional > zero ? 'proportional' : zero >= 2 && zero > proportional ? 'all-or-nothing' : 'unknown';
  practices.set(doc, practice);
  return practice;
}

const weightTotals = new WeakMap<RecognisedDocument, Map<string, number>>();

/** The indicator weight total the document's other forms use, when at least two agree and none differs. */
function weightPractice(doc: RecognisedDocument, own: Decimal): 90 | 100 | null {
  let totals = weightTotals.get(doc);
  if (!totals) {
    totals = new Map();
    for (const rt of doc.tables) {
      const perf = rt.performance;
      if (!perf) continue;
      const ws = perf.indicators.map((i) => printedAt(rt.table, i.weight)).filter((p): p is Printed => !!p && !p.empty);
      if (ws.length === 0) continue;
      const t = sum(ws.map((p) => p.value)).toFixed(0);
      totals.set(t, (totals.get(t) ?? 0) + 1);
    }
    weightTotals.set(doc, totals);
  }
  const others = (t: string): number => (totals.get(t) ?? 0) - (own.toFixed(0) === t ? 1 : 0);
  const n90 = others('90');
  const n100 = others('100');
  return n90 >= 2 && n100 === 0 ? 90 : n100 >= 2 && n90 === 0 ? 100 : null;
}

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
  const fundsImplied = total_ && !total_.empty && scores.length > 0 && total_.value.minus(sum(scores.map((p) => p.value))).gt(unit(Math.max(total_.scale, ...scores.map((p) => p.scale))).times(scores.length + 1).dividedBy(2));
  // where nothing in the form tells 90 from 100, the document's other forms do (they share one template)
  const open = !funds && !fundScored && !fundsImplied;
  const practice = open ? weightPractice(ctx.doc, w) : null;
  const expected = funds ? HUNDRED.minus(funds) : open && w.eq(100) && practice !== 90 ? HUNDRED : new Decimal(90);
  if (!w.eq(expected)) {
    const scale = Math.max(0, ...weights.map((p) => p.scale));
    ctx.report({
      severity: 'error',
      cells: positions.map((p) => ctx.ref(p)),
      related: total ? [ctx.ref(total)] : [],
      stated: w.toFixed(scale),
      expected: expected.toFixed(scale),
      difference: w.minus(expected).toFixed(scale),
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
    description: { zh: '绩效自评表：得分不超过分值，权重合计为100，总分等于各项得分之和', en: 'Performance self-evaluation: scores within weights, weights add to 100, total equals the sum of scores' },
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
          stated: s.value.toFixed(scale),
          expected: w.value.toFixed(scale),
          difference: s.value.minus(w.value).toFixed(scale),
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
          stated: total.value.toFixed(total.scale),
          expected: HUNDRED.toFixed(total.scale),
          difference: total.value.minus(100).toFixed(total.scale),
          messageId: 'perf-total-over',
          data: { project, stated: formatAmount(total.value, total.scale) },
        });
      }
      // 总分 ≤ 100: evidence beside the sum of the scores (one wrong 总分 breaks both: one defect)
      if (total && !total.empty) ctx.evidence({ kind: 'bound', value: ctx.quantity(perf.total, total), max: { id: `k:100:${ctx.table.index}:${perf.total.row}:${perf.total.col}`, value: HUNDRED, scale: 0, name: '100' } }, total.value.gt(100) ? 'error' : 'pass');
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
          const slack = unit(scale).times(scores.length + 1).dividedBy(2);
          if (implied.lt(slack.negated()) || implied.gt(room.plus(slack))) {
            ctx.report({
              severity: 'error',
              cells: [ctx.ref(perf.total)],
              related: scorePos.map((p) => ctx.ref(p)),
              stated: total.value.toFixed(scale),
              expected: (implied.isNegative() ? s : s.plus(room)).toFixed(scale),
              difference: (implied.isNegative() ? implied : implied.minus(room)).toFixed(scale),
              messageId: 'perf-total-implied',
              data: { project, stated: formatAmount(total.value, total.scale), scores: formatAmount(s, scale), room: formatAmount(room, 0), implied: formatAmount(implied, scale) },
            });
          } else ctx.pass([perf.total, ...scorePos], 'bound');
        }
      }
    }

    // 4. targets met or missed against the score
    const practice = scoringPractice(ctx.doc, (i) => {
      const rt = ctx.doc.tables[i];
      return { printed: (p: Pos) => (rt ? printedAt(rt.table, p) : null) };
    });
    for (const s of scoredIndicators(ctx, perf.indicators)) {
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
        ctx.report({ severity: 'review', cells, related, stated: s.score.value.toFixed(s.score.scale), expected: s.weight.value.toFixed(s.score.scale), difference: s.score.value.minus(s.weight.value).toFixed(s.score.scale), messageId: 'perf-score-met-not-full', data: common });
        continue;
      }
      if (!met && s.score.value.gte(s.weight.value)) {
        ctx.report({ severity: 'review', cells, related, stated: s.score.value.toFixed(s.score.scale), expected: null, difference: null, messageId: 'perf-score-missed-full', data: common });
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
          stated: s.score.value.toFixed(s.score.scale),
          expected: exp.toFixed(),
          difference: s.score.value.minus(exp).toFixed(),
          messageId: 'perf-score-proportional',
          data: { ...common, expected: exp.toFixed(), formula: `${common.weight} × ${s.target.op === '<=' || s.target.op === '<' ? `${s.target.value.toFixed()} ÷ ${s.actual.value.toFixed()}` : `${s.actual.value.toFixed()} ÷ ${s.target.value.toFixed()}`}` },
        });
      }
    }
  },
});

