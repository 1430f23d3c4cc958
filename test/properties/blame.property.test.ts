/**
 * Blame by evidence, as a property: take the mutation test's consistent fixture tables, corrupt one
 * addend, one subtotal or one total at a time (far beyond rounding), and the engine must report
 * exactly one error per corruption. Where the identities the cell takes part in single it out (two
 * or more of them break), the error is on the corrupted cell, with the other broken identities'
 * cells in its `related`; where they cannot (a cell in one identity only), the one error is on that
 * identity and names the corrupted cell among its candidates. No error ever lands on a cell that
 * takes part in no broken identity: the evidence clears it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { fixturesAvailable } from '../support/fixtures.js';
import { check, consistentFixtureTables, withCell, type Consistent } from '../support/mutation.js';
import { FUZZ, random, seedNote } from '../support/property.js';

const SAMPLE = 250;

interface Corruption {
  readonly table: Consistent;
  readonly row: number;
  readonly col: number;
  readonly after: string;
  /** The sum identities the cell takes part in (each a list of `row:col` keys). */
  readonly identities: ReadonlyArray<ReadonlySet<string>>;
}

const key = (r: { row: number; col: number }): string => `${r.row}:${r.col}`;

function corruptions(c: Consistent): Corruption[] {
  const sums = c.result.passed.filter((p) => p.kind === 'sum').map((p) => new Set(p.cells.map(key)));
  const seen = new Set<string>();
  const out: Corruption[] = [];
  for (const ids of sums) {
    for (const k of ids) {
      if (seen.has(k)) continue;
      seen.add(k);
      const [row, col] = k.split(':').map(Number) as [number, number];
      const cell = c.table.grid[row]?.[col];
      if (!cell || cell.merged || cell.value.type !== 'number') continue;
      const v = cell.value;
      // three units of the second-to-last printed place: far beyond any rounding band
      const delta = new Decimal(10).pow(1 - v.scale).times(3);
      out.push({ table: c, row, col, after: v.value.plus(delta).toFixed(v.scale), identities: sums.filter((s) => s.has(k)) });
    }
  }
  return out;
}

describe.skipIf(!fixturesAvailable())(`blame by evidence on corrupted fixture tables (${seedNote()})`, () => {
  const { tables } = fixturesAvailable() ? consistentFixtureTables() : { tables: [] };
  const all = tables.flatMap(corruptions);
  const rnd = random();
  const chosen = FUZZ
    ? all
    : [...all]
        .map((m) => [rnd(), m] as const)
        .sort((a, b) => a[0] - b[0])
        .slice(0, SAMPLE)
        .map(([, m]) => m);
  const stats = { tried: 0, singled: 0, onCell: 0, single: 0, named: 0 };

  afterAll(() => {
    console.log(
      `\nBlame property: ${all.length} corruptions possible, ${stats.tried} tried; in two or more identities: ${stats.singled} (${stats.onCell} blamed on the corrupted cell); in one identity: ${stats.single} (${stats.named} naming it).`,
    );
  });

  it('has corruptions to try', () => expect(chosen.length).toBeGreaterThan(50));

  it('one corruption, one error, on the cell the evidence singles out, never on a cleared cell', () => {
    const wrong: string[] = [];
    for (const m of chosen) {
      stats.tried++;
      const where = `${m.table.source} r${m.row}c${m.col}: ${m.table.table.grid[m.row]?.[m.col]?.text} → ${m.after}`;
      const r = check(withCell(m.table.table, m.row, m.col, m.after));
      const errors = r.findings.filter((f) => f.severity === 'error');
      if (errors.length !== 1) {
        wrong.push(`${where}: ${errors.length} errors (${errors.map((f) => `${f.rule} ${key(f.cells[0] ?? { row: -1, col: -1 })}`).join(', ')})`);
        continue;
      }
      const f = errors[0] as (typeof errors)[number];
      const target = f.cells[0];
      const cells = [...f.cells, ...f.related].map(key);
      const involved = new Set(m.identities.flatMap((s) => [...s]));
      if (!target || !involved.has(key(target))) {
        wrong.push(`${where}: the error is on ${target ? key(target) : 'no cell'}, a cell no broken identity involves`);
        continue;
      }
      if (m.identities.length >= 2) {
        stats.singled++;
        if (key(target) === key(m)) stats.onCell++;
        else wrong.push(`${where}: in ${m.identities.length} identities, blamed on ${key(target)} (${f.rule})`);
      } else {
        stats.single++;
        if (cells.includes(key(m))) stats.named++;
        else wrong.push(`${where}: its one identity's error does not name it (${f.rule} on ${key(target)})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
