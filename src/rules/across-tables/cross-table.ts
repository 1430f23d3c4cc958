/**
 * Figures that two tables of one report both print must agree: 收入支出决算总表 本年收入合计 and
 * 收入决算表 合计, 本年支出合计 and 支出决算表 合计 and their functional classes, the 一般公共预算
 * column of 财政拨款收入支出决算总表 and 一般公共预算财政拨款支出决算表 (in total and class by class),
 * the fund columns and the fund tables, 基本支出 / 人员经费 / 公用经费 and the 基本支出 detail table.
 * A figure of a narrower scope (一般公共预算 ⊂ 财政拨款 ⊂ all funds) that exceeds the same figure of
 * a wider one is review: scopes are how tables legitimately differ, and a report may assign them
 * loosely. A class with no line of its own is compared through the sum of its 款 or 项.
 *
 * Basis: domain.md §4.2 X01–X04, X06 (and the 部门预算 counterparts).
 * Sample pages: 000-*.html (一般公共服务支出 4,675.09 in 财政拨款收入支出决算总表 vs 4,675.08 in 公开05表).
 */
import { Decimal } from '../../model/decimal.js';
import type { CellRef } from '../../model/table.js';
import { defineDocumentRule } from '../../engine/rule.js';
import type { DocumentContext } from '../../engine/context.js';
import { likelyCause } from '../../engine/cause.js';
import { judgeSum, printedAt, type Printed } from '../../engine/tolerance.js';
import { BLANK, formatAmount, formatSigned } from '../../i18n/format.js';
import { WIDER, type Figure, type Scope } from '../../recognise/figures.js';
import { tableTitle } from '../../recognise/names.js';
import { familyOf, summaryRank } from '../../recognise/families.js';
import type { TableKind } from '../../recognise/kind.js';
import type { RecognisedTable } from '../../recognise/index.js';
import { fig } from '../../contract/figure.js';

function printed(f: Figure, i = 0): Printed | null {
  return printedAt(f.rt.table, f.cells[i]);
}

