/**
 * 绩效自评表 funds block: the 年度资金总额 row equals the sum of its sources (当年财政拨款 +
 * 上年结转资金 + 其他资金, or 财政资金 + 财政专户管理资金 + 单位资金 + 其他资金) in each of 年初预算数,
 * 全年预算数 and 全年执行数.
 *
 * Basis: domain.md §4.5 K01 (a real sheet showed a zero total above a filled 本年财政拨款 row).
 * Sample pages: every 绩效自评表 of 000/001/002.
 */
import { defineTableRule } from '../../engine/rule.js';
import type { FundColumn } from '../../recognise/performance.js';

const COLUMNS: FundColumn[] = ['initial', 'annual', 'executed'];
const NAMES: Record<FundColumn, string> = { initial: '年初预算数', annual: '全年预算数', executed: '全年执行数', rate: '执行率', weight: '分值', score: '得分' };

export default defineTableRule({
  meta: {
    id: 'perf-funds',
    category: 'table-sum',
    description: { zh: '绩效自评表：年度资金总额等于各资金来源之和', en: 'Performance self-evaluation: total funds equal the sum of their sources' },
    basis: 'domain.md §4.5 K01',
    messages: ['perf-funds'],
  },
  applies: (t) => t.kind === 'PERF' && (t.performance?.funds.length ?? 0) > 0,
  run(ctx) {
    const perf = ctx.rt.performance;
    if (!perf) return;
    const total = perf.funds.find((f) => f.total);
    const sources = perf.funds.filter((f) => !f.total);
    if (!total) {
      ctx.notChecked('funds-total-not-found');
      return;
    }
    if (sources.length === 0) return;
    for (const col of COLUMNS) {
      const target = total.cells[col];
      const parts = sources.map((s) => s.cells[col]);
      if (!target || parts.some((p) => !p)) continue;
      ctx.checkSum({
        target,
        plus: parts as NonNullable<(typeof parts)[number]>[],
        names: sources.map((s) => s.label),
        messageId: 'perf-funds',
        data: { column: NAMES[col], project: perf.project ?? '', row: total.label },
      });
    }
  },
});
