/**
 * Blame by evidence. Every check a rule makes is an identity between printed figures: a sum
 * (total = Σ parts), a ratio (a share or a completion rate = part ÷ base), a growth rate (change ÷
 * last year), an equality (a figure of the text = a cell of a table). When identities fail, the
 * evidence of all of them decides which figure is wrong: a figure that, corrected to the value one
 * failing identity asks of it, makes every identity it takes part in hold — the failing ones and the
 * ones that held — explains them all. When exactly one figure does, it is the one defect: one error
 * is reported on it, and the failures it explains become its consequences, not errors of their own.
 * When several figures would explain a failure equally (a total and its part checked nowhere else),
 * the evidence does not say which is wrong: the failure stays one finding naming its candidates.
 * A figure whose every identity holds once the culprit is corrected is never reported as wrong.
 */
import { Decimal, ZERO } from '../model/decimal.js';
import type { CellRef } from '../model/table.js';
import type { Quote } from '../contract/types.js';
import { asPrinted, judgeRate, judgeSum, type Printed } from './tolerance.js';
import { runSync, type Steps } from '../model/steps.js';

/** A printed figure taking part in identities: a table cell or a figure of the narrative. */
export interface Quantity {
  /** "c:table:row:col" for a cell, "m:passage:offset" for a figure of the text. */
  readonly id: string;
  readonly value: Decimal;
  readonly scale: number;
  readonly empty?: boolean;
  /** Its name, for the message ("项目支出", "R12 行政运行 / 基本支出"). */
  readonly name: string;
  readonly cell?: CellRef;
  readonly quote?: Quote;
  /** A percentage (a share, a rate): corrections of it are printed as such. */
  readonly percent?: boolean;
}

export type Identity =
  | { readonly kind: 'sum'; readonly target: Quantity; readonly plus: readonly Quantity[]; readonly minus: readonly Quantity[] }
  /** rate = 100 × numerator ÷ denominator */
  | { readonly kind: 'ratio'; readonly rate: Quantity; readonly numerator: Quantity; readonly denominator: Quantity }
  /** rate = 100 × change ÷ (current − sign × change); sign +1 for a rise, −1 for a fall */
  | { readonly kind: 'growth'; readonly rate: Quantity; readonly change: Quantity; readonly current: Quantity; readonly sign: 1 | -1 }
  /** rate = 100 × sign × (current − prior) ÷ prior: both years stated ("上年执行数 A，本年预算 B，增加 p%") */
  | { readonly kind: 'change'; readonly rate: Quantity; readonly prior: Quantity; readonly current: Quantity; readonly sign: 1 | -1 }
  | { readonly kind: 'equal'; readonly a: Quantity; readonly b: Quantity }
  /** value ≤ max: not an equality (it asks no value of either figure), but evidence all the same */
  | { readonly kind: 'bound'; readonly value: Quantity; readonly max: Quantity };

export interface Checked {
  readonly identity: Identity;
  /** The finding the rule reported for it (null: it held, or failed only within rounding and nothing was said). */
  finding: object | null;
  readonly outcome: 'pass' | 'rounding' | 'error';
}

export function quantities(i: Identity): Quantity[] {
  switch (i.kind) {
    case 'sum':
      return [i.target, ...i.plus, ...i.minus];
    case 'ratio':
      return [i.rate, i.numerator, i.denominator];
    case 'growth':
      return [i.rate, i.change, i.current];
    case 'change':
      return [i.rate, i.prior, i.current];
    case 'equal':
      return [i.a, i.b];
    case 'bound':
      return [i.value, i.max];
  }
}

const HUNDRED = new Decimal(100);

type Values = ReadonlyMap<string, Decimal>;

function printed(q: Quantity, values: Values): Printed {
  const v = values.get(q.id);
  // a corrected figure may need more places than the printed one (12.5 → 12.35 beside 45.20)
  return v !== undefined ? { value: v, scale: Math.max(q.scale, v.decimalPlaces()), empty: false } : { value: q.value, scale: q.scale, empty: q.empty ?? false };
}

