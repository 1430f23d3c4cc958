/**
 * The two-sided summary tables (收入支出决算总表, 财政拨款收入支出决算总表, 部门收支总表, 财政拨款收支总表):
 * on each side, 本年收入合计 / 本年支出合计 = Σ its lines; 总计 = 本年合计 + the lines between them
 * (使用非财政拨款结余, 年初/年末结转和结余, 结余分配); a 结转和结余 line with fund lines under it
 * equals their sum; and 收入总计 = 支出总计.
 *
 * Basis: domain.md §4.1 J01–J05 (D01), J09–J10 (D04); §4.3 P01, P04. Rows are matched by label,
 * never by 行次 (row numbers change between template years).
 * Sample pages: 000-*.html (公开01表 收入总计, 公开04表 本年支出合计), 001-*.html (公开01表 本年收入合计).
 */
import { defineTableRule } from '../../engine/rule.js';
import { summarySides } from '../../recognise/summary.js';

export default defineTableRule({
  meta: {
    id: 'summary-table',
    category: 'table-sum',
    description: {
      zh: '收支总表：本年合计等于各行之和，总计等于本年合计加结转结余，收入总计等于支出总计',
      en: 'Summary tables: year totals equal their lines, grand totals add the balances, income total equals expenditure total',
    },
    basis: 'domain.md §4.1 J01–J05, J09–J10; §4.3 P01, P04',
    messages: ['summary-year-total', 'summary-grand-total', 'summary-carryover', 'summary-balance'],
  },
  applies: (t) => ['D01', 'D04', 'B01', 'B04'].includes(t.kind),
  run(ctx) {
    const sides = summarySides(ctx.rt);
    if (sides.length === 0) {
      ctx.notChecked('sides-not-found');
      return;
    }
    for (const s of sides) {
      for (const col of s.values) {
        if (s.yearTotal && s.items.length > 0) {
          ctx.checkSum({
            target: { row: s.yearTotal.valueRow, col },
            plus: s.items.map((r) => ({ row: r.valueRow, col })),
            messageId: 'summary-year-total',
            data: { total: s.yearTotal.label, lines: s.items.length },
          });
        } else if (!s.yearTotal) ctx.notChecked('year-total-not-found', { side: s.side });
        if (s.grandTotal && s.yearTotal) {
          ctx.checkSum({
            target: { row: s.grandTotal.valueRow, col },
            plus: [s.yearTotal, ...s.adds].map((r) => ({ row: r.valueRow, col })),
            messageId: 'summary-grand-total',
            data: { total: s.grandTotal.label },
          });
        }
        for (const g of s.groups) {
          ctx.checkSum({
            target: { row: g.head.valueRow, col },
            plus: g.parts.map((r) => ({ row: r.valueRow, col })),
            messageId: 'summary-carryover',
            data: { total: g.head.label },
          });
        }
      }
    }
    const income = sides.find((s) => s.side === 'income');
    const expenditure = sides.find((s) => s.side === 'expenditure');
    const ic = income?.values[0];
    const ec = expenditure?.values[0];
    if (income?.grandTotal && expenditure?.grandTotal && ic !== undefined && ec !== undefined) {
      ctx.checkSum({
        target: { row: income.grandTotal.valueRow, col: ic },
        plus: [{ row: expenditure.grandTotal.valueRow, col: ec }],
        messageId: 'summary-balance',
      });
    }
  },
});