function parts(f: Figure): Printed[] | null {
  const out: Printed[] = [];
  for (let i = 0; i < f.cells.length; i++) {
    const p = printed(f, i);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

const refs = (f: Figure): CellRef[] => f.cells.map((p) => ({ table: f.rt.table.index, row: p.row, col: p.col }));
const name = (f: Figure): string => [tableTitle(f.rt), f.row, f.column].filter((x) => x !== '').join(' / ');
const sumOf = (ps: readonly Printed[]): Printed => ({
  value: ps.reduce((a, p) => a.plus(p.value), new Decimal(0)),
  scale: Math.max(0, ...ps.filter((p) => !p.empty).map((p) => p.scale)),
  empty: ps.every((p) => p.empty),
});
const show = (p: Printed, scale: number): string => (p.empty ? BLANK : formatAmount(p.value, scale));

/** "1,901.97 + 2,432.90 + …" for a figure made of several cells. */
function terms(f: Figure, ps: readonly Printed[]): string {
  if (ps.length === 1) return '';
  return ps
    .map((p, i) => {
      const pos = f.cells[i];
      const row = pos ? (f.rt.rows.flat().find((r) => r.valueRow === pos.row)?.code ?? '') : '';
      return `${row ? `${row} ` : ''}${show(p, p.scale)}`;
    })
    .join(' + ');
}

const SCOPE_NAMES: Record<Scope, string> = { all: 'scope.all', fiscal: 'scope.fiscal', general: 'scope.general', fund: 'scope.fund', capital: 'scope.capital' };

/** Equal figures of one scope in two tables. */
function compareEqual(ctx: DocumentContext, target: Figure, other: Figure): void {
  const t = parts(target);
  const o = parts(other);
  if (!t || !o || t.length !== 1) return;
  const tp = t[0] as Printed;
  if (tp.empty && o.every((p) => p.empty)) return;
  const j = judgeSum(tp, o);
  if (j.outcome === 'pass') {
    ctx.pass([...refs(target), ...refs(other)], 'sum');
    return;
  }
  const byTitle = (f: Figure): boolean => f.rt.kindBy === 'title' || f.rt.kindBy === 'heading';
  const severity = j.outcome === 'rounding' ? 'rounding' : byTitle(target) && byTitle(other) ? 'error' : 'review';
  const cause =
    severity === 'rounding'
      ? null
      : likelyCause(
          tp.value,
          j.expected,
          j.scale,
          o.map((p, i) => ({ ref: refs(other)[i] as CellRef, label: name(other), value: p.value, scale: p.scale })),
        );
  const detail = terms(other, o);
  ctx.report({
    severity,
    category: 'cross-table',
    table: target.rt.table.index,
    cells: refs(target),
    related: refs(other),
    quote: null,
    stated: tp.empty ? null : fig(tp.value, j.scale),
    expected: fig(j.expected, j.scale),
    difference: fig(j.difference, j.scale),
    messageId: detail ? 'cross-table-sum' : 'cross-table',
    data: {
      target: name(target),
      other: name(other),
      stated: show(tp, j.scale),
      expected: formatAmount(j.expected, j.scale),
      difference: formatSigned(j.difference, j.scale),
      band: formatAmount(j.band, j.scale + 1),
      terms: detail,
      count: o.length,
    },
    cause,
  });
}

interface Excess {
  readonly narrow: Figure;
  readonly wide: Figure;
  readonly np: Printed;
  readonly wp: Printed;
  readonly excess: Decimal;
  readonly scale: number;
}

/** A narrower-scope figure above the wider-scope one, or null. */
function exceeds(narrow: Figure, wide: Figure): Excess | null {
  const n = parts(narrow);
  const w = parts(wide);
  if (!n || !w) return null;
  const np = sumOf(n);
  const wp = sumOf(w);
  if (np.empty) return null;
  const j = judgeSum(np, [wp]);
  const excess = np.value.minus(wp.value);
  return excess.gt(j.band) ? { narrow, wide, np, wp, excess, scale: j.scale } : null;
}

/** Scope checks cover the flows and balances; 基本/项目/人员/公用 follow from the same lines. */
const SCOPE_MEASURES = new Set(['income', 'expenditure', 'carry-in', 'carry-out']);

/** Depth of a subject: a code is finer than its class, a class finer than the total. */
function depth(subject: string): number {
  return subject === 'total' ? 0 : subject.startsWith('class:') ? 1 : 2;
}

/** Keeps the finest excesses: a total or class that is over only because a code under it is over is not repeated. */
function finest(list: Excess[]): Excess[] {
  return list.filter((e) => {
    const d = depth(e.narrow.subject);
    const prefix = e.narrow.subject.replace(/^(?:class|code):/u, '');
    return !list.some((o) => {
      if (o === e || o.narrow.rt !== e.narrow.rt || o.wide.rt !== e.wide.rt || o.narrow.measure !== e.narrow.measure) return false;
      if (depth(o.narrow.subject) <= d) return false;
      return d === 0 || o.narrow.subject.replace(/^(?:class|code):/u, '').startsWith(prefix);
    });
  });
}

function reportExcess(ctx: DocumentContext, e: Excess): void {
  const { narrow, wide, np, wp, excess } = e;
  const target = narrow.cells.length === 1 ? narrow : wide;
  ctx.report({
    severity: 'review',
    category: 'cross-table',
    table: target.rt.table.index,
    cells: refs(target),
    related: refs(target === narrow ? wide : narrow),
    quote: null,
    stated: fig(np.value, e.scale),
    expected: fig(wp.value, e.scale),
    difference: fig(excess, e.scale),
    messageId: 'cross-table-scope',
    data: {
      narrow: name(narrow),
      wide: name(wide),
      stated: formatAmount(np.value, e.scale),
      expected: show(wp, e.scale),
      difference: formatSigned(excess, e.scale),
      narrowScope: `@${SCOPE_NAMES[narrow.scope]}`,
      wideScope: `@${SCOPE_NAMES[wide.scope]}`,
    },
  });
}

/** The tables a set of 决算 or 预算 tables should hold, in the order the templates print them. */
const SETS: Record<'final' | 'budget', TableKind[]> = {
  final: ['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08', 'D09'],
  budget: ['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09'],
};

export default defineDocumentRule({
  meta: {
    id: 'cross-table',
    category: 'cross-table',
    description: { zh: '不同表格中同一口径的同一数字相等；窄口径数字不超过宽口径数字', en: 'A figure printed by two tables agrees; a narrower-scope figure does not exceed the wider-scope one' },
    basis: 'domain.md §4.2 X01–X04, X06',
    messages: ['cross-table', 'cross-table-sum', 'cross-table-scope'],
  },
  *run(ctx) {
    const figures = ctx.doc.figures;
    const groups = new Map<string, Figure[]>();
    for (const [i, f] of figures.entries()) {
      if (i % 1000 === 999) yield;
      const key = `${f.set}|${f.family}|${f.measure}|${f.subject}`;
      const list = groups.get(key) ?? [];
      list.push(f);
      groups.set(key, list);
    }
    const excesses: Excess[] = [];
    // tables that list the same subjects over different funds: compared line by line by inclusion
    // only, and the report says so
    const scoped = new Map<string, [Figure, Figure]>();
    let pairs = 0;
    for (const list of groups.values()) {
      yield;
      // figures of one subject, by table: only figures of two different tables are compared (a
      // code a 20,000-row table repeats must not make 200 M pairs)
      const byTable = new Map<RecognisedTable, Figure[]>();
      for (const f of list) {
        const own = byTable.get(f.rt);
        if (own) own.push(f);
        else byTable.set(f.rt, [f]);
      }
      if (byTable.size < 2) continue;
      const tablesOf = [...byTable.values()];
      for (let i = 0; i < tablesOf.length; i++) {
        for (let k = i + 1; k < tablesOf.length; k++) {
          for (const a of tablesOf[i] as Figure[]) {
            for (const b of tablesOf[k] as Figure[]) {
              if (++pairs % 500 === 0) yield;
              if (a.scope !== b.scope) continue;
              const [target, other] = order(a, b);
              compareEqual(ctx, target, other);
            }
          }
        }
      }
      // each narrower figure against the nearest wider scope another table prints
      const byScope = new Map<Scope, Figure[]>();
      for (const f of list) {
        const same = byScope.get(f.scope);
        if (same) same.push(f);
        else byScope.set(f.scope, [f]);
      }
      for (const f of list) {
        if (!SCOPE_MEASURES.has(f.measure)) continue;
        for (let s: Scope | null = WIDER[f.scope]; s; s = WIDER[s]) {
          const wide = (byScope.get(s) ?? []).filter((w) => w.rt !== f.rt);
          if (wide.length === 0) continue;
          for (const w of wide) {
            if (++pairs % 2000 === 0) yield;
            const e = exceeds(f, w);
            if (e) excesses.push(e);
            else if (parts(f)?.some((p) => !p.empty)) ctx.pass([...refs(f), ...refs(w)], 'bound');
            const pair = `${f.rt.table.index}|${w.rt.table.index}`;
            if (f.subject !== 'total' && !scoped.has(pair)) scoped.set(pair, [f, w]);
          }
          break;
        }
      }
    }
    for (const e of finest(excesses)) reportExcess(ctx, e);
    for (const [narrow, wide] of scoped.values()) {
      ctx.notChecked(narrow.rt.table.index, 'scope-differs', {
        narrow: tableTitle(narrow.rt),
        wide: tableTitle(wide.rt),
        narrowScope: `@${SCOPE_NAMES[narrow.scope]}`,
        wideScope: `@${SCOPE_NAMES[wide.scope]}`,
      });
    }
    // a set that lacks one of its tables: the identities through that table cannot be checked
    for (const family of ['final', 'budget'] as const) {
      const present = new Set(ctx.doc.tables.map((t) => t.kind).filter((k) => familyOf(k) === family || SETS[family].includes(k)));
      if (present.size < 4) continue;
      for (const kind of SETS[family]) if (!present.has(kind)) ctx.notChecked(null, 'table-missing', { table: `@kind.${kind}` });
    }
  },
});

/** The summary-level figure is the one reported; the detail table gives the expected value. */
function order(a: Figure, b: Figure): [Figure, Figure] {
  if (a.cells.length !== b.cells.length) return a.cells.length === 1 ? [a, b] : [b, a];
  const ra = summaryRank(a.rt.kind);
  const rb = summaryRank(b.rt.kind);
  if (ra !== rb) return ra < rb ? [a, b] : [b, a];
  return a.rt.table.index <= b.rt.table.index ? [a, b] : [b, a];
}