/** Whether an identity holds (within the rounding band) with some figures replaced. */
export function holds(i: Identity, values: Values = new Map()): 'pass' | 'rounding' | 'error' {
  switch (i.kind) {
    case 'sum':
      return judgeSum(
        printed(i.target, values),
        i.plus.map((q) => printed(q, values)),
        i.minus.map((q) => printed(q, values)),
      ).outcome;
    case 'ratio': {
      const d = printed(i.denominator, values);
      if (d.value.isZero()) return 'pass';
      const r = printed(i.rate, values);
      return outcomeOfRate(judgeRate(r.value, r.scale, printed(i.numerator, values), d, 2).outcome);
    }
    case 'growth': {
      const c = printed(i.change, values);
      const cur = printed(i.current, values);
      const prior = cur.value.minus(c.value.times(i.sign));
      if (prior.isZero() || prior.isNegative()) return 'pass';
      const r = printed(i.rate, values);
      return outcomeOfRate(judgeRate(r.value, r.scale, c, { value: prior, scale: Math.max(cur.scale, c.scale), empty: false }, 2).outcome);
    }
    case 'change': {
      const prior = printed(i.prior, values);
      if (!prior.value.isPositive()) return 'pass';
      const cur = printed(i.current, values);
      const r = printed(i.rate, values);
      const delta = { value: cur.value.minus(prior.value).times(i.sign), scale: Math.max(cur.scale, prior.scale), empty: false };
      return outcomeOfRate(judgeRate(r.value, r.scale, delta, prior, 2).outcome);
    }
    case 'equal': {
      const a = printed(i.a, values);
      const b = printed(i.b, values);
      return judgeSum(a, [b]).outcome;
    }
    case 'bound':
      return printed(i.value, values).value.gt(printed(i.max, values).value) ? 'error' : 'pass';
  }
}

function outcomeOfRate(o: 'pass' | 'rounding' | 'error' | 'zero-denominator'): 'pass' | 'rounding' | 'error' {
  return o === 'zero-denominator' ? 'pass' : o;
}

/** The value a figure must have for an identity to hold exactly, the others as printed; null where none does. */
export function solve(i: Identity, q: Quantity): Decimal | null {
  const v = (x: Quantity): Decimal => x.value;
  switch (i.kind) {
    case 'sum': {
      const sumOf = (xs: readonly Quantity[], skip: Quantity): Decimal => xs.filter((x) => x !== skip).reduce((a, x) => a.plus(v(x)), ZERO);
      if (q === i.target) return sumOf(i.plus, q).minus(sumOf(i.minus, q));
      if (i.plus.includes(q)) return v(i.target).minus(sumOf(i.plus, q)).plus(sumOf(i.minus, q));
      if (i.minus.includes(q)) return sumOf(i.plus, q).minus(sumOf(i.minus, q)).minus(v(i.target));
      return null;
    }
    case 'ratio': {
      if (q === i.rate) return v(i.denominator).isZero() ? null : HUNDRED.times(v(i.numerator)).dividedBy(v(i.denominator));
      if (q === i.numerator) return v(i.rate).times(v(i.denominator)).dividedBy(HUNDRED);
      if (q === i.denominator) return v(i.rate).isZero() ? null : HUNDRED.times(v(i.numerator)).dividedBy(v(i.rate));
      return null;
    }
    case 'growth': {
      const r = v(i.rate);
      const c = v(i.change);
      const cur = v(i.current);
      if (q === i.rate) {
        const prior = cur.minus(c.times(i.sign));
        return prior.isZero() ? null : HUNDRED.times(c).dividedBy(prior);
      }
      // prior = cur − s·c and c = r·prior/100  ⇒  c = r·cur / (100 + s·r)
      if (q === i.change) {
        const den = HUNDRED.plus(r.times(i.sign));
        return den.isZero() ? null : r.times(cur).dividedBy(den);
      }
      if (q === i.current) return r.isZero() ? null : c.times(i.sign).plus(HUNDRED.times(c).dividedBy(r));
      return null;
    }
    case 'change': {
      const r = v(i.rate).times(i.sign);
      const prior = v(i.prior);
      const cur = v(i.current);
      if (q === i.rate) return prior.isZero() ? null : HUNDRED.times(cur.minus(prior)).times(i.sign).dividedBy(prior);
      if (q === i.current) return prior.times(HUNDRED.plus(r)).dividedBy(HUNDRED);
      if (q === i.prior) return HUNDRED.plus(r).isZero() ? null : HUNDRED.times(cur).dividedBy(HUNDRED.plus(r));
      return null;
    }
    case 'equal':
      return q === i.a ? v(i.b) : q === i.b ? v(i.a) : null;
    case 'bound':
      return null;
  }
}

export interface Culprit {
  readonly quantity: Quantity;
  /** The value the evidence asks of it, at its printed precision or the identity's, if finer. */
  readonly expected: Decimal;
  readonly scale: number;
  /** The failures it explains (its consequences): the checks that fail now and hold with the correction. */
  readonly explains: Checked[];
  /** The identities that held and still hold with the correction (its corroboration; a bound that holds bears out nothing). */
  readonly corroborated: Checked[];
}

/**
 * Groups the failing checks into clusters (failures that share a figure), and finds in each the one
 * figure that explains them all, when there is exactly one. Clusters with no such figure, or with
 * several, are left alone.
 */
