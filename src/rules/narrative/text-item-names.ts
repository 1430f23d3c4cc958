/**
 * The 科目 a 具体情况 item names ("社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员
 * 活动费支出（项）", "医疗卫生与计划生育支出（210类）…") against the names the tables print for that
 * 科目: the item is found in the 一般公共预算 (or 支出) table by its codes, else by its 项 name, else by
 * its figure (one 项 row of the item's class printing it); a 类, 款 or 项 name that differs from the
 * table's is an outdated or mistyped 科目 name (the 2018 classification renamed 医疗卫生与计划生育支出
 * to 卫生健康支出): review, the table's code and name given.
 *
 * Basis: domain.md §2 (功能分类科目: 类/款/项 codes and names), §4.4 (the narrative names the tables' lines).
 * Sample pages: real-pdf r08 (210类 named 医疗卫生与计划生育支出), r11 (2080599, 2200199, 22102 named otherwise).
 */
import { defineDocumentRule } from '../../engine/rule.js';
import { printedAt } from '../../engine/tolerance.js';
import { figureOf } from '../../narrative/statement.js';
import { reportClaim } from '../../engine/claim.js';
import { nameKey } from '../../narrative/concepts.js';

import type { RecognisedTable, RowInfo } from '../../recognise/index.js';
import type { Decimal } from '../../model/decimal.js';
import type { CellRef } from '../../model/table.js';
import { phrase } from '../../contract/figure.js';

const LEVEL = { 类: 0, 款: 1, 项: 2 } as const;
/** A level marker: "（类）", "（210类）", "（01项）"; the name is the text before it ("政府办公厅（室）及相关机构事务"). */
const MARKER = /[（(](\d{0,7})\s*(类|款|项)[)）]/gu;

interface Part {
  readonly name: string;
  readonly code: string;
  readonly level: 0 | 1 | 2;
}

interface Line {
  readonly row: RowInfo;
  readonly code: string;
  readonly value: Decimal | null;
  readonly ref: CellRef;
}

const bare = (name: string): string =>
  nameKey(name)
    .replace(/^[\d一二三四五六七八九十]+[、.．]/u, '')
    .replace(/支出$/u, '')
    .replace(/的/gu, '');

function pathOf(item: string): Part[] {
  const out: Part[] = [];
  let from = 0;
  for (const m of item.matchAll(MARKER)) {
    out.push({ name: item.slice(from, m.index).replace(/^[\s“"]+|[\s”"]+$/gu, ''), code: m[1] ?? '', level: LEVEL[(m[2] ?? '类') as keyof typeof LEVEL] });
    from = m.index + m[0].length;
  }
  return out;
}

/** Rows with a functional code (类 3 digits, 款 5, 项 7) and the figure of their first value column. */
function linesOf(rt: RecognisedTable): Line[] {
  const out: Line[] = [];
  for (const [b, rows] of rt.rows.entries()) {
    const col = rt.layout.blocks[b]?.values[0];
    if (col === undefined) continue;
    for (const row of rows) {
      const code = (row.code ?? '').replace(/\D/gu, '');
      if (!/^2\d{2}(?:\d{2}){0,2}$/u.test(code)) continue;
      const p = printedAt(rt.table, { row: row.valueRow, col });
      out.push({ row, code, value: p && !p.empty ? p.value : null, ref: { table: rt.table.index, row: row.valueRow, col } });
    }
  }
  return out;
}

/** The 项 row an item is about, in one table's lines, or null when it cannot be told for certain. */
function rowOf(path: readonly Part[], lines: readonly Line[], figure: Decimal | null): Line | null {
  const cls = path.find((p) => p.level === 0);
  const kuan = path.find((p) => p.level === 1);
  const xiang = path.find((p) => p.level === 2);
  if (!xiang) return null;
  // by code: 210 + 11 + 01
  if (cls && /^\d{3}$/u.test(cls.code) && kuan?.code && xiang.code) {
    const full = cls.code + kuan.code.slice(-2).padStart(2, '0') + xiang.code.slice(-2).padStart(2, '0');
    const byCode = lines.find((l) => l.code === full);
    if (byCode) return byCode;
  }
  const leaves = lines.filter((l) => l.code.length === 7);
  const classOk = (l: Line): boolean => {
    if (!cls) return true;
    if (/^\d{3}$/u.test(cls.code)) return l.code.startsWith(cls.code);
    const head = lines.find((x) => x.code === l.code.slice(0, 3));
    return !!head && bare(head.row.label) === bare(cls.name);
  };
  const named = leaves.filter((l) => bare(l.row.label) === bare(xiang.name) && classOk(l));
  if (named.length === 1) return named[0] as Line;
  if (named.length > 1 || !figure) return null;
  const fits = leaves.filter((l) => l.value !== null && l.value.eq(figure) && classOk(l));
  return fits.length === 1 ? (fits[0] as Line) : null;
}

export default defineDocumentRule({
  meta: {
    id: 'text-item-names',
    category: 'text-vs-table',
    description: { zh: '情况说明具体情况所列科目的类、款、项名称与表中一致', en: 'The 类/款/项 names of the narrative’s items are the tables’ names for those 科目' },
    basis: 'domain.md §2; §4.4',
    messages: ['item-names'],
  },
  *run(ctx) {
    const tables = ctx.doc.tables.filter((t) => t.kind === 'D05' || t.kind === 'B05' || t.kind === 'D03' || t.kind === 'B03');
    if (tables.length === 0) return;
    const lines = tables.map(linesOf).filter((l) => l.length > 0);
    const narrative = ctx.doc.narrative;
    const seen = new Set<string>();
    for (const st of narrative.statements) {
      if (st.id % 100 === 99) yield;
      if (!st.item || seen.has(`${st.passage}|${st.item}`)) continue;
      const path = pathOf(st.item);
      if (path.length < 2) continue;
      seen.add(`${st.passage}|${st.item}`);
      const figure = figureOf(st)?.value ?? st.budget?.mention.value ?? null;
      let found: { line: Line; all: readonly Line[] } | null = null;
      for (const all of lines) {
        const line = rowOf(path, all, figure);
        if (line) {
          found = { line, all };
          break;
        }
      }
      if (!found) continue;
      const { line, all } = found;
      const wrong: Array<{ part: Part; label: string; code: string }> = [];
      for (const part of path) {
        const code = line.code.slice(0, [3, 5, 7][part.level]);
        const own = all.find((l) => l.code === code);
        if (own && bare(own.row.label) !== bare(part.name)) wrong.push({ part, label: own.row.label.replace(/\s+/gu, ''), code });
      }
      if (wrong.length === 0) {
        ctx.pass([line.ref], 'exact');
        continue;
      }
      const level = ['类', '款', '项'];
      // the quote is the item's names, where the sentence prints them
      const text = narrative.passages[st.passage]?.text ?? '';
      const at = text.lastIndexOf(st.item, st.start);
      reportClaim(ctx, narrative, {
        st,
        ...(at >= 0 ? { span: { start: at, end: at + st.item.length, focus: at } } : {}),
        severity: 'review',
        category: 'text-vs-table',
        messageId: 'item-names',
        stated: phrase(wrong.map((w) => `${w.part.name}（${level[w.part.level]}）`).join('；')),
        expected: phrase(wrong.map((w) => `${w.code} ${w.label}`).join('；')),
        difference: null,
        related: [line.ref],
        data: { item: st.item, stated: wrong.map((w) => `“${w.part.name}”（${level[w.part.level]}）`).join('、'), expected: wrong.map((w) => `${w.code} ${w.label}`).join('、') },
      });
    }
  },
});
