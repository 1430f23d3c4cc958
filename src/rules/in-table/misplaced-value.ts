/**
 * A value in the wrong place: an amount printed in the 栏次 (index) row, or on a line labelled
 * 栏次, while the line it belongs to (the 合计 line below) is blank in that column.
 *
 * Basis: issue 2 item 5 ("a number in the 栏次 row while its own line is blank"); seen in PDF
 * extractions where a row's figures slip onto the line above.
 */
import { defineTableRule } from '../../engine/rule.js';
import type { Pos } from '../../model/table.js';
import { formatAmount } from '../../i18n/format.js';
import { keyText } from '../../model/text.js';
import { fig } from '../../contract/figure.js';

export default defineTableRule({
  meta: {
    id: 'misplaced-value',
    category: 'misplaced-value',
    description: { zh: '数字填在栏次行，而其所属行为空', en: 'A figure printed in the column-number (栏次) row while its own line is blank' },
    basis: 'issue 2 item 5',
    messages: ['misplaced-value', 'misplaced-value-filled'],
  },
  applies: (t) => t.layout.indexRow !== null && t.kind !== 'PERF',
  run(ctx) {
    const { layout } = ctx.rt;
    const indexRow = layout.indexRow as number;
    const candidates: Pos[] = layout.strays.map((col) => ({ row: indexRow, col }));
    // a lone "栏次" line under the index row that carries figures
    for (let r = indexRow + 1; r < layout.headerRows + 2 && r < ctx.table.rows; r++) {
      const row = ctx.table.grid[r] ?? [];
      if (!row.some((c) => !c.merged && /^栏次$/u.test(keyText(c.text)))) continue;
      for (const c of row) if (!c.merged && c.value.type === 'number') candidates.push({ row: r, col: c.col });
    }
    if (candidates.length === 0) {
      // the 栏次 row was read and holds column numbers only
      ctx.pass([{ row: indexRow, col: 0 }], 'form');
      return;
    }
    const firstData = ctx.rt.rows
      .flat()
      .filter((info) => info.row > indexRow)
      .sort((a, b) => a.row - b.row);
    for (const pos of candidates) {
      const value = ctx.printed(pos);
      if (!value || value.empty) continue;
      const own = firstData.find((info) => info.row > pos.row && ctx.rt.layout.columns[pos.col]?.block === info.block);
      const ownPos = own ? { row: own.valueRow, col: pos.col } : null;
      const ownValue = ownPos ? ctx.printed(ownPos) : null;
      const blank = !ownValue || ownValue.empty;
      ctx.report({
        severity: blank ? 'error' : 'review',
        cells: [ctx.ref(pos)],
        related: ownPos ? [ctx.ref(ownPos)] : [],
        stated: fig(value.value, value.scale),
        expected: null,
        difference: null,
        messageId: blank ? 'misplaced-value' : 'misplaced-value-filled',
        data: { value: formatAmount(value.value, value.scale), column: ctx.colName(pos.col), line: own ? ctx.rowName({ row: own.row, col: pos.col }) : '' },
      });
    }
  },
});
