/**
 * An amount stated in the 情况说明 against its table cell: "基本支出 491.68 万元" against the
 * 支出决算表's 基本支出 491.86; "支出决算为 2.61 万元" against the 三公 table's 2.55. Cells are found
 * by the section the sentence stands in and the label it names. When the text's label names one
 * line but its figure is another's ("收入总计 17334.64" that is the 本年收入合计), or when only a
 * broader table holds the line (all funds for a 财政拨款 figure), the finding is review.
 *
 * Basis: domain.md §4.4 N01, N02.
 * Sample pages: 001-*.html (基本支出 491.68, 一般公共服务支出 1337.02, 三公 2.61), 002-*.html (收入总计/支出总计).
 */
import { Decimal } from '../../model/decimal.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { likelyCause } from '../../engine/cause.js';
import { formatAmount, formatSigned } from '../../i18n/format.js';
import { compareFigure, quantityOf, reportClaim, shown } from '../../engine/claim.js';
import type { Identity } from '../../engine/evidence.js';
import { clauseStart, resolve } from '../../narrative/model.js';
import { summaryCell, totalRowCell, byLeaf } from '../../narrative/lookup.js';
import type { Mention } from '../../narrative/mentions.js';
import type { Statement } from '../../narrative/statement.js';
import type { RecognisedDocument } from '../../recognise/index.js';
import type { CellRef } from '../../model/table.js';
import { keyText } from '../../model/text.js';
import { printedAt } from '../../engine/tolerance.js';
import { fig } from '../../contract/figure.js';

/** The line a 总计 label is often confused with (N02). */
function sibling(doc: RecognisedDocument, st: Statement, topic: string) {
  const kinds = topic === 'fiscal' ? (['D04', 'B04'] as const) : (['D01', 'B01'] as const);
  if (st.concept === 'income-total' || st.concept === 'total-both') return summaryCell(doc, [...kinds], 'income', (k) => /^本年收入合计$|^收入合计$/u.test(k));
  if (st.concept === 'expenditure-total') return summaryCell(doc, [...kinds], 'expenditure', (k) => /^本年支出合计$|^支出合计$/u.test(k));
  return null;
}

/** How far a 财政拨款 figure may fall below its all-funds line: the spending not financed by 财政拨款. */
function nonFiscalSlack(doc: RecognisedDocument): Decimal {
  const all = totalRowCell(doc, ['D03', 'B03'], byLeaf(/合计$/u)) ?? summaryCell(doc, ['D01', 'B01'], 'expenditure', (k) => /^本年支出合计$/u.test(k));
  const fiscal = summaryCell(doc, ['D04', 'B04'], 'expenditure', (k) => /^本年支出合计$/u.test(k));
  if (!all || !fiscal) return new Decimal(0);
  const d = all.printed.value.minus(fiscal.printed.value);
  return d.isNegative() ? new Decimal(0) : d;
}

const ALL_FUNDS = new Set(['D01', 'D03', 'B01', 'B03']);
const FISCAL = new Set(['D04', 'D05', 'D06', 'B04', 'B05', 'B06']);

/**
 * A cell of another table that prints the stated figure in a row or column named as the subject
 * ends ("基本支出" for "财政拨款基本支出"), or null.
 */
function elsewhere(doc: RecognisedDocument, mention: Mention, subject: string, except: number): { ref: CellRef; name: string } | null {
  const key = keyText(subject);
  if (key.length < 2) return null;
  const names = (k: string): boolean => k.length >= 2 && (key.endsWith(k) || k.endsWith(key));
  // only from an all-funds table to a 财政拨款 one: the text may give the 财政拨款 figure of a line
  // the lookup found in the all-funds table, never an income figure for an expenditure
  const fiscal = (t: RecognisedDocument['tables'][number]): boolean => FISCAL.has(t.kind) || /财政拨款/u.test(t.table.meta.title ?? '');
  const resolved = doc.tables.find((t) => t.table.index === except);
  if (!resolved || !ALL_FUNDS.has(resolved.kind) || fiscal(resolved)) return null;
  for (const rt of doc.tables) {
    if (rt.table.index === except || !fiscal(rt)) continue;
    for (const [b, rows] of rt.rows.entries()) {
      const block = rt.layout.blocks[b];
      if (!block) continue;
      for (const row of rows) {
        for (const col of block.values) {
          const printed = printedAt(rt.table, { row: row.valueRow, col });
          if (!printed || printed.empty) continue;
          const header = rt.layout.columns[col]?.keys ?? [];
          if (!names(row.key) && !header.some(names)) continue;
          if (compareFigure(mention, printed, rt.unit).outcome !== 'pass') continue;
          const title = rt.table.meta.title ?? rt.table.id;
          return { ref: { table: rt.table.index, row: row.valueRow, col }, name: `${title} / ${row.label} / ${rt.layout.columns[col]?.path.join('·') ?? ''}` };
        }
      }
    }
  }
  return null;
}

