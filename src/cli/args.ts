/**
 * The command line's words: its usage text and its options, read without loading the engine, so
 * that `--help` and `--version` answer at once.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Thresholds } from '../engine/settings.js';
import type { Locale } from '../i18n/index.js';
import type { Format } from '../export/formats.js';
import { InputError } from './errors.js';
import { VERSION } from '../model/version.js';

export const USAGE = `Usage: crossfoot <file.html | file.txt | folder | http(s)://URL> [options]

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
  --version                   print the version
  --help                      show this help

Exit codes: 0 checked, 1 findings at --fail-on level, 2 bad input, 3 no budget content (neither
budget tables nor a narrative stating budget figures), 4 the output could not be written in full.
JSON follows the schema crossfoot.report/1 (docs/report-schema.md); a folder gives a JSON array.
`;

export interface Args {
  inputs: string[];
  format: Format;
  lang: Locale;
  scripts: boolean;
  failOn: 'error' | 'review' | null;
  thresholds: Partial<Record<keyof Thresholds, number>>;
  /** Seconds for the network (a URL, body included) and for a page's scripts; null: the defaults. */
  timeout: number | null;
  summary: boolean;
  /** Files of decisions to apply (--reviews), read when the run starts. */
  reviews: string[];
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
  const urls = text
    .split(/\r?\n/u)
    .map((l) => l.replace(/#.*$/u, '').trim())
    .filter((l) => l !== '');
  const bad = urls.find((u) => !/^https?:\/\/\S+$/iu.test(u));
  if (bad !== undefined) throw new InputError(`${file}: "${bad.slice(0, 80)}" is not an http(s) address`);
  if (urls.length === 0) throw new InputError(`${file}: no address listed`);
  return urls;
}

const THRESHOLD_NAMES: Record<string, keyof Thresholds> = { execution: 'executionBelow', completion: 'completionAbove', change: 'changeBeyond', floor: 'changeFloor' };

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { inputs: [], format: 'text', lang: 'zh-CN', scripts: false, failOn: null, thresholds: {}, timeout: null, summary: false, reviews: [] };
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
    else if (name === '--version' || name === '-V') throw new VersionRequested();
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
    else if (name === '--reviews') args.reviews.push(value());
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

export class HelpRequested extends Error {}

export class VersionRequested extends Error {}

export const VERSION_LINE = `crossfoot ${VERSION}\n`;
