/**
 * The content script's life: one run per document (a second injection finds the first in this
 * isolated world, where the page cannot set or read it), a quick bail-out when no table could be a
 * budget table, then extract → engine → paint, again when what the report was read from changes
 * (watch.ts: its tables and narrative, not the rest of the page) or a same-origin frame loads.
 * Everything hangs on one AbortSignal.
 */
import { pageApi } from '../src/platform/page-api.js';
import { DEFAULT_SETTINGS, loadSettings, onSettingsChanged, siteOverlay, siteRuns, type Settings } from '../src/platform/settings.js';
import { dispatch, isContentRequest, type ContentProtocol, type ContentRequest, type Handlers, type PageStatus } from '../src/messages/protocol.js';
import { hasBudgetContent, type ReportFinding } from '../src/contract/report.js';
import { sendToBackground } from '../src/messages/notify.js';
import { checkPage, Slicer, yieldToPage, type PageCheck } from './check.js';
import { Overlay } from './overlay.js';
import { isOwnElement } from './own-ui.js';
import { hasBudgetText, scanForCandidates } from './scan.js';
import { ChangeWatcher } from './watch.js';
import { applyReviews, decide, type ReviewRecord, type ReviewStatus } from '../src/review/model.js';
import { loadReviews, onReviewsChanged, saveReview, storageKey } from '../src/platform/reviews.js';
import { citation } from '../src/export/citation.js';
import { copyText } from './clipboard.js';

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
  /** The user's decisions about this report's findings, and the storage key they are under. */
  private reviews: ReviewRecord | null = null;
  private reviewKey: string | null = null;
  private checkedAt = new Date();

  constructor(private readonly signal: AbortSignal) {
    this.overlay = new Overlay(signal, () => this.settings.lang, {
      review: (f) => this.reviews?.entries[f.fingerprint] ?? null,
      setReview: (f, status, note) => this.setReview(f, status, note),
      copy: (f) => this.copyCitation(f),
    });
    // what changes on a page of a site turned off is not looked at (the popup can still ask)
    this.watcher = new ChangeWatcher(signal, () => (this.runs() ? void this.check() : undefined));
    const unsubscribe = onReviewsChanged(
      () => this.reviewKey,
      (record) => this.onReviews(record),
    );
    signal.addEventListener('abort', unsubscribe, { once: true });
    // the element a context menu was opened on (its 核对此表 asks for the table there)
    document.addEventListener('contextmenu', (e) => (this.menuTarget = e.target instanceof Element ? e.target : null), { capture: true, passive: true, signal });
  }

  private menuTarget: Element | null = null;

  /** Findings the user dismissed are neither marked nor counted. */
  private readonly dismissed = (f: ReportFinding): boolean => this.reviews?.entries[f.fingerprint]?.status === 'dismissed';

  private async setReview(f: ReportFinding, status: ReviewStatus | null, note: string): Promise<void> {
    if (this.status.state !== 'done') return;
    this.onReviews(await saveReview(this.status.report, this.status.url, f, decide(status, note)));
  }

  private async copyCitation(f: ReportFinding): Promise<boolean> {
    if (this.status.state !== 'done') return false;
    return copyText(citation(this.status.report, f, { url: this.status.url, locale: this.settings.lang, checked: this.checkedAt }));
  }

  /** Decisions changed (here, in the popup or in another tab): marks, tooltip and badge follow. */
  private onReviews(record: ReviewRecord | null): void {
    // a save here is heard twice: from saveReview, then from the storage event
    if (record && this.reviews && record.updated === this.reviews.updated) return;
    const before = this.dismissedKey();
    this.reviews = record && Object.keys(record.entries).length > 0 ? record : null;
    if (this.status.state !== 'done' || !this.last) return;
    if (this.dismissedKey() !== before) this.repaint();
    else this.overlay.refreshTooltip();
    void this.tellBackground();
  }

  private dismissedKey(): string {
    if (!this.reviews) return '';
    return Object.entries(this.reviews.entries)
      .filter(([, e]) => e.status === 'dismissed')
      .map(([fp]) => fp)
      .sort()
      .join(' ');
  }

  private repaint(): void {
    if (!this.last || this.status.state !== 'done') return;
    this.overlay.paint(this.last.report, this.last.extraction, { questions: this.settings.questions, skip: this.dismissed });
    this.overlay.setEnabled(this.marks());
  }

  /** The site this page is on: its choices (run, mark) are the user's, per site. */
  private readonly host = location.hostname;
  /** The user asked for this page to be checked (the popup, the context menu): the site's "off" does not hold it back. */
  private asked = false;

  private marks(): boolean {
    return siteOverlay(this.settings, this.host);
  }

  /** Whether this page is checked: by itself where the site is on, or because the user asked. */
  private runs(): boolean {
    return this.asked || siteRuns(this.settings, this.host);
  }

  async start(): Promise<void> {
    this.settings = await loadSettings();
    this.overlay.setEnabled(this.marks());
    const unsubscribe = onSettingsChanged((next, changed) => this.onSettings(next, changed));
    this.signal.addEventListener('abort', unsubscribe, { once: true });
    this.watcher.observe(document);
    await this.check();
  }

  /** The user turned Crossfoot off on this site: no mark, no badge, no check until asked. */
  private async offHere(): Promise<PageStatus> {
    this.overlay.clear();
    this.last = null;
    this.status = { state: 'site-off' };
    await this.tellBackground();
    return this.status;
  }

  private onSettings(next: Settings, changed: ReadonlySet<keyof Settings>): void {
    const before = this.settings;
    this.settings = next;
    if (changed.has('sites') && siteRuns(before, this.host) !== siteRuns(next, this.host)) {
      if (!this.runs()) void this.offHere();
      else if (this.status.state === 'site-off') void this.check();
    }
    if (changed.has('overlay') || changed.has('sites')) {
      this.overlay.setEnabled(this.marks());
      this.updateStatusOverlay();
    }
    // new thresholds change the findings: check again; showing questions or not only repaints
    if (changed.has('thresholds') && JSON.stringify(before.thresholds) !== JSON.stringify(next.thresholds)) void this.check();
    else if (changed.has('questions') && this.last && this.status.state === 'done') this.repaint();
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
    if (!this.runs()) return this.offHere();
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
      this.checkedAt = new Date();
      this.reviewKey = storageKey(location.href, result.report.title);
      const record = await loadReviews(location.href, result.report.title);
      this.reviews = record && Object.keys(record.entries).length > 0 ? record : null;
      this.watchReadPlaces(result);
      const before = slicer.work;
      if (!hasBudgetContent(result.report)) {
        this.overlay.clear();
        const spent = performance.now() - t0;
        this.status = {
          state: 'no-tables',
          tablesSeen: scan.tables,
          timings: {
            at: t0,
            scan: scanned,
            ...result.work,
            paint: 0,
            total: spent,
            longestSlice: Math.max(scanned, slicer.longest),
            longestIn: scanned > slicer.longest ? 'scan' : slicer.longestIn,
            slices: slicer.slices,
          },
        };
      } else {
        await slicer.run(this.overlay.paintSteps(result.report, result.extraction, { questions: this.settings.questions, skip: this.dismissed }), 'paint');
        if (this.signal.aborted) return this.status;
        this.overlay.setEnabled(this.marks());
        for (const frame of this.frameDocs()) this.watcher.observe(frame);
        const timings = {
          at: t0,
          scan: scanned,
          ...result.work,
          paint: slicer.work - before,
          total: performance.now() - t0,
          longestSlice: Math.max(scanned, slicer.longest),
          longestIn: scanned > slicer.longest ? 'scan' : slicer.longestIn,
          slices: slicer.slices,
        };
        const unplaced = result.report.findings.filter((f) => !this.dismissed(f) && !this.overlay.locatable(f.id)).map((f) => f.id);
        this.status = { state: 'done', report: result.report, url: location.href, overlay: this.overlay.isEnabled, timings, checks: this.checks, unplaced };
        this.overlay.announce(applyReviews(result.report, this.reviews?.entries).counts, result.report.summary.passed);
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
    // what the user dismissed as not an error leaves the badge as it leaves the popup's counts
    const f = s.state === 'done' ? applyReviews(s.report, this.reviews?.entries).counts : { error: 0, review: 0, rounding: 0 };
    try {
      await sendToBackground({
        type: 'crossfoot:report-summary',
        errors: f.error,
        reviews: f.review,
        roundings: f.rounding,
        checked: s.state === 'done',
        passed: s.state === 'done' ? s.report.summary.passed : 0,
      });
    } catch {
      /* the background may be restarting; the popup asks the page directly anyway */
    }
  }

  /** What the popup and the background ask, each answered with its own response (protocol.ts). */
  readonly handlers: Handlers<ContentProtocol> = {
    'crossfoot:get-status': async () => {
      if (this.running) await this.running;
      return this.status;
    },
    'crossfoot:get-report': async () => {
      if (this.running) await this.running;
      return this.status.state === 'done' ? { ...this.status.report, url: this.status.url } : null;
    },
    'crossfoot:check-now': () => {
      this.asked = true;
      return this.check();
    },
    'crossfoot:set-overlay': (request) => {
      this.overlay.setEnabled(request.on);
      this.updateStatusOverlay();
      return { overlay: this.overlay.isEnabled };
    },
    'crossfoot:reveal': (request) => ({ found: this.overlay.reveal(request.finding) }),
    'crossfoot:step': (request) => ({ found: this.overlay.step(request.direction) }),
    'crossfoot:check-table': async () => {
      this.asked = true;
      if (this.status.state !== 'done') await this.check();
      else if (this.running) await this.running;
      const table = this.menuTarget?.closest('table');
      if (!table || this.status.state !== 'done' || !this.last) return { table: null, findings: 0 };
      // a table holding tables: the one under the pointer is the innermost
      return this.overlay.showTable(table, this.last.report, this.last.extraction, (f) => !this.dismissed(f));
    },
  };

  /** Answers a request of the popup or the background. */
  handle(request: ContentRequest): Promise<unknown> {
    return dispatch<ContentProtocol>(this.handlers, request);
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
    // injected again: the user asked for this page (the popup's 核对此页, the context menu)
    void g[SESSION].handle({ type: 'crossfoot:check-now' });
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
