/**
 * Rates an auditor would question even when they are computed correctly: a project executed below
 * the threshold (90% by default; many provinces require a reason) or not at all, spending above the
 * budget (and spending with no budget), a 三公 item above its budget, a year-on-year change beyond
 * ±50%. These are not contradictions: severity review, category rate-anomaly, each with the reason
 * the report gives for it, or a note that it gives none. Thresholds come from the user's settings.
 *
 * Basis: issue 4 item 6; domain.md §2.3 ("预算执行率未达到90%的需说明原因"), §1 (三公 增减变化 explained).
 * Sample pages: 000-*.html (营商环境服务专项经费 4.42%; 行政运行 107.1% of 年初预算), 001-*.html
 * (省一体化平台硬件设备建设经费 29.38%; projects with a budget and no spending).
 */
import type { MessageKey } from '../../i18n/zh-CN.js';
import { Decimal, HUNDRED } from '../../model/decimal.js';
import { keyText } from '../../model/text.js';
import type { CellRef } from '../../model/table.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { printedAt } from '../../engine/tolerance.js';
import type { DocumentContext } from '../../engine/context.js';
import { formatAmount, formatPercent, formatSigned } from '../../i18n/format.js';
import type { Mention } from '../../narrative/mentions.js';
import { figureOf, type Statement } from '../../narrative/statement.js';
import { reportClaim, shown, subjectOf } from '../../engine/claim.js';
import { tablesOf, threePublicCell, type ThreePublicItem } from '../../narrative/lookup.js';
import { type Narrative } from '../../narrative/model.js';
import { performanceOf } from '../../narrative/document.js';
import { reasonIn, sentenceAround, type Reason } from '../../narrative/reasons.js';
import type { RecognisedTable } from '../../recognise/index.js';
import type { Steps } from '../../model/steps.js';
import { fig } from '../../contract/figure.js';

const dec = (n: number): Decimal => new Decimal(String(n));

const number = (rt: RecognisedTable, pos: { row: number; col: number } | undefined) => printedAt(rt.table, pos, true);

/** The reason the report gives: data for the message suffix ('' when it gives none). */
function reasonData(reason: Reason | string | null): { reason: string } {
  const text = typeof reason === 'string' ? reason : (reason?.text ?? '');
  return { reason: text.length > 120 ? `${text.slice(0, 119)}…` : text };
}

/** 执行率 of each 项目支出绩效自评表: low, nil, or above the budget. */
function* projects(ctx: DocumentContext, narrative: Narrative): Steps<void> {
  const t = ctx.thresholds;
  // each project's paragraph of the 情况说明, for its stated reason
  const paragraphs = new Map<number, number>();
  for (const st of narrative.statements) {
    if (st.id % 200 === 199) yield;
    const m = performanceOf(ctx.doc, st);
    if (m && !paragraphs.has(m.rt.table.index)) paragraphs.set(m.rt.table.index, st.passage);
  }
  for (const rt of ctx.doc.tables) {
    const perf = rt.performance;
    const total = perf?.funds.find((f) => f.total) ?? perf?.funds[0];
    if (!perf || !total) continue;
    yield;
    const budget = number(rt, total.cells.annual);
    const executed = number(rt, total.cells.executed);
    if (!budget || !executed || !budget.value.gt(0)) continue;
    const rateCell = total.cells.rate;
    const exact = executed.value.dividedBy(budget.value).times(HUNDRED);
    const none = executed.value.isZero();
    const low = exact.lt(dec(t.executionBelow));
    const over = exact.gt(dec(t.completionAbove));
    if (!none && !low && !over) {
      ctx.pass(
        [total.cells.executed, total.cells.annual].flatMap((x) => (x ? [{ table: rt.table.index, row: x.row, col: x.col }] : [])),
        'bound',
      );
      continue;
    }
    // the reason: the table's own 偏差原因 cells, else the project's paragraph
    const cellReason = perf.indicators.map((i) => (i.reason ? (rt.table.grid[i.reason.row]?.[i.reason.col]?.text ?? '') : '')).find((text) => text !== '' && !/^(?:无|\/|—+|-+)$/u.test(keyText(text)));
    const passage = paragraphs.get(rt.table.index);
    const p = passage !== undefined ? narrative.passages[passage] : undefined;
    const reason = cellReason ?? (p ? reasonIn(p.text, 0, p.text.length, true) : null);
    const target: CellRef = { table: rt.table.index, ...(rateCell ?? total.cells.executed ?? { row: 0, col: 0 }) };
    const related = [total.cells.executed, total.cells.annual].filter((x) => x !== undefined).map((x) => ({ table: rt.table.index, row: x.row, col: x.col }));
    ctx.report({
      severity: 'review',
      category: 'rate-anomaly',
      table: rt.table.index,
      cells: [target],
      related,
      quote: null,
      stated: fig(exact, 2),
      expected: null,
      difference: null,
      messageId: none ? 'anomaly-no-spending' : over ? 'anomaly-over-budget' : 'anomaly-execution',
      data: {
        subject: perf.project ?? '',
        budget: formatAmount(budget.value, budget.scale),
        executed: formatAmount(executed.value, executed.scale),
        rate: formatPercent(exact, 2),
        threshold: over ? t.completionAbove : t.executionBelow,
        ...reasonData(reason),
      },
    });
  }
}

