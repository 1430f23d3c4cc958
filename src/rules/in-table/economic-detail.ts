/**
 * The 基本支出 detail table by economic classification (一般公共预算财政拨款基本支出决算明细表 and its
 * 预算 counterpart): each class equals the sum of its items (301 = Σ 301xx, 302 = Σ 302xx …),
 * 人员经费合计 = Σ 人员 classes (301 工资福利支出 + 303 对个人和家庭的补助) and
 * 公用经费合计 = Σ the other classes (302, 307, 309, 310, 399 …). The table prints several
 * (code, name, amount) blocks side by side; a total whose amount drifted into another block's
 * column is still read.
 *
 * Basis: domain.md §4.1 J12; §4.3 P05 (B6).
 * Sample pages: 000-*.html (301 and 302), 001-*.html (301, 人员经费合计).
 */
import { defineTableRule } from '../../engine/rule.js';
import type { TableContext } from '../../engine/context.js';
import type { Pos } from '../../model/table.js';
import { isEconomicCode, isPersonnelClass } from '../../recognise/codes.js';
import type { RowInfo } from '../../recognise/index.js';

interface Entry {
  readonly info: RowInfo;
  readonly pos: Pos;
}

/** The amount cell of a row of a block; if blank, the next figure to its right in the same row. */
function amountOf(ctx: TableContext, info: RowInfo, valueCol: number): Pos | null {
  const here = { row: info.valueRow, col: valueCol };
  const p = ctx.printed(here);
  if (p && !p.empty) return here;
  const grid = ctx.table.grid[info.valueRow] ?? [];
  for (let c = valueCol + 1; c < grid.length; c++) {
    const cell = grid[c];
    if (!cell || cell.merged) continue;
    if (cell.value.type === 'number') return { row: info.valueRow, col: c };
    if (cell.value.type === 'text') break;
  }
  return p ? here : null;
}

export default defineTableRule({
  meta: {
    id: 'economic-detail',
    category: 'table-sum',
    description: {
      zh: '基本支出明细表：类等于款之和，人员经费合计、公用经费合计等于各类之和',
      en: 'Basic expenditure detail: each class equals its items; personnel and public totals equal their classes',
    },
    basis: 'domain.md §4.1 J12; §4.3 P05',
    messages: ['economic-class', 'economic-group'],
  },
  applies: (t) => t.kind === 'D06' || t.kind === 'B06',
  run(ctx) {
    const entries: Entry[] = [];
    const totals: Array<{ info: RowInfo; pos: Pos; group: 'personnel' | 'public' | 'all' }> = [];
    ctx.rt.layout.blocks.forEach((block, b) => {
      const valueCol = block.values[0];
      if (valueCol === undefined) return;
      for (const info of ctx.rt.rows[b] ?? []) {
        if (info.code && isEconomicCode(info.code)) {
          entries.push({ info, pos: { row: info.valueRow, col: valueCol } });
          continue;
        }
        const group = /人员经费/u.test(info.key) ? 'personnel' : /公用经费/u.test(info.key) ? 'public' : info.total ? 'all' : null;
        if (group && /合计|总计|小计/u.test(info.key)) {
          const pos = amountOf(ctx, info, valueCol);
          if (pos) totals.push({ info, pos, group });
        }
      }
    });
    if (entries.length === 0) {
      ctx.notChecked('no-economic-codes');
      return;
    }
    const classes = entries.filter((e) => e.info.code?.length === 3);
    for (const cls of classes) {
      const items = entries.filter((e) => e.info.code?.length === 5 && e.info.code.startsWith(cls.info.code as string));
      if (items.length === 0) continue;
      ctx.checkSum({
        target: cls.pos,
        plus: items.map((e) => e.pos),
        messageId: 'economic-class',
        data: { code: cls.info.code ?? '', name: cls.info.label },
      });
    }
    for (const t of totals) {
      const members = t.group === 'all' ? classes : classes.filter((c) => isPersonnelClass(c.info.code as string) === (t.group === 'personnel'));
      if (members.length === 0) continue;
      ctx.checkSum({
        target: t.pos,
        plus: members.map((c) => c.pos),
        messageId: 'economic-group',
        data: { total: t.info.label, classes: members.map((c) => c.info.code).join('+') },
      });
    }
  },
});
