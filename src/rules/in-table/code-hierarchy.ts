/**
 * Subject-code hierarchy: a 类 row equals the sum of its 款 rows, a 款 row the sum of its 项 rows,
 * and the 合计 row the sum of the top-level rows, in every value column.
 *
 * Basis: domain.md §4.1 J08 (D02, D03, D05, D07, D08) and §4.3 (B2, B3, B5, B8, B9).
 * Sample pages: 002-*.html (公开03表 201/20103, 公开05表 20103 and 合计 人员经费).
 */
import { defineTableRule } from '../../engine/rule.js';
import { buildCodeTree } from '../../recognise/code-tree.js';
import type { RowInfo } from '../../recognise/index.js';

export default defineTableRule({
  meta: {
    id: 'code-hierarchy',
    category: 'hierarchy',
    description: { zh: '上级科目等于下级科目之和（类=Σ款=Σ项，合计=Σ类）', en: 'A parent subject equals the sum of its children (类 = Σ款 = Σ项, 合计 = Σ类)' },
    basis: 'domain.md §4.1 J08; §4.3 P02/P03/P05',
    messages: ['code-parent', 'code-total'],
  },
  applies: (t) => t.kind !== 'PERF' && t.kind !== 'D06' && t.kind !== 'B06' && t.rows.some((rows) => rows.some((r) => r.code !== null)),
  *run(ctx) {
    const { layout } = ctx.rt;
    for (const [b, block] of layout.blocks.entries()) {
      const rows = ctx.rt.rows[b] ?? [];
      const tree = buildCodeTree(rows);
      if (tree.coded.length === 0) continue;
      if (rows.length > 2000) yield;
      const misfiledUnder = new Set<RowInfo>(tree.misfiled.map((m) => m.listedUnder));
      let n = 0;
      for (const [parent, kids] of tree.children) {
        if (++n % 50 === 0) yield;
        if (parent.blank && kids.every((k) => k.blank)) continue;
        for (const col of block.values) {
          const target = { row: parent.valueRow, col };
          const plus = kids.map((k) => ({ row: k.valueRow, col }));
          if (misfiledUnder.has(parent)) {
            // a misfiled child: the code-prefix rule reports it; skip when it explains the gap
            continue;
          }
          ctx.checkSum({
            target,
            plus,
            messageId: 'code-parent',
            data: { parent: parent.code ?? '', level: parent.level ?? 0, children: kids.length },
          });
        }
      }
      // 合计/总计 row = Σ top-level rows
      const total = rows.find((r) => r.total === 'total' || r.total === 'grand');
      if (total && tree.top.length > 0) {
        const category = tree.levels > 1 ? 'hierarchy' : 'table-sum';
        for (const col of block.values) {
          if (tree.top.length > 500) yield; // a sum of thousands of lines: one column per step
          ctx.checkSum({
            target: { row: total.valueRow, col },
            plus: tree.top.map((k) => ({ row: k.valueRow, col })),
            messageId: 'code-total',
            category,
            data: { children: tree.top.length, level: tree.top[0]?.level ?? 0 },
          });
        }
      }
    }
  },
});
