/**
 * `npm run bench`: the built extension in headless Chromium on every fixture page and on synthetic
 * pages of 10, 100 and 1,000 budget tables (built from the fixture tables), plus a long page of
 * ordinary tables. For each: the content script's time from start to painted (median of the runs),
 * split into extract / check / paint; a bare baseline measured in the same page and run (reading
 * the text of every cell of every table once) and the ratio; the longest stretch of the main thread
 * the extension took; the long tasks seen while it worked; the extra JS heap. Then the bundle sizes.
 * Prints a table; `--json [file]` also writes JSON (default artifacts/bench/latest.json).
 * `--runs N` (default 5), `--quick` (fewer pages, for a smoke run), `--only REGEX` (pages whose name matches).
 *
 * Figures are measured side by side in one run on a shared, noisy machine: read the ratios, not the
 * milliseconds. Targets are reported, never asserted.
 */
import { benchPdfs } from './bench-pdf.js';
import { benchCli, type CliFigures } from './bench-cli.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import type { Timings } from '../src/messages/protocol.js';
import { FIXTURES, SEEDS, SKINS } from '../test/support/fixtures.js';
import { HOSTILE_PAGES } from '../test/support/hostile-pages.js';
import { serve } from '../test/e2e/server.js';
import { DIST_CHROME, GOV_HOST, launchChromium, ROOT, waitChecked, type ChromiumSession } from '../test/e2e/browsers.js';

const TARGETS = { ratio: 10, longestTask: 50, noBudget: 5, noBudgetShare: 0.5, gzipKb: 80, helpMs: 300, cliRatio: 5 };

