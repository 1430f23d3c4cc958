/**
 * Empty fund tables and what the report says of them. A 政府性基金 or 国有资本经营 table without a
 * figure must be published with a statement that the department has no such funds (143号: 没有数据的
 * 表格应当列出空表并说明); a table that has figures must not be described as having none.
 *
 * Basis: domain.md §1 (空表并说明), §4.2 X07.
 * Sample pages: 000-*.html (both tables empty, each with its note and 情况说明 sentence).
 */
import { keyText } from '../../model/text.js';
import { defineDocumentRule } from '../../engine/rule.js';

import { locate } from '../../narrative/passages.js';
import { tableTitle } from '../../recognise/names.js';
import type { RecognisedTable } from '../../recognise/index.js';
import type { TextBlock } from '../../model/document.js';
import type { Quote } from '../../contract/types.js';
import { phrase } from '../../contract/figure.js';

const FUNDS: ReadonlyArray<{ kinds: readonly string[]; name: RegExp; scope: string }> = [
  { kinds: ['D07', 'B08'], name: /政府性基金/u, scope: '@scope.fund' },
  { kinds: ['D08', 'B09'], name: /国有资本经营/u, scope: '@scope.capital' },
];

const NONE = /没有|无(?!可比)|不涉及|未(?:发生|安排|使用)|空表|无数据|为0|为零|均为0/u;
/** A note stating absence: "本部门没有政府性基金预算财政拨款", "本单位不涉及…", "本表为空表". */
const ABSENT = /(?:没有|无|不涉及|未发生|未安排)[^，。；,;]{0,16}(?:政府性基金|国有资本经营)|(?:政府性基金|国有资本经营)[^，。；,;]{0,16}(?:为空|为0|为零)/u;
const EMPTY_TABLE = /本表(?:为)?空表|本表无数据|本表数据为空/u;
const FUND_KINDS = new Set(FUNDS.flatMap((f) => f.kinds));

/** The printed line of a table's note, for the quote: the first block after the table that holds it. */
function noteQuote(rt: RecognisedTable, blocks: readonly TextBlock[], note: string): Quote | null {
  const own = blocks.filter((b) => b.beforeTable > rt.table.index && keyText(b.text).includes(note));
  const b = own.find((x) => x.beforeTable === rt.table.index + 1) ?? own[0] ?? blocks.find((x) => keyText(x.text).includes(note));
  return b ? { block: b.index, start: 0, end: b.text.length, text: b.text } : null;
}

function figures(rt: RecognisedTable): { nonzero: number; first: { row: number; col: number } | null } {
  let nonzero = 0;
  let first: { row: number; col: number } | null = null;
  for (let r = rt.layout.headerRows; r < rt.table.rows; r++) {
    for (const cell of rt.table.grid[r] ?? []) {
      if (cell.merged) continue;
      if (cell.value.type === 'number' && !cell.value.value.isZero()) {
        nonzero++;
        first ??= { row: r, col: cell.col };
      }
    }
  }
  return { nonzero, first };
}

