/**
 * extract → engine: the page's tables and text into the same JSON report the CLI prints, in time
 * slices. Every stage is a generator of small steps (src/model/steps.ts); the slicer runs steps for
 * a few milliseconds, then gives the page a turn, so that no task of ours blocks the page for long.
 */
import { extractDomSteps, type DomExtraction } from '../src/extract/dom.js';
import { type Report } from '../src/contract/report.js';
import { buildReportSteps } from '../src/pipeline/report.js';
import { runEngineSteps } from '../src/pipeline/run.js';
import type { Thresholds } from '../src/engine/settings.js';
import type { Steps } from '../src/model/steps.js';
export type { Timings } from '../src/messages/protocol.js';

/**
 * Gives the page's own work a turn between slices: a new task, queued behind the page's timers
 * that are due and its next frame. (`scheduler.yield()` continuations outrank the page's own
 * tasks, so a page's 20 ms timer could go 2 s without running.) A hidden tab throttles timers to
 * one a second; there a message task does, since no frame is waiting to be drawn.
 */
export function yieldToPage(): Promise<void> {
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden' && typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs generators of steps in slices of about `budget` ms, and keeps count of the work. */
export class Slicer {
  longest = 0;
  /** The phase the longest slice was in. */
  longestIn = '';
  slices = 0;
  work = 0;

  constructor(
    private readonly signal: AbortSignal,
    private readonly budget = 8,
  ) {}

  /** The result, or null when the signal aborted the work. */
  async run<T>(steps: Steps<T>, phase: string): Promise<T | null> {
    let start = performance.now();
    // a label names the work that follows it (a rule's id is yielded before the rule runs)
    let label = phase;
    for (;;) {
      const running = label;
      const r = steps.next();
      if (!r.done && typeof r.value === 'string') label = `${phase}: ${r.value}`;
      const now = performance.now();
      if (r.done) {
        this.note(now - start, running);
        return r.value;
      }
      if (now - start >= this.budget) {
        this.note(now - start, running);
        await yieldToPage();
        if (this.signal.aborted) return null;
        start = performance.now();
      }
    }
  }

  private note(ms: number, phase: string): void {
    this.slices++;
    this.work += ms;
    if (ms > this.longest) {
      this.longest = ms;
      this.longestIn = phase;
    }
  }
}

export interface PageCheck {
  readonly report: Report;
  readonly extraction: DomExtraction;
  /** Our own work in each phase (ms). */
  readonly work: { readonly extract: number; readonly check: number };
}

export async function checkPage(doc: Document, source: string, slicer: Slicer, thresholds?: Thresholds, isOwnUi?: (el: Element) => boolean): Promise<PageCheck | null> {
  const w0 = slicer.work;
  const extraction = await slicer.run(extractDomSteps(doc, { source, ...(isOwnUi ? { isOwnUi } : {}) }), 'extract');
  if (!extraction) return null;
  const w1 = slicer.work;
  const result = await slicer.run(runEngineSteps(extraction.document, { thresholds }), 'check');
  if (!result) return null;
  const report = await slicer.run(buildReportSteps(result, source), 'check');
  if (!report) return null;
  return { report, extraction, work: { extract: w1 - w0, check: slicer.work - w1 } };
}
