/**
 * Loads what the CLI is pointed at (an HTML page, a plain-text report, a folder, a URL) into
 * ReportDocuments, through the same DOM reader the content script uses.
 *
 * A document is hostile input. Its scripts never run in Node: parse5 parses the markup into a
 * read-only tree (light-dom.ts) that has no script engine and loads no sub-resource, so nothing in
 * the page can reach the user's files or processes.
 * A page built by its scripts is run, on request (`--scripts`), in headless Chromium (render.ts)
 * and read from what it shows. Frames are read only from the document's own folder (a local page)
 * or its own origin (a URL). Bytes read, time spent on the network and the reader's work are
 * bounded (src/model/limits.ts); a bound reached ends with a one-line message or a note in the
 * report, never a crash.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractDom } from '../extract/dom.js';
import { parseLight } from './light-dom.js';
import { readTextReport } from '../extract/text-report.js';
import type { ReaderNote, ReportDocument } from '../model/document.js';
import { LIMITS } from '../model/limits.js';
import { InputError } from './errors.js';
import type { Rendered, ScriptRenderer } from './render.js';

import { isPdf, readPdf } from './pdf.js';
import { workbookDocument } from '../extract/documents.js';
import { isWorkbook } from '../extract/workbook.js';
export { InputError } from './errors.js';

export interface LoadOptions {
  /** Run the page's scripts in headless Chromium (never in Node) so that script-built tables appear. */
  readonly scripts?: boolean;
  /** The browser to run them in (one per CLI run); made on first use when absent. */
  readonly renderer?: ScriptRenderer;
  /** How long a page's scripts may run before it is read, in ms. */
  readonly scriptTimeout?: number;
  /** Network time for URLs, body included, in ms. */
  readonly fetchTimeout?: number;
}

export interface Loaded {
  readonly source: string;
  readonly document: ReportDocument;
  /** What the loader could not do (scripts not run…), for the command line's own messages. */
  readonly notes: string[];
}

const HTML_EXT = /\.(?:html?|xhtml|shtml|xht|mht)$/i;
const TEXT_EXT = /\.(?:txt|md|markdown|tsv|text)$/i;
const PDF_EXT = /\.pdf$/i;
const SHEET_EXT = /\.(?:xlsx|xls)$/i;

/**
 * A PDF or a workbook (.xlsx, BIFF8 .xls), told by its first bytes whatever its name says; null
 * for anything else (an .xls that Excel saved as a web page is HTML, read as a page).
 */
