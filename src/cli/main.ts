/**
 * crossfoot CLI: `npm run check -- <file.html | file.txt | folder | http(s) URL> [options]`.
 * Bad input ends with a one-line message and a non-zero exit code, never a stack trace.
 */
import { readFileSync, statSync, writeSync } from 'node:fs';
import { checkDocument, hasBudgetContent, type Report } from '../engine/report.js';
import { thresholds, type Thresholds } from '../engine/settings.js';
import type { Locale } from '../i18n/index.js';
import { formatCsv, formatMarkdown, formatText, type Format } from '../export/formats.js';
import { expandInput, InputError, loadOne, type LoadOptions } from './load.js';
import type { ScriptRenderer } from './render.js';
import { inertJson, safeLine } from '../export/safe-text.js';
import { formatHtml } from './html.js';
import { reviewOf, reviewsFromJson, withReviews } from '../export/reviewed.js';
import type { Review } from '../review/model.js';
import { LIMITS } from '../model/limits.js';
import { formatSummary, summaryRow, unreadableRow, type SummaryRow } from './summary.js';

const USAGE = `Usage: crossfoot <file.html | file.txt | folder | http(s)://URL> [options]

Checks the arithmetic of Chinese government budget disclosures (部门决算/部门预算) and lists
every inconsistency: totals that do not add up, wrong subject-code sums, wrong rates and scores.

Options:
  --format text|json|md|csv|html
                              output format (default: text); html is one self-contained page
                              without scripts or requests
  --lang zh|en                language of messages in text and md output (default: zh)
  --scripts                   run the page in headless Chromium first, so that tables its scripts
                              build appear (off by default; the page's code never runs in Node,
                              and the browser reaches nothing beyond the page's own folder or site)
  --summary                   one row per report instead of its findings (title, department, year,
                              tables, errors, reviews, rounding, rate questions, not checked, and
                              the reports that could not be read, with why); text, csv, md or json
  --urls FILE                 check the http(s) addresses listed in FILE, one per line
  --reviews FILE              apply the decisions of a report exported from the extension (JSON,
                              each finding's review by its fingerprint): statuses and notes are
                              written with the findings, dismissed ones listed apart
  --fail-on error|review      exit with code 1 when findings of that severity (or worse) exist
  --timeout SECONDS           how long to wait for a URL (body included) and for a page's scripts
                              (default: 15 s and 10 s)
  --threshold NAME=VALUE      rate-anomaly thresholds (repeatable): execution=90 (执行率 below, %),
                              completion=100 (spending above budget, %), change=50 (year-on-year, ±%),
                              floor=1 (changes smaller than this many 万元 are not questioned)
  --help                      show this help

Exit codes: 0 checked, 1 findings at --fail-on level, 2 bad input, 3 no budget content (neither
budget tables nor a narrative stating budget figures), 4 the output could not be written in full.
JSON follows the schema crossfoot.report/1 (docs/report-schema.md); a folder gives a JSON array.
`;

interface Args {
  inputs: string[];
  format: Format;
  lang: Locale;
  scripts: boolean;
  failOn: 'error' | 'review' | null;
  thresholds: Partial<Record<keyof Thresholds, number>>;
  /** Seconds for the network (a URL, body included) and for a page's scripts; null: the defaults. */
  timeout: number | null;
  summary: boolean;
  /** Decisions to apply (--reviews), by fingerprint. */
  reviews: Record<string, Review> | null;
}

/** The decisions of an exported report (--reviews FILE). */
function reviewFile(file: string): Record<string, Review> {
  try {
    if (statSync(file).size > LIMITS.cli.maxBytes) throw new InputError(`${file}: too large for a file of decisions`);
    return reviewsFromJson(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`--reviews ${file}: ${e instanceof SyntaxError ? 'not JSON' : code ? 'cannot read the file' : e instanceof Error ? e.message : String(e)}`);
  }
}

