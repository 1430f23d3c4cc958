/**
 * Loads what the CLI is pointed at (an HTML page, a plain-text report, a folder, a URL) into
 * ReportDocuments, through the same DOM adapter the content script uses.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractDom } from '../extract/dom.js';
import { readTextReport } from '../extract/text-report.js';
import type { ReportDocument } from '../model/document.js';

/** A problem with the input that ends the run with a one-line message and a non-zero exit code. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly code: number = 2,
  ) {
    super(message);
  }
}

export interface LoadOptions {
  /** Run the page's inline scripts (in jsdom, with no network) so script-built tables appear. */
  readonly scripts?: boolean;
  /** How long to wait for script-built content, in ms. */
  readonly scriptTimeout?: number;
  /** Network timeout for URLs, in ms. */
  readonly fetchTimeout?: number;
}

export interface Loaded {
  readonly source: string;
  readonly document: ReportDocument;
  /** What could not be read (cross-origin frames, scripts not run…). */
  readonly notes: string[];
}

const HTML_EXT = /\.(?:html?|xhtml|shtml|xht|mht)$/i;
const TEXT_EXT = /\.(?:txt|md|markdown|tsv|text)$/i;

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i] ?? 0;
    if (b === 0) return true;
    if (b < 7 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Decodes bytes as UTF-8 when valid, else as GB18030 (many government pages are GBK). */
export function decode(buf: Buffer, declared?: string | null): string {
  const label = declared?.toLowerCase().trim();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return new TextDecoder(label === 'gb2312' || label === 'gbk' ? 'gb18030' : label).decode(buf);
    } catch {
      /* unknown label: fall through */
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function sniffCharset(buf: Buffer): string | null {
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m?.[1] ?? null;
}

function isHtml(name: string, text: string): boolean {
  if (HTML_EXT.test(name)) return true;
  if (TEXT_EXT.test(name)) return false;
  return /^\s*(?:<!doctype html|<html|<head|<body|<table|<meta|<div|<p[\s>])/i.test(text.slice(0, 2000));
}

interface Fetched {
  readonly text: string;
  readonly url: string;
  readonly html: boolean;
}

async function fetchUrl(url: string, timeout: number): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeout), redirect: 'follow' });
  } catch (e) {
    const reason = e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${timeout / 1000} s` : 'it could not be reached';
    throw new InputError(`cannot read ${url}: ${reason}`);
  }
  if (!res.ok) throw new InputError(`cannot read ${url}: the server answered ${res.status} ${res.statusText}`.trim());
  const buf = Buffer.from(await res.arrayBuffer());
  if (looksBinary(buf)) throw new InputError(`cannot read ${url}: it is not a web page or a text report (binary content)`);
  const type = res.headers.get('content-type') ?? '';
  const charset = /charset=([\w-]+)/i.exec(type)?.[1] ?? sniffCharset(buf);
  const text = decode(buf, charset);
  return { text, url: res.url || url, html: /html/i.test(type) || isHtml(new URL(url).pathname, text) };
}

async function readLocal(file: string): Promise<Fetched> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`no such file: ${file}`);
    if (code === 'EACCES') throw new InputError(`cannot read ${file}: permission denied`);
    throw new InputError(`cannot read ${file}: ${code ?? 'unknown error'}`);
  }
  if (looksBinary(buf)) throw new InputError(`cannot read ${file}: it is a binary file, not a web page or a text report`);
  const text = decode(buf, sniffCharset(buf));
  return { text, url: pathToFileURL(path.resolve(file)).href, html: isHtml(file, text) };
}

/** Pending timers and frames of a jsdom window, so we can wait for script-built content. */
function instrument(window: Window & typeof globalThis): () => number {
  const pending = new Set<number>();
  const origSet = window.setTimeout.bind(window);
  const origClear = window.clearTimeout.bind(window);
  const w = window as unknown as Record<string, unknown>;
  w.setTimeout = (fn: TimerHandler, delay?: number, ...rest: unknown[]): number => {
    const short = (delay ?? 0) <= 10_000;
    const id = origSet(
      (...a: unknown[]) => {
        pending.delete(id);
        if (typeof fn === 'function') (fn as (...x: unknown[]) => void)(...a);
      },
      delay,
      ...rest,
    ) as unknown as number;
    if (short) pending.add(id);
    return id;
  };
  w.clearTimeout = (id?: number): void => {
    if (id !== undefined) pending.delete(id);
    origClear(id);
  };
  return () => pending.size;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function domFromHtml(html: string, url: string, options: LoadOptions, notes: string[]): Promise<{ dom: JSDOM; settle: Promise<void> }> {
  const virtualConsole = new VirtualConsole(); // page console output and script errors stay quiet
  let pendingTimers: () => number = () => 0;
  let loaded = false;
  const dom = new JSDOM(html, {
    url,
    contentType: 'text/html',
    runScripts: options.scripts ? 'dangerously' : undefined,
    pretendToBeVisual: true,
    virtualConsole,
    beforeParse(window) {
      // listen before parsing: without scripts or resources the load event can fire at once
      window.addEventListener('load', () => (loaded = true), { once: true });
      if (options.scripts) pendingTimers = instrument(window as unknown as Window & typeof globalThis);
    },
  });
  const settle = (async () => {
    if (!options.scripts) {
      if (/<script\b(?![^>]*type=["']?application\/(?:ld\+)?json)/i.test(html)) notes.push('scripts-not-run');
      return;
    }
    const deadline = Date.now() + (options.scriptTimeout ?? 10_000);
    while (!loaded && Date.now() < deadline) await sleep(5);
    // wait while the page has short timers pending (content inserted "800 ms after load")
    while (pendingTimers() > 0 && Date.now() < deadline) await sleep(25);
    await sleep(0);
    if (pendingTimers() > 0) notes.push('scripts-timeout');
  })();
  return { dom, settle };
}

async function loadHtml(fetched: Fetched, options: LoadOptions, depth = 0): Promise<Loaded> {
  const notes: string[] = [];
  const { dom, settle } = await domFromHtml(fetched.text, fetched.url, options, notes);
  await settle;
  const frameDocs = new Map<Element, Document | null>();
  const base = new URL(fetched.url);
  // Same-origin frames are read like the browser would show them; others are reported.
  for (const frame of Array.from(dom.window.document.querySelectorAll('iframe[src], frame[src]'))) {
    const src = frame.getAttribute('src') ?? '';
    let target: URL;
    try {
      target = new URL(src, base);
    } catch {
      frameDocs.set(frame, null);
      continue;
    }
    if (target.origin !== base.origin || depth > 3 || (target.protocol === 'file:' && !target.pathname)) {
      frameDocs.set(frame, null);
      notes.push('frame-cross-origin');
      continue;
    }
    try {
      const inner = target.protocol === 'file:' ? await readLocal(fileURLToPath(target)) : await fetchUrl(target.href, options.fetchTimeout ?? 15_000);
      const innerDom = await domFromHtml(inner.text, inner.url, options, notes);
      await innerDom.settle;
      frameDocs.set(frame, innerDom.dom.window.document);
    } catch {
      frameDocs.set(frame, null);
      notes.push('frame-unreadable');
    }
  }
  const extraction = extractDom(dom.window.document, {
    source: fetched.url,
    frameDocument: (f) => frameDocs.get(f) ?? null,
  });
  dom.window.close();
  return { source: fetched.url, document: extraction.document, notes: Array.from(new Set(notes)) };
}

/** Loads one file or URL. */
export async function loadOne(input: string, options: LoadOptions = {}): Promise<Loaded> {
  if (/^https?:\/\//i.test(input)) {
    const fetched = await fetchUrl(input, options.fetchTimeout ?? 15_000);
    return fetched.html ? loadHtml(fetched, options) : loadText(fetched);
  }
  const fetched = await readLocal(input);
  return fetched.html ? loadHtml(fetched, options) : loadText(fetched);
}

function loadText(fetched: Fetched): Loaded {
  const source = fetched.url.startsWith('file:') ? fileURLToPath(fetched.url) : fetched.url;
  return { source, document: readTextReport(fetched.text, source).document, notes: [] };
}

/** Expands a folder into the report files inside it (HTML pages and text reports), sorted. */
export async function expandInput(input: string): Promise<string[]> {
  if (/^https?:\/\//i.test(input)) return [input];
  let info;
  try {
    info = await stat(input);
  } catch {
    throw new InputError(`no such file or folder: ${input}`);
  }
  if (!info.isDirectory()) return [input];
  const entries = await readdir(input, { withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && (HTML_EXT.test(e.name) || TEXT_EXT.test(e.name)))
    .map((e) => path.join(input, e.name))
    .sort();
  if (files.length === 0) throw new InputError(`no HTML pages or text reports in ${input}`);
  return files;
}
