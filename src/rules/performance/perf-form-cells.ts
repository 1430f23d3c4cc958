/**
 * 绩效自评表 answer cells that hold the wrong thing: a figure alone where the form asks for words
 * (the 预期目标 / 实际完成情况 of the 年度总体目标, the 偏差原因 of an indicator: "43.2", "0"), a
 * template instruction left in an answer cell ("结合自评情况，说明…"), an indicator with a 分值 but
 * no 得分. Review: the form is incomplete or mis-filled, and a person must see it.
 *
 * Basis: domain.md §4.5 K07 (template text and empty 得分 left in answer cells).
 * Sample pages: real-pages s-10 (amounts in the goal cells, "0" in the reason column).
 */
import { defineTableRule } from '../../engine/rule.js';
import { keyText } from '../../model/text.js';
import { phrase } from '../../contract/figure.js';

const INSTRUCTION = /^(?:结合|根据|请|说明|填写|简要|按照).{0,30}(?:说明|填写|描述|分析)|^(?:……|…)$/u;
const FIGURE = /^[+-]?\d+(?:\.\d+)?%?$/u;

export default defineTableRule({
  meta: {
    id: 'perf-form-cells',
    category: 'misplaced-value',
    description: {
      zh: '绩效自评表文字栏填了数字、留着填表说明，或有分值无得分',
      en: 'A performance self-evaluation’s answer cells hold a bare figure or template instructions, or an indicator has no score',
    },
    basis: 'domain.md §4.5 K07',
    messages: ['perf-cell-figure', 'perf-cell-instruction', 'perf-score-blank'],
  },
  applies: (t) => t.kind === 'PERF' && t.performance !== null,
  run(ctx) {
    const perf = ctx.rt.performance;
    if (!perf) return;
    const project = perf.project ?? '';
    const words = (pos: { row: number; col: number }, field: string): void => {
      const cell = ctx.table.grid[pos.row]?.[pos.col];
      if (!cell || cell.merged) return;
      const text = keyText(cell.text);
      if (text === '') return;
      if (FIGURE.test(text))
        ctx.report({
          severity: 'review',
          cells: [ctx.ref(pos)],
          related: [],
          stated: phrase(cell.text),
          expected: null,
          difference: null,
          messageId: 'perf-cell-figure',
          data: { project, field, value: cell.text },
        });
      else if (INSTRUCTION.test(text))
        ctx.report({
          severity: 'review',
          cells: [ctx.ref(pos)],
          related: [],
          stated: phrase(cell.text),
          expected: null,
          difference: null,
          messageId: 'perf-cell-instruction',
          data: { project, field, value: cell.text },
        });
      else ctx.pass([pos], 'form');
    };
    // 年度总体目标: the cells under 预期目标 and 实际完成情况
    for (let r = 0; r < ctx.table.rows; r++) {
      const row = ctx.table.grid[r] ?? [];
      for (const c of row) {
        if (c.merged || !/^(?:预期目标|实际完成情况|全年实际完成情况)$/u.test(keyText(c.text))) continue;
        for (let below = r + 1; below < Math.min(ctx.table.rows, r + 3); below++) {
          const cell = ctx.table.grid[below]?.[c.col];
          if (cell && !cell.merged && cell.text !== '') {
            words({ row: below, col: c.col }, c.text);
            break;
          }
        }
      }
    }
    for (const ind of perf.indicators) {
      if (ind.reason) words(ind.reason, '偏差原因分析及改进措施');
      const w = ind.weight ? ctx.printed(ind.weight) : null;
      const s = ind.score ? ctx.printed(ind.score) : null;
      if (ind.score && w && !w.empty && !w.value.isZero() && s && s.empty) {
        ctx.report({
          severity: 'review',
          cells: [ctx.ref(ind.score)],
          related: ind.weight ? [ctx.ref(ind.weight)] : [],
          stated: null,
          expected: null,
          difference: null,
          messageId: 'perf-score-blank',
          data: { project, indicator: ind.name, weight: w.value.toFixed(w.scale) },
        });
      } else if (ind.score && ind.weight && w && !w.empty && s && !s.empty) ctx.pass([ind.weight, ind.score], 'form');
    }
  },
});
