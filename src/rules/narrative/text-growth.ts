/**
 * Growth stated in the 情况说明: "比上年增加/减少 A 万元，增长/下降 B%". The prior year is the current
 * figure ∓ the change, the rate is the change ÷ the prior year; the direction word must agree with the
 * change; over a zero prior year the only right thing to print is "无可比性". When the rate is wrong
 * the arithmetic usually shows how it was produced: on the current year instead of the prior one, on
 * the budget, or a factor of 100 lost.
 *
 * Basis: domain.md §4.4 N04, §4.3 P06.
 * Sample pages: 001-*.html (其他收入 "49.66%" for 4966.67%, 三公 "下降37.53%" for 54.29%), 000-*.html.
 */
import { Decimal, unit } from '../../model/decimal.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { asPrinted, judgeRate, rateRange, judgeSum } from '../../engine/tolerance.js';
import { keyText } from '../../model/text.js';
import type { Cause } from '../../contract/types.js';
import { formatAmount, formatPercent, formatSigned } from '../../i18n/format.js';
import { quantityOf, reportClaim, shown, subjectOf } from '../../engine/claim.js';
import type { Identity } from '../../engine/evidence.js';
import { budgetReport, currentOf, currentWith, type Narrative } from '../../narrative/model.js';
import type { Mention } from '../../narrative/mentions.js';
import type { Statement } from '../../narrative/statement.js';
import type { DocumentContext } from '../../engine/context.js';
import { fig } from '../../contract/figure.js';

export { currentOf, currentWith } from '../../narrative/model.js';

function matches(stated: Decimal, scale: number, candidate: Decimal): boolean {
  return stated.minus(candidate).abs().lte(unit(scale));
}

/** How a wrong rate was produced, when the arithmetic shows it. */
function diagnose(st: Statement, stated: Decimal, scale: number, change: Decimal, current: Decimal, exact: Decimal): Cause | null {
  if (!current.isZero() && matches(stated, scale, change.dividedBy(current).times(100))) return { kind: 'wrong-base', base: current.toFixed(), label: '本年数' };
  const budget = st.budget?.mention.value;
  if (budget && !budget.isZero()) {
    for (const base of [budget.plus(change), budget.minus(change), budget]) {
      if (!base.isZero() && base.isPositive() && matches(stated, scale, change.dividedBy(base).times(100)))
        return { kind: 'wrong-base', base: base.toFixed(), label: base.eq(budget) ? '预算数' : '预算数（当作本年数）' };
    }
  }
  for (const f of ['100', '0.01']) {
    if (matches(stated, scale, exact.dividedBy(new Decimal(f)))) return { kind: 'factor', factor: f === '100' ? '100' : '0.01' };
  }
  return null;
}

/** The amount an earlier statement of the same passage gives the same subject (no other year named). */
function earlierFigure(narrative: Narrative, st: Statement): { mention: Mention; owner: Statement } | null {
  const key = keyText(subjectOf(st));
  const item = (x: Statement): string | null => (x.item ? keyText(x.item).replace(/^["“]|["”]$/gu, '') : null);
  for (let i = st.id - 1; i >= 0; i--) {
    const prev = narrative.byId.get(i);
    if (!prev || prev.passage !== st.passage) break;
    const same = keyText(subjectOf(prev)) === key || (item(st) !== null && item(st) === item(prev));
    if (prev.amount && !prev.prior && !prev.year && same) return { mention: prev.amount, owner: prev };
  }
  return null;
}

/** This year's figure of a statement that states both years (its budget, its 决算 or its amount). */
function currentFigure(st: Statement): Mention | null {
  return st.budget?.mention ?? st.final ?? st.amount ?? null;
}

/**
 * "2023年当年预算执行数为 A 万元，2024年预算安排 B 万元，比2023年预算执行数增加 p%": both years are
 * stated, so p = (B − A) ÷ A. Over a stated zero the rate cannot be computed: printing one (增加100%)
 * is wrong, "新增" or "无可比性" is what belongs there (0 → 0 with 0% is right and says nothing).
 */
