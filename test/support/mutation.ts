/**
 * Mutation testing on the fixture tables: each table on its own, made consistent by recomputing
 * every total the checks name from its parts, then altered one digit at a time.
 */
import { readFileSync } from 'node:fs';
import { readTextReport } from '../../src/extract/text-report.js';
import type { ReportDocument } from '../../src/model/document.js';
import type { Cell, Table } from '../../src/model/table.js';
import { parseCellValue } from '../../src/model/number.js';
import { runEngine, type EngineResult } from '../../src/pipeline/run.js';
import { RULES } from '../../src/rules/index.js';
import { figureText } from '../../src/contract/figure.js';
import { seedFile, SEEDS } from './fixtures.js';

/** The rules that look inside one table (the mutation test is about table identities). */
export const TABLE_RULES = RULES.filter((r) => r.scope === 'table');

export function single(table: Table, source = 'mutation'): ReportDocument {
  return { source, title: null, tables: [{ ...table, index: 0, id: 't1' }], blocks: [], order: [{ type: 'table', index: 0 }] };
}

export function check(table: Table): EngineResult {
  return runEngine(single(table), { rules: TABLE_RULES });
}

/** The table with one cell's text replaced (value re-read from the new text). */
export function withCell(table: Table, row: number, col: number, text: string): Table {
  const grid = table.grid.map((r, i) => (i === row ? r.map((c, j) => (j === col ? ({ ...c, text, value: parseCellValue(text) } as Cell) : c)) : r));
  return { ...table, grid };
}

export interface Consistent {
  readonly source: string;
  readonly table: Table;
  readonly result: EngineResult;
}

/**
 * Repairs a table: every finding that names the figure a cell should hold sets it, until no
 * finding remains (null when findings without such a figure remain, or after too many rounds).
 */
export function makeConsistent(table: Table): Table | null {
  let t = table;
  for (let round = 0; round < 12; round++) {
    const r = check(t);
    if (r.findings.length === 0) return t;
    let changed = false;
    for (const f of r.findings) {
      const target = f.cells[0];
      const expected = figureText(f.expected);
      if (!target || expected === null || !/^-?\d+(?:\.\d+)?$/.test(expected)) continue;
      const cell = t.grid[target.row]?.[target.col];
      if (!cell || cell.merged || (cell.value.type !== 'number' && cell.value.type !== 'percent' && cell.value.type !== 'empty')) continue;
      const text = cell.value.type === 'percent' && /%$/.test(cell.text) ? `${expected}%` : expected;
      if (cell.text === text) continue;
      t = withCell(t, target.row, target.col, text);
      changed = true;
    }
    if (!changed) return null;
  }
  return check(t).findings.length === 0 ? t : null;
}

/** Every fixture table that could be made consistent, and how many could not. */
export function consistentFixtureTables(): { tables: Consistent[]; skipped: number; total: number } {
  const tables: Consistent[] = [];
  let skipped = 0;
  let total = 0;
  for (const seed of SEEDS) {
    const doc = readTextReport(readFileSync(seedFile(seed), 'utf8'), seed).document;
    for (const table of doc.tables) {
      total++;
      const fixed = makeConsistent(table);
      if (!fixed) {
        skipped++;
        continue;
      }
      const result = check(fixed);
      if (result.passed.length === 0) continue; // no identity to test
      tables.push({ source: `${seed}/${table.id} ${table.meta.title ?? ''}`, table: fixed, result });
    }
  }
  return { tables, skipped, total };
}

export interface Mutation {
  readonly table: Consistent;
  readonly row: number;
  readonly col: number;
  readonly before: string;
  readonly after: string;
}

/** Every single-digit change of every amount or rate that takes part in a check that held (one other digit, or all nine). */
export function mutationsOf(c: Consistent, everyDigit = false): Mutation[] {
  const seen = new Set<string>();
  const out: Mutation[] = [];
  for (const p of c.result.passed) {
    for (const ref of p.cells) {
      const key = `${ref.row}:${ref.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cell = c.table.grid[ref.row]?.[ref.col];
      if (!cell || cell.merged || (cell.value.type !== 'number' && cell.value.type !== 'percent')) continue;
      const text = cell.text;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i] as string;
        if (!/\d/.test(ch)) continue;
        for (const step of everyDigit ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [7]) {
          const digit = (Number(ch) + step) % 10;
          out.push({ table: c, row: ref.row, col: ref.col, before: text, after: `${text.slice(0, i)}${digit}${text.slice(i + 1)}` });
        }
      }
    }
  }
  return out;
}
