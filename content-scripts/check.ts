/**
 * extract → engine: the page's tables and text into the same JSON report the CLI prints.
 */
import { extractDom, type DomExtraction } from '../src/extract/dom.js';
import { buildReport, type Report } from '../src/engine/report.js';
import { runEngine } from '../src/engine/run.js';
import type { Thresholds } from '../src/engine/settings.js';

export interface PageCheck {
  readonly report: Report;
  readonly extraction: DomExtraction;
  readonly timings: { readonly extract: number; readonly check: number };
}

/** Gives the page's own work a turn between phases, so that no single task runs long. */
export function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function checkPage(doc: Document, source: string, signal: AbortSignal, thresholds?: Thresholds): Promise<PageCheck | null> {
  const t0 = performance.now();
  const extraction = extractDom(doc, { source });
  const t1 = performance.now();
  await yieldToPage();
  if (signal.aborted) return null;
  const t2 = performance.now();
  const result = runEngine(extraction.document, { thresholds });
  const report = buildReport(result, source);
  const t3 = performance.now();
  return { report, extraction, timings: { extract: t1 - t0, check: t3 - t2 } };
}