export default defineDocumentRule({
  meta: {
    id: 'text-amount',
    category: 'text-vs-table',
    description: { zh: '情况说明中的金额与表中对应数字一致', en: 'Amounts stated in the narrative agree with their table cells' },
    basis: 'domain.md §4.4 N01, N02',
    messages: ['text-amount', 'text-amount-label', 'text-amount-scope', 'text-amount-unit', 'text-amount-elsewhere'],
  },
  *run(ctx) {
    const doc = ctx.doc;
    const narrative = doc.narrative;
    let slack: Decimal | null = null;
    for (const st of narrative.statements) {
      if (st.id % 200 === 199) yield;
      const fields: Array<['amount' | 'final' | 'budget', Mention | undefined]> = [
        ['amount', st.amount],
        ['final', st.final],
        ['budget', st.budget?.mention],
      ];
      for (const [field, mention] of fields) {
        if (!mention || !/元$/u.test(mention.unit)) continue;
        const r = resolve(doc, narrative, st, field === 'amount' && !st.amount ? 'final' : field);
        if (!r) continue;
        const cmp = compareFigure(mention, r.cell.printed, r.cell.rt.unit);
        // the text's figure and its cell, in one unit and one scope: an identity, evidence for blame
        const sameUnit = r.scope === 'same' && (r.cell.rt.unit ?? mention.unit) === mention.unit;
        const identity: Identity | null = sameUnit
          ? {
              kind: 'equal',
              a: quantityOf(narrative, st, mention),
              b: { id: `c:${r.cell.ref.table}:${r.cell.ref.row}:${r.cell.ref.col}`, value: r.cell.printed.value, scale: r.cell.printed.scale, name: r.cell.name, cell: r.cell.ref },
            }
          : null;
        if (cmp.outcome === 'pass') {
          if (identity) ctx.evidence(identity, 'pass');
          continue;
        }
        const p = narrative.passages[st.passage];
        // quote the figure's own clause for a budget/final pair ("支出决算为 1433.26 万元，完成年初预算的 85%")
        const span =
          st.amount && field === 'amount'
            ? { start: st.start, end: Math.max(st.end, mention.end), focus: mention.start }
            : { start: clauseStart(narrative, st, mention.start), end: field === 'final' ? Math.max(st.completion?.mention.end ?? mention.end, mention.end) : mention.end, focus: mention.start };
        const base = {
          subject: st.subject || (st.item ?? ''),
          stated: shown(mention),
          cell: r.cell.name,
          expected: formatAmount(cmp.expected, Math.max(cmp.scale, r.cell.printed.scale)),
          difference: formatSigned(cmp.difference, Math.max(cmp.scale, r.cell.printed.scale)),
          unit: mention.unit,
        };
        const common = {
          st,
          span,
          category: 'text-vs-table' as const,
          stated: fig(mention.value, mention.scale),
          expected: fig(cmp.expected, Math.max(cmp.scale, r.cell.printed.scale)),
          difference: fig(cmp.difference, Math.max(cmp.scale, r.cell.printed.scale)),
          related: [r.cell.ref],
          table: r.cell.ref.table,
        };
        // the right figure with the wrong unit ("0.3元" where the table has 0.30 万元)
        const tableUnit = r.cell.rt.unit;
        if (tableUnit && mention.unit !== tableUnit && compareFigure({ ...mention, unit: tableUnit }, r.cell.printed, tableUnit).outcome === 'pass') {
          reportClaim(ctx, narrative, {
            ...common,
            category: 'unit',
            severity: 'error',
            messageId: 'text-amount-unit',
            expected: fig(r.cell.printed.value, r.cell.printed.scale),
            difference: null,
            data: { ...base, expected: formatAmount(r.cell.printed.value, r.cell.printed.scale), tableUnit },
          });
          continue;
        }
        if (cmp.outcome === 'rounding') {
          const finding = reportClaim(ctx, narrative, { ...common, severity: 'rounding', messageId: 'text-amount', data: base });
          if (identity) ctx.evidence(identity, 'rounding', finding);
          continue;
        }
        // the text's label may name the wrong line while the figure is right for another one
        const sib = p ? sibling(doc, st, p.topic) : null;
        if (sib && compareFigure(mention, sib.printed, sib.rt.unit).outcome !== 'mismatch') {
          reportClaim(ctx, narrative, {
            ...common,
            severity: 'review',
            messageId: 'text-amount-label',
            data: { ...base, other: sib.name, otherValue: formatAmount(sib.printed.value, sib.printed.scale) },
            related: [r.cell.ref, sib.ref],
          });
          continue;
        }
        // the figure printed, under the subject's own name, in another table: the text may speak of
        // that table's scope (财政拨款 基本支出 beside the all-funds one); not a contradiction to assert
        const other = elsewhere(doc, mention, st.subject || (st.item ?? ''), r.cell.ref.table);
        if (other) {
          reportClaim(ctx, narrative, { ...common, severity: 'review', messageId: 'text-amount-elsewhere', data: { ...base, other: other.name }, related: [r.cell.ref, other.ref] });
          continue;
        }
        if (r.scope === 'broader') {
          slack ??= nonFiscalSlack(doc);
          const low = cmp.expected.minus(slack).minus(new Decimal(10).pow(-cmp.scale));
          const within = mention.value.gte(low) && mention.value.lte(cmp.expected.plus(new Decimal(10).pow(-cmp.scale)));
          if (within) {
            reportClaim(ctx, narrative, { ...common, severity: 'review', messageId: 'text-amount-scope', data: { ...base, slack: formatAmount(slack, cmp.scale) } });
            continue;
          }
        }
        const finding = reportClaim(ctx, narrative, {
          ...common,
          severity: 'error',
          messageId: 'text-amount',
          data: base,
          cause: likelyCause(mention.value, cmp.expected, Math.max(cmp.scale, r.cell.printed.scale), []),
        });
        if (identity) ctx.evidence(identity, 'error', finding);
      }
    }
  },
});
