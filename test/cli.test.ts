/**
 * The CLI as users run it (a real `node scripts/crossfoot.mjs` process): formats, and bad input
 * ending with one line and a non-zero exit code, never a stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, fixturesAvailable } from './support/fixtures.js';

const SAMPLE = path.join(ROOT, 'samples/sample-report.html');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [path.join(ROOT, 'scripts/crossfoot.mjs'), ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('crossfoot CLI', () => {
  it('--version and --help answer without reading anything', async () => {
    const { VERSION } = await import('../src/model/version.js');
    const v = await cli('--version');
    expect(v).toMatchObject({ code: 0, stdout: `crossfoot ${VERSION}\n`, stderr: '' });
    const h = await cli('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^Usage: crossfoot /u);
    expect(h.stdout).toContain('--version');
  });

  it('prints a readable list by default', async () => {
    const r = await cli(SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/张表 · 情况说明数字 \d+ 个 · 核对相符 [1-9]\d* 项 · 错误 \d+ · 待核实 \d+ · 尾数差异 \d+/u);
    expect(r.stdout).toMatch(/✖ 错误 \[table-sum\] t9 财政拨款“三公”经费支出决算表/u);
  });

  it('--reviews FILE: the decisions of an exported report apply by fingerprint; dismissed errors do not fail --fail-on', async () => {
    const json = JSON.parse((await cli(SAMPLE, '--format', 'json')).stdout) as { findings: Array<{ fingerprint: string; severity: string; review?: unknown }> };
    const errors = json.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(1);
    for (const [i, f] of json.findings.entries())
      if (f.severity === 'error')
        f.review =
          i === json.findings.indexOf(errors[0] as never)
            ? { status: 'confirmed', note: '已向财务科核实', at: '2026-12-07T00:00:00Z' }
            : { status: 'dismissed', note: '口径不同', at: '2026-12-07T00:00:00Z' };
    const dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-reviews-'));
    const file = path.join(dir, 'export.json');
    await writeFile(file, JSON.stringify(json));
    const csv = await cli(SAMPLE, '--format', 'csv', '--reviews', file);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.filter((r) => r.status === 'confirmed').map((r) => [r.fingerprint, r.note])).toEqual([[errors[0]?.fingerprint, '已向财务科核实']]);
    expect(rows.filter((r) => r.status === 'dismissed').length).toBe(errors.length - 1);
    expect(rows.filter((r) => r.severity !== 'error').every((r) => r.status === '')).toBe(true);
    const withReviews = JSON.parse((await cli(SAMPLE, '--format', 'json', '--reviews', file)).stdout) as { reviews: unknown };
    expect(withReviews.reviews).toEqual({ confirmed: 1, dismissed: errors.length - 1, notes: errors.length });
    expect((await cli(SAMPLE, '--fail-on', 'error', '--reviews', file)).code).toBe(1);
    // with every error dismissed, --fail-on error passes
    json.findings.forEach((f) => f.severity === 'error' && (f.review = { status: 'dismissed', note: 'x', at: '' }));
    await writeFile(file, JSON.stringify(json));
    expect((await cli(SAMPLE, '--fail-on', 'error', '--reviews', file)).code).toBe(0);
    expect((await cli(SAMPLE, '--format', 'md', '--reviews', file)).stdout).toMatch(/## 已排除（\d+）/u);
    // not an export: one line, exit 2
    await writeFile(file, '{"schema":"other/1"}');
    const bad = await cli(SAMPLE, '--reviews', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^crossfoot: --reviews .*not a Crossfoot export/u);
  });

  it('prints the JSON report (crossfoot.report/1), in English on request, and Markdown', async () => {
    const json = await cli(SAMPLE, '--format', 'json');
    const report = JSON.parse(json.stdout) as { schema: string; tables: unknown[]; findings: Array<{ severity: string; message: { zh: string; en: string } }> };
    expect(report.schema).toBe('crossfoot.report/1');
    expect(report.tables.length).toBe(11);
    expect(report.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(report.findings.every((f) => f.message.zh && f.message.en)).toBe(true);
    const en = await cli(SAMPLE, '--lang', 'en');
    expect(en.stdout).toMatch(/tables · \d+ narrative figures · [1-9]\d* checks held · \d+ errors/);
    const md = await cli(SAMPLE, '--format=md');
    expect(md.stdout).toMatch(/^# Crossfoot 勾稽/u);
    expect(md.stdout).toMatch(/\| 错误 \| table-sum \|/u);
  });

  it('writes CSV a spreadsheet can read, one row per finding', async () => {
    const r = await cli(SAMPLE, '--format', 'csv');
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    const json = JSON.parse((await cli(SAMPLE, '--format', 'json')).stdout) as { findings: unknown[] };
    expect(rows.length).toBe(json.findings.length);
    expect(Object.keys(rows[0] ?? {})).toContain('message_zh');
  });

  it('exits with 1 at --fail-on error when errors exist', async () => {
    expect((await cli(SAMPLE, '--fail-on', 'error')).code).toBe(1);
  });

  it('lists rate questions apart from contradictions, with thresholds the user sets', async () => {
    const page = path.join(ROOT, '../shared/fixtures/pages/000-plain.html');
    const text = await cli(page);
    expect(text.stdout).toMatch(/值得追问的比率（\d+ 项/u);
    const contradictions = text.stdout.split('值得追问的比率')[0] ?? '';
    expect(contradictions).not.toContain('[rate-anomaly]');
    const count = async (...extra: string[]): Promise<number> => {
      const r = await cli(page, '--format', 'json', ...extra);
      const report = JSON.parse(r.stdout) as { summary: { anomalies: number }; findings: Array<{ messageId: string }> };
      expect(report.findings.filter((f) => f.messageId.startsWith('anomaly-')).length).toBe(report.summary.anomalies);
      return report.findings.filter((f) => f.messageId === 'anomaly-execution').length;
    };
    const byDefault = await count();
    const stricter = await count('--threshold', 'execution=50');
    expect(byDefault).toBeGreaterThan(stricter);
    expect(stricter).toBeGreaterThan(0);
    const bad = await cli(page, '--threshold', 'speed=3');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing file: one line, exit 2', async () => {
    const r = await cli('no/such/report.html');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['crossfoot: no such file or folder: no/such/report.html']);
  });

  it('a binary file: one line, exit 2', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-cli-'));
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff, 0x00]));
    const r = await cli(file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/binary file/);
  });

  it('a page without tables: one line, exit 3', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-cli-'));
    const file = path.join(dir, 'news.html');
    await writeFile(file, '<html><body><h1>新闻</h1><p>今天天气很好。</p></body></html>');
    const r = await cli(file);
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe(`crossfoot: no budget tables or budget narrative found in ${file}`);
  });

  it.skipIf(!fixturesAvailable())('a real page carrying only the 情况说明 is checked, not turned away', async () => {
    // s-23: the tables are attachments; the narrative's own parts do not add up (465.33 + 311.07 ≠ 766.4)
    const r = await cli(path.join(FIXTURES, 'real-pages/pages/s-23.html'), '--format', 'json', '--fail-on', 'error');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      summary: { tables: number; passed: number; narrative: { figures: number; budget: boolean } };
      findings: Array<{ rule: string; severity: string; stated: string; expected: string }>;
    };
    expect(report.summary.tables).toBe(0);
    expect(report.summary.narrative.budget).toBe(true);
    expect(report.summary.passed).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.stated}→${f.expected}`)).toEqual(['text-components 311.07→301.07']);
    // a clean narrative-only page says what was checked, not that nothing was found
    const clean = await cli(path.join(FIXTURES, 'real-pages/pages/s-20.html'));
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/核对 [1-9]\d* 项，均相符。/u);
  });

  it('an unreachable URL: one line, exit 2', async () => {
    const server = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const notFound = await cli(`http://127.0.0.1:${port}/report.html`);
    server.close();
    expect(notFound.code).toBe(2);
    expect(notFound.stderr.trim()).toBe(`crossfoot: cannot read http://127.0.0.1:${port}/report.html: the server answered 404 Not Found`);
    const refused = await cli(`http://127.0.0.1:${port}/report.html`);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/could not be reached/);
  });

  it('a bad option: one line, exit 2; --help: usage, exit 0', async () => {
    const bad = await cli(SAMPLE, '--format', 'pdf');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('crossfoot: unknown format "pdf" (use text, json, md, csv or html)');
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: crossfoot/);
  });

  it('checks a folder: every page in it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-cli-'));
    const { readFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'a.html'), await readFile(SAMPLE));
    await writeFile(path.join(dir, 'b.html'), await readFile(SAMPLE));
    const r = await cli(dir, '--format', 'json');
    const reports = JSON.parse(r.stdout) as unknown[];
    expect(Array.isArray(reports)).toBe(true);
    expect(reports).toHaveLength(2);
  });
  it.skipIf(!fixturesAvailable)(
    '--summary on the fixture folder: one parseable CSV row per report, with that report’s counts',
    async () => {
      const dir = path.join(FIXTURES, 'pages');
      const csv = await cli(dir, '--summary', '--format', 'csv');
      expect(csv.code).toBe(0);
      const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
      const files = (await import('node:fs')).readdirSync(dir).filter((f) => /\.html?$/u.test(f));
      expect(rows).toHaveLength(files.length);
      expect(Object.keys(rows[0] ?? {})).toEqual(['source', 'title', 'department', 'year', 'tables', 'errors', 'reviews', 'rounding', 'rate_questions', 'not_checked', 'checks_held', 'unreadable']);
      const one = rows.find((r) => (r.source ?? '').endsWith('001-plain.html')) as Record<string, string>;
      const report = JSON.parse((await cli(path.join(dir, '001-plain.html'), '--format', 'json')).stdout) as { summary: { tables: number; findings: Record<string, number>; anomalies: number } };
      expect([one.tables, one.errors, one.reviews, one.rounding, one.rate_questions].map(Number)).toEqual([
        report.summary.tables,
        report.summary.findings.error,
        report.summary.findings.review,
        report.summary.findings.rounding,
        report.summary.anomalies,
      ]);
      expect(one.year).toBe('2024');
      // no progress line when the output is not a terminal
      expect(csv.stderr).not.toMatch(/\r|\[\d+\/\d+\]/u);
    },
    240_000,
  );

  it('--summary as Markdown, JSON and text, an unreadable file a row that says why, exit code by --fail-on', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-summary-'));
    await writeFile(path.join(dir, 'a-report.html'), (await import('node:fs')).readFileSync(SAMPLE));
    await writeFile(path.join(dir, 'b-notes.txt'), '会议纪要：今天讨论了办公室搬迁。');
    const md = await cli(dir, '--summary', '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout.trim().split('\n')).toHaveLength(4);
    const json = JSON.parse((await cli(dir, '--summary', '--format', 'json')).stdout) as { schema: string; reports: Array<{ source: string; tables: number | null; unreadable: string | null }> };
    expect(json.schema).toBe('crossfoot.summary/1');
    expect(json.reports.map((r) => [path.basename(r.source), r.tables, r.unreadable])).toEqual([
      ['a-report.html', 11, null],
      ['b-notes.txt', null, 'no budget tables or budget narrative'],
    ]);
    const text = await cli(dir, '--summary');
    expect(text.stdout).toMatch(/共 2 份报告 · 无法读取 1 · 错误 [1-9]/u);
    expect((await cli(dir, '--summary', '--fail-on', 'error')).code).toBe(1);
  });

  it('--urls FILE: each address a row, one that cannot be read says why', async () => {
    const html = (await import('node:fs')).readFileSync(SAMPLE);
    const server = createServer((req, res) => (req.url === '/report.html' ? res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html) : res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-urls-'));
    const list = path.join(dir, 'urls.txt');
    await writeFile(list, `# a year's reports\nhttp://127.0.0.1:${port}/report.html\n\nhttp://127.0.0.1:${port}/missing.html\n`);
    const r = await cli('--urls', list, '--summary', '--format', 'csv');
    server.close();
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((x) => x.source)).toEqual([`http://127.0.0.1:${port}/report.html`, `http://127.0.0.1:${port}/missing.html`]);
    expect(Number(rows[0]?.tables)).toBe(11);
    expect(rows[1]?.unreadable).toMatch(/404/u);
    await writeFile(list, 'file:///etc/passwd\n');
    const refused = await cli('--urls', list, '--summary');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not an http\(s\) address/u);
  });
  it('--format html: one self-contained page, no script and nothing it would request, every finding in it, the document’s text escaped', async () => {
    const { JSDOM } = await import('jsdom');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-html-'));
    const hostile = path.join(dir, 'hostile.html');
    const page = (await import('node:fs'))
      .readFileSync(SAMPLE, 'utf8')
      .replace(/<title>[^<]*<\/title>/u, '<title>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=https://evil.example/x&gt; 2024年度部门决算</title>');
    await writeFile(hostile, page);
    const r = await cli(hostile, '--format', 'html');
    expect(r.code).toBe(0);
    const json = JSON.parse((await cli(hostile, '--format', 'json')).stdout) as { title: string; findings: Array<{ message: { zh: string } }> };
    expect(json.title).toContain('<script>');
    const doc = new JSDOM(r.stdout).window.document;
    expect(doc.querySelectorAll('script, img, iframe, object, embed, link, base, form').length).toBe(0);
    expect([...doc.querySelectorAll('*')].filter((el) => el.hasAttribute('src') || el.hasAttribute('href') || [...el.attributes].some((a) => a.name.startsWith('on')))).toEqual([]);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(doc.title).toContain('<script>alert(1)</script>');
    const text = doc.body.textContent ?? '';
    for (const f of json.findings) expect(text).toContain(f.message.zh.replace(/[\t\n\r]+/gu, ' '));
  });
});
