/**
 * Citable messages (issue 9 item 8): every finding and not-checked note the engine produces on the
 * seed reports and the real pages reads as a sentence a reporter can quote — no empty subject (“”),
 * no internal table id (t3), no unfilled placeholder ({name}), no undefined/NaN — in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOne } from '../../src/cli/load.js';
import { type Report } from '../../src/contract/report.js';
import { checkDocument } from '../../src/pipeline/report.js';
import { readTextReport } from '../../src/extract/text-report.js';
import { FIXTURES, fixturesAvailable, seedFile, SEEDS } from '../support/fixtures.js';

const FLAWS: ReadonlyArray<[string, RegExp]> = [
  ['an empty quotation', /“\s*”|""|「\s*」/u],
  ['an internal table id', /(?<![A-Za-z0-9])t\d+(?:r\d+c\d+)?(?![A-Za-z0-9])/u],
  ['an unfilled placeholder', /\{[A-Za-z][A-Za-z0-9]*\}/u],
  ['a missing value', /\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]/u],
];

function flaws(report: Report): string[] {
  const out: string[] = [];
  const texts = [
    ...report.findings.flatMap(
      (f) =>
        [
          [f.id, f.message.zh],
          [f.id, f.message.en],
        ] as const,
    ),
    ...report.notChecked.flatMap(
      (n) =>
        [
          [`not-checked ${n.reason}`, n.message.zh],
          [`not-checked ${n.reason}`, n.message.en],
        ] as const,
    ),
  ];
  for (const [id, text] of texts) for (const [what, re] of FLAWS) if (re.test(text)) out.push(`${report.source} ${id}: ${what} in “${text.slice(0, 160)}”`);
  return out;
}

describe.skipIf(!fixturesAvailable())('citable messages', () => {
  it('on the seed reports', () => {
    const found = SEEDS.flatMap((seed) => flaws(checkDocument(readTextReport(readFileSync(seedFile(seed), 'utf8'), seed).document, seed)));
    expect(found).toEqual([]);
  });

  it('on the real pages', async () => {
    const dir = path.join(FIXTURES, 'real-pages/pages');
    const found: string[] = [];
    let findings = 0;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()) {
      const loaded = await loadOne(path.join(dir, file));
      const report = checkDocument(loaded.document, file);
      findings += report.findings.length;
      found.push(...flaws(report));
    }
    expect(findings).toBeGreaterThan(30);
    expect(found).toEqual([]);
  }, 300_000);
});
