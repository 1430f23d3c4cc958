/**
 * After the rules ran: the evidence of every identity decides which figure is wrong (evidence.ts).
 * A figure that alone explains a cluster of failures gets one error finding; the failures it
 * explains leave the list and become that finding's consequences.
 */
import { BLANK, formatAmount, formatPercent, formatSigned } from '../i18n/format.js';
import type { EngineFinding, Sink } from './context.js';
import type { Decimal } from '../model/decimal.js';
import { culpritsSteps, type Identity, type Quantity } from './evidence.js';
import { runSync, type Steps } from '../model/steps.js';
import { fig } from '../contract/figure.js';

/** An identity in words, with the corrected figure: "本年支出合计 525.54 = 基本支出 445.80 + 项目支出 79.74". */
function describe(i: Identity, id: string, value: Decimal, scale: number): string {
  const show = (q: Quantity): string => `${q.name} ${q.id === id ? value.toFixed(Math.max(q.scale, scale)) : q.value.toFixed(q.scale)}${q.percent ? '%' : ''}`;
  switch (i.kind) {
    case 'sum':
      return `${show(i.target)} = ${[...i.plus.map(show), ...i.minus.map((m) => `− ${show(m)}`)].join(' + ').replace(/\+ −/gu, '−')}`;
    case 'ratio':
      return `${show(i.rate)} = ${show(i.numerator)} ÷ ${show(i.denominator)}`;
    case 'growth':
      return `${show(i.rate)} = ${show(i.change)} ÷ (${show(i.current)} ${i.sign > 0 ? '−' : '+'} ${i.change.id === id ? value.toFixed(Math.max(i.change.scale, scale)) : i.change.value.toFixed(i.change.scale)})`;
    case 'change':
      return `${show(i.rate)} = (${show(i.current)} − ${show(i.prior)}) ÷ ${show(i.prior)}`;
    case 'equal':
      return `${show(i.a)} = ${show(i.b)}`;
    case 'bound':
      return `${show(i.value)} ≤ ${show(i.max)}`;
  }
}

export function applyEvidence(sink: Sink): void {
  runSync(applyEvidenceSteps(sink));
}

/** `applyEvidence`, in steps. */
export function* applyEvidenceSteps(sink: Sink): Steps<void> {
  const found = yield* culpritsSteps(sink.checks);
  if (found.length === 0) return;
  const removed = new Set<EngineFinding>();
  for (const c of found) {
    const explained = c.explains.map((x) => x.finding as EngineFinding | null).filter((f): f is EngineFinding => f !== null && !removed.has(f));
    const errors = explained.filter((f) => f.severity === 'error');
    // one figure for several errors: a single failure keeps the rule's own finding and wording
    if (errors.length < 2) continue;
    const q = c.quantity;
    const primary = errors[0] as EngineFinding;
    const difference = q.value.minus(c.expected);
    const fmt = q.percent ? formatPercent : formatAmount;
    const related = explained.flatMap((f) => [...f.cells, ...f.related]).filter((r) => !q.cell || r.table !== q.cell.table || r.row !== q.cell.row || r.col !== q.cell.col);
    const culprit: EngineFinding = {
      id: '',
      rule: primary.rule,
      severity: 'error',
      category: primary.category,
      table: q.cell ? q.cell.table : null,
      cells: q.cell ? [q.cell] : [],
      related: related.filter((r, i) => related.findIndex((x) => x.table === r.table && x.row === r.row && x.col === r.col) === i),
      quote: q.cell ? null : (q.quote ?? primary.quote),
      stated: q.empty ? null : fig(q.value, q.scale),
      expected: fig(c.expected, c.scale),
      difference: fig(difference, c.scale),
      messageId: 'evidence-culprit',
      data: {
        name: q.name,
        stated: q.empty ? BLANK : fmt(q.value, q.scale),
        expected: fmt(c.expected, c.scale),
        difference: formatSigned(difference, c.scale),
        count: explained.length,
        held: c.corroborated.length,
        identities: c.explains.map((x) => describe(x.identity, q.id, c.expected, c.scale)).join('；'),
      },
      cause: null,
      checks: explained.flatMap((f) => f.checks),
      consequences: explained,
    };
    for (const f of explained) removed.add(f);
    sink.findings.push(culprit);
  }
  if (removed.size === 0) return;
  const kept = sink.findings.filter((f) => !removed.has(f));
  sink.findings.length = 0;
  sink.findings.push(...kept);
}