interface Row {
  page: string;
  tables: number;
  cells: number;
  findings: number;
  runs: number;
  total: number;
  extract: number;
  check: number;
  paint: number;
  work: number;
  baseline: number;
  ratio: number;
  longestSlice: number;
  /** The longest slice of each run, the median over the runs (one GC pause in one run does not decide it). */
  longestSliceMedian: number;
  longestIn: string;
  longTasks: number;
  heapKb: number | null;
  /** Samples that did not finish within their time (the run went on without them). */
  timedOut: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** The fixture tables with the lines that describe them (title, 公开表, 单位), as HTML snippets. */
async function fixtureTables(): Promise<string[]> {
  const out: string[] = [];
  for (const seed of SEEDS) {
    const dom = new JSDOM(await readFile(path.join(FIXTURES, 'pages', `${seed}-plain.html`), 'utf8'));
    for (const table of Array.from(dom.window.document.querySelectorAll('table'))) {
      if (table.querySelector('table')) continue;
      const before: string[] = [];
      let prev = table.previousElementSibling;
      for (let i = 0; i < 4 && prev && prev.localName !== 'table'; i++, prev = prev.previousElementSibling) before.unshift(prev.outerHTML);
      out.push(`<section>${before.join('')}${table.outerHTML}</section>`);
    }
  }
  return out;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>body{font:14px sans-serif;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 4px}</style></head><body><h1>${title}</h1>${body}</body></html>`;
}

/** Pages of n budget tables, cycling through the fixture tables. */
function synthetic(tables: string[], n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(tables[i % tables.length] as string);
  return page(`合成页面：${n} 张预决算表`, parts.join('\n'));
}

/** A long page of ordinary tables (timetables) and prose, without any budget table. */
function noBudget(): string {
  const parts: string[] = [];
  for (let t = 0; t < 200; t++) {
    const rows = Array.from(
      { length: 20 },
      (_, r) =>
        `<tr><td>G${1000 + t * 20 + r}</td><td>长春</td><td>${String(6 + (r % 14)).padStart(2, '0')}:${String((r * 7) % 60).padStart(2, '0')}</td><td>吉林</td><td>${String(7 + (r % 14)).padStart(2, '0')}:${String((r * 11) % 60).padStart(2, '0')}</td></tr>`,
    ).join('');
    parts.push(`<h3>第${t + 1}组 列车时刻</h3><p>以下为城际列车时刻，仅供参考。</p><table><tr><th>车次</th><th>始发站</th><th>开车</th><th>终到站</th><th>到达</th></tr>${rows}</table>`);
  }
  return page('列车时刻表（无预决算表格）', parts.join('\n'));
}

/** In the page: the bare baseline — read the text of every cell of every table once. */
function bareBaseline(): { ms: number; tables: number; cells: number; chars: number } {
  const t0 = performance.now();
  let cells = 0;
  let chars = 0;
  const docs: Document[] = [document];
  for (const f of Array.from(document.querySelectorAll('iframe'))) {
    try {
      if (f.contentDocument) docs.push(f.contentDocument);
    } catch {
      /* cross-origin */
    }
  }
  let tables = 0;
  for (const d of docs) {
    for (const table of Array.from(d.getElementsByTagName('table'))) {
      tables++;
      for (const cell of Array.from(table.querySelectorAll('td, th'))) {
        chars += (cell.textContent ?? '').length;
        cells++;
      }
    }
  }
  return { ms: performance.now() - t0, tables, cells, chars };
}

async function heapUsed(session: ChromiumSession, p: Page): Promise<number> {
  const cdp = await session.context.newCDPSession(p);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize;
}

/** Time a page may take to be checked: 30 s, plus 20 s per MB of markup, times the load factor. */
function budgetFor(bytes: number): number {
  return Math.round((30_000 + (bytes / 2 ** 20) * 20_000) * LOAD_FACTOR);
}

/** More time for everything when the bench runs beside a load it started (--load). */
let LOAD_FACTOR = 1;

async function measure(session: ChromiumSession, base: string, name: string, url: string, runs: number, withHeap: boolean, bytes: number): Promise<Row> {
  const budget = budgetFor(bytes);
  let timedOut = 0;
  const samples: Array<Timings & { baseline: number; longTasks: number }> = [];
  let tables = 0;
  let cells = 0;
  let findings = 0;
  let heapKb: number | null = null;
  for (let i = 0; i < runs; i++) {
    const p = await session.context.newPage();
    try {
      await p.goto(`http://${GOV_HOST}:${base}${url}`, { timeout: budget });
      // script-built pages show their tables late: wait for the check that found them
      const { status } = await waitChecked(session, p, { timeout: budget, states: /lazy/.test(name) ? ['done'] : ['done', 'no-tables'] });
      const timings = 'timings' in status ? status.timings : undefined;
      if (!timings) throw new Error(`${name}: no timings (${status.state})`);
      if (status.state === 'done') findings = status.report.findings.length;
      const bare = await p.evaluate(bareBaseline);
      tables = bare.tables;
      cells = bare.cells;
      const longTasks = await p.evaluate(() => (globalThis as unknown as { __crossfootLongTasks?: number[] }).__crossfootLongTasks?.reduce((a, b) => Math.max(a, b), 0) ?? 0);
      samples.push({ ...timings, baseline: bare.ms, longTasks });
      if (withHeap && i === 0) {
        const marked = await heapUsed(session, p);
        const plain = await session.context.newPage();
        await plain.goto(`http://127.0.0.1:${base}${url}`);
        await plain.waitForTimeout(300);
        const unmarked = await heapUsed(session, plain);
        await plain.close();
        heapKb = Math.round((marked - unmarked) / 1024);
      }
    } catch (e) {
      // a busy machine may take longer than the budget: this sample is reported as not finished, the run goes on
      timedOut++;
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      process.stderr.write(`  ${name}: a sample did not finish within ${Math.round(budget / 1000)} s (${why})\n`);
    } finally {
      await p.close().catch(() => undefined);
    }
  }
  if (samples.length === 0)
    return {
      page: name,
      tables,
      cells,
      findings,
      runs,
      total: NaN,
      extract: NaN,
      check: NaN,
      paint: NaN,
      work: NaN,
      baseline: NaN,
      ratio: NaN,
      longestSlice: NaN,
      longestSliceMedian: NaN,
      longestIn: 'timed out',
      longTasks: NaN,
      heapKb,
      timedOut,
    };
  const m = (k: keyof (typeof samples)[number]): number => median(samples.map((s) => s[k] as number));
  const work = median(samples.map((s) => s.extract + s.check + s.paint + s.scan));
  const baseline = m('baseline');
  return {
    page: name,
    tables,
    cells,
    findings,
    runs,
    total: m('total'),
    extract: m('extract'),
    check: m('check'),
    paint: m('paint'),
    work,
    baseline,
    ratio: baseline > 0 ? work / baseline : 0,
    longestSlice: Math.max(...samples.map((s) => s.longestSlice)),
    longestSliceMedian: median(samples.map((s) => s.longestSlice)),
    longestIn: samples.reduce((a, s) => (s.longestSlice > a.longestSlice ? s : a), samples[0] as (typeof samples)[number]).longestIn,
    longTasks: Math.max(...samples.map((s) => s.longTasks)),
    heapKb,
    timedOut,
  };
}

/** CPU-bound processes beside the bench (`--load N`): proof that it finishes on a loaded machine. */
function startLoad(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for(;;){Math.sqrt(Math.random())}'], { stdio: 'ignore' }));
}