/** Addresses listed one per line ("#" starts a comment); anything but http(s) is refused. */
function urlList(file: string): string[] {
  let text: string;
  try {
    if (statSync(file).size > 1 << 20) throw new InputError(`${file}: a list of addresses larger than 1 MB`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read the list of addresses ${file}`);
  }
  const urls = text.split(/\r?\n/u).map((l) => l.replace(/#.*$/u, '').trim()).filter((l) => l !== '');
  const bad = urls.find((u) => !/^https?:\/\/\S+$/iu.test(u));
  if (bad !== undefined) throw new InputError(`${file}: "${bad.slice(0, 80)}" is not an http(s) address`);
  if (urls.length === 0) throw new InputError(`${file}: no address listed`);
  return urls;
}

const THRESHOLD_NAMES: Record<string, keyof Thresholds> = { execution: 'executionBelow', completion: 'completionAbove', change: 'changeBeyond', floor: 'changeFloor' };

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { inputs: [], format: 'text', lang: 'zh-CN', scripts: false, failOn: null, thresholds: {}, timeout: null, summary: false, reviews: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new InputError(`${a} needs a value (see --help)`);
      return v;
    };
    const name = a.split('=')[0];
    if (name === '--help' || name === '-h') throw new HelpRequested();
    else if (name === '--format' || name === '-f') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'md' && f !== 'csv' && f !== 'html') throw new InputError(`unknown format "${f}" (use text, json, md, csv or html)`);
      args.format = f;
    } else if (name === '--lang') {
      const l = value();
      if (!/^(?:zh|zh-CN|en)$/i.test(l)) throw new InputError(`unknown language "${l}" (use zh or en)`);
      args.lang = /^en$/i.test(l) ? 'en' : 'zh-CN';
    } else if (name === '--summary') args.summary = true;
    else if (name === '--urls') args.inputs.push(...urlList(value()));
    else if (name === '--reviews') args.reviews = { ...(args.reviews ?? {}), ...reviewFile(value()) };
    else if (name === '--scripts') args.scripts = true;
    else if (name === '--no-scripts') args.scripts = false;
    else if (name === '--fail-on') {
      const v = value();
      if (v !== 'error' && v !== 'review') throw new InputError(`--fail-on takes error or review, not "${v}"`);
      args.failOn = v;
    } else if (name === '--timeout') {
      const v = value();
      const n = Number(v);
      if (!/^\d+(?:\.\d+)?$/.test(v) || n <= 0 || n > 600) throw new InputError(`--timeout takes a number of seconds between 0 and 600, not "${v}"`);
      args.timeout = n;
    } else if (name === '--threshold') {
      const v = /^(\w+)=(\d+(?:\.\d+)?)$/u.exec(value());
      const key = v ? THRESHOLD_NAMES[v[1] as string] : undefined;
      if (!v || !key) throw new InputError(`--threshold takes execution=, completion=, change= or floor= with a number (see --help)`);
      args.thresholds[key] = Number(v[2]);
    } else if (a.startsWith('-') && a !== '-') throw new InputError(`unknown option ${a} (see --help)`);
    else args.inputs.push(a);
  }
  if (args.inputs.length === 0) throw new InputError('no input: give a file, a folder or a URL (see --help)');
  return args;
}

class HelpRequested extends Error {}

/** The output could not be written in full (a closed pipe, a full disk). */
class OutputError extends Error {}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes every byte to a file descriptor. A pipe may be non-blocking: a write can take part of the
 * buffer, or none (EAGAIN) while the reader catches up; the rest is written when it has room.
 */
export function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let offset = 0;
  let waited = 0;
  while (offset < buf.length) {
    try {
      const n = writeSync(fd, buf, offset, Math.min(buf.length - offset, 1 << 20));
      offset += n;
      waited = 0;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' || waited > 120_000) throw new OutputError(code ?? String(e));
      Atomics.wait(pause, 0, 0, 2); // the reader is slower than us: let it drain
      waited += 2;
    }
  }
}

function write(text: string): void {
  writeAll(1, text);
}

function fail(message: string): void {
  try {
    writeAll(2, `crossfoot: ${safeLine(message)}\n`);
  } catch {
    /* stderr closed: nothing more can be said */
  }
}

function noteFor(note: string): string | null {
  return note === 'scripts-not-run' ? 'the page has scripts that were not run; if its tables are built by a script, run again with --scripts' : null;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let renderer: ScriptRenderer | undefined;
  try {
    return await run(argv, (r) => (renderer = r));
  } catch (e) {
    if (e instanceof OutputError) {
      fail(`the output could not be written in full (${e.message})`);
      return 4;
    }
    throw e;
  } finally {
    await renderer?.close();
  }
}

async function run(argv: readonly string[], keep: (r: ScriptRenderer) => void): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof HelpRequested) {
      write(USAGE);
      return 0;
    }
    fail(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const reports: Report[] = [];
  const rows: SummaryRow[] = [];
  try {
    const files: string[] = [];
    for (const input of args.inputs) files.push(...(await expandInput(input)));
    const single = files.length === 1;
    let renderer: ScriptRenderer | undefined;
    if (args.scripts) {
      renderer = new (await import('./render.js')).ScriptRenderer();
      keep(renderer);
    }
    // a progress line on a terminal (never in a pipe): count, current file, elapsed
    const started = Date.now();
    const progress = args.summary && files.length > 1 && process.stderr.isTTY;
    for (const [i, file] of files.entries()) {
      if (progress) writeAll(2, `\r\x1b[K[${i + 1}/${files.length}] ${safeLine(file).slice(-60)} · ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const options: LoadOptions = { scripts: args.scripts, ...(renderer ? { renderer } : {}), ...(args.timeout !== null ? { fetchTimeout: args.timeout * 1000, scriptTimeout: args.timeout * 1000 } : {}) };
      let loaded;
      try {
        loaded = await loadOne(file, options);
      } catch (e) {
        if (args.summary) {
          rows.push(unreadableRow(file, e instanceof Error ? e.message : String(e)));
          continue;
        }
        if (e instanceof InputError && !single) {
          fail(e.message);
          continue;
        }
        throw e;
      }
      const report = checkDocument(loaded.document, loaded.source, { thresholds: thresholds(args.thresholds) });
      for (const n of loaded.notes) {
        const text = noteFor(n);
        if (text && !hasBudgetContent(report)) fail(`${file}: ${text}`);
      }
      if (args.summary) {
        rows.push(hasBudgetContent(report) ? summaryRow(report) : unreadableRow(loaded.source, 'no budget tables or budget narrative'));
        if (hasBudgetContent(report)) reports.push(report);
        continue;
      }
      if (!hasBudgetContent(report)) {
        fail(`no budget tables or budget narrative found in ${file}`);
        if (single) return 3;
        continue;
      }
      reports.push(args.reviews ? withReviews(report, args.reviews) : report);
    }
    if (progress) writeAll(2, '\r\x1b[K');
  } catch (e) {
    if (e instanceof InputError) {
      fail(e.message);
      return e.code;
    }
    fail(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.CROSSFOOT_DEBUG) throw e;
    return 70;
  }
  if (reports.length === 0) {
    if (args.summary && rows.length > 0) write(formatSummary(rows, args.format, args.lang));
    fail('no budget tables or budget narrative found');
    return 3;
  }
  if (args.summary) write(formatSummary(rows, args.format, args.lang));
  else switch (args.format) {
    case 'json':
      write(inertJson(JSON.stringify(reports.length === 1 && args.inputs.length === 1 && !(await isFolder(args.inputs[0] as string)) ? reports[0] : reports, null, 2)) + '\n');
      break;
    case 'csv':
      write(formatCsv(reports));
      break;
    case 'html':
      write(formatHtml(reports, args.lang));
      break;
    case 'md':
      write(reports.map((r) => formatMarkdown(r, args.lang)).join('\n'));
      break;
    default:
      write(reports.map((r) => formatText(r, args.lang)).join('\n'));
  }
  if (args.failOn) {
    const levels = args.failOn === 'error' ? ['error'] : ['error', 'review'];
    // a finding the user dismissed as not an error does not fail the run
    if (reports.some((r) => r.findings.some((f) => levels.includes(f.severity) && reviewOf(f)?.status !== 'dismissed'))) return 1;
  }
  return 0;
}

async function isFolder(input: string): Promise<boolean> {
  if (/^https?:\/\//i.test(input)) return false;
  try {
    const { stat } = await import('node:fs/promises');
    return (await stat(input)).isDirectory();
  } catch {
    return false;
  }
}

export default main;