function bothYears(ctx: DocumentContext, narrative: Narrative, st: Statement, rate: NonNullable<Statement['rate']>, prior: Mention): void {
  const current = currentFigure(st);
  if (!current || current.unit !== prior.unit || rate.mention.unit !== '%') return;
  const direction = rate.direction ?? st.change?.direction ?? 'up';
  if (direction === 'flat') return;
  const sign = direction === 'down' ? -1 : 1;
  const subject = subjectOf(st);
  const span = { start: Math.min(prior.start, current.start), end: rate.mention.end, focus: rate.mention.start };
  const base = { subject, prior: shown(prior), current: shown(current), word: rate.word, stated: formatPercent(rate.mention.value, rate.mention.scale) };
  if (prior.value.isZero()) {
    if (current.value.isZero() && rate.mention.value.isZero()) ctx.pass([], 'rate');
    else if (!current.value.isZero())
      reportClaim(ctx, narrative, {
        st,
        span,
        severity: 'error',
        category: 'zero-denominator',
        messageId: 'growth-zero-prior',
        stated: fig(rate.mention.value, rate.mention.scale),
        expected: null,
        difference: null,
        data: base,
      });
    return;
  }
  if (prior.value.isNegative()) return;
  // the same subject's figure stated just before ("住房公积金（项）208.8万元。…2026年预算安排201.50万元"):
  // in a 部门预算 both are this year's budget, so they must agree; with the rate, the evidence says which is wrong
  const restated = budgetReport(ctx.doc) ? earlierFigure(narrative, st) : null;
  if (restated && restated.mention.unit === current.unit) {
    const eq: Identity = { kind: 'equal', a: quantityOf(narrative, st, current, subjectOf(st)), b: quantityOf(narrative, restated.owner, restated.mention, subjectOf(restated.owner)) };
    const cmp = judgeSum(asPrinted(current), [asPrinted(restated.mention)]);
    if (cmp.outcome === 'pass') ctx.evidence(eq, 'pass');
    else {
      const f = reportClaim(ctx, narrative, {
        st,
        span: { start: current.start, end: current.end, focus: current.start },
        severity: cmp.outcome === 'rounding' ? 'rounding' : 'error',
        category: 'text-vs-text',
        messageId: 'growth-current-restated',
        stated: fig(current.value, current.scale),
        expected: fig(restated.mention.value, restated.mention.scale),
        difference: fig(cmp.difference, cmp.scale),
        data: { subject, current: shown(current), earlier: shown(restated.mention) },
      });
      ctx.evidence(eq, cmp.outcome === 'rounding' ? 'rounding' : 'error', f);
    }
  }
  const scale = Math.max(current.scale, prior.scale);
  const delta = { value: current.value.minus(prior.value).times(sign), scale, empty: false };
  const j = judgeRate(rate.mention.value, rate.mention.scale, delta, asPrinted(prior), 2);
  const identity: Identity = { kind: 'change', rate: quantityOf(narrative, st, rate.mention), prior: quantityOf(narrative, st, prior), current: quantityOf(narrative, st, current), sign };
  if (j.outcome === 'pass') ctx.evidence(identity, 'pass');
  if (j.outcome === 'pass' || j.outcome === 'zero-denominator' || !j.exact || !j.expected || !j.difference) return;
  // the change the figures give, signed as the text's word reads it
  const actual = current.value.minus(prior.value).dividedBy(prior.value).times(100);
  const finding = reportClaim(ctx, narrative, {
    st,
    span,
    severity: j.outcome === 'rounding' ? 'rounding' : 'error',
    category: 'growth-rate',
    messageId: 'growth-rate-years',
    stated: fig(rate.mention.value, rate.mention.scale),
    expected: fig(j.expected, rate.mention.scale),
    difference: fig(j.difference, rate.mention.scale),
    data: { ...base, exact: formatPercent(actual, 4), expected: formatPercent(actual, rate.mention.scale), ...rateRange(j, rate.mention.scale) },
  });
  ctx.evidence(identity, j.outcome === 'rounding' ? 'rounding' : 'error', finding);
}

