/**
 * The content script's life: one run per document (a second injection finds the first in this
 * isolated world, where the page cannot set or read it), a quick bail-out when no table could be a
 * budget table, then extract → engine → paint, again when what the report was read from changes
 * (watch.ts: its tables and narrative, not the rest of the page) or a same-origin frame loads.
 * Everything hangs on one AbortSignal.
 */
import { pageApi } from '../src/platform/page-api.js';
import { DEFAULT_SETTINGS, loadSettings, onSettingsChanged, type Settings } from '../src/platform/settings.js';
import { isContentRequest, type ContentRequest, type PageStatus } from '../src/messages/protocol.js';
import { hasBudgetContent } from '../src/engine/report.js';
import { sendToBackground } from '../src/messages/notify.js';
import { checkPage, Slicer, yieldToPage, type PageCheck } from './check.js';
import { Overlay } from './overlay.js';
import { isOwnElement } from './own-ui.js';
import { hasBudgetText, scanForCandidates } from './scan.js';
import { ChangeWatcher } from './watch.js';

/** The session of this document, kept in the content script's own world (never on the page's DOM). */
const SESSION = Symbol.for('crossfoot.session');
type Global = typeof globalThis & { [SESSION]?: PageSession };

export class PageSession {
  status: PageStatus = { state: 'idle' };
  private last: PageCheck | null = null;
  private settings: Settings = DEFAULT_SETTINGS;
  private readonly overlay: Overlay;
  readonly watcher: ChangeWatcher;
  private running: Promise<PageStatus> | null = null;
  private again = false;

  constructor(private readonly signal: AbortSignal) {
    this.overlay = new Overlay(signal, () => this.settings.lang);
    this.watcher = new ChangeWatcher(signal, () => void this.check());
  }

  async start(): Promise<void> {
    this.settings = await loadSettings();
    this.overlay.setEnabled(this.settings.overlay);
    const unsubscribe = onSettingsChanged((next, changed) => this.onSettings(next, changed));
    this.signal.addEventListener('abort', unsubscribe, { once: true });
    this.watcher.observe(document);
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

  /** Checks started in this document (each re-check counts). */
  private checks = 0;

  private async run(): Promise<PageStatus> {
    this.checks++;
    this.watcher.started();
    const t0 = performance.now();
    const scan = scanForCandidates(document);
    const scanned = performance.now() - t0;
    if (scan.candidates === 0 && !scan.narrative) {
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
      const result = await checkPage(document, location.href, slicer, this.settings.thresholds, isOwnElement);
      if (!result || this.signal.aborted) return this.status;
      this.last = result;
      this.watchReadPlaces(result);
      const before = slicer.work;
      if (!hasBudgetContent(result.report)) {
        this.overlay.clear();
        this.status = { state: 'no-tables', tablesSeen: scan.tables };
      } else {
        await slicer.run(this.overlay.paintSteps(result.report, result.extraction, { questions: this.settings.questions }), 'paint');
        if (this.signal.aborted) return this.status;
        this.overlay.setEnabled(this.settings.overlay);
        for (const frame of this.frameDocs()) this.watcher.observe(frame);
        const timings = { at: t0, scan: scanned, ...result.work, paint: slicer.work - before, total: performance.now() - t0, longestSlice: Math.max(scanned, slicer.longest), longestIn: scanned > slicer.longest ? 'scan' : slicer.longestIn, slices: slicer.slices };
        this.status = { state: 'done', report: result.report, url: location.href, overlay: this.overlay.isEnabled, timings, checks: this.checks };
      }
    } catch (e) {
      this.status = { state: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
    await this.tellBackground();
    return this.status;
  }

  /** Tells the watcher where the report's figures were read: its budget tables and its narrative's blocks. */
  private watchReadPlaces(result: PageCheck): void {
    const ex = result.extraction;
    const tables = result.report.tables.map((t) => ex.tableElements[t.index]).filter((e): e is Element => !!e);
    const blocks = ex.blockSources.filter((b, i) => hasBudgetText(ex.document.blocks[i]?.text ?? '')).map((b) => b.element);
    this.watcher.watch(tables, blocks);
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
    const f = s.state === 'done' ? s.report.summary.findings : { error: 0, review: 0, rounding: 0 };
    try {
      await sendToBackground({ type: 'crossfoot:report-summary', errors: f.error, reviews: f.review, roundings: f.rounding, checked: s.state === 'done', passed: s.state === 'done' ? s.report.summary.passed : 0 });
    } catch {
      /* the background may be restarting; the popup asks the page directly anyway */
    }
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
    this.overlay.destroy();
  }
}

/** Starts Crossfoot in this document once; a second injection only re-checks. */
export function init(signal: AbortSignal): PageSession | null {
  const g = globalThis as Global;
  if (!document.documentElement) return null;
  if (g[SESSION]) {
    void g[SESSION].check();
    return null;
  }
  const session = new PageSession(signal);
  g[SESSION] = session;
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
      if (g[SESSION] === session) delete g[SESSION];
    },
    { once: true },
  );
  void session.start();
  return session;
}
