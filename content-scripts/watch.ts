/**
 * When to check a page again. A report's figures live in a few places: its budget tables and the
 * paragraphs of its narrative. A change there (a table inserted by script, a cell rewritten through
 * textContent, a paragraph loaded later) calls for a new check; a change anywhere else (the header
 * clock a CMS rewrites every second, a visitor counter, an advertisement) does not, even inside the
 * layout table that holds the whole page. Re-checks are debounced, at least `minInterval` apart and
 * at most `perMinute` a minute, so no page can keep us busy.
 */
import { isOwn } from './own-ui.js';
import { BLOCK_TAGS } from '../src/extract/dom.js';
import { hasBudgetText, isCandidateTable } from './scan.js';

export interface WatchPolicy {
  /** Quiet time after the last relevant change before checking (ms). */
  readonly debounce: number;
  /** Least time between the starts of two checks (ms). */
  readonly minInterval: number;
  /** Checks started by changes in any one minute. */
  readonly perMinute: number;
}

export const WATCH_POLICY: WatchPolicy = { debounce: 500, minInterval: 1_000, perMinute: 10 };

/** The nearest enclosing element of a node (itself when it is one). */
function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

export class ChangeWatcher {
  private tables = new WeakSet<Element>();
  private blocks = new WeakSet<Element>();
  private readonly observed = new WeakSet<Document>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastStart = -Infinity;
  private readonly starts: number[] = [];
  /** Re-checks the watcher asked for (tests and the curious read it). */
  requested = 0;

  constructor(
    private readonly signal: AbortSignal,
    private readonly recheck: () => void,
    private readonly policy: WatchPolicy = WATCH_POLICY,
  ) {
    signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  /** The places the last check read its figures from: its budget tables and narrative blocks. */
  watch(tables: Iterable<Element>, blocks: Iterable<Element>): void {
    this.tables = new WeakSet(tables);
    this.blocks = new WeakSet(blocks);
  }

  /** Watches a document (the page, or a same-origin frame's) for changes to what was read. */
  observe(doc: Document): void {
    if (this.observed.has(doc) || !doc.documentElement) return;
    this.observed.add(doc);
    const mo = new MutationObserver((records) => {
      if (records.some((r) => this.relevant(r))) this.schedule();
    });
    mo.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.signal.addEventListener('abort', () => mo.disconnect(), { once: true });
    doc.addEventListener('load', (e) => ((e.target as Element | null)?.localName === 'iframe' ? this.schedule() : undefined), { capture: true, signal: this.signal });
  }

  /** A check is starting (whoever asked for it): the rate bounds count it. */
  started(now = performance.now()): void {
    this.lastStart = now;
    this.starts.push(now);
    this.forget(now);
  }

  private forget(now: number): void {
    while (this.starts.length > 0 && (this.starts[0] as number) <= now - 60_000) this.starts.shift();
  }

  private inWatchedTable(node: Node): boolean {
    for (let el = elementOf(node); el; el = el.parentElement) if (el.localName === 'table') return this.tables.has(el);
    return false;
  }

  /** Inside a watched narrative block, and that block is the nearest one around the node. */
  private inWatchedBlock(node: Node): boolean {
    for (let el = elementOf(node); el; el = el.parentElement) if (BLOCK_TAGS.has(el.localName)) return this.blocks.has(el);
    return false;
  }

  private holdsWatched(node: Node): boolean {
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    if (this.tables.has(el) || this.blocks.has(el)) return true;
    for (const t of Array.from(el.getElementsByTagName('table'))) if (this.tables.has(t)) return true;
    return false;
  }

  /** Whether a node brought in holds a report's content: a budget table, or budget text. */
  private bringsContent(node: Node): boolean {
    if (node.nodeType === 3) return hasBudgetText((node as Text).data);
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    if (el.localName === 'iframe' || el.localName === 'frame') return true;
    if (el.localName === 'table' ? isCandidateTable(el) : Array.from(el.getElementsByTagName('table')).some(isCandidateTable)) return true;
    return hasBudgetText(el.textContent?.slice(0, 20_000) ?? '');
  }

  private relevant(r: MutationRecord): boolean {
    if (isOwn(r.target)) return false;
    if (this.inWatchedTable(r.target)) return true;
    if (r.type === 'characterData') return this.inWatchedBlock(r.target);
    for (const n of Array.from(r.removedNodes)) if (this.holdsWatched(n)) return true;
    for (const n of Array.from(r.addedNodes)) {
      if (isOwn(n)) continue;
      if (this.inWatchedBlock(r.target) && n.nodeType === 3) return true;
      if (this.bringsContent(n)) return true;
    }
    return false;
  }

  private schedule(): void {
    if (this.signal.aborted) return;
    clearTimeout(this.timer);
    const now = performance.now();
    this.forget(now);
    let at = now + this.policy.debounce;
    at = Math.max(at, this.lastStart + this.policy.minInterval);
    if (this.starts.length >= this.policy.perMinute) at = Math.max(at, (this.starts[0] as number) + 60_000);
    this.timer = setTimeout(() => {
      this.requested++;
      this.recheck();
    }, at - now);
  }
}
