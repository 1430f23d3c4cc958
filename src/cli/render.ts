/**
 * `--scripts`: a page whose tables are built by its own scripts is run in headless Chromium, never
 * in Node. The browser is the sandbox a page's code was written for: a fresh profile, no extension,
 * no downloads, no dialogs, no service workers, and no network beyond the page's own origin (a
 * local page is served from its own folder by a loopback server that serves nothing else). Once the
 * page has settled, its DOM is serialised (in Playwright's utility world, which page code cannot
 * reach) and read like any other page, with no script running.
 */
import { createServer, type Server } from 'node:http';
import { realpath, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Frame } from 'playwright-core';
import { LIMITS } from '../model/limits.js';
import { InputError } from './errors.js';

/** A rendered document: its markup after the scripts ran, and its frames' (by position among the document's frames). */
export interface Rendered {
  readonly html: string;
  readonly url: string;
  readonly frames: ReadonlyMap<number, Rendered>;
  /** The page was still busy when the time ran out. */
  readonly timedOut: boolean;
}

/** Counts the page's short timers and its DOM changes, so that we know when it has settled. */
/**
 * Counts the page's short timers and its DOM changes, so that we know when it has settled. It runs
 * before the page's own scripts and answers with one number (pending × 1e7 + ms since the last
 * change, capped), made without any built-in the page could replace afterwards.
 */
const SETTLE_PROBE = `(() => {
  const ids = Object.create(null);
  let pending = 0;
  const set = window.setTimeout, clear = window.clearTimeout, now = performance.now.bind(performance);
  let last = now();
  window.setTimeout = function (fn, delay, ...rest) {
    if (typeof fn !== 'function') return set.call(this, fn, delay, ...rest);
    const id = set.call(this, function (...a) { if (ids[id]) { delete ids[id]; pending--; } return fn.apply(this, a); }, delay, ...rest);
    if ((delay || 0) <= 10000) { ids[id] = 1; pending++; }
    return id;
  };
  window.clearTimeout = function (id) { if (ids[id]) { delete ids[id]; pending--; } return clear.call(this, id); };
  const Observer = MutationObserver;
  const watch = () => new Observer(() => { last = now(); }).observe(document, { subtree: true, childList: true, characterData: true });
  if (document.documentElement) watch(); else document.addEventListener('readystatechange', watch, { once: true });
  Object.defineProperty(window, '__crossfootSettle', { value: () => { const q = now() - last; return pending * 1e7 + (q > 9e6 ? 9e6 : q); } });
})();`;

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.shtml': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

/** Serves one folder on 127.0.0.1, and nothing outside it (no "..", no symbolic link out of it). */
async function serveFolder(root: string): Promise<{ server: Server; origin: string }> {
  const realRoot = await realpath(root);
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const wanted = path.resolve(realRoot, `.${decodeURIComponent(url.pathname)}`);
        const real = await realpath(wanted);
        if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new Error('outside');
        const body = await readFile(real);
        res.writeHead(200, { 'content-type': MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** One headless Chromium for a run of the CLI, started on first use. */
export class ScriptRenderer {
  private browser: Promise<Browser> | null = null;

  private async launch(): Promise<Browser> {
    const { existsSync } = await import('node:fs');
    if (!existsSync(chromiumPath())) throw new InputError(`--scripts runs the page in Chromium, which is not installed (apt-get install chromium, or set CHROMIUM_PATH)`);
    const { chromium } = await import('playwright-core');
    return chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--disable-extensions',
        '--no-first-run',
        '--disable-features=Translate,OptimizationHints,MediaRouter,DnsOverHttps',
        '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
        '--webrtc-ip-handling-policy=disable_non_proxied_udp',
      ],
    });
  }

  /** Renders a local file (served from its own folder) or a URL, with the network limited to its origin. */
  async render(input: { readonly file: string } | { readonly url: string }, timeout: number = LIMITS.cli.scriptTimeout): Promise<Rendered> {
    this.browser ??= this.launch();
    const browser = await this.browser;
    let local: { server: Server; origin: string } | null = null;
    let target: URL;
    if ('file' in input) {
      local = await serveFolder(path.dirname(path.resolve(input.file)));
      target = new URL(encodeURI(path.basename(input.file)), `${local.origin}/`);
    } else target = new URL(input.url);
    const origin = target.origin;
    // every other origin is refused: by the router, and by a proxy that answers nothing for what the router cannot see
    const context: BrowserContext = await browser.newContext({
      serviceWorkers: 'block',
      acceptDownloads: false,
      javaScriptEnabled: true,
      proxy: { server: 'http://127.0.0.1:9', bypass: target.hostname === '127.0.0.1' ? '127.0.0.1' : target.hostname },
    });
    try {
      await context.route('**/*', (route) => {
        const url = route.request().url();
        let ok = false;
        try {
          ok = new URL(url).origin === origin || url.startsWith('data:') || url.startsWith('blob:');
        } catch {
          ok = false;
        }
        return ok ? route.continue() : route.abort('blockedbyclient');
      });
      await context.routeWebSocket(/.*/, (ws) => ws.close());
      await context.addInitScript({ content: SETTLE_PROBE });
      const page = await context.newPage();
      page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
      context.on('page', (p) => (p === page ? undefined : void p.close().catch(() => undefined)));
      const deadline = Date.now() + timeout;
      try {
        await page.goto(target.href, { waitUntil: 'load', timeout });
      } catch (e) {
        if (!(e instanceof Error && /Timeout/i.test(e.name + e.message)))
          throw new InputError(`cannot run the scripts of ${'file' in input ? input.file : input.url}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
      let timedOut = true;
      while (Date.now() < deadline) {
        // a page may break what the answer is made of: anything but a number means "not yet"
        const probe: unknown = await page.evaluate('globalThis.__crossfootSettle ? globalThis.__crossfootSettle() : 9e6').catch(() => null);
        if (typeof probe === 'number' && probe < 1e7 && probe >= 300) {
          timedOut = false;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const rendered = await this.snapshot(page.mainFrame(), origin, 0);
      return { ...rendered, url: 'file' in input ? rendered.url.replace(origin, '') : rendered.url, timedOut };
    } finally {
      await context.close().catch(() => undefined);
      if (local) await new Promise<void>((resolve) => local?.server.close(() => resolve()));
    }
  }

  /** A frame's markup and its same-origin child frames', as the page shows them now. */
  private async snapshot(frame: Frame, origin: string, depth: number): Promise<Rendered> {
    const html = await frame.content();
    const frames = new Map<number, Rendered>();
    if (depth < LIMITS.dom.maxFrameDepth) {
      for (const child of frame.childFrames().slice(0, LIMITS.dom.maxFrames)) {
        let sameOrigin = false;
        try {
          const u = child.url();
          sameOrigin = u === 'about:srcdoc' || new URL(u).origin === origin;
        } catch {
          sameOrigin = false;
        }
        if (!sameOrigin) continue;
        const element = await child.frameElement().catch(() => null);
        if (!element) continue;
        const position = await element.evaluate((el) => Array.from((el.ownerDocument as Document).querySelectorAll('iframe, frame')).indexOf(el as Element)).catch(() => -1);
        if (position < 0) continue;
        frames.set(position, await this.snapshot(child, origin, depth + 1));
      }
    }
    return { html, url: frame.url(), frames, timedOut: false };
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }
}
