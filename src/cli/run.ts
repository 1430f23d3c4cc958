/**
 * A run of the CLI once its options are read: load each input, check it, write the report in the
 * chosen format. Loaded by main.ts only when there is something to check (the HTML parser, pdf.js and the
 * engine take a while to load; `--help` needs none of them).
 */
import { readFileSync, statSync } from 'node:fs';
import { hasBudgetContent, type Report } from '../contract/report.js';
import { thresholds } from '../engine/settings.js';
import { formatCsv, formatMarkdown, formatText } from '../export/formats.js';
import { expandInput, InputError, type LoadOptions } from './load.js';
import { checkAll } from './pool.js';
import type { ScriptRenderer } from './render.js';
import { inertJson, safeLine } from '../export/safe-text.js';
import { formatHtml } from './html.js';
import { reviewOf, reviewsFromJson, withReviews } from '../export/reviewed.js';
import type { Review } from '../review/model.js';
import { LIMITS } from '../model/limits.js';
import { formatSummary, summaryRow, unreadableRow, type SummaryRow } from './summary.js';
import type { Args } from './args.js';
import { fail, write, writeAll } from './output.js';

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

function noteFor(note: string): string | null {
  return note === 'scripts-not-run' ? 'the page has scripts that were not run; if its tables are built by a script, run again with --scripts' : null;
}

/** Checks what the options name and writes the report; returns the exit code. */
export async function run(args: Args, keep: (r: ScriptRenderer) => void): Promise<number> {
  const timings = { read: 0, engine: 0 };
  const started = performance.now();
  try {
    return await runTimed(args, keep, timings);
  } finally {
    // CROSSFOOT_TIMINGS=1: where the time went, on stderr as one JSON line (the benchmark reads it)
    if (process.env.CROSSFOOT_TIMINGS === '1') {
      const total = performance.now() - started;
      // performance.now() counts from the process's start: `started` is the start-up
      writeAll(
        2,
        `crossfoot-timings ${JSON.stringify({ startup: Math.round(started), read: Math.round(timings.read), engine: Math.round(timings.engine), output: Math.round(total - timings.read - timings.engine), total: Math.round(started + total) })}\n`,
      );
    }
  }
}

async function runTimed(args: Args, keep: (r: ScriptRenderer) => void, timings: { read: number; engine: number }): Promise<number> {
  let decisions: Record<string, Review> | null = null;
  try {
    for (const file of args.reviews) decisions = { ...(decisions ?? {}), ...reviewFile(file) };
  } catch (e) {
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
    const options: LoadOptions = {
      scripts: args.scripts,
      ...(renderer ? { renderer } : {}),
      ...(args.timeout !== null ? { fetchTimeout: args.timeout * 1000, scriptTimeout: args.timeout * 1000 } : {}),
    };
    const outcomes = await checkAll(files, options, thresholds(args.thresholds), (n, file) => {
      if (progress) writeAll(2, `\r\x1b[K[${n}/${files.length}] ${safeLine(file).slice(-60)} · ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
    for (const [i, outcome] of outcomes.entries()) {
      const file = files[i] as string;
      if (!outcome.ok) {
        if (args.summary) {
          rows.push(unreadableRow(file, outcome.message));
          continue;
        }
        if (outcome.input && !single) {
          fail(outcome.message);
          continue;
        }
        if (outcome.input) throw new InputError(outcome.message, outcome.code);
        throw new Error(outcome.message);
      }
      timings.read += outcome.read;
      timings.engine += outcome.engine;
      const report = outcome.report;
      for (const n of outcome.notes) {
        const text = noteFor(n);
        if (text && !hasBudgetContent(report)) fail(`${file}: ${text}`);
      }
      if (args.summary) {
        rows.push(hasBudgetContent(report) ? summaryRow(report) : unreadableRow(outcome.source, 'no budget tables or budget narrative'));
        if (hasBudgetContent(report)) reports.push(report);
        continue;
      }
      if (!hasBudgetContent(report)) {
        fail(`no budget tables or budget narrative found in ${file}`);
        if (single) return 3;
        continue;
      }
      reports.push(decisions ? withReviews(report, decisions) : report);
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
  else
    switch (args.format) {
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
