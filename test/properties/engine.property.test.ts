/**
 * Properties of the engine on random tables: a consistent table gets no finding at all; a changed
 * digit in a cell that takes part in an identity is found on that cell, as an error when the change
 * exceeds the rounding band (a change of 0.02 or more here: no identity has more than three parts)
 * and as rounding when it is one unit of the last printed digit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/pipeline/run.js';
import { documentOf } from '../support/rule-tester.js';
import { params, seedNote } from '../support/property.js';
import { changeDigit, consistentTable } from '../support/random-tables.js';

describe(`the engine on random tables (${seedNote()})`, () => {
  it('finds nothing in a consistent table', () => {
    fc.assert(
      fc.property(consistentTable, (t) => {
        const r = runEngine(documentOf([t.table]));
        expect(r.findings.map((f) => `${f.severity} ${f.rule} ${f.messageId} ${JSON.stringify(f.cells)} ${f.stated}→${f.expected}`)).toEqual([]);
        expect(r.notChecked.filter((n) => n.reason === 'internal-error')).toEqual([]);
      }),
      params(150),
    );
  });

  it('finds a changed digit on its cell, with the severity its size calls for', () => {
    fc.assert(
      fc.property(consistentTable, fc.nat(), fc.nat(), fc.nat(8), (t, pick, position, to) => {
        const changed = changeDigit(t, pick, position, to);
        if (!changed) return;
        const r = runEngine(documentOf([changed.table]));
        const { row, col } = changed.cell;
        const on = r.findings.filter((f) => [...f.cells, ...f.related].some((c) => c.table === 0 && c.row === row && c.col === col));
        const size = changed.delta < 0n ? -changed.delta : changed.delta;
        const want = size >= 2n ? 'error' : 'rounding';
        expect(
          on.map((f) => f.severity),
          `${changed.table.rows[row]?.[col]} (change ${changed.delta} cents) at r${row}c${col}`,
        ).toContain(want);
        // nothing beyond what the change explains
        expect(r.findings.filter((f) => f.severity === 'error' && !on.includes(f))).toEqual([]);
      }),
      params(300),
    );
  });
});
