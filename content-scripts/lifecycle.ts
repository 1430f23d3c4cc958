/**
 * The content script's life: one run per document (a marker prevents a second), a quick bail-out
 * when no table could be a budget table, then extract → engine → paint, again whenever the page
 * adds or changes tables (a debounced MutationObserver) or a same-origin frame loads.
 * Everything hangs on one AbortSignal.
 */
import { pageApi } from '../src/platform/page-api.js';
import { DEFAULT_SETTINGS, loadSettings, onSettingsChanged, type Settings } from '../src/platform/settings.js';
import { isContentRequest, type ContentRequest, type PageStatus } from '../src/messages/protocol.js';
import { sendToBackground } from '../src/messages/notify.js';
import { checkPage, Slicer, yieldToPage, type PageCheck } from './check.js';
import { Overlay } from './overlay.js';
import { scanForCandidates } from './scan.js';

const MARKER = 'data-crossfoot-running';
const DEBOUNCE_MS = 500;

export class PageSession {
  status: PageStatus = { state: 'idle' };
  private last: PageCheck | null = null;
  private settings: Settings = DEFAULT_SETTINGS;
  private readonly overlay: Overlay;
  private timer: number | undefined;
  private running: Promise<PageStatus> | null = null;
  private again = false;

  constructor(private readonly signal: AbortSignal) {
    this.overlay = new Overlay(signal, () => this.settings.lang);
  }

  async start(): Promise<void> {
    this.settings = await loadSettings();
    this.overlay.setEnabled(this.settings.overlay);
    const unsubscribe = onSettingsChanged((next, changed) => this.onSettings(next, changed));
    this.signal.addEventListener('abort', unsubscribe, { once: true });
    this.observe(document);
    await this.check();
  }

  private onSettings(next: Settings, changed: ReadonlySet<keyof Settings>): void {
    const before = this.settings;
    this.settings = next;
    if (changed.has('overlay')) {
      this.overlay.setEnabled(next.overlay);
      this.updateStatusOverlay();
    }
    // new thresholds change the findings: check again; showing questions or not only repaints
    if (changed.has('thresholds') && JSON.stringify(before.thresholds) !== JSON.stringify(next.thresholds)) void this.check();
    else if (changed.has('questions') && this.last && this.status.state === 'done') {
      this.overlay.paint(this.last.report, this.last.extraction, { questions: next.questions });
      this.overlay.setEnabled(next.overlay);
    }
  }

  private updateStatusOverlay(): void {
    if (this.status.state === 'done') this.status = { ...this.status, overlay: this.overlay.isEnabled };
  }

