/**
 * A child code whose prefix does not match its parent: a 项 listed under a 款 it does not extend
 * (2080901 under 20805). When the parent's figures only add up with the misfiled row counted in,
 * the row belongs there and its code is what is wrong (error); otherwise the listing is merely
 * out of order or the code is unknown, which needs review.
 *
 * Basis: domain.md §4.1 J08 (codes as hierarchy); issue 2 "a child code whose prefix does not match its parent".
 */
import { defineTableRule } from '../../engine/rule.js';
import { judgeSum } from '../../engine/tolerance.js';
import { buildCodeTree } from '../../recognise/code-tree.js';
import type { RowInfo } from '../../recognise/rows.js';
import { phrase } from '../../contract/figure.js';

export default defineTableRule({
  meta: {
    id: 'code-prefix',
    category: 'code-prefix',
    description: { zh: '下级科目代码与所属上级科目代码不一致', en: 'A child subject code does not extend the code of the parent it is listed under' },
    basis: 'domain.md §4.1 J08',
    messages: ['code-prefix', 'code-prefix-order'],
  },
  applies: (t) => t.kind !== 'PERF' && t.kind !== 'D06' && t.kind !== 'B06' && t.rows.some((rows) => rows.some((r) => r.code !== null)),
  *run(ctx) {
    for (const [b, block] of ctx.rt.layout.blocks.entries()) {
      const tree = buildCodeTree(ctx.rt.rows[b] ?? []);
      // codes that extend their parent's: the check held for them
      for (const [parent, kids] of tree.children)
        ctx.pass(
          [parent, ...kids].flatMap((r) => block.code.map((col) => ({ row: r.row, col }))),
          'form',
        );
      // the rows listed under each parent with children of one code length, made once per parent
      const under = new Map<string, RowInfo[]>();
      const listedUnder = (parent: RowInfo, length: number): RowInfo[] => {
        const key = `${parent.row}|${length}`;
        let list = under.get(key);
        if (!list) under.set(key, (list = tree.coded.filter((r) => r.row > parent.row && (r.code as string).length === length && r.code?.startsWith(parent.code as string))));
        return list;
      };
      for (const [i, m] of tree.misfiled.entries()) {
        if (i % 200 === 199) yield;
        const under = m.listedUnder;
        // the rows listed under the parent, the misfiled one included
        const listed = [...listedUnder(under, (m.row.code as string).length), m.row].sort((x, y) => x.row - y.row);
        let belongs = false;
        let tested = false;
        for (const col of block.values) {
          const target = ctx.printed({ row: under.valueRow, col });
          const parts = listed.map((r) => ctx.printed({ row: r.valueRow, col }));
          if (!target || parts.some((p) => !p) || target.empty) continue;
          tested = true;
          const withIt = judgeSum(target, parts as NonNullable<(typeof parts)[number]>[]);
          belongs = withIt.outcome !== 'error';
          if (!belongs) break;
        }
        const value = block.values.map((col) => ctx.printed({ row: m.row.valueRow, col })).find((p) => p && !p.empty);
        ctx.report({
          severity: tested && belongs ? 'error' : 'review',
          cells: block.code.map((col) => ctx.ref({ row: m.row.row, col })),
          related: block.code.map((col) => ctx.ref({ row: under.row, col })),
          stated: m.row.code === null ? null : phrase(m.row.code),
          expected: phrase(`${under.code}…`),
          difference: null,
          messageId: tested && belongs ? 'code-prefix' : 'code-prefix-order',
          data: { code: m.row.code ?? '', label: m.row.label, parent: under.code ?? '', parentLabel: under.label, value: value ? value.value.toFixed(value.scale) : '' },
        });
      }
    }
  },
});