/** Budget items of the 情况说明 (年初预算 and 支出决算): above the budget, or spending without one. */
function* budgetItems(ctx: DocumentContext, narrative: Narrative): Steps<void> {
  const t = ctx.thresholds;
  const threeTable = tablesOf(ctx.doc, ['D09', 'B07']).length > 0;
  for (const st of narrative.statements) {
    if (st.id % 200 === 199) yield;
    const p = narrative.passages[st.passage];
    const budget = st.budget?.mention;
    const final = st.final;
    if (!p || !budget || !final || p.topic === 'performance') continue;
    if (threeTable && st.concept?.startsWith('three-')) continue; // the 三公 table is checked itself
    let messageId: MessageKey | null = null;
    let rate: Decimal | null = null;
    if (budget.value.isZero() && final.value.gt(0)) messageId = 'anomaly-no-budget';
    else if (!budget.value.isZero()) {
      rate = final.value.dividedBy(budget.value).times(HUNDRED);
      if (rate.gt(dec(t.completionAbove))) messageId = 'anomaly-over-budget';
    }
    if (!messageId) {
      ctx.pass([], 'bound');
      continue;
    }
    // "决算数大于预算数的主要原因是…", in this sentence or the next
    const cmp = st.comparison;
    const cp = cmp ? narrative.passages[cmp.passage] : undefined;
    const reason = cmp && cp ? reasonIn(cp.text, cmp.end, sentenceAround(cp.text, cmp.end)[1] + 1) : reasonIn(p.text, st.start, sentenceAround(p.text, st.end)[1] + 1);
    reportClaim(ctx, narrative, {
      st,
      span: { start: st.start, end: st.end, focus: final.start },
      severity: 'review',
      category: 'rate-anomaly',
      messageId,
      stated: rate ? fig(rate, 2) : null,
      expected: null,
      difference: null,
      data: { subject: subjectOf(st), budget: shown(budget), executed: shown(final), rate: rate ? formatPercent(rate, 2) : '', threshold: t.completionAbove, ...reasonData(reason) },
    });
  }
}

/** Year-on-year changes beyond the threshold (one finding per distinct change). */
function* changes(ctx: DocumentContext, narrative: Narrative): Steps<void> {
  const t = ctx.thresholds;
  // one decline restated in several sections (7045 / 7044.9 / 7044.97, 57.7%) is one question,
  // asked where the report explains it if it does anywhere
  const groups = new Map<string, Array<{ st: Statement; rate: Decimal; reason: Reason | null }>>();
  for (const st of narrative.statements) {
    if (st.id % 200 === 199) yield;
    const p = narrative.passages[st.passage];
    const change = st.change;
    const m = change?.mention;
    if (!p || !change || !m || change.direction === 'flat' || !/元$/u.test(m.unit)) continue;
    const inWan = m.unit === '元' ? m.value.dividedBy(10000) : m.unit === '亿元' ? m.value.times(10000) : m.value;
    if (inWan.abs().lt(dec(t.changeFloor))) continue;
    // the rate the figures give (a wrongly stated rate is text-growth's finding, not a question)
    const current: Mention | undefined = figureOf(st);
    const prior = current ? (change.direction === 'up' ? current.value.minus(m.value) : current.value.plus(m.value)) : null;
    let rate: Decimal | null = prior?.gt(0) ? m.value.dividedBy(prior).times(HUNDRED) : null;
    if (!rate && !current && st.rate?.mention && st.rate.mention.unit === '%') rate = st.rate.mention.value;
    if (!rate) continue;
    if (!rate.abs().gt(dec(t.changeBeyond))) {
      ctx.pass([], 'bound');
      continue;
    }
    const key = `${change.direction}|${rate.abs().toFixed(0)}|${inWan.toFixed(0)}`;
    const reason = reasonIn(p.text, change.end, sentenceAround(p.text, change.end)[1] + 1);
    const group = groups.get(key);
    if (group) group.push({ st, rate, reason });
    else groups.set(key, [{ st, rate, reason }]);
  }
  for (const group of groups.values()) {
    const { st, rate, reason } = group.find((g) => g.reason) ?? (group[0] as (typeof group)[number]);
    const change = st.change;
    const m = change?.mention;
    if (!change || !m) continue;
    const signed = change.direction === 'down' ? rate.abs().negated() : rate.abs();
    reportClaim(ctx, narrative, {
      st,
      span: { start: change.start, end: st.rate?.mention.end ?? m.end, focus: m.start },
      severity: 'review',
      category: 'rate-anomaly',
      messageId: 'anomaly-change',
      stated: fig(signed, 2),
      expected: null,
      difference: null,
      data: { subject: subjectOf(st), change: `${change.direction === 'down' ? '−' : '+'}${shown(m)}`, rate: `${formatSigned(signed, 2)}%`, threshold: t.changeBeyond, ...reasonData(reason) },
    });
  }
}