async function bundles(): Promise<Array<{ file: string; raw: number; gzip: number }>> {
  const out: Array<{ file: string; raw: number; gzip: number }> = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.(?:js|css|html)$/.test(e.name)) {
        const data = await readFile(p);
        out.push({ file: path.relative(DIST_CHROME, p), raw: data.length, gzip: gzipSync(data, { level: 9 }).length });
      }
    }
  };
  await walk(DIST_CHROME);
  return out.sort((a, b) => b.raw - a.raw);
}

const fmt = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : 'timed out');

async function sizeOf(file: string): Promise<number> {
  return (await stat(file)).size;
}

export default async function bench(args: string[]): Promise<number> {
  const runs = Number(args[args.indexOf('--runs') + 1]) > 0 && args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
  const quick = args.includes('--quick');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? new RegExp(args[onlyAt + 1] ?? '.') : null;
  const wanted = (name: string): boolean => !only || only.test(name);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? (args[jsonAt + 1] && !args[jsonAt + 1]?.startsWith('--') ? path.resolve(args[jsonAt + 1] as string) : path.join(ROOT, 'artifacts/bench/latest.json')) : null;

  const loadAt = args.indexOf('--load');
  const loadN = loadAt >= 0 ? Math.max(1, Number(args[loadAt + 1]) || os.cpus().length) : 0;
  const load = startLoad(loadN);
  if (loadN > 0) {
    LOAD_FACTOR = 1 + loadN;
    process.stderr.write(`  running beside ${loadN} CPU-bound process${loadN > 1 ? 'es' : ''}\n`);
  }
  try {
    return await benchAll(args, { runs, quick, wanted, jsonFile, loadN });
  } finally {
    for (const p of load) p.kill('SIGKILL');
  }
}