export default defineDocumentRule({
  meta: {
    id: 'empty-table',
    category: 'text-vs-table',
    description: { zh: '空的基金表须有说明；有数据的表不得说成“无”', en: 'An empty fund table is explained; a table with figures is not described as empty' },
    basis: 'domain.md §1; §4.2 X07',
    messages: ['empty-table-unexplained', 'empty-table-note', 'empty-table-text'],
  },
  *run(ctx) {
    // any other table whose own note says it is empty ("本表为空表") while it holds figures
    for (const rt of ctx.doc.tables.filter((t) => !FUND_KINDS.has(t.kind))) {
      const printed = rt.table.meta.notes.find((n) => EMPTY_TABLE.test(keyText(n)));
      if (printed === undefined) continue;
      const note = printed.trim();
      yield;
      const { nonzero, first } = figures(rt);
      if (nonzero === 0 || !first) {
        ctx.pass([{ table: rt.table.index, row: 0, col: 0 }], 'exact');
        continue;
      }
      const ref = { table: rt.table.index, row: first.row, col: first.col };
      ctx.report({
        severity: 'error',
        category: 'text-vs-table',
        table: rt.table.index,
        cells: [ref],
        related: [],
        quote: noteQuote(rt, ctx.doc.document.blocks, keyText(note)),
        stated: phrase(note),
        expected: null,
        difference: null,
        messageId: 'empty-table-note',
        data: { table: tableTitle(rt), note, count: nonzero },
      });
    }
    const narrative = ctx.doc.narrative;
    for (const fund of FUNDS) {
      // the 情况说明 sentences that say this fund has nothing: in its own section, or naming it
      const saying: Array<{ passage: number; start: number; end: number; text: string; key: string }> = [];
      for (const p of narrative.passages) {
        const own = p.headings.some((h) => fund.name.test(h));
        if (!own && !fund.name.test(p.text)) continue;
        for (const m of p.text.matchAll(/[^。；;]+[。；;]?/gu)) {
          const text = m[0];
          const key = keyText(text).replace(/^注[:：]?/u, '');
          if (key !== '' && (own || fund.name.test(text)) && NONE.test(text) && (fund.name.test(text) || !/政府性基金|国有资本经营/u.test(text)))
            saying.push({ passage: p.index, start: m.index, end: m.index + text.length, text, key });
        }
      }
      for (const rt of ctx.doc.tables.filter((t) => fund.kinds.includes(t.kind))) {
        yield;
        const notes = rt.table.meta.notes.map(keyText);
        const sentences = saying.filter((s) => !notes.some((n) => n.includes(s.key))); // not the table's own note
        const { nonzero, first } = figures(rt);
        // a note that says the department has none of this fund, or that the table is empty
        const noteSays = notes.find((n) => ABSENT.test(n) && fund.name.test(n)) ?? notes.find((n) => EMPTY_TABLE.test(n));
        if (nonzero === 0) {
          if (!noteSays && sentences.length === 0) {
            ctx.report({
              severity: 'review',
              category: 'text-vs-table',
              table: rt.table.index,
              cells: [{ table: rt.table.index, row: 0, col: 0 }],
              related: [],
              quote: null,
              stated: null,
              expected: null,
              difference: null,
              messageId: 'empty-table-unexplained',
              data: { table: tableTitle(rt), fund: fund.scope },
            });
          } else ctx.pass([{ table: rt.table.index, row: 0, col: 0 }], 'exact');
          continue;
        }
        if (!first) continue;
        const ref = { table: rt.table.index, row: first.row, col: first.col };
        // figures, and nothing says the table is empty: the check held
        if (!noteSays && sentences.length === 0) ctx.pass([ref], 'exact');
        if (noteSays) {
          ctx.report({
            severity: 'error',
            category: 'text-vs-table',
            table: rt.table.index,
            cells: [ref],
            related: [],
            quote: noteQuote(rt, ctx.doc.document.blocks, noteSays),
            stated: phrase(noteSays),
            expected: null,
            difference: null,
            messageId: 'empty-table-note',
            data: { table: tableTitle(rt), note: noteSays, count: nonzero },
          });
        }
        for (const s of sentences) {
          const p = narrative.passages[s.passage];
          const loc = p ? locate(p, s.start, s.end) : null;
          ctx.report({
            severity: 'review',
            category: 'text-vs-table',
            table: null,
            cells: [],
            related: [ref],
            quote: loc ? { block: loc.block, start: loc.start, end: loc.end, text: loc.text } : null,
            stated: phrase(s.text.trim()),
            expected: null,
            difference: null,
            messageId: 'empty-table-text',
            data: { table: tableTitle(rt), sentence: s.text.trim(), count: nonzero },
          });
        }
      }
    }
  },
});