const THREE_ITEMS: ReadonlyArray<[ThreePublicItem, string]> = [
  ['total', '合计'],
  ['abroad', '因公出国（境）费'],
  ['vehicle-purchase', '公务用车购置费'],
  ['vehicle-running', '公务用车运行维护费'],
  ['reception', '公务接待费'],
];

/** 三公 spending above its budget, item by item (the total only when no item explains it). */
function threePublic(ctx: DocumentContext, narrative: Narrative): void {
  const t = ctx.thresholds;
  const over: Array<{ item: string; budget: ReturnType<typeof threePublicCell>; final: ReturnType<typeof threePublicCell> }> = [];
  for (const [item, name] of THREE_ITEMS) {
    const budget = threePublicCell(ctx.doc, 'budget', item);
    const final = threePublicCell(ctx.doc, 'final', item);
    if (!budget || !final || budget.rt !== final.rt) continue;
    const b = budget.printed.value;
    const f = final.printed.value;
    if (b.isZero() ? f.gt(0) : f.dividedBy(b).times(HUNDRED).gt(dec(t.completionAbove))) over.push({ item: name, budget, final });
    else ctx.pass([budget.ref, final.ref], 'bound');
  }
  const items = over.filter((o) => o.item !== '合计');
  for (const o of items.length > 0 ? items : over) {
    if (!o.budget || !o.final) continue;
    const b = o.budget.printed.value;
    const f = o.final.printed.value;
    const rate = b.isZero() ? null : f.dividedBy(b).times(HUNDRED);
    // the 三公 section's explanation of the item, when it gives one
    const st = narrative.statements.find((s) => s.concept !== null && s.concept.startsWith('three-') && keyText(s.subject).includes(keyText(o.item === '合计' ? '三公' : o.item).slice(0, 4)));
    const p = st ? narrative.passages[st.passage] : undefined;
    const reason = st && p ? reasonIn(p.text, st.start, Math.min(p.text.length, st.end + 200)) : null;
    ctx.report({
      severity: 'review',
      category: 'rate-anomaly',
      table: o.final.rt.table.index,
      cells: [o.final.ref],
      related: [o.budget.ref],
      quote: null,
      stated: rate ? fig(rate, 2) : null,
      expected: null,
      difference: null,
      messageId: rate ? 'anomaly-three-over' : 'anomaly-no-budget',
      data: {
        subject: o.item,
        budget: formatAmount(b, o.budget.printed.scale),
        executed: formatAmount(f, o.final.printed.scale),
        rate: rate ? formatPercent(rate, 2) : '',
        threshold: t.completionAbove,
        ...reasonData(reason),
      },
    });
  }
}

export default defineDocumentRule({
  meta: {
    id: 'rate-anomaly',
    category: 'rate-anomaly',
    description: { zh: '值得追问的比率：执行率过低、超预算支出、变动过大（阈值可调）', en: 'Rates worth a question: low execution, spending above budget, large changes (thresholds adjustable)' },
    basis: 'issue 4 item 6; domain.md §2.3, §1',
    messages: ['anomaly-execution', 'anomaly-no-spending', 'anomaly-over-budget', 'anomaly-no-budget', 'anomaly-change', 'anomaly-three-over'],
  },
  *run(ctx) {
    const narrative = ctx.doc.narrative;
    yield* projects(ctx, narrative);
    yield* budgetItems(ctx, narrative);
    yield* changes(ctx, narrative);
    threePublic(ctx, narrative);
  },
});
