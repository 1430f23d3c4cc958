/**
 * A figure with two units ("954.72%万元", "12.5万元%"): one of them is a slip, and which figure was
 * meant (a rate or an amount) cannot be told from the text alone. Review, category unit.
 *
 * Basis: issue 4 item 3 (unit slips such as "954.72%万元"); domain.md §4.4 N01.
 * Sample pages: none of the seeds; the slip is common in reports typed by hand.
 */
import { defineDocumentRule } from '../../engine/rule.js';

import { locate } from '../../narrative/passages.js';
import { phrase } from '../../contract/figure.js';

const DOUBLE = /(\d[\d,，]*(?:[.．]\d+)?)\s*(?:(%|％)\s*(万元|亿元|千元|元)|(万元|亿元|千元|元)\s*(%|％))/gu;

export default defineDocumentRule({
  meta: {
    id: 'text-units',
    category: 'unit',
    description: { zh: '情况说明中的数字只带一个单位', en: 'A figure in the narrative carries one unit' },
    basis: 'issue 4 item 3; domain.md §4.4 N01',
    messages: ['text-units-double'],
  },
  run(ctx) {
    const narrative = ctx.doc.narrative;
    // each passage with figures read for a doubled unit
    const withFigures = new Set(narrative.statements.map((st) => st.passage));
    for (const p of narrative.passages) {
      let doubled = false;
      for (const m of p.text.matchAll(DOUBLE)) {
        doubled = true;
        const start = m.index;
        const end = start + m[0].length;
        const loc = locate(p, start, end);
        if (!loc) continue;
        const units = m[2] ? `${m[2]}${m[3]}` : `${m[4]}${m[5]}`;
        ctx.report({
          severity: 'review',
          category: 'unit',
          table: null,
          cells: [],
          related: [],
          quote: { block: loc.block, start: loc.start, end: loc.end, text: loc.text },
          stated: phrase(m[0]),
          expected: null,
          difference: null,
          messageId: 'text-units-double',
          data: { stated: m[0], units },
        });
      }
      if (!doubled && withFigures.has(p.index)) ctx.pass([], 'form');
    }
  },
});
