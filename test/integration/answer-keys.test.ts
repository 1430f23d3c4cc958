/**
 * Every fixture page (three real reports × five kinds of real-world page, plus the plain-text
 * reports) through the CLI's loader and the engine, compared with the answer keys finding by finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOne } from '../../src/cli/load.js';
import { checkDocument, type Report } from '../../src/engine/report.js';
import { answerKey, fixturesAvailable, inTableScope, matchKey, matchScore, pageFile, seedFile, SEEDS, SEVERITY, SKINS, type KeyFinding, type Seed } from '../support/fixtures.js';

const reports = new Map<string, Report>();
const unmatchedErrors: string[] = [];

async function report(seed: Seed, skin: string): Promise<Report> {
  const key = `${seed}-${skin}`;
  const cached = reports.get(key);
  if (cached) return cached;
  const file = skin === 'text' ? seedFile(seed) : pageFile(seed, skin as (typeof SKINS)[number]);
  const loaded = await loadOne(file, { scripts: true });
  const r = checkDocument(loaded.document, `${seed}-${skin}`);
  reports.set(key, r);
  return r;
}

/** Per-scope recall counters, printed after each scope's tests. */
function scopeSuite(title: string, inScope: (k: KeyFinding) => boolean, withGlobal: boolean): void {
  const stats = new Map<string, { found: number; total: number }>();
  describe.skipIf(!fixturesAvailable())(title, () => {
    beforeAll(async () => {
      for (const seed of SEEDS) for (const skin of ['text', ...SKINS]) await report(seed, skin);
    }, 300_000);

    afterAll(() => {
      const lines = [...stats.entries()].sort().map(([cat, s]) => `  ${cat.padEnd(24)} ${s.found}/${s.total} = ${((100 * s.found) / Math.max(1, s.total)).toFixed(1)}%`);
      const found = [...stats.values()].reduce((a, s) => a + s.found, 0);
      const total = [...stats.values()].reduce((a, s) => a + s.total, 0);
      const errors = withGlobal ? `Error findings matching no key entry: ${unmatchedErrors.length}${unmatchedErrors.length ? `\n  ${unmatchedErrors.join('\n  ')}` : ''}\n` : '';
      console.log(`\n${title}\nRecall (all pages): ${found}/${total} = ${((100 * found) / Math.max(1, total)).toFixed(1)}%\n${lines.join('\n')}\n${errors}`);
    });

    for (const seed of SEEDS) {
      const key = fixturesAvailable() ? answerKey(seed) : { findings: [], traps: [] };
      const scoped = key.findings.filter(inScope);
      for (const skin of ['text', ...SKINS]) {
        describe(`${seed}-${skin}`, () => {
          it.each(scoped.map((k) => [k.id, k] as const))('reports %s', async (_id, k) => {
            const r = await report(seed, skin);
            const match = matchKey([k], r).get(k.id) ?? null;
            const s = stats.get(k.category) ?? { found: 0, total: 0 };
            s.total++;
            if (match) s.found++;
            stats.set(k.category, s);
            expect(match, `${k.id} ${k.location}: stated ${k.stated}, expected ${k.expected}, ${k.severity}`).not.toBeNull();
            expect(match?.severity).toBe(SEVERITY[k.severity]);
          });

          if (withGlobal) {
            it('reports no error that the key does not hold (traps included)', async () => {
              const r = await report(seed, skin);
              const errors = r.findings.filter((f) => f.severity === 'error');
              const stray = errors.filter((f) => !key.findings.some((k) => matchScore(k, f, r) > 0));
              for (const f of stray) unmatchedErrors.push(`${seed}-${skin} ${f.id}: ${f.message.zh}`);
              expect(stray.map((f) => f.id)).toEqual([]);
            });

            it('runs every rule without internal errors', async () => {
              const r = await report(seed, skin);
              expect(r.notChecked.filter((n) => n.reason === 'internal-error')).toEqual([]);
            });
          }
        });
      }

      if (withGlobal) {
        it(`${seed}: the five skins and the text report give the same findings (rules, cells, values)`, async () => {
          const shape = (r: Report): string[] =>
            r.findings.map((f) => [f.rule, f.severity, f.category, f.cells.map((c) => `${c.table}:${c.row}:${c.col}`).join(','), f.quote ? `${f.quote.text}` : '', f.stated, f.expected, f.difference].join('|'));
          const base = shape(await report(seed, 'text'));
          for (const skin of SKINS) expect(shape(await report(seed, skin)), skin).toEqual(base);
        });
      }
    }
  });
}

scopeSuite('answer keys: arithmetic inside one table (issue 2)', inTableScope, true);
scopeSuite('answer keys: across tables and against the narrative (issue 4)', (k) => !inTableScope(k), false);
