/**
 * One subject, one code: the tables of a report that list 支出功能分类 codes (收入决算表, 支出决算表,
 * 一般公共预算财政拨款支出决算表, the fund tables and their 预算 twins) must code a subject alike. The
 * same 项 name under the same 款 with two different codes, or one code with two unrelated names, is a
 * classification slip in one of the tables (which one needs the 科目 list: review). Amounts are not
 * compared here; the tables' scopes differ.
 *
 * Basis: domain.md §4.2 ("02/03/05 row by row by subject code"); 政府收支分类科目 (其他… 项 end in 99).
 * Sample pages: 002-*.html (其他社会保障和就业支出 2089999 in 公开03表, 2089901 in 公开05表).
 */
import type { MessageKey } from '../../i18n/zh-CN.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { nameKey, nameSimilarity } from '../../narrative/concepts.js';
import { tableTitle } from '../../recognise/names.js';
import { familyOf } from '../../recognise/families.js';
import type { RecognisedTable, RowInfo } from '../../recognise/index.js';
import { phrase } from '../../contract/figure.js';

const CODE_TABLES = new Set(['D02', 'D03', 'D05', 'D07', 'D08', 'B02', 'B03', 'B05', 'B08', 'B09']);

interface Line {
  readonly rt: RecognisedTable;
  readonly row: RowInfo;
  readonly code: string;
  readonly key: string;
  readonly col: number;
}

function linesOf(rt: RecognisedTable): Line[] {
  const out: Line[] = [];
  for (const [b, rows] of rt.rows.entries()) {
    const block = rt.layout.blocks[b];
    const col = block?.code[0] ?? block?.label;
    if (col === undefined || col === null) continue;
    for (const row of rows) {
      if (!row.code || row.level === null || !row.code.startsWith('2')) continue;
      const key = nameKey(row.label).replace(/支出$/u, '');
      if (key.length >= 2) out.push({ rt, row, code: row.code, key, col });
    }
  }
  return out;
}

/** "其他…" 项 are coded …99 in the 科目 list: of two codes, the one that follows that is the likelier. */
function standard(l: Line): boolean {
  return /^其他/u.test(l.key) ? /99$/u.test(l.code) : true;
}

/** Which of two codings to mark: the one off the 科目 list's pattern, else the one in the later table. */
function pick(x: Line, y: Line): [Line, Line] {
  if (standard(x) !== standard(y)) return standard(x) ? [y, x] : [x, y];
  return x.rt.table.index > y.rt.table.index ? [x, y] : [y, x];
}

export default defineDocumentRule({
  meta: {
    id: 'code-consistency',
    category: 'cross-table',
    description: { zh: '各表对同一科目使用相同的科目代码', en: 'All tables give a subject the same code' },
    basis: 'domain.md §4.2; 政府收支分类科目',
    messages: ['code-consistency-code', 'code-consistency-name'],
  },
  *run(ctx) {
    const tables = ctx.doc.tables.filter((t) => CODE_TABLES.has(t.kind));
    const sets = ctx.doc.sets;
    const seen = new Set<string>();
    /** Reports the line `wrong` against `right` once per line. */
    const mark = (wrong: Line, right: Line, messageId: MessageKey, stated: string, expected: string, data: Record<string, string>): void => {
      const id = `${wrong.rt.table.index}:${wrong.row.row}`;
      if (seen.has(id)) return;
      seen.add(id);
      ctx.report({
        severity: 'review',
        category: 'cross-table',
        table: wrong.rt.table.index,
        cells: [{ table: wrong.rt.table.index, row: wrong.row.row, col: wrong.col }],
        related: [{ table: right.rt.table.index, row: right.row.row, col: right.col }],
        quote: null,
        stated: phrase(stated),
        expected: phrase(expected),
        difference: null,
        messageId,
        data: { ...data, table: tableTitle(wrong.rt), other: tableTitle(right.rt) },
      });
    };
    for (let i = 0; i < tables.length; i++) {
      for (let k = i + 1; k < tables.length; k++) {
        const a = tables[i] as RecognisedTable;
        const b = tables[k] as RecognisedTable;
        if (familyOf(a.kind) !== familyOf(b.kind) || sets.get(a) !== sets.get(b)) continue;
        yield;
        const la = linesOf(a);
        const lb = linesOf(b);
        const codesA = new Set(la.map((l) => l.code));
        const codesB = new Set(lb.map((l) => l.code));
        for (const x of la) {
          // the same name under the same parent, coded differently, each code missing from the other table
          const twin = lb.find(
            (y) =>
              y.key === x.key &&
              y.code !== x.code &&
              y.code.length === x.code.length &&
              x.code.length > 3 &&
              y.code.slice(0, x.code.length - 2) === x.code.slice(0, x.code.length - 2) &&
              !codesB.has(x.code) &&
              !codesA.has(y.code),
          );
          if (twin) {
            const [wrong, right] = pick(x, twin);
            mark(wrong, right, 'code-consistency-code', wrong.code, right.code, { name: wrong.row.label, code: wrong.code, otherCode: right.code });
            continue;
          }
          // one code, two unrelated names
          const same = lb.find((y) => y.code === x.code);
          if (same && nameSimilarity(x.key, same.key) < 0.3 && !x.key.includes(same.key) && !same.key.includes(x.key)) {
            mark(same, x, 'code-consistency-name', same.row.label, x.row.label, { code: x.code, name: same.row.label, otherName: x.row.label });
          } else if (same) {
            // one code, one subject in both tables: the check held
            ctx.pass(
              [
                { table: x.rt.table.index, row: x.row.row, col: x.col },
                { table: same.rt.table.index, row: same.row.row, col: same.col },
              ],
              'form',
            );
          }
        }
      }
    }
  },
});
