/**
 * Footing of tables without subject codes: a 小计 row equals the rows of its section above it,
 * and a 合计/总计 row equals its 小计 rows (or, without them, the detail rows at the top level of
 * the listing; "其中" rows and lower ordinal levels are parts of the rows above, never addends).
 * For tables Crossfoot does not recognise, the structure is only trusted when some of the
 * columns bear it out.
 *
 * Basis: domain.md §4 ("合计 / 小计 / 其中" template headings) [T]; issue 2 item 5 (footing).
 */
import { defineTableRule } from '../../engine/rule.js';
import { judgeSum } from '../../engine/tolerance.js';
import type { TableContext } from '../../engine/context.js';
import type { RowInfo } from '../../recognise/index.js';

const SKIP_KINDS = new Set(['D01', 'D04', 'B01', 'B04', 'D06', 'B06', 'PERF']);

interface Identity {
  readonly target: RowInfo;
  readonly parts: RowInfo[];
}

function identities(rows: RowInfo[]): Identity[] {
  const out: Identity[] = [];
  const detail = (r: RowInfo): boolean => r.total === null && !r.ofWhich && (r.label !== '' || !r.blank);
  const topLevel = Math.min(5, ...rows.filter(detail).map((r) => r.ordinal ?? 5));
  const isTop = (r: RowInfo): boolean => detail(r) && (topLevel === 5 || r.ordinal === topLevel);
  let sectionStart = 0;
  const subtotals: RowInfo[] = [];
  rows.forEach((r, i) => {
    if (r.total !== 'subtotal') return;
    const parts = rows.slice(sectionStart, i).filter(isTop);
    if (parts.length > 0) out.push({ target: r, parts });
    subtotals.push(r);
    sectionStart = i + 1;
  });
  const totals = rows.filter((r) => r.total === 'total' || r.total === 'grand');
  for (const t of totals) {
    const parts = subtotals.length > 0 ? subtotals : rows.filter(isTop);
    if (parts.length > 0) out.push({ target: t, parts });
  }
  return out;
}

function confirmed(ctx: TableContext, id: Identity, cols: number[]): boolean {
  let pass = 0;
  let fail = 0;
  for (const col of cols) {
    const target = ctx.printed({ row: id.target.valueRow, col });
    const parts = id.parts.map((p) => ctx.printed({ row: p.valueRow, col }));
    if (!target || parts.some((p) => !p) || (target.empty && parts.every((p) => p?.empty))) continue;
    if (judgeSum(target, parts as NonNullable<(typeof parts)[number]>[]).outcome === 'error') fail++;
    else pass++;
  }
  return pass > 0 && pass >= fail;
}

export default defineTableRule({
  meta: {
    id: 'total-row',
    category: 'table-sum',
    description: { zh: '合计行、小计行等于其所含各行之和（无科目代码的表）', en: 'Total and subtotal rows equal the rows they total (tables without subject codes)' },
    basis: 'domain.md §4 [T]; issue 2 item 5',
    messages: ['total-row'],
  },
  applies: (t) => !SKIP_KINDS.has(t.kind) && t.rows.some((rows) => rows.some((r) => r.total !== null) && !rows.some((r) => r.code !== null)),
  run(ctx) {
    ctx.rt.layout.blocks.forEach((block, b) => {
      const rows = ctx.rt.rows[b] ?? [];
      if (rows.some((r) => r.code !== null)) return;
      for (const id of identities(rows)) {
        if (ctx.rt.kind === 'GENERIC' && !confirmed(ctx, id, block.values)) {
          ctx.notChecked('structure-not-confirmed', { row: id.target.label });
          continue;
        }
        for (const col of block.values) {
          ctx.checkSum({
            target: { row: id.target.valueRow, col },
            plus: id.parts.map((p) => ({ row: p.valueRow, col })),
            messageId: 'total-row',
            data: { total: id.target.label, lines: id.parts.length },
          });
        }
      }
    });
  },
});
