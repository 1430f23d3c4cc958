/**
 * The 三公 lines of the 基本支出 detail table (30212 因公出国(境)费用, 30217 公务接待费, 30231 公务用车
 * 运行维护费, 31013 公务用车购置) against the 三公 table. The detail table covers 一般公共预算 基本支出
 * only, the 三公 table every 财政拨款 (project funds included), so they may legitimately differ: a
 * difference is review, never error. A detail line above the 三公 figure cannot be explained by the
 * scopes and is said so.
 *
 * Basis: domain.md §4.2 X05 [I, 疑似].
 * Sample pages: 001-*.html (30217 公务接待费 0.08 vs 三公 决算 0.75), 002-*.html (0.18 vs 706.12).
 */
import { defineDocumentRule } from '../../engine/rule.js';
import { inCommonUnit, judgeSum, printedAt } from '../../engine/tolerance.js';
import { formatAmount, formatSigned } from '../../i18n/format.js';
import { tablesOf, threePublicCell, type CellValue, type ThreePublicItem } from '../../narrative/lookup.js';
import { tableTitle } from '../../recognise/names.js';
import { fig } from '../../contract/figure.js';

const LINES: ReadonlyArray<[RegExp, ThreePublicItem]> = [
  [/^30212$/u, 'abroad'],
  [/^30217$/u, 'reception'],
  [/^30231$/u, 'vehicle-running'],
  [/^31013$/u, 'vehicle-purchase'],
];

export default defineDocumentRule({
  meta: {
    id: 'three-public-detail',
    category: 'cross-table',
    description: {
      zh: '基本支出明细表中的“三公”科目与“三公”经费表对照（口径不同，仅提示核实）',
      en: 'The “three public” lines of the basic-expenditure detail against the “three public” table (different scopes: review only)',
    },
    basis: 'domain.md §4.2 X05',
    messages: ['three-public-detail', 'three-public-detail-over'],
  },
  run(ctx) {
    const sets = ctx.doc.sets;
    for (const rt of tablesOf(ctx.doc, ['D06', 'B06'])) {
      const which = rt.kind === 'D06' ? 'final' : 'budget';
      // the 三公 table of the same set of tables (one department's report)
      const own = { ...ctx.doc, tables: ctx.doc.tables.filter((t) => sets.get(t) === sets.get(rt)) };
      for (const [b, rows] of rt.rows.entries()) {
        const col = rt.layout.blocks[b]?.values[0];
        if (col === undefined) continue;
        for (const row of rows) {
          const line = LINES.find(([re]) => re.test(row.code ?? ''));
          if (!line) continue;
          const other = threePublicCell(own, which, line[1]);
          if (!other || other.rt.kind[0] !== rt.kind[0]) continue;
          const printed = printedAt(rt.table, { row: row.valueRow, col });
          if (!printed) continue;
          if (printed.empty && other.printed.empty) continue;
          // the 三公 table in 万元 beside a detail table in 元: compared in 万元
          const [detail, three] = inCommonUnit(printed, rt.unit, other.printed, other.rt.unit);
          const j = judgeSum(detail, [three]);
          if (j.outcome === 'pass' || j.outcome === 'rounding') {
            ctx.pass([{ table: rt.table.index, row: row.valueRow, col }, other.ref], 'bound');
            continue;
          }
          const over = detail.value.gt(three.value);
          const here: CellValue = {
            rt,
            pos: { row: row.valueRow, col },
            ref: { table: rt.table.index, row: row.valueRow, col },
            printed: detail,
            name: `${tableTitle(rt)} / ${row.code} ${row.label}`,
          };
          ctx.report({
            severity: 'review',
            category: 'cross-table',
            table: rt.table.index,
            cells: [here.ref],
            related: [other.ref],
            quote: null,
            stated: fig(detail.value, j.scale),
            expected: fig(three.value, j.scale),
            difference: fig(j.difference, j.scale),
            messageId: over ? 'three-public-detail-over' : 'three-public-detail',
            data: { detail: here.name, other: other.name, stated: formatAmount(detail.value, j.scale), expected: formatAmount(three.value, j.scale), difference: formatSigned(j.difference, j.scale) },
          });
        }
      }
    }
  },
});