  /** Runs a check now (or right after the one in progress). */
  check(): Promise<PageStatus> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.signal.aborted) {
        this.again = false;
        void this.check();
      }
    });
    return this.running;
  }

  private async run(): Promise<PageStatus> {
    const t0 = performance.now();
    const scan = scanForCandidates(document);
    const scanned = performance.now() - t0;
    if (scan.candidates === 0) {
      this.overlay.clear();
      this.last = null;
      this.status = { state: 'no-tables', tablesSeen: scan.tables, timings: { scan: scanned, extract: 0, check: 0, paint: 0, total: scanned, longestSlice: scanned, longestIn: 'scan', slices: 1 } };
      await this.tellBackground();
      return this.status;
    }
    this.status = { state: 'checking' };
    await yieldToPage();
    const slicer = new Slicer(this.signal);
    try {
      const result = await checkPage(document, location.href, slicer, this.settings.thresholds);
      if (!result || this.signal.aborted) return this.status;
      this.last = result;
      const before = slicer.work;
      if (result.report.tables.length === 0) {
        this.overlay.clear();
        this.status = { state: 'no-tables', tablesSeen: scan.tables };
      } else {
        await slicer.run(this.overlay.paintSteps(result.report, result.extraction, { questions: this.settings.questions }), 'paint');
        if (this.signal.aborted) return this.status;
        this.overlay.setEnabled(this.settings.overlay);
        for (const frame of result.extraction.document.tables.length ? this.frameDocs() : []) this.observe(frame);
        const timings = { scan: scanned, ...result.work, paint: slicer.work - before, total: performance.now() - t0, longestSlice: Math.max(scanned, slicer.longest), longestIn: scanned > slicer.longest ? 'scan' : slicer.longestIn, slices: slicer.slices };
        this.status = { state: 'done', report: result.report, url: location.href, overlay: this.overlay.isEnabled, timings };
      }
    } catch (e) {
      this.status = { state: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
    await this.tellBackground();
    return this.status;
  }

  private frameDocs(): Document[] {
    const out: Document[] = [];
    for (const f of Array.from(document.querySelectorAll('iframe, frame'))) {
      try {
        const d = (f as HTMLIFrameElement).contentDocument;
        if (d?.body) out.push(d);
      } catch {
        /* cross-origin */
      }
    }
    return out;
  }

  private async tellBackground(): Promise<void> {
    const s = this.status;
    // the state on <html> lets tests (and curious users) see where the check stands
    document.documentElement?.setAttribute('data-crossfoot-state', s.state);
    const f = s.state === 'done' ? s.report.summary.findings : { error: 0, review: 0, rounding: 0 };
    try {
      await sendToBackground({ type: 'crossfoot:report-summary', errors: f.error, reviews: f.review, roundings: f.rounding, checked: s.state === 'done' });
    } catch {
      /* the background may be restarting; the popup asks the page directly anyway */
    }
  }

  private readonly observed = new WeakSet<Document>();

  /** Re-checks when tables appear or change (script-built reports), and when frames load. */
  private observe(doc: Document): void {
    if (this.observed.has(doc)) return;
    this.observed.add(doc);
    const schedule = (): void => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.check(), DEBOUNCE_MS);
    };
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        const target = r.target as Element;
        if (target.closest?.('[data-crossfoot-ui]')) continue;
        if (r.type === 'characterData') {
          if ((r.target.parentElement?.closest('table') ?? null) !== null) return schedule();
          continue;
        }
        for (const n of [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)]) {
          if (n.nodeType !== 1) continue;
          const el = n as Element;
          if (el.hasAttribute('data-crossfoot-ui')) continue;
          if (el.localName === 'table' || el.localName === 'iframe' || el.getElementsByTagName('table').length > 0 || el.closest('table')) return schedule();
        }
      }
    });
    mo.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.signal.addEventListener('abort', () => mo.disconnect(), { once: true });
    doc.addEventListener('load', (e) => ((e.target as Element | null)?.localName === 'iframe' ? schedule() : undefined), { capture: true, signal: this.signal });
  }

  /** Answers the popup. */
  async handle(request: ContentRequest): Promise<unknown> {
    switch (request.type) {
      case 'crossfoot:get-status':
        if (this.running) await this.running;
        return this.status;
      case 'crossfoot:get-report':
        if (this.running) await this.running;
        return this.status.state === 'done' ? { ...this.status.report, url: this.status.url } : null;
      case 'crossfoot:check-now':
        return this.check();
      case 'crossfoot:set-overlay':
        this.settings = { ...this.settings, overlay: request.on };
        this.overlay.setEnabled(request.on);
        this.updateStatusOverlay();
        return { overlay: this.overlay.isEnabled };
      case 'crossfoot:reveal':
        return { found: this.overlay.reveal(request.finding) };
    }
  }

  destroy(): void {
    window.clearTimeout(this.timer);
    this.overlay.destroy();
  }
}

/** Starts Crossfoot in this document once; a second injection only re-checks. */
export function init(signal: AbortSignal): PageSession | null {
  const root = document.documentElement;
  if (!root) return null;
  if (root.hasAttribute(MARKER)) return null;
  root.setAttribute(MARKER, '');
  const session = new PageSession(signal);
  const listener = (message: unknown): Promise<unknown> | undefined => {
    if (!isContentRequest(message)) return undefined;
    return session.handle(message);
  };
  pageApi.onMessage.addListener(listener);
  signal.addEventListener(
    'abort',
    () => {
      pageApi.onMessage.removeListener(listener);
      session.destroy();
      root.removeAttribute(MARKER);
    },
    { once: true },
  );
  void session.start();
  return session;
}