export function culprits(checks: readonly Checked[]): Culprit[] {
  return runSync(culpritsSteps(checks));
}

/** A cluster of more failures than this is no single defect: it is left to the rules' own findings. */
const MAX_CLUSTER = 64;

/** `culprits`, in steps (a page may hold tens of thousands of identities). */
export function* culpritsSteps(checks: readonly Checked[]): Steps<Culprit[]> {
  const out: Culprit[] = [];
  const failing = checks.filter((c) => c.outcome !== 'pass');
  if (!failing.some((c) => c.outcome === 'error')) return out;
  // the failing checks of each figure, and (for the figures of failures only) every check it takes part in
  const failingOf = new Map<string, Checked[]>();
  for (const [i, c] of failing.entries()) {
    if (i % 500 === 499) yield;
    for (const q of quantities(c.identity)) {
      const list = failingOf.get(q.id);
      if (list) list.push(c);
      else failingOf.set(q.id, [c]);
    }
  }
  const byQuantity = new Map<string, Checked[]>();
  let n = 0;
  for (const c of checks) {
    const qs = quantities(c.identity);
    // a step every few thousand figures: one identity may hold ten thousand
    n += qs.length;
    if (n > 5000) {
      n = 0;
      yield;
    }
    for (const q of qs) {
      if (!failingOf.has(q.id)) continue;
      const list = byQuantity.get(q.id);
      if (list) list.push(c);
      else byQuantity.set(q.id, [c]);
    }
  }
  // clusters: failures linked through shared figures (each figure's list walked once)
  const seen = new Set<Checked>();
  const walked = new Set<string>();
  for (const start of failing) {
    if (seen.has(start) || start.outcome !== 'error') continue;
    yield;
    const cluster: Checked[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const c = queue.pop() as Checked;
      cluster.push(c);
      for (const q of quantities(c.identity)) {
        if (walked.has(q.id)) continue;
        walked.add(q.id);
        for (const other of failingOf.get(q.id) ?? []) {
          if (!seen.has(other)) {
            seen.add(other);
            queue.push(other);
          }
        }
      }
    }
    const errors = cluster.filter((c) => c.outcome === 'error');
    if (errors.length > MAX_CLUSTER) continue;
    // candidates: figures in every failing identity of the cluster (beyond rounding)
    const first = errors[0] as Checked;
    const candidates = quantities(first.identity).filter((q) => errors.every((e) => quantities(e.identity).some((x) => x.id === q.id)));
    const explaining: Culprit[] = [];
    for (const candidate of candidates) {
      // the value an equality among the failures asks of it (a bound asks none)
      let q = candidate;
      let wanted: Decimal | null = null;
      let solver = first;
      for (const e of errors) {
        const own = quantities(e.identity).find((x) => x.id === candidate.id);
        const w = own ? solve(e.identity, own) : null;
        if (own && w) {
          q = own;
          wanted = w;
          solver = e;
          break;
        }
      }
      if (!wanted) continue;
      // at the places of the identity's other figures when they print more ("12.5" among "57.55")
      const scale = q.percent
        ? q.scale
        : Math.max(
            q.scale,
            ...quantities(solver.identity)
              .filter((x) => !x.percent)
              .map((x) => x.scale),
          );
      const value = wanted.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
      if (value.eq(q.value)) continue;
      const values = new Map([[q.id, value]]);
      const touching = byQuantity.get(q.id) ?? [];
      // every identity the figure takes part in holds with the correction
      if (!touching.every((c) => holds(c.identity, values) !== 'error')) continue;
      // and fails no more beyond rounding where it held before
      if (!touching.every((c) => c.outcome === 'error' || holds(c.identity, values) !== 'error')) continue;
      // what it explains: errors that hold with it (if only within rounding), rounding gaps it closes
      const explains = touching.filter((c) => {
        const now = holds(c.identity, values);
        return c.outcome === 'error' ? now !== 'error' : c.outcome === 'rounding' && now === 'pass';
      });
      // it must explain every error of the cluster
      const explained = new Set(explains);
      if (!errors.every((e) => explained.has(e) || holds(e.identity, values) === 'rounding')) continue;
      explaining.push({ quantity: q, expected: value, scale, explains, corroborated: touching.filter((c) => c.outcome === 'pass' && c.identity.kind !== 'bound') });
    }
    // a figure that other checks bear out is no suspect when another figure explains the failures
    const uncorroborated = explaining.filter((e) => e.corroborated.length === 0 || explaining.every((x) => x.corroborated.length > 0));
    const pool = uncorroborated.length > 0 ? uncorroborated : explaining;
    if (pool.length === 1) out.push(pool[0] as Culprit);
  }
  return out;
}

export { asPrinted };
