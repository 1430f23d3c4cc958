/**
 * What a 绩效自评表 says in words against what its indicators say in figures. The 实际完成情况 text
 * of the form, and the project's paragraph of the 情况说明, restate achievements ("机要交换单位满意度
 * 达98%", "报送动态信息 2000 余条"); an indicator of the same table measures the same thing
 * (交换单位满意度 实际完成值 90%). Two values for one quantity is review: the prose may count a
 * different thing, but one of the two is likely wrong.
 *
 * Matching is by name (containment or shared words) and unit; a satisfaction figure goes to the
 * table's only satisfaction indicator. A figure that fits two indicators equally well is left alone.
 * Basis: domain.md §4.5; §4.4 N07 (a figure stated twice).
 * Sample pages: 002-*.html (机要交换系统维护费 98% vs 90%; 参事、馆员满意度 94% vs 96%; 2000 余条 vs 800 条).
 */
import { defineDocumentRule } from '../../engine/rule.js';
import type { DocumentContext } from '../../engine/context.js';
import { keyText } from '../../model/text.js';
import { bigrams } from '../../narrative/concepts.js';
import { performanceOf } from '../../narrative/document.js';
import { locate } from '../../narrative/passages.js';
import { quantityClaims, type QuantityClaim } from '../../narrative/quantities.js';
import type { Indicator, RecognisedTable } from '../../recognise/index.js';
import { fig } from '../../contract/figure.js';

const GENERIC_END = /(?:数量|次数|条数|场次|人次|人数|个数|家数|批次|数)$/u;
const GENERIC_START = /^(?:全年|本年度|年度|本年)?(?:开展|完成|组织|实现|举办|召开)?/u;

function core(name: string): string {
  return keyText(name)
    .replace(/[“”"'《》]/gu, '')
    .replace(GENERIC_END, '')
    .replace(GENERIC_START, '');
}

/** How much of the shorter name the longer one shares (bigram overlap; containment is 1). */
function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 2 && long.includes(short)) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / Math.max(1, Math.min(x.size, y.size));
}

const unitOf = (u: string): string => (u === '场次' ? '次' : u);

/** The indicator a prose figure restates, or null when none or several fit. */
function indicatorOf(claim: QuantityClaim, indicators: readonly Indicator[]): Indicator | null {
  const candidates = indicators.filter((i) => i.actual?.quantity && unitOf(i.actual.quantity.unit) === unitOf(claim.unit));
  const satisfaction = /满意/u.test(claim.phrase);
  if (satisfaction) {
    const s = candidates.filter((i) => /满意/u.test(i.name));
    if (s.length === 1) return s[0] ?? null;
  }
  const phrase = core(claim.phrase);
  const scored = candidates.map((i) => ({ i, s: similarity(phrase, core(i.name)) })).sort((a, b) => b.s - a.s);
  const [best, second] = scored;
  if (!best || best.s < 0.4 || (second && best.s - second.s < 0.15)) return null;
  return best.i;
}

/** The prose figure and the indicator's figure differ (an approximate figure by more than 10%). */
function differs(claim: QuantityClaim, indicator: Indicator): boolean {
  const q = indicator.actual?.quantity;
  if (!q) return false;
  if (claim.value.eq(q.value)) return false;
  if (!claim.approx) return true;
  return claim.value.minus(q.value).abs().gt(q.value.abs().times(0.1));
}

function report(
  ctx: DocumentContext,
  rt: RecognisedTable,
  claim: QuantityClaim,
  indicator: Indicator,
  where: { cell?: { row: number; col: number }; quote?: { block: number; start: number; end: number; text: string } | null },
  text: string,
): void {
  const q = indicator.actual?.quantity;
  const actual = indicator.actual;
  if (!q || !actual) return;
  const project = rt.performance?.project ?? '';
  const said = text.slice(claim.start, claim.end);
  ctx.report({
    severity: 'review',
    category: 'text-vs-table',
    table: where.cell ? rt.table.index : null,
    cells: where.cell ? [{ table: rt.table.index, row: where.cell.row, col: where.cell.col }] : [],
    related: [{ table: rt.table.index, row: actual.pos.row, col: actual.pos.col }],
    quote: where.quote ?? null,
    stated: fig(claim.value, claim.scale),
    expected: fig(q.value, q.scale),
    difference: fig(claim.value.minus(q.value), Math.max(claim.scale, q.scale)),
    messageId: where.cell ? 'perf-outcome-indicator' : 'perf-text-indicator',
    data: { project, said, indicator: indicator.name, actual: actual.text },
  });
}

export default defineDocumentRule({
  meta: {
    id: 'perf-text-indicators',
    category: 'text-vs-table',
    description: { zh: '绩效自评表及情况说明的文字所述完成值与绩效指标实际完成值一致', en: 'Achievements stated in words agree with the indicators’ actual values' },
    basis: 'domain.md §4.5; §4.4 N07',
    messages: ['perf-outcome-indicator', 'perf-text-indicator'],
  },
  *run(ctx) {
    // the form's own 实际完成情况 text
    for (const rt of ctx.doc.tables) {
      const perf = rt.performance;
      if (!perf?.outcome || perf.indicators.length === 0) continue;
      yield;
      for (const claim of quantityClaims(perf.outcome.text)) {
        const indicator = indicatorOf(claim, perf.indicators);
        if (indicator && differs(claim, indicator)) report(ctx, rt, claim, indicator, { cell: perf.outcome.pos }, perf.outcome.text);
        else if (indicator?.actual) ctx.pass([{ table: rt.table.index, row: indicator.actual.pos.row, col: indicator.actual.pos.col }], 'bound');
      }
    }
    // each project's paragraph of the 情况说明
    const narrative = ctx.doc.narrative;
    const done = new Set<number>();
    for (const st of narrative.statements) {
      if (done.has(st.passage)) continue;
      const match = performanceOf(ctx.doc, st);
      const p = narrative.passages[st.passage];
      if (!match || !p) continue;
      done.add(st.passage);
      yield;
      const from = Math.max(0, p.text.search(/完成情况/u));
      for (const claim of quantityClaims(p.text.slice(from))) {
        const indicator = indicatorOf(claim, match.perf.indicators);
        if (!indicator) continue;
        if (!differs(claim, indicator)) {
          if (indicator.actual) ctx.pass([{ table: match.rt.table.index, row: indicator.actual.pos.row, col: indicator.actual.pos.col }], 'bound');
          continue;
        }
        const start = from + claim.start;
        const end = from + claim.end;
        const loc = locate(p, start, end);
        report(ctx, match.rt, { ...claim, start, end }, indicator, { quote: loc ? { block: loc.block, start: loc.start, end: loc.end, text: loc.text } : null }, p.text);
      }
    }
  },
});
