/**
 * Recognition: what each table of a document is (its kind), how its header reads, and what each
 * of its rows is. Rules select tables and cells through this, never through raw positions.
 */
import type { ReportDocument } from '../model/document.js';
import { runSync, type Steps } from '../model/steps.js';
import { isNumeric } from '../model/number.js';
import type { Table } from '../model/table.js';
import type { MoneyUnit } from '../model/units.js';
import { recogniseKind } from './kind.js';
import { analyseLayoutSteps } from './layout.js';
import { analyseRowsSteps, type RowInfo } from './rows.js';
import { readPerformance } from './performance.js';
import { scoringOf } from './scoring.js';
import { tableSets } from './families.js';
import { figuresSteps } from './figures.js';
import type { RecognisedDocument, RecognisedTable } from './types.js';
import { reportYear } from './year.js';

export type { RecognisedDocument, RecognisedTable } from './types.js';

function hasNumbers(table: Table, from: number): boolean {
  for (let r = from; r < table.rows; r++) {
    for (const cell of table.grid[r] ?? []) {
      if (!cell.merged && isNumeric(cell.value)) return true;
    }
  }
  return false;
}

/** The unit most tables of the document state. */
function dominantUnit(doc: ReportDocument): MoneyUnit | null {
  const counts = new Map<MoneyUnit, number>();
  for (const t of doc.tables) if (t.meta.unit) counts.set(t.meta.unit, (counts.get(t.meta.unit) ?? 0) + 1);
  let best: MoneyUnit | null = null;
  let n = 0;
  for (const [u, c] of counts) if (c > n) [best, n] = [u, c];
  return best;
}

export function recogniseTable(table: Table, doc: ReportDocument, docUnit: MoneyUnit | null = dominantUnit(doc)): RecognisedTable {
  return runSync(recogniseTableSteps(table, doc, docUnit));
}

/** recogniseTable in steps: the layout, then its rows a thousand at a time. */
export function* recogniseTableSteps(table: Table, doc: ReportDocument, docUnit: MoneyUnit | null = dominantUnit(doc)): Steps<RecognisedTable> {
  const layout = yield* analyseLayoutSteps(table);
  yield;
  const { kind, by } = recogniseKind(table, layout, doc);
  const rows: RowInfo[][] = [];
  for (const b of layout.blocks) rows.push(yield* analyseRowsSteps(table, layout, b));
  return {
    table,
    kind,
    kindBy: by,
    layout,
    rows,
    unit: table.meta.unit ?? docUnit,
    unitInferred: table.meta.unit === null && docUnit !== null,
    numeric: hasNumbers(table, layout.headerRows) || kind !== 'GENERIC',
    performance: kind === 'PERF' ? readPerformance(table) : null,
  };
}

/** Recognises every table; tables without any number and no budget kind are left out. */
export function recogniseDocument(doc: ReportDocument): RecognisedDocument {
  return runSync(recogniseDocumentSteps(doc));
}

/** recogniseDocument, one table at a time. */
export function* recogniseDocumentSteps(doc: ReportDocument): Steps<RecognisedDocument> {
  const unit = dominantUnit(doc);
  const tables: RecognisedTable[] = [];
  for (const t of doc.tables) {
    yield 'recognise';
    const rt = yield* recogniseTableSteps(t, doc, unit);
    if (rt.numeric) tables.push(rt);
  }
  const sets = tableSets(tables);
  yield 'figures';
  const figures = yield* figuresSteps(tables, sets);
  return { document: doc, tables, year: reportYear(doc), scoring: scoringOf(tables), sets, figures };
}

export type { TableKind } from './kind.js';
export type { Layout, Column, Block } from './layout.js';
export type { RowInfo } from './rows.js';
export type { PerformanceTable, Indicator, FundRow } from './performance.js';
export type { Scoring, Practice } from './scoring.js';
