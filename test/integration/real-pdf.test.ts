/**
 * The real PDF reports (../shared/fixtures/real-pdf: six reports as departments published them,
 * and a landing page) through the CLI's loader and the engine. Their text is read and checked;
 * their tables are not rebuilt yet (each report says so in its not-checked notes). Asserted: no
 * error finding that the key does not hold, every page of text read (no internal error), the
 * landing page without findings; printed: recall per document against the full keys.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOne } from '../../src/cli/load.js';
import { checkDocument, type Report } from '../../src/engine/report.js';
import { FIXTURES, realMatchKey, realMatchScore, type KeyFinding } from '../support/fixtures.js';

const DIR = path.join(FIXTURES, 'real-pdf');
const available = ((): boolean => {
  try {
    return readdirSync(path.join(DIR, 'files')).some((f) => f.endsWith('.pdf'));
  } catch {
    return false;
  }
})();
const FILES = available ? readdirSync(path.join(DIR, 'files')).sort() : [];
/** A PDF key's findings in the shape of the page keys (its quote and location may be missing). */
function keyOf(file: string): { findings: KeyFinding[] } {
  const raw = JSON.parse(readFileSync(path.join(DIR, 'keys', `${file.replace(/\.\w+$/, '')}.json`), 'utf8')) as { findings?: Array<Partial<KeyFinding> & { table?: string | null }> };
  return { findings: (raw.findings ?? []).map((k) => ({ ...k, quote: k.quote ?? '', location: k.location ?? k.table ?? '', stated: k.stated ?? '', expected: k.expected ?? '' }) as KeyFinding) };
}
const reports = new Map<string, Report>();

describe.skipIf(!available)('real PDF reports (issue 10: text read and checked, tables not yet rebuilt)', () => {
  beforeAll(async () => {
    for (const file of FILES) {
      const loaded = await loadOne(path.join(DIR, 'files', file));
      reports.set(file, checkDocument(loaded.document, file));
    }
  }, 300_000);

  afterAll(() => {
    const lines = FILES.map((file) => {
      const r = reports.get(file);
      const keys = keyOf(file).findings;
      if (!r) return `  ${file}: not read`;
      const found = [...realMatchKey(keys, r).values()].filter((f) => f !== null).length;
      return `  ${file}: ${found}/${keys.length} keyed findings, ${r.summary.narrative.figures} narrative figures, ${r.summary.passed} checks held, ${r.summary.findings.error} errors`;
    });
    console.log(['real PDFs:', ...lines].join('\n'));
  });

  for (const file of FILES) {
    it(`${file}: read, checked, and no error the key does not hold`, () => {
      const r = reports.get(file) as Report;
      expect(r.notChecked.filter((n) => n.reason === 'internal-error')).toEqual([]);
      const keys = keyOf(file).findings;
      const stray = r.findings.filter((f) => f.severity === 'error' && !keys.some((k) => realMatchScore(k, f, r) > 0));
      expect(stray.map((f) => `${f.id}: ${f.message.zh}`)).toEqual([]);
      if (file.endsWith('.pdf')) {
        // the narrative is read and its figures checked; what is left out is said
        expect(r.summary.narrative.figures).toBeGreaterThan(20);
        expect(r.summary.passed).toBeGreaterThan(0);
        expect(r.notChecked.map((n) => n.reason)).toContain('pdf-tables-not-rebuilt');
      } else expect(r.findings).toEqual([]);
    });
  }
});
