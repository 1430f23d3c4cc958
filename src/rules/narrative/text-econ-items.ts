/**
 * What the 情况说明 says 人员经费 and 公用经费 consist of ("人员经费 X 万元，主要包括：基本工资、
 * 津贴补贴、…、个人农业生产补贴") against the 基本支出 table by economic classification: a class the
 * sentence names must be one the table spends on. A class named while the table prints it as 0.00
 * or blank is template text left in (the list is the 财政部 template's, not the department's): review,
 * one finding per list sentence, naming every such class. A name the table does not print is not
 * judged (the text may group classes).
 *
 * Basis: domain.md §4.4 (the narrative describes the tables' figures); §4.5 K07 (template text left in).
 * Sample pages: real-pdf r01 (个人农业生产补贴 0), r11 (奖金、奖励金、税金及附加费用 0).
 */
import { ZERO } from '../../model/decimal.js';
import { defineDocumentRule } from '../../engine/rule.js';
import type { CellRef } from '../../model/table.js';
import { printedAt } from '../../engine/tolerance.js';
import { nameKey } from '../../narrative/concepts.js';

import { reportPassage } from '../../engine/claim.js';
import { tableTitle } from '../../recognise/names.js';
import type { RecognisedTable } from '../../recognise/index.js';
import { fig, phrase } from '../../contract/figure.js';

/** "人员经费…主要包括：A、B、C" up to the end of its clause run. */
const LIST = /(人员经费|公用经费)[^。；;]{0,40}?(?:主要)?(?:包括|用于)[:：]?\s*([^。；;]+)/gu;

interface Line {
  readonly label: string;
  readonly ref: CellRef;
  readonly zero: boolean;
}

const bare = (name: string): string =>
  nameKey(name)
    .replace(/(?:等)?(?:支出|费用|经费)?(?:等)?$/u, '')
    .replace(/的/gu, '');

/** The classes of the 基本支出 table, by bare name, with their amount's cell. */
function linesOf(rt: RecognisedTable): Map<string, Line> {
  const out = new Map<string, Line>();
  for (const [b, rows] of rt.rows.entries()) {
    const col = rt.layout.blocks[b]?.values[0];
    if (col === undefined) continue;
    for (const r of rows) {
      if (!r.code || r.total) continue;
      const printed = printedAt(rt.table, { row: r.valueRow, col });
      const zero = !printed || printed.empty || printed.value.isZero();
      const key = bare(r.label);
      if (key.length >= 2 && !out.has(key)) out.set(key, { label: `${r.code} ${r.label}`, ref: { table: rt.table.index, row: r.valueRow, col }, zero });
    }
  }
  return out;
}

export default defineDocumentRule({
  meta: {
    id: 'text-econ-items',
    category: 'text-vs-table',
    description: { zh: '情况说明所列人员经费、公用经费的构成科目在基本支出表中有数', en: 'The classes the narrative lists as making up 人员经费 and 公用经费 are spent on in the 基本支出 table' },
    basis: 'domain.md §4.4; §4.5 K07',
    messages: ['econ-items-zero'],
  },
  *run(ctx) {
    const table = ctx.doc.tables.find((t) => t.kind === 'D06' || t.kind === 'B06');
    if (!table) return;
    const lines = linesOf(table);
    if (lines.size === 0) return;
    const narrative = ctx.doc.narrative;
    for (const p of narrative.passages) {
      yield;
      // one finding per passage: its lists of 人员经费 and 公用经费 are one description
      const zero: Line[] = [];
      let named = 0;
      const span = { start: -1, end: -1 };
      for (const m of p.text.matchAll(LIST)) {
        const listed = m[2] ?? '';
        const at = m.index + m[0].length - listed.length;
        let offset = 0;
        for (const piece of listed.split(/([、，,]|以及)/u)) {
          const from = at + offset;
          offset += piece.length;
          const item = piece.trim();
          if (item.length < 2 || /^(?:[、，,]|以及)$/u.test(item)) continue;
          const line = lines.get(bare(item));
          if (!line) continue;
          named++;
          if (!line.zero || zero.includes(line)) continue;
          zero.push(line);
          // the quote runs from the first class named in vain to the last
          if (span.start < 0) span.start = from;
          span.end = from + piece.length;
        }
      }
      if (named === 0) continue;
      if (zero.length === 0) {
        ctx.pass([], 'exact');
        continue;
      }
      const items = zero.map((z) => z.label).join('、');
      reportPassage(ctx, p, span.start, span.end, {
        severity: 'review',
        category: 'text-vs-table',
        messageId: 'econ-items-zero',
        stated: phrase(items),
        expected: fig(ZERO, 2),
        related: zero.map((z) => z.ref),
        data: { table: tableTitle(table), items, count: zero.length },
      });
    }
  },
});
