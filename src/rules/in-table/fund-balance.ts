/**
 * 政府性基金 / 国有资本经营 收入支出 tables: per row,
 * 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出.
 *
 * Basis: domain.md §4.1 J14 (D07), J15 (D08 when it is a 收入支出 table); 疑似 when 调整 columns exist.
 * Sample pages: the empty 政府性基金 tables of 000/001/002 (nothing to check: reported as not checked).
 */
import { defineTableRule } from '../../engine/rule.js';
import type { Column } from '../../recognise/index.js';

function find(columns: Column[], test: (keys: string) => boolean): Column | undefined {
  const candidates = columns.filter((c) => c.role === 'value' && c.path.length > 0 && test(c.keys.join('/')));
  // a group (年初结转和结余 / 合计 | 结转 | 结余): its total column stands for it
  return candidates.find((c) => /合计$|小计$/u.test(c.keys[c.keys.length - 1] ?? '')) ?? candidates.find((c) => c.keys.length === 1) ?? candidates[0];
}

export default defineTableRule({
  meta: {
    id: 'fund-balance',
    category: 'table-sum',
    description: { zh: '年末结转和结余等于年初结转和结余加本年收入减本年支出', en: 'Closing balance equals opening balance plus income minus expenditure' },
    basis: 'domain.md §4.1 J14, J15',
    messages: ['fund-balance'],
  },
  applies: (t) => ['D07', 'D08', 'B08', 'B09'].includes(t.kind),
  run(ctx) {
    const cols = ctx.rt.layout.columns;
    const opening = find(cols, (k) => /^年初(?:财政拨款)?结转和结余/u.test(k));
    const income = find(cols, (k) => /^本年收入/u.test(k));
    const spending = find(cols, (k) => /^本年支出/u.test(k));
    const closing = find(cols, (k) => /^年末(?:财政拨款)?结转和结余/u.test(k));
    if (!opening || !income || !spending || !closing) {
      if (opening || closing) ctx.notChecked('columns-not-found', { need: '年初结转和结余, 本年收入, 本年支出, 年末结转和结余' });
      return;
    }
    const uncertain = cols.some((c) => c.keys.some((k) => /调整|调入|调出/u.test(k)));
    let checked = 0;
    for (const rows of ctx.rt.rows) {
      for (const r of rows) {
        if (r.blank) continue;
        const j = ctx.checkSum({
          target: { row: r.valueRow, col: closing.col },
          plus: [
            { row: r.valueRow, col: opening.col },
            { row: r.valueRow, col: income.col },
          ],
          minus: [{ row: r.valueRow, col: spending.col }],
          messageId: 'fund-balance',
          uncertain,
        });
        if (j) checked++;
      }
    }
    if (checked === 0) ctx.notChecked('table-empty');
  },
});
