/**
 * Every fixture page (three real reports × five kinds of real-world page, plus the plain-text
 * reports) through the CLI's loader and the engine, compared with the answer keys finding by finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOne } from '../../src/cli/load.js';
import { type Report } from '../../src/contract/report.js';
import { checkDocument } from '../../src/pipeline/report.js';
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
            r.findings.map((f) =>
              [f.rule, f.severity, f.category, f.cells.map((c) => `${c.table}:${c.row}:${c.col}`).join(','), f.quote ? `${f.quote.text}` : '', f.stated, f.expected, f.difference].join('|'),
            );
          const base = shape(await report(seed, 'text'));
          for (const skin of SKINS) expect(shape(await report(seed, skin)), skin).toEqual(base);
        });
      }
    }
  });
}

scopeSuite('answer keys: arithmetic inside one table (issue 2)', inTableScope, true);
scopeSuite('answer keys: across tables and against the narrative (issue 4)', (k) => !inTableScope(k), false);

/** Rates the issue names as anomalies an auditor would question (not in the answer keys, which list contradictions). */
const ANOMALIES: ReadonlyArray<{ seed: Seed; messageId: string; subject: RegExp; stated?: string; reason: RegExp | '' }> = [
  { seed: '000', messageId: 'anomaly-execution', subject: /营商环境服务专项经费/u, stated: '4.42', reason: '' },
  { seed: '000', messageId: 'anomaly-over-budget', subject: /行政运行/u, stated: '107.09', reason: /追加行政运行经费/u },
  { seed: '000', messageId: 'anomaly-no-spending', subject: /推进政府职能转变领导小组工作经费/u, reason: '' },
  { seed: '001', messageId: 'anomaly-execution', subject: /省一体化平台硬件设备建设经费/u, stated: '29.38', reason: /尾款待验收/u },
  { seed: '001', messageId: 'anomaly-no-spending', subject: /政府网站集约化平台等级保护测评经费/u, reason: /待支付合同款/u },
  { seed: '001', messageId: 'anomaly-no-spending', subject: /州公共资源交易中心交易平台项目维护经费/u, reason: /尚未支付合同款/u },
  { seed: '001', messageId: 'anomaly-no-spending', subject: /州公共资源交易中心信息系统三级等保测评经费/u, reason: /结转资金/u },
  { seed: '002', messageId: 'anomaly-execution', subject: /政府信息公开工作经费/u, stated: '4.17', reason: '' },
];

describe.skipIf(!fixturesAvailable())('rate anomalies (issue 4)', () => {
  for (const seed of SEEDS) {
    for (const skin of ['text', ...SKINS]) {
      const expected = ANOMALIES.filter((a) => a.seed === seed);
      it.each(expected.map((a) => [`${a.messageId} ${a.subject.source}`, a] as const))(`${seed}-${skin}: %s`, async (_name, a) => {
        const r = await report(seed, skin);
        const found = r.findings.filter((f) => f.category === 'rate-anomaly' && f.messageId === a.messageId && a.subject.test(f.message.zh.split(/[，。]/u)[0] ?? ''));
        expect(found, `${a.messageId} for ${a.subject.source}`).toHaveLength(1);
        const f = found[0];
        expect(f?.severity).toBe('review');
        if (a.stated !== undefined) expect(f?.stated).toBe(a.stated);
        const reason = f?.reason?.text ?? '';
        expect(f?.reason?.given).toBe(a.reason !== '');
        if (a.reason === '') {
          expect(reason).toBe('');
          expect(f?.message.zh).toContain('报告未说明原因');
        } else {
          expect(reason).toMatch(a.reason);
          expect(f?.message.zh).toContain('报告说明的原因');
        }
      });
    }
  }
});