export default defineDocumentRule({
  meta: {
    id: 'text-growth',
    category: 'growth-rate',
    description: { zh: '情况说明中的增减额与增长率一致（增长率 = 增减额 ÷ 上年数）', en: 'Stated changes and growth rates agree (rate = change ÷ prior year)' },
    basis: 'domain.md §4.4 N04; §4.3 P06',
    messages: ['growth-rate', 'growth-direction', 'growth-zero-base', 'growth-negative-base', 'growth-incomparable', 'growth-rate-years', 'growth-zero-prior', 'growth-current-restated'],
  },
  *run(ctx) {
    const narrative = ctx.doc.narrative;
    for (const st of narrative.statements) {
      if (st.id % 200 === 199) yield;
      const change = st.change;
      if (st.rate && st.prior && !change?.mention) {
        bothYears(ctx, narrative, st, st.rate, st.prior.mention);
        continue;
      }
      if (!change || !change.mention) continue;
      const rate = st.rate;
      const span = { start: change.start, end: rate ? rate.mention.end : change.end, focus: change.mention.start };
      const subject = subjectOf(st);
      // the direction word of the rate against the change
      if (rate?.direction && rate.direction !== change.direction && change.direction !== 'flat') {
        reportClaim(ctx, narrative, {
          st,
          span,
          severity: 'error',
          category: 'growth-rate',
          messageId: 'growth-direction',
          stated: fig(rate.mention.value, rate.mention.scale),
          expected: null,
          difference: null,
          data: { subject, change: change.word, rateWord: rate.word, stated: formatPercent(rate.mention.value, rate.mention.scale) },
        });
        continue;
      }
      // "无可比性" where last year was not zero: the rate could have been given
      if (!rate && st.noComparison && change.direction !== 'flat') {
        const current = currentOf(narrative, st);
        const prior = current ? (change.direction === 'down' ? current.value.plus(change.mention.value) : current.value.minus(change.mention.value)) : null;
        if (current && prior && prior.gt(0)) {
          const exact = change.mention.value.dividedBy(prior).times(100);
          reportClaim(ctx, narrative, {
            st,
            span: { start: change.start, end: st.noComparison.end, focus: st.noComparison.start },
            severity: 'review',
            category: 'growth-rate',
            messageId: 'growth-incomparable',
            stated: null,
            expected: fig(exact, 2),
            difference: null,
            data: {
              subject,
              current: shown(current),
              change: shown(change.mention),
              op: change.direction === 'down' ? '+' : '−',
              prior: formatAmount(prior, Math.max(current.scale, change.mention.scale)),
              expected: formatPercent(exact, 2),
            },
          });
        } else if (prior?.isZero()) ctx.pass([], 'rate'); // over a zero base 无可比性 is the right thing to print
        continue;
      }
      if (!rate) continue;
      const found = currentWith(narrative, st);
      if (!found) continue;
      const current = found.mention;
      const c = change.mention;
      const prior = change.direction === 'down' ? current.value.plus(c.value) : current.value.minus(c.value);
      const scale = Math.max(current.scale, c.scale);
      const base = {
        subject,
        current: shown(current),
        change: shown(c),
        verb: change.word || (change.direction === 'down' ? '减少' : '增加'),
        op: change.direction === 'down' ? '+' : '−',
        prior: formatAmount(prior, scale),
        stated: formatPercent(rate.mention.value, rate.mention.scale),
      };
      if (prior.isZero()) {
        reportClaim(ctx, narrative, {
          st,
          span,
          severity: 'review',
          category: 'zero-denominator',
          messageId: 'growth-zero-base',
          stated: fig(rate.mention.value, rate.mention.scale),
          expected: null,
          difference: null,
          data: base,
        });
        continue;
      }
      if (prior.isNegative()) {
        reportClaim(ctx, narrative, {
          st,
          span,
          severity: 'error',
          category: 'growth-rate',
          messageId: 'growth-negative-base',
          stated: fig(c.value, c.scale),
          expected: null,
          difference: null,
          data: base,
        });
        continue;
      }
      const j = judgeRate(rate.mention.value, rate.mention.scale, asPrinted(c), asPrinted({ value: prior, scale }), 2);
      const identity: Identity = {
        kind: 'growth',
        rate: quantityOf(narrative, st, rate.mention),
        change: quantityOf(narrative, st, c),
        current: quantityOf(narrative, found.owner, current),
        sign: change.direction === 'down' ? -1 : 1,
      };
      if (j.outcome === 'pass') ctx.evidence(identity, 'pass');
      if (j.outcome === 'pass' || j.outcome === 'zero-denominator' || !j.exact || !j.expected || !j.difference) continue;
      const cause = j.outcome === 'error' ? diagnose(st, rate.mention.value, rate.mention.scale, c.value, current.value, j.exact) : null;
      const finding = reportClaim(ctx, narrative, {
        st,
        span,
        severity: j.outcome === 'rounding' ? 'rounding' : 'error',
        category: 'growth-rate',
        messageId: 'growth-rate',
        stated: fig(rate.mention.value, rate.mention.scale),
        expected: fig(j.expected, rate.mention.scale),
        difference: fig(j.difference, rate.mention.scale),
        data: {
          ...base,
          exact: formatPercent(j.exact, 4),
          expected: formatPercent(j.expected, rate.mention.scale),
          difference: formatSigned(j.difference, rate.mention.scale),
          ...rateRange(j, rate.mention.scale),
        },
        cause,
      });
      ctx.evidence(identity, j.outcome === 'rounding' ? 'rounding' : 'error', finding);
    }
  },
});
