/**
 * Cross-footing: in every row, a total column equals the sum of the columns it totals, as the
 * header says (本年支出合计 = 基本支出 + 项目支出 + …; 基本支出·小计 = 人员经费 + 公用经费;
 * 三公 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费).
 *
 * Basis: domain.md §4.1 J06, J07, J10, J11, J13, J15; §4.3 P02, P03, P05, P06 (column identities).
 * Sample pages: 000-*.html (公开05表 行政运行), 002-*.html (公开05表 人员经费).
 */
import { defineTableRule } from '../../engine/rule.js';
import { judgeSum } from '../../engine/tolerance.js';
import type { TableContext } from '../../engine/context.js';
import { columnIdentities } from '../../recognise/column-groups.js';
import type { RowInfo } from '../../recognise/index.js';

function checkable(ctx: TableContext, row: number, cols: number[]): boolean {
  return cols.every((c) => ctx.printed({ row, col: c }) !== null);
}

export default defineTableRule({
  meta: {
    id: 'column-sum',
    category: 'table-sum',
    description: { zh: '合计栏等于其组成栏之和（横向勾稽）', en: 'A total column equals the sum of the columns it totals (cross-footing)' },
    basis: 'domain.md §4.1 J06/J07/J10/J11/J13/J15, §4.3 P02/P03/P05/P06',
    messages: ['column-sum'],
  },
  applies: (t) => t.kind !== 'PERF' && t.kind !== 'D06' && t.kind !== 'B06',
  *run(ctx) {
    const { layout } = ctx.rt;
    const generic = ctx.rt.kind === 'GENERIC';
    for (const b of layout.blocks.keys()) {
      const identities = columnIdentities(layout, b);
      if (identities.length === 0) continue;
      if (layout.alignment === 'partial' || layout.alignment === 'none') {
        ctx.notChecked('header-not-understood', { columns: identities.length });
        continue;
      }
      const rows = (ctx.rt.rows[b] ?? []).filter((r: RowInfo) => !r.blank);
      for (const id of identities) {
        const cols = [id.total, ...id.parts];
        const usable = rows.filter((r) => checkable(ctx, r.valueRow, cols));
        if (generic) {
          // an unrecognised table: only trust the header's structure when most rows bear it out
          let pass = 0;
          let fail = 0;
          for (const r of usable) {
            const target = ctx.printed({ row: r.valueRow, col: id.total });
            const parts = id.parts.map((c) => ctx.printed({ row: r.valueRow, col: c }));
            if (!target || parts.some((p) => !p) || (target.empty && parts.every((p) => p?.empty))) continue;
            const j = judgeSum(target, parts as NonNullable<(typeof parts)[number]>[]);
            if (j.outcome === 'error') fail++;
            else pass++;
          }
          if (fail > 0 && fail >= pass) {
            ctx.notChecked('structure-not-confirmed', { column: ctx.colName(id.total) });
            continue;
          }
        }
        for (const [i, r] of usable.entries()) {
          if (i % 100 === 99) yield;
          ctx.checkSum({
            target: { row: r.valueRow, col: id.total },
            plus: id.parts.map((c) => ({ row: r.valueRow, col: c })),
            messageId: 'column-sum',
          });
        }
      }
    }
  },
});
