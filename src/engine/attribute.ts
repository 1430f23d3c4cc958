/**
 * After the rules ran: fold findings that repeat the same arithmetic (a 款 and its only 项 printing
 * the same wrong figures; the 合计 and 一般公共预算 columns of a total row), then blame the likely
 * culprit of a failing row identity: when the total is corroborated by other checks and exactly
 * one of its parts is not, the part is what looks wrong (基本支出 1,887.42 holds against its 项 rows,
 * so 人员经费 1,805.13 is the figure to fix, not the total).
 */
import { fig, figureText } from '../contract/figure.js';
import { Decimal, ZERO, sum } from '../model/decimal.js';
import type { CellRef } from '../model/table.js';
import { BLANK, formatAmount, formatSigned } from '../i18n/format.js';
import type { EngineFinding, Sink } from './context.js';
import type { Steps } from '../model/steps.js';

const key = (r: CellRef): string => `${r.table}:${r.row}:${r.col}`;

/** Folds findings of the same rule whose arithmetic is identical (same stated, expected and parts), a few hundred at a time. */
export function* foldEchoesSteps(findings: EngineFinding[], values: (r: CellRef) => string): Steps<EngineFinding[]> {
  const out: EngineFinding[] = [];
  const groups = new Map<string, EngineFinding>();
  for (const [i, f] of findings.entries()) {
    if (i % 300 === 299) yield;
    if (f.checks.length !== 1 || f.quote) {
      out.push(f);
      continue;
    }
    const check = f.checks[0] as EngineFinding['checks'][number];
    const signature = [f.rule, f.table, f.severity, figureText(f.stated), figureText(f.expected), check.plus.map(values).join(','), check.minus.map(values).join(',')].join('|');
    const existing = groups.get(signature);
    if (existing && sameShape(existing, f)) {
      existing.cells.push(...f.cells);
      existing.related.push(...f.related.filter((r) => !existing.related.some((e) => key(e) === key(r))));
      existing.checks.push(...f.checks);
      continue;
    }
    groups.set(signature, f);
    out.push(f);
  }
  return out;
}

/** Two checks repeat each other when they run along the same row (other columns) or the same columns (other rows). */
function sameShape(a: EngineFinding, b: EngineFinding): boolean {
  const ca = a.checks[0];
  const cb = b.checks[0];
  if (!ca || !cb) return false;
  const sameRow = ca.target.row === cb.target.row;
  const sameCols = ca.target.col === cb.target.col && ca.plus.length === cb.plus.length && ca.plus.every((p, i) => p.col === cb.plus[i]?.col);
  return sameRow || sameCols;
}

interface Tally {
  errors: number;
  passes: number;
}

function* tallies(sink: Sink): Steps<Map<string, Tally>> {
  const t = new Map<string, Tally>();
  const get = (r: CellRef): Tally => {
    let v = t.get(key(r));
    if (!v) t.set(key(r), (v = { errors: 0, passes: 0 }));
    return v;
  };
  for (const [i, f] of sink.findings.entries()) {
    if (i % 500 === 499) yield;
    if (f.severity !== 'error') continue;
    for (const c of f.checks) for (const r of [c.target, ...c.plus, ...c.minus]) get(r).errors++;
  }
  let cells = 0;
  for (const p of sink.passed) {
    // a step every few thousand cells: one identity may hold ten thousand
    cells += p.cells.length;
    if (cells > 5000) {
      cells = 0;
      yield;
    }
    for (const r of p.cells) get(r).passes++;
  }
  return t;
}

export interface Valuer {
  value(r: CellRef): { value: Decimal; scale: number; empty: boolean } | null;
  name(r: CellRef, relativeTo: CellRef): string;
}

/**
 * Re-targets failing row identities (rule `column-sum`) at the part that is most likely wrong, in steps.
 * The finding then states the part's printed value and the value the total implies for it.
 */
export function* attributeCulpritsSteps(sink: Sink, findings: EngineFinding[], valuer: Valuer): Steps<void> {
  const t = yield* tallies(sink);
  const tally = (r: CellRef): Tally => t.get(key(r)) ?? { errors: 0, passes: 0 };
  for (const [i, f] of findings.entries()) {
    if (i % 200 === 199) yield;
    if (f.rule !== 'column-sum' || f.severity !== 'error' || f.messageId === 'evidence-culprit') continue;
    const check = f.checks[0];
    if (!check || check.minus.length > 0) continue;
    const total = tally(check.target);
    const corroborated = total.passes >= 1 && total.errors <= 1;
    if (!corroborated) continue;
    let suspects = check.plus.filter((p) => tally(p).errors >= 2);
    if (suspects.length !== 1) {
      suspects = check.plus.filter((p) => {
        const v = valuer.value(p);
        return v !== null && !v.empty && tally(p).passes === 0;
      });
    }
    if (suspects.length !== 1) continue;
    const culprit = suspects[0] as CellRef;
    const col = culprit.col;
    const target = valuer.value(check.target);
    const part = valuer.value(culprit);
    if (!target || !part) continue;
    const others = check.plus.filter((p) => key(p) !== key(culprit)).map((p) => valuer.value(p)?.value ?? ZERO);
    const scale = Math.max(target.scale, part.scale);
    const expected = target.value.minus(sum(others));
    const difference = part.value.minus(expected);
    // every folded echo gets the same treatment: its cell in the culprit's column
    const cells = f.checks.map((c) => ({ table: c.target.table, row: c.target.row, col }));
    const related = f.checks.flatMap((c) => [c.target, ...c.plus.filter((p) => p.col !== col)]);
    const update: Pick<EngineFinding, 'cells' | 'related' | 'stated' | 'expected' | 'difference' | 'messageId' | 'data' | 'cause'> = {
      cells,
      related,
      stated: part.empty ? null : fig(part.value, scale),
      expected: fig(expected, scale),
      difference: fig(difference, scale),
      messageId: 'column-sum-part',
      data: {
        ...f.data,
        part: valuer.name(culprit, check.target),
        total: valuer.name(check.target, check.target),
        stated: part.empty ? BLANK : formatAmount(part.value, scale),
        expected: formatAmount(expected, scale),
        difference: formatSigned(difference, scale),
        totalValue: target.empty ? BLANK : formatAmount(target.value, target.scale),
      },
      cause: null,
    };
    Object.assign(f, update);
  }
}

export { Decimal };
