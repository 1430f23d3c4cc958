/**
 * Decisions, exports and citations on the seed pages: a finding's fingerprint is the same in every
 * skin of a report (so a decision made on the Word export applies to the Excel export), unique
 * within a report, and kept when the checks' settings change; the exports parse and carry the
 * statuses; a citation names the report, the address, the place and the figures.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadOne } from '../../src/cli/load.js';
import { type Report, type ReportFinding } from '../../src/contract/report.js';
import { checkDocument } from '../../src/pipeline/report.js';
import { thresholds } from '../../src/engine/settings.js';
import { citation, citationUrl, textFragment } from '../../src/export/citation.js';
import { formatCsv, formatMarkdown } from '../../src/export/formats.js';
import { reviewsFromJson, withReviews } from '../../src/export/reviewed.js';
import { decide, withReview, type ReviewRecord } from '../../src/review/model.js';
import { fixturesAvailable, pageFile, SEEDS } from '../support/fixtures.js';
import { validateReport } from '../support/schema.js';

async function check(seed: (typeof SEEDS)[number], skin: 'plain' | 'word' | 'excel' | 'lazy', options: Parameters<typeof checkDocument>[2] = {}): Promise<Report> {
  const loaded = await loadOne(pageFile(seed, skin), { scripts: skin === 'lazy' });
  return checkDocument(loaded.document, loaded.source, options);
}

describe.skipIf(!fixturesAvailable())('fingerprints, exports and citations on the seed pages', () => {
  for (const seed of SEEDS) {
    it(`${seed}: every finding has one fingerprint, the same in the Word, Excel and plain skins`, async () => {
      const [plain, word, excel] = await Promise.all([check(seed, 'plain'), check(seed, 'word'), check(seed, 'excel')]);
      const prints = (r: Report): string[] => r.findings.map((f) => f.fingerprint);
      expect(plain.findings.length).toBeGreaterThan(0);
      expect(new Set(prints(plain)).size).toBe(plain.findings.length);
      expect(prints(word)).toEqual(prints(plain));
      expect(prints(excel)).toEqual(prints(plain));
      for (const f of plain.findings) expect(f.fingerprint).toMatch(/^fp1-[0-9a-f]{16}(?:~\d+)?$/u);
      // a table finding has its place in words
      const table = plain.findings.find((f) => f.cells.length > 0);
      expect(table?.place?.row).toBeTruthy();
      expect(table?.place?.column).toBeTruthy();
    });
  }

  it('000: other thresholds (fewer or more rate questions) leave the other findings’ fingerprints unchanged', async () => {
    const a = await check('000', 'plain');
    const b = await check('000', 'plain', { thresholds: thresholds({ executionBelow: 99, changeBeyond: 5 }) });
    const contradictions = (r: Report): string[] => r.findings.filter((f) => f.category !== 'rate-anomaly').map((f) => f.fingerprint);
    expect(contradictions(b)).toEqual(contradictions(a));
  });

  it('000: a decision made on one skin applies on another; the exports carry it', async () => {
    const word = await check('000', 'word');
    const excel = await check('000', 'excel');
    const [first, second] = word.findings.filter((f) => f.severity === 'error') as [ReportFinding, ReportFinding];
    let record: ReviewRecord | null = null;
    record = withReview(record, word, 'http://x.gov.cn/000-word.html', first, decide('confirmed', ''));
    record = withReview(record, word, 'http://x.gov.cn/000-word.html', second, decide('dismissed', '口径不同'));
    const reviewed = withReviews(excel, record.entries);
    const byId = new Map(reviewed.findings.map((f) => [f.fingerprint, f]));
    expect(byId.get(first.fingerprint)?.review?.status).toBe('confirmed');
    expect(byId.get(second.fingerprint)?.review).toMatchObject({ status: 'dismissed', note: '口径不同' });
    expect(reviewed.reviews).toEqual({ confirmed: 1, dismissed: 1, notes: 1 });

    const rows = parse('\ufeff' + formatCsv([reviewed]), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.length).toBe(excel.findings.length);
    const row = rows.find((r) => r.fingerprint === second.fingerprint);
    expect(row).toMatchObject({ status: 'dismissed', note: '口径不同', stated: second.stated ?? '', expected: second.expected ?? '' });
    expect(row?.row_label).toBe(second.place?.row ?? '');

    const md = formatMarkdown(reviewed, 'zh-CN');
    expect(md).toContain('| 状态 | 备注 |');
    expect(md).toMatch(/## 已排除（1）[\s\S]*非错误 \| 口径不同 \|/u);

    // the JSON export follows the schema (docs/report.schema.json); so does the report without decisions
    expect(validateReport(JSON.parse(JSON.stringify(reviewed)))).toEqual([]);
    expect(validateReport(JSON.parse(JSON.stringify(excel)))).toEqual([]);
    const broken = JSON.parse(JSON.stringify(reviewed)) as { findings: Array<Record<string, unknown>> };
    delete broken.findings[0]?.fingerprint;
    (broken.findings[1] as Record<string, unknown>).review = { status: 'maybe', note: '', at: '' };
    expect(validateReport(broken).length).toBeGreaterThanOrEqual(2);
    // the JSON export gives the CLI the same decisions back (--reviews)
    const back = reviewsFromJson(JSON.parse(JSON.stringify(reviewed)));
    expect(Object.keys(back).sort()).toEqual([first.fingerprint, second.fingerprint].sort());
    expect(() => reviewsFromJson({ schema: 'something/1' })).toThrow(/not a Crossfoot export/u);
  });

  it('000: a citation names the finding, the report, the address, the place and the figures', async () => {
    const r = await check('000', 'word');
    const cell = r.findings.find((f) => f.place !== null && f.stated !== null) as ReportFinding;
    const text = citation(r, cell, { url: 'http://x.gov.cn/a.html', locale: 'zh-CN', checked: new Date(2026, 11, 7) });
    const lines = text.split('\n');
    expect(lines[0]).toBe(cell.message.zh);
    expect(text).toContain(`报告：${r.title}`);
    expect(text).toContain('网址：http://x.gov.cn/a.html');
    expect(text).toContain(`“${cell.place?.row}”行“${cell.place?.column}”栏`);
    expect(text).toContain(`所列 ${cell.stated}`);
    expect(text).toMatch(/核对日期：2026-12-07，Crossfoot 勾稽 \d+\.\d+\.\d+（规则 [a-z-]+）。/u);

    const phrase = r.findings.find((f) => f.quote) as ReportFinding;
    const url = citationUrl(phrase, { url: 'http://x.gov.cn/a.html#top' });
    expect(url.startsWith('http://x.gov.cn/a.html#:~:text=')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf('text=') + 5)).replace(/^.*-,|,-.*$/gu, '')).toBe(phrase.quote?.text);
    expect(citationUrl(cell, { url: 'blob:x', page: 7 })).toBe('blob:x#page=7');
    const en = citation(r, phrase, { url: 'http://x.gov.cn/a.html', locale: 'en', checked: new Date(2026, 11, 7), page: 3 });
    expect(en).toContain('(PDF page 3)');
    expect(en.split('\n')[0]).toBe(phrase.message.en);
  });
});

describe('text fragments', () => {
  it.each([
    ['支出决算为2.61万元', {}, ':~:text=%E6%94%AF%E5%87%BA%E5%86%B3%E7%AE%97%E4%B8%BA2.61%E4%B8%87%E5%85%83'],
    ['增长-3.5%，合计', {}, ':~:text=%E5%A2%9E%E9%95%BF%2D3.5%25%EF%BC%8C%E5%90%88%E8%AE%A1'],
    ['a,b&c', { before: '前-', after: '后' }, ':~:text=%E5%89%8D%2D-,a%2Cb%26c,-%E5%90%8E'],
    ['\u200b  ', {}, ''],
  ])('%s', (phrase, context, expected) => {
    expect(textFragment(phrase, context)).toBe(expected);
  });
});