async function loadDocument(buf: Buffer, source: string): Promise<Loaded | null> {
  if (isPdf(buf)) return { source, document: await readPdf(buf, source), notes: [] };
  if (isWorkbook(buf)) {
    try {
      return { source, document: workbookDocument(new Uint8Array(buf), source), notes: [] };
    } catch (e) {
      throw new InputError(`cannot read ${source}: not a readable workbook (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return null;
}

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

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const TOO_LARGE = (what: string, size: number | null): InputError =>
  new InputError(`cannot read ${what}: it is ${size === null ? 'larger than' : `${megabytes(size)}, more than`} the ${megabytes(LIMITS.cli.maxBytes)} Crossfoot reads from one document`);

interface Fetched {
  readonly text: string;
  readonly url: string;
  readonly html: boolean;
  /** For a local file, the folder its frames may come from. */
  readonly folder: string | null;
  /** The local file (for the browser, which serves it from its folder). */
  readonly file: string | null;
  /** A PDF or a workbook fetched: its bytes, read as a document rather than as text. */
  readonly bytes?: Buffer;
}

async function fetchUrl(url: string, timeout: number): Promise<Fetched> {
  // one deadline for the whole exchange, body included: a server that stalls mid-body ends the read
  const signal = AbortSignal.timeout(timeout);
  const slow = (): InputError => new InputError(`cannot read ${url}: no complete answer within ${timeout / 1000} s`);
  let res: Response;
  try {
    res = await fetch(url, { signal, redirect: 'follow' });
  } catch (e) {
    if (signal.aborted) throw slow();
    void e;
    throw new InputError(`cannot read ${url}: it could not be reached`);
  }
  if (!res.ok) throw new InputError(`cannot read ${url}: the server answered ${res.status} ${res.statusText}`.trim());
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > LIMITS.cli.maxBytes) {
    void res.body?.cancel().catch(() => undefined);
    throw TOO_LARGE(url, declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const reader = res.body?.getReader();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > LIMITS.cli.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw TOO_LARGE(url, null);
      }
      chunks.push(Buffer.from(value));
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (signal.aborted) throw slow();
    throw new InputError(`cannot read ${url}: the connection broke off`);
  }
  const buf = Buffer.concat(chunks);
  if (isPdf(buf) || isWorkbook(buf)) return { text: '', url: res.url || url, html: false, folder: null, file: null, bytes: buf };
  if (looksBinary(buf)) throw new InputError(`cannot read ${url}: it is not a web page, a PDF, a workbook or a text report (binary content)`);
  const type = res.headers.get('content-type') ?? '';
  const charset = /charset=([\w-]+)/i.exec(type)?.[1] ?? sniffCharset(buf);
  const text = decode(buf, charset);
  return { text, url: res.url || url, html: /html/i.test(type) || isHtml(new URL(url).pathname, text), folder: null, file: null };
}

async function readBytes(file: string): Promise<Buffer> {
  let handle;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(`cannot read ${file}: it is a folder`);
    if (info.size > LIMITS.cli.maxBytes) throw TOO_LARGE(file, info.size);
    handle = await open(file, 'r');
    // read at most the bound, whatever the file grows to meanwhile
    const buf = Buffer.alloc(Math.min(info.size, LIMITS.cli.maxBytes) + 1);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    if (bytesRead > LIMITS.cli.maxBytes) throw TOO_LARGE(file, null);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`no such file: ${file}`);
    if (code === 'EACCES') throw new InputError(`cannot read ${file}: permission denied`);
    throw new InputError(`cannot read ${file}: ${code ?? 'unknown error'}`);
  } finally {
    await handle?.close();
  }
}

async function readLocal(file: string): Promise<Fetched> {
  const buf = await readBytes(file);
  if (looksBinary(buf)) throw new InputError(`cannot read ${file}: it is a binary file, not a web page or a text report`);
  const text = decode(buf, sniffCharset(buf));
  const absolute = path.resolve(file);
  return { text, url: pathToFileURL(absolute).href, html: isHtml(file, text), folder: path.dirname(absolute), file: absolute };
}

/** Whether a local path lies inside a folder once symbolic links are followed. */
async function inside(folder: string, file: string): Promise<boolean> {
  try {
    const [root, real] = await Promise.all([realpath(folder), realpath(file)]);
    return real.startsWith(root + path.sep);
  } catch {
    return false;
  }
}

/** Parses markup, within the element bound; `cut` is told when the bound was reached. */
function parse(html: string, url: string, cut: () => void): Document {
  const bounded = boundMarkup(html);
  if (bounded.cut) cut();
  // a parsed tree and nothing else: no script runs, nothing the page names is loaded, no style computed
  return parseLight(bounded.html, url);
}

/** The markup up to the element past the bound (the parser closes what is left open), or all of it. */
function boundMarkup(html: string): { html: string; cut: boolean } {
  const tag = /<[a-zA-Z]/g;
  let n = 0;
  while (tag.exec(html)) {
    if (++n > LIMITS.cli.maxElements) return { html: html.slice(0, tag.lastIndex - 2), cut: true };
  }
  return { html, cut: false };
}

const HAS_SCRIPT = /<script\b(?![^>]*type=["']?application\/(?:ld\+)?json)|\son[a-z]+\s*=/i;

interface FrameContext {
  readonly base: Fetched;
  readonly options: LoadOptions;
  readonly notes: Set<string>;
  readonly cut: () => void;
  frames: number;
}

/** The documents of a page's frames, read as the browser would show them, within the page's own folder or origin. */
async function frameDocuments(doc: Document, ctx: FrameContext, depth: number, rendered: Rendered | null, out: Map<Element, Document | null>): Promise<void> {
  const frames = Array.from(doc.querySelectorAll('iframe, frame'));
  for (const [position, frame] of frames.entries()) {
    if (ctx.frames >= LIMITS.dom.maxFrames || depth >= LIMITS.dom.maxFrameDepth) {
      out.set(frame, null);
      continue;
    }
    const inner = rendered?.frames.get(position);
    if (inner) {
      ctx.frames++;
      const innerDoc = parse(inner.html, inner.url.startsWith('about:') ? doc.URL : inner.url, ctx.cut);
      out.set(frame, innerDoc);
      await frameDocuments(innerDoc, ctx, depth + 1, inner, out);
      continue;
    }
    if (rendered) {
      out.set(frame, null); // the browser did not show it: another origin, or nothing there
      continue;
    }
    const srcdoc = frame.getAttribute('srcdoc');
    if (srcdoc !== null && frame.localName === 'iframe') {
      ctx.frames++;
      const innerDoc = parse(srcdoc, doc.URL, ctx.cut);
      out.set(frame, innerDoc);
      await frameDocuments(innerDoc, ctx, depth + 1, null, out);
      continue;
    }
    const src = frame.getAttribute('src')?.trim() ?? '';
    if (src === '' || /^(?:about|javascript|data):/i.test(src)) {
      out.set(frame, null);
      continue;
    }
    let target: URL;
    try {
      target = new URL(src, doc.URL);
    } catch {
      out.set(frame, null);
      continue;
    }
    const base = new URL(ctx.base.url);
    let fetched: Fetched | null = null;
    try {
      if (base.protocol === 'file:') {
        // file URLs all share the opaque origin "null": a local page's frames come from its own folder only
        const file = target.protocol === 'file:' ? fileURLToPath(target) : null;
        if (file && ctx.base.folder && (await inside(ctx.base.folder, file))) fetched = await readLocal(file);
      } else if (target.origin === base.origin) fetched = await fetchUrl(target.href, ctx.options.fetchTimeout ?? LIMITS.cli.fetchTimeout);
    } catch {
      fetched = null;
    }
    if (!fetched || !fetched.html) {
      out.set(frame, null);
      continue;
    }
    ctx.frames++;
    if (HAS_SCRIPT.test(fetched.text)) ctx.notes.add('scripts-not-run');
    const innerDoc = parse(fetched.text, fetched.url, ctx.cut);
    out.set(frame, innerDoc);
    await frameDocuments(innerDoc, ctx, depth + 1, null, out);
  }
}

async function loadHtml(fetched: Fetched, options: LoadOptions): Promise<Loaded> {
  const notes = new Set<string>();
  const readerNotes: ReaderNote[] = [];
  let rendered: Rendered | null = null;
  if (options.scripts) {
    const renderer = options.renderer ?? new (await import('./render.js')).ScriptRenderer();
    try {
      const timeout = options.scriptTimeout ?? LIMITS.cli.scriptTimeout;
      try {
        rendered = await renderer.render(fetched.file ? { file: fetched.file } : { url: fetched.url }, timeout);
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(`cannot run the scripts of ${fetched.file ?? fetched.url} in the browser: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`);
      }
      if (rendered.timedOut) readerNotes.push({ reason: 'scripts-timeout', data: { seconds: timeout / 1000 } });
    } finally {
      if (!options.renderer) await renderer.close();
    }
  } else if (HAS_SCRIPT.test(fetched.text)) notes.add('scripts-not-run');
  let cut = false;
  const onCut = (): void => {
    if (!cut) readerNotes.push({ reason: 'truncated-elements', data: { limit: LIMITS.cli.maxElements } });
    cut = true;
  };
  const doc = parse(rendered ? rendered.html : fetched.text, fetched.url, onCut);
  const frameDocs = new Map<Element, Document | null>();
  await frameDocuments(doc, { base: fetched, options, notes, cut: onCut, frames: 0 }, 0, rendered, frameDocs);
  const extraction = extractDom(doc, { source: fetched.url, frameDocument: (f) => frameDocs.get(f) ?? null });
  const document = readerNotes.length > 0 ? { ...extraction.document, notes: [...(extraction.document.notes ?? []), ...readerNotes] } : extraction.document;
  return { source: fetched.url, document, notes: [...notes] };
}

/** Loads one file or URL. */
export async function loadOne(input: string, options: LoadOptions = {}): Promise<Loaded> {
  if (/^https?:\/\//i.test(input)) {
    const fetched = await fetchUrl(input, options.fetchTimeout ?? LIMITS.cli.fetchTimeout);
    const doc = fetched.bytes ? await loadDocument(fetched.bytes, fetched.url) : null;
    if (doc) return doc;
    return fetched.html ? loadHtml(fetched, options) : loadText(fetched);
  }
  if (PDF_EXT.test(input) || SHEET_EXT.test(input)) {
    const doc = await loadDocument(await readBytes(input), input);
    if (doc) return doc;
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
    .filter((e) => e.isFile() && (HTML_EXT.test(e.name) || TEXT_EXT.test(e.name) || PDF_EXT.test(e.name) || SHEET_EXT.test(e.name)))
    .map((e) => path.join(input, e.name))
    .sort();
  if (files.length === 0) throw new InputError(`no HTML pages, PDF files, workbooks or text reports in ${input}`);
  return files;
}