async function benchAll(args: string[], o: { runs: number; quick: boolean; wanted: (name: string) => boolean; jsonFile: string | null; loadN: number }): Promise<number> {
  const { runs, quick, wanted, jsonFile } = o;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-bench-'));
  const tables = await fixtureTables();
  const sizes = quick ? [10, 100] : [10, 100, 1000];
  for (const n of sizes) await writeFile(path.join(dir, `synthetic-${n}.html`), synthetic(tables, n));
  await writeFile(path.join(dir, 'no-budget-tables.html'), noBudget());
  for (const h of HOSTILE_PAGES) await writeFile(path.join(dir, `hostile-${h.name}`), h.html());
  const served = await serve({ '/pages/': path.join(FIXTURES, 'pages'), '/bench/': dir });
  const session = await launchChromium();
  // long tasks seen by the page while it lives (the extension's and the page's own)
  await session.context.addInitScript(() => {
    const list: number[] = [];
    (globalThis as unknown as { __crossfootLongTasks: number[] }).__crossfootLongTasks = list;
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) list.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no long-task timing */
    }
  });
  const rows: Row[] = [];
  try {
    const pages = quick ? SEEDS.map((s) => `${s}-word`) : SEEDS.flatMap((s) => SKINS.map((k) => `${s}-${k}`));
    for (const name of pages.filter(wanted)) {
      rows.push(await measure(session, String(served.port), name, `/pages/${name}.html`, runs, true, await sizeOf(path.join(FIXTURES, 'pages', `${name}.html`))));
      process.stderr.write(`  ${name}\n`);
    }
    for (const n of sizes.filter((k) => wanted(`synthetic ×${k}`))) {
      rows.push(
        await measure(session, String(served.port), `synthetic ×${n}`, `/bench/synthetic-${n}.html`, n >= 1000 ? Math.min(runs, 5) : runs, true, await sizeOf(path.join(dir, `synthetic-${n}.html`))),
      );
      process.stderr.write(`  synthetic ×${n}\n`);
    }
    if (wanted('no budget tables'))
      rows.push(await measure(session, String(served.port), 'no budget tables (200 tables)', '/bench/no-budget-tables.html', runs, false, await sizeOf(path.join(dir, 'no-budget-tables.html'))));
    for (const h of HOSTILE_PAGES.filter((x) => !quick && wanted(`hostile ${x.name}`))) {
      rows.push(await measure(session, String(served.port), `hostile ${h.name}`, `/bench/hostile-${h.name}`, Math.min(runs, 3), true, await sizeOf(path.join(dir, `hostile-${h.name}`))));
      process.stderr.write(`  hostile ${h.name}\n`);
    }
  } finally {
    await session.close();
    await served.close();
    await rm(dir, { recursive: true, force: true });
  }
  // the PDF reports: parsing, rebuilding and the engine against pdf.js text extraction alone
  const pdfRows = wanted('pdf') ? await benchPdfs(path.join(FIXTURES, 'real-pdf', 'files'), quick ? 1 : Math.min(runs, 3)) : [];
  const cli: CliFigures | null = wanted('cli') ? await benchCli(ROOT, path.join(FIXTURES, 'pages'), quick ? 1 : Math.min(runs, 3)) : null;
  const files = await bundles();
  const content = files.find((f) => /content-scripts\/index\.js$/.test(f.file));

  // the table
  const head = ['page', 'tables', 'cells', 'findings', 'total ms', 'extract', 'check', 'paint', 'work', 'bare', 'ratio', 'longest slice', 'long tasks', 'heap KB'];
  const lines = rows.map((r) => [
    r.page,
    String(r.tables),
    String(r.cells),
    String(r.findings),
    fmt(r.total),
    fmt(r.extract),
    fmt(r.check),
    fmt(r.paint),
    fmt(r.work),
    fmt(r.baseline, 2),
    `${fmt(r.ratio)}×`,
    `${fmt(r.longestSlice)} (${r.longestIn})`,
    fmt(r.longTasks),
    r.heapKb === null ? '' : String(r.heapKb),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  const out: string[] = [];
  out.push(`Crossfoot bench — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, median of ${runs} runs`);
  out.push('', row(head), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row), '');
  if (pdfRows.length > 0) {
    out.push('PDF reports (Node, legacy pdf.js; ms, median):');
    const ph = ['file', 'pages', 'tables', 'findings', 'pdf.js text only', 'parse', 'rebuild', 'engine', 'total', 'ratio'];
    const pl = pdfRows.map((r) => [r.file, String(r.pages), String(r.tables), String(r.findings), fmt(r.floor), fmt(r.parse), fmt(r.rebuild), fmt(r.engine), fmt(r.total), `${fmt(r.ratio, 2)}×`]);
    const pw = ph.map((h, i) => Math.max(h.length, ...pl.map((l) => (l[i] ?? '').length)));
    const prow = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(pw[i] as number) : c.padStart(pw[i] as number))).join('  ');
    out.push(prow(ph), prow(pw.map((w) => '-'.repeat(w))), ...pl.map(prow), '');
  }
  if (cli) {
    out.push('Command line (whole processes, wall time; median):');
    out.push(`  --help ${fmt(cli.helpMs)} ms · --version ${fmt(cli.versionMs)} ms`);
    out.push(
      `  largest page ${cli.largest.page} (${fmt(cli.largest.bytes / 2 ** 20, 1)} MB): ${fmt(cli.largest.wallMs)} ms in all = start ${fmt(cli.largest.startMs)} + read (parse, extract) ${fmt(cli.largest.readMs)} + engine ${fmt(cli.largest.engineMs)} + the rest; ${fmt(cli.largest.ratio, 2)}× the engine`,
    );
    out.push(
      `  folder of ${cli.folder.files} pages (--summary): ${fmt(cli.folder.perMinute, 0)} reports/min on ${cli.folder.workers} workers (${fmt(cli.folder.wallMs)} ms, peak ${Math.round(cli.folder.maxRssKb / 1024)} MB) · ${fmt(cli.folder.oneThreadPerMinute, 0)} reports/min on one thread (${fmt(cli.folder.oneThreadWallMs)} ms, peak ${Math.round(cli.folder.oneThreadMaxRssKb / 1024)} MB)`,
      '',
    );
  }
  out.push('Bundles (dist/chrome):');
  for (const f of files) out.push(`  ${f.file.padEnd(40)} ${(f.raw / 1024).toFixed(1).padStart(8)} KB raw ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip`);

  // the targets
  const fixtures = rows.filter((r) => !r.page.startsWith('synthetic') && !r.page.startsWith('no budget') && !r.page.startsWith('hostile'));
  const hostile = rows.filter((r) => r.page.startsWith('hostile'));
  const hostileLongest = hostile.reduce((a, b) => (b.longestSliceMedian > (a?.longestSliceMedian ?? -1) ? b : a), hostile[0]);
  const largest = fixtures.reduce((a, b) => (b.cells > a.cells ? b : a), fixtures[0] as Row);
  const s10 = rows.find((r) => r.page === 'synthetic ×10');
  const sMax = rows.filter((r) => r.page.startsWith('synthetic')).at(-1);
  const scaling = s10 && sMax && s10 !== sMax ? sMax.work / s10.work / (sMax.tables / Math.max(1, s10.tables)) : null;
  const noBudgetRow = rows.find((r) => r.page.startsWith('no budget'));
  const longest = Math.max(...fixtures.map((r) => (Number.isFinite(r.longestSlice) ? r.longestSlice : Infinity)));
  const allSlices = Math.max(...rows.map((r) => (Number.isFinite(r.longestSliceMedian) ? r.longestSliceMedian : Infinity)));
  const worstSlicePage = rows.reduce(
    (a, b) => ((Number.isFinite(b.longestSliceMedian) ? b.longestSliceMedian : Infinity) > (Number.isFinite(a.longestSliceMedian) ? a.longestSliceMedian : Infinity) ? b : a),
    rows[0] as Row,
  );
  const timedOut = rows.filter((r) => r.timedOut > 0);
  const targets = [
    {
      target: `largest fixture page (${largest?.page}) analysed within ${TARGETS.ratio}× the bare baseline`,
      value: `${fmt(largest?.ratio ?? 0)}×`,
      met: (largest?.ratio ?? Infinity) <= TARGETS.ratio,
    },
    { target: `no main-thread stretch over ${TARGETS.longestTask} ms caused by the extension on any fixture page`, value: `${fmt(longest)} ms`, met: longest <= TARGETS.longestTask },
    ...(hostileLongest
      ? [
          {
            target: `no slice over ${TARGETS.longestTask} ms on the hostile pages (median of runs)`,
            value: `${fmt(hostileLongest.longestSliceMedian)} ms (${hostileLongest.page}; worst single run ${fmt(hostileLongest.longestSlice)} ms, ${hostileLongest.longestIn})`,
            met: hostileLongest.longestSliceMedian <= TARGETS.longestTask,
          },
        ]
      : []),
    {
      target: `near-linear scaling from 10 to ${sMax?.tables ?? '?'} tables (work per table at the largest size ÷ at 10)`,
      value: scaling === null ? 'n/a' : `${fmt(scaling, 2)}`,
      met: scaling !== null && scaling <= 1.5,
    },
    {
      target: `a page without budget tables: under ${TARGETS.noBudget} ms, or under ${TARGETS.noBudgetShare}× its bare walk`,
      value: `${fmt(noBudgetRow?.work ?? 0, 2)} ms (${fmt((noBudgetRow?.work ?? 0) / Math.max(1e-9, noBudgetRow?.baseline ?? 0), 2)}× the bare walk)`,
      met: (noBudgetRow?.work ?? Infinity) < TARGETS.noBudget || (noBudgetRow?.work ?? Infinity) <= TARGETS.noBudgetShare * (noBudgetRow?.baseline ?? 0),
    },
    {
      target: `no slice over ${TARGETS.longestTask} ms on any page (median of runs), the 1,000-table page included`,
      value: `${fmt(allSlices)} ms (${worstSlicePage?.page ?? ''})`,
      met: allSlices <= TARGETS.longestTask,
    },
    ...(cli
      ? [
          { target: `crossfoot --help within ${TARGETS.helpMs} ms`, value: `${fmt(cli.helpMs)} ms`, met: cli.helpMs <= TARGETS.helpMs },
          {
            target: `the CLI on the largest page within ${TARGETS.cliRatio}× the engine's time on it`,
            value: `${fmt(cli.largest.ratio, 2)}× (${fmt(cli.largest.wallMs)} ms vs ${fmt(cli.largest.engineMs)} ms)`,
            met: cli.largest.ratio <= TARGETS.cliRatio,
          },
        ]
      : []),
    {
      target: 'every sample finished within its time',
      value: timedOut.length === 0 ? 'all' : `timed out: ${timedOut.map((r) => `${r.page} (${r.timedOut}/${r.runs})`).join(', ')}`,
      met: timedOut.length === 0,
    },
    { target: `content-script bundle under ${TARGETS.gzipKb} KB gzip`, value: `${fmt((content?.gzip ?? 0) / 1024)} KB`, met: (content?.gzip ?? Infinity) / 1024 < TARGETS.gzipKb },
  ];
  out.push('', 'Targets:');
  for (const t of targets) out.push(`  ${t.met ? '✓' : '✗ MISSED'}  ${t.target}: ${t.value}`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (jsonFile) {
    await mkdir(path.dirname(jsonFile), { recursive: true });
    const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? null, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };
    await writeFile(
      jsonFile,
      `${JSON.stringify({ schema: 'crossfoot.bench/1', machine, runs, load: o.loadN, rows, pdf: pdfRows, cli, bundles: files, targets, met: targets.every((t) => t.met) }, null, 2)}\n`,
    );
    const size = (await stat(jsonFile)).size;
    process.stdout.write(`\nJSON written to ${path.relative(process.cwd(), jsonFile)} (${size} bytes)\n`);
  }
  // the exit code says whether every target was met
  return targets.every((t) => t.met) ? 0 : 1;
}
