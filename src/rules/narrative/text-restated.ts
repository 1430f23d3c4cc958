/**
 * One quantity stated twice in the 情况说明 must be stated alike.
 *
 * - Vehicles: the 三公 section's 公务用车保有量 is part of the assets section's 共有车辆 at the same
 *   date. More official vehicles than vehicles in all is a contradiction (unless the count of all
 *   vehicles is for a narrower body, 本级, than the report, 汇总); fewer is review (the 三公 count may
 *   leave some vehicles out).
 * - Changes of one base: 财政拨款收入, 财政拨款收支总计 and 一般公共预算财政拨款支出 that are equal this
 *   year (no 财政拨款 carry-over) can only have different changes on last year if last year's figures
 *   differed; the odd one out is review.
 *
 * Basis: domain.md §4.4 N07.
 * Sample pages: 000-*.html (保有量 6 辆 vs 共有车辆 4 辆; 减少 7044.97 vs 7044.9), 002-*.html (105 vs 119).
 */
import { Decimal } from '../../model/decimal.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { formatAmount, formatSigned } from '../../i18n/format.js';
import type { Mention } from '../../narrative/mentions.js';
import { figureOf, type Statement } from '../../narrative/statement.js';
import { reportClaim, shown } from '../../engine/claim.js';
import { currentOf, resolve } from '../../narrative/model.js';
import { fig } from '../../contract/figure.js';

/** Concepts that are one figure when there is no 财政拨款 carry-over. */
const FISCAL = new Set(['fiscal-total', 'fiscal-income', 'fiscal-expenditure', 'general-expenditure']);

/** `a` is `b` printed to fewer decimals. */
function roundsTo(fine: Mention, coarse: Mention): boolean {
  return fine.scale > coarse.scale && fine.value.toDecimalPlaces(coarse.scale, Decimal.ROUND_HALF_UP).eq(coarse.value);
}

export default defineDocumentRule({
  meta: {
    id: 'text-restated',
    category: 'text-vs-text',
    description: { zh: '情况说明中两处陈述的同一数量一致', en: 'A quantity stated twice in the narrative is stated alike' },
    basis: 'domain.md §4.4 N07',
    messages: ['vehicles-over', 'vehicles-under', 'restated-change', 'restated-change-same'],
  },
  run(ctx) {
    const narrative = ctx.doc.narrative;
    const statements = narrative.statements;

    // 公务用车保有量 against 共有车辆
    const official = statements.find((s) => s.concept === 'vehicles-official' && s.count);
    const all = statements.find((s) => s.concept === 'vehicles-all' && s.count);
    if (official?.count && all?.count && !official.count.value.eq(all.count.value)) {
      const over = official.count.value.gt(all.count.value);
      const department = ctx.doc.tables.map((t) => t.table.meta.department ?? '').find((d) => d !== '') ?? '';
      const narrower = /本级/u.test(all.subject) && /汇总/u.test(department);
      reportClaim(ctx, narrative, {
        st: official,
        span: { start: official.start, end: official.end, focus: official.count.start },
        severity: over && !narrower ? 'error' : 'review',
        category: 'text-vs-text',
        messageId: over ? 'vehicles-over' : 'vehicles-under',
        stated: fig(official.count.value, 0),
        expected: fig(all.count.value, 0),
        difference: fig(official.count.value.minus(all.count.value), 0),
        data: { stated: shown(official.count), subject: all.subject, expected: shown(all.count) },
      });
    } else if (official?.count && all?.count) ctx.pass([], 'exact');

    // one quantity (one concept, one figure this year) stated twice with two different changes
    const byQuantity = new Map<string, Statement[]>();
    for (const s of statements) {
      const m = currentOf(narrative, s);
      if (!s.concept || !m || !s.change?.mention || s.change.direction === 'flat' || m.value.isZero()) continue;
      const key = `${s.concept}|${m.value.toFixed(2)}|${s.change.direction}`;
      const list = byQuantity.get(key);
      if (list) list.push(s);
      else byQuantity.set(key, [s]);
    }
    const reported = new Set<Statement>();
    for (const list of byQuantity.values()) {
      if (list.length < 2) continue;
      const first = list[0] as Statement;
      const a = first.change?.mention as Mention;
      for (const s of list.slice(1)) {
        const b = s.change?.mention as Mention;
        if (b.value.eq(a.value) || roundsTo(a, b) || roundsTo(b, a)) {
          ctx.pass([], 'exact');
          continue;
        }
        const scale = Math.max(a.scale, b.scale);
        const m = currentOf(narrative, s) as Mention;
        reported.add(s);
        reportClaim(ctx, narrative, {
          st: s,
          span: { start: s.change?.start ?? s.start, end: b.end, focus: b.start },
          severity: 'error',
          category: 'text-vs-text',
          messageId: 'restated-change-same',
          stated: fig(b.value, scale),
          expected: fig(a.value, scale),
          difference: fig(b.value.minus(a.value), scale),
          data: {
            subject: s.subject,
            other: first.subject,
            current: shown(m),
            verb: s.change?.direction === 'up' ? '@word.up' : '@word.down',
            stated: shown(b),
            expected: shown(a),
            difference: formatSigned(b.value.minus(a.value), scale),
          },
        });
      }
    }

    // changes of equal fiscal figures
    const current = (s: Statement): Mention | { value: Decimal; scale: number } | null => figureOf(s) ?? resolve(ctx.doc, narrative, s, 'amount')?.cell.printed ?? null;
    const changes = statements.filter((s) => s.concept !== null && FISCAL.has(s.concept) && s.change?.mention && s.change.direction !== 'flat');
    const groups = new Map<string, Statement[]>();
    for (const s of changes) {
      const c = current(s);
      if (!c || c.value.isZero() || c.scale < 2) continue;
      const key = `${c.value.toFixed(2)}|${s.change?.direction}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const group of groups.values()) {
      if (new Set(group.map((s) => s.concept)).size < 2 || group.some((s) => reported.has(s))) continue;
      const values = group.map((s) => s.change?.mention as Mention);
      // the value most statements give; the others are the odd ones out
      const tally = new Map<string, number>();
      for (const v of values) tally.set(v.value.toString(), (tally.get(v.value.toString()) ?? 0) + 1);
      const [common, n] = [...tally.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      if (n >= 2 && tally.size === 1) ctx.pass([], 'exact');
      if (n < 2 || tally.size < 2) continue;
      const base = values.find((v) => v.value.toString() === common) as Mention;
      group.forEach((s, i) => {
        const v = values[i] as Mention;
        if (v.value.eq(base.value)) return;
        if (roundsTo(v, base) || roundsTo(base, v)) {
          ctx.pass([], 'exact');
          return;
        }
        const scale = Math.max(v.scale, base.scale);
        const others = group.filter((o, k) => values[k]?.value.eq(base.value)).map((o) => o.subject);
        const c = current(s);
        reportClaim(ctx, narrative, {
          st: s,
          span: { start: s.change?.start ?? s.start, end: v.end, focus: v.start },
          severity: 'review',
          category: 'text-vs-text',
          messageId: 'restated-change',
          stated: fig(v.value, scale),
          expected: fig(base.value, scale),
          difference: fig(v.value.minus(base.value), scale),
          data: {
            subject: s.subject,
            verb: s.change?.direction === 'up' ? '@word.up' : '@word.down',
            stated: shown(v),
            others: others.join('、'),
            expected: shown(base),
            current: c ? formatAmount(c.value, c.scale) : '',
            difference: formatSigned(v.value.minus(base.value), scale),
          },
        });
      });
    }
  },
});
