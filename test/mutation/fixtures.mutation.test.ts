/**
 * Mutation test on the fixture tables. Each table of the three seed reports is made consistent
 * (every total the checks name recomputed from its parts) and must then give no finding at all;
 * then one digit of one cell that takes part in an identity is changed at a time, and the change
 * must be reported on that cell's identity: as error when it exceeds the identity's rounding band
 * (half a unit of the printed precision × the printed figures of the identity), as rounding when
 * it does not. `npm test` runs a sample with a fixed seed; `npm run fuzz` runs every mutation.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { figureText } from '../../src/contract/figure.js';
import { fixturesAvailable } from '../support/fixtures.js';
import { check, consistentFixtureTables, mutationsOf, withCell, type Consistent, type Mutation } from '../support/mutation.js';
import { FUZZ, random, seedNote } from '../support/property.js';

const SAMPLE = 400;

/**
 * What the change calls for, from the checks that held the cell: for a sum, error beyond its band
 * (half a unit of the finest printed precision × its printed figures, as judgeSum has it) and
 * rounding within; for parts adding up to a template constant, error; for a printed rate, a finding
 * of either severity (its band comes from the rounding intervals of its inputs; a change to an input
 * may legitimately stay within it, so only the rate itself must be caught). Bounds and scoring
 * formulas are not identities: null when only they hold the cell.
 */
function wanted(c: Consistent, row: number, col: number, delta: Decimal): Set<'error' | 'rounding'> | null {
  const out = new Set<'error' | 'rounding'>();
  let identity = false;
  for (const p of c.result.passed) {
    if (!p.cells.some((r) => r.row === row && r.col === col)) continue;
    if (p.kind === 'rate') {
      const first = p.cells[0];
      if (first?.row !== row || first.col !== col) continue;
      identity = true;
      out.add('error');
      out.add('rounding');
    } else if (p.kind === 'exact') {
      identity = true;
      out.add('error');
    } else if (p.kind === 'sum') {
      identity = true;
      const printed = p.cells.map((r) => c.table.grid[r.row]?.[r.col]?.value).filter((v) => v?.type === 'number');
      const scale = Math.max(0, ...printed.map((v) => (v?.type === 'number' ? v.scale : 0)));
      const band = new Decimal(10).pow(-scale).dividedBy(2).times(Math.max(1, printed.length));
      out.add(delta.gt(band) ? 'error' : 'rounding');
    }
  }
  return identity ? out : null;
}

describe.skipIf(!fixturesAvailable())(`mutation test on the fixture tables (${seedNote()})`, () => {
  const { tables, skipped, total } = fixturesAvailable() ? consistentFixtureTables() : { tables: [], skipped: 0, total: 0 };
  const all: Mutation[] = tables.flatMap((t) => mutationsOf(t, FUZZ));
  const rnd = random();
  const chosen = FUZZ
    ? all
    : [...all]
        .map((m) => [rnd(), m] as const)
        .sort((a, b) => a[0] - b[0])
        .slice(0, SAMPLE)
        .map(([, m]) => m);
  const stats = { tested: 0, found: 0, rightSeverity: 0, falseFindings: 0, errors: 0, roundings: 0, outside: 0, outsideFound: 0 };
  const missed: string[] = [];

  afterAll(() => {
    console.log(
      `\nMutation test: ${tables.length} fixture tables made consistent (${skipped} of ${total} could not be: findings that name no figure, such as a scoring practice); ${all.length} single-digit mutations, ${stats.tested + stats.outside} tried: ${stats.tested} in an identity, ${stats.outside} in a bound or scoring formula only (${stats.outsideFound} of those caught anyway).\n` +
        `  detected on their identity: ${stats.found}/${stats.tested} (${((100 * stats.found) / Math.max(1, stats.tested)).toFixed(1)}%), with the right severity: ${stats.rightSeverity}/${stats.tested} (${stats.errors} reported as error, ${stats.roundings} as rounding)\n` +
        `  false findings (an error not involving the changed cell): ${stats.falseFindings}\n${missed.length ? `  missed:\n    ${missed.slice(0, 20).join('\n    ')}\n` : ''}`,
    );
  });

  it('has consistent tables to mutate', () => {
    expect(tables.length).toBeGreaterThan(40);
  });

  it('finds nothing in the consistent tables', () => {
    for (const c of tables) expect(check(c.table).findings.map((f) => `${c.source}: ${f.rule} ${figureText(f.stated)}→${figureText(f.expected)}`)).toEqual([]);
  });

  it(`finds every single-digit change on its identity, with the right severity (${FUZZ ? 'all' : `a sample of ${SAMPLE}`})`, () => {
    for (const m of chosen) {
      const r = check(withCell(m.table.table, m.row, m.col, m.after));
      const on = r.findings.filter((f) => [...f.cells, ...f.related].some((c) => c.row === m.row && c.col === m.col));
      const delta = new Decimal(m.after.replace(/[,%]/g, '')).minus(new Decimal(m.before.replace(/[,%]/g, ''))).abs();
      const want = wanted(m.table, m.row, m.col, delta);
      if (!want) {
        // held only by a bound or a scoring formula: counted, not required
        stats.outside++;
        if (on.length > 0) stats.outsideFound++;
        continue;
      }
      stats.tested++;
      if (on.length > 0) stats.found++;
      const right = on.some((f) => want.has(f.severity as 'error' | 'rounding'));
      if (right) {
        stats.rightSeverity++;
        if (on.some((f) => f.severity === 'error')) stats.errors++;
        else stats.roundings++;
      } else missed.push(`${m.table.source} r${m.row}c${m.col}: ${m.before} → ${m.after} (want ${[...want].join(' or ')}, got ${on.map((f) => `${f.rule}:${f.severity}`).join(', ') || 'nothing'})`);
      stats.falseFindings += r.findings.filter((f) => f.severity === 'error' && !on.includes(f)).length;
    }
    expect(missed).toEqual([]);
    expect(stats.falseFindings).toBe(0);
  });
});
