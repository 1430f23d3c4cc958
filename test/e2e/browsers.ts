/// <reference types="chrome" />
/**
 * Launching real browsers with the built extension: Chromium through playwright-core, Firefox
 * (firefox-esr) through puppeteer-core over WebDriver BiDi. Pages are served on 127.0.0.1 and
 * reached under a *.gov.cn host name, so the content script runs on them as on a government site.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { PageStatus } from '../../src/messages/protocol.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_CHROME = path.join(ROOT, 'dist/chrome');
export const DIST_FIREFOX = path.join(ROOT, 'dist/firefox');
export const GOV_HOST = 'report.example.gov.cn';
export const GECKO_ID = 'crossfoot@crossfoot.dev';
export const FIREFOX_UUID = '3f3b2c0e-6c7d-4c2b-9a51-0c0ffee0cf01';

export interface ChromiumSession {
  readonly context: BrowserContext;
  readonly worker: Worker;
  readonly extensionId: string;
  close(): Promise<void>;
}

/** Chromium with the built extension; `headless` unless a display is wanted. */
export async function launchChromium(options: { headless?: boolean; viewport?: { width: number; height: number } } = {}): Promise<ChromiumSession> {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${DIST_CHROME}`,
      `--load-extension=${DIST_CHROME}`,
      `--host-resolver-rules=MAP *.gov.cn 127.0.0.1, EXCLUDE localhost`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-default-apps',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
      '--lang=zh-CN',
      ...(process.env.CROSSFOOT_CHROMIUM_ARGS ? process.env.CROSSFOOT_CHROMIUM_ARGS.split(' ') : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  // the extension opens its onboarding page once, on install: wait for it, so that it does not come
  // to the front later over the page a test has just brought there
  const onboarding = (p: Page): boolean => p.url().startsWith(`chrome-extension://${extensionId}/onboarding/`);
  if (!context.pages().some(onboarding)) await context.waitForEvent('page', { predicate: onboarding, timeout: 10_000 }).catch(() => undefined);
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/** The id of the active tab, as the extension sees it (bring the page to front first). */
export async function activeTabId(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

/** Asks the content script of a tab, from the extension's service worker. */
export async function askTab<T>(worker: Worker, tabId: number, message: unknown): Promise<T> {
  return worker.evaluate(async ([id, msg]) => chrome.tabs.sendMessage(id as number, msg), [tabId, message] as const) as Promise<T>;
}

/** The content script's status of a page, asked until it is one of `states` (the page is brought to front). */
export async function waitChecked(session: ChromiumSession, page: Page, options: { timeout?: number; states?: readonly string[] } = {}): Promise<{ tabId: number; status: PageStatus }> {
  await page.bringToFront();
  const tabId = await activeTabId(session.worker);
  const states = options.states ?? ['done'];
  const deadline = Date.now() + (options.timeout ?? 30_000);
  let last = 'no answer';
  for (;;) {
    const status = await askTab<PageStatus>(session.worker, tabId, { type: 'crossfoot:get-status' }).catch(() => null);
    if (status && states.includes(status.state)) return { tabId, status };
    last = status?.state ?? 'no answer';
    if (Date.now() > deadline) throw new Error(`${page.url()}: not checked within the time (${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Our overlay's host with everything inside its closed shadow root, as the browser's inspector
 * sees it (through the DevTools protocol: the page itself cannot read it); null when there is none.
 */
async function overlayTree(page: Page): Promise<CdpNode | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'crossfoot-overlay' })) as { nodeId: number };
    if (!nodeId) return null;
    return ((await cdp.send('DOM.describeNode', { nodeId, depth: -1, pierce: true })) as { node: CdpNode }).node;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

function hasAttribute(n: CdpNode, name: string, value?: string): boolean {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name && (value === undefined || a[i + 1] === value)) return true;
  return false;
}

/** The text under the nodes of the overlay that `within` picks (and their descendants). */
async function overlayText(page: Page, within: (n: CdpNode) => boolean): Promise<string> {
  const tree = await overlayTree(page);
  if (!tree) return '';
  const out: string[] = [];
  const walk = (n: CdpNode, inside: boolean): void => {
    const yes = inside || within(n);
    if (n.nodeType === 3 && yes) out.push(n.nodeValue ?? '');
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, yes);
  };
  walk(tree, false);
  return out.join('');
}

/** The text inside our tooltip's dialog (the live region beside it holds the page's summary, not a finding). */
export async function tooltipText(page: Page): Promise<string> {
  return overlayText(page, (n) => hasAttribute(n, 'id', 'crossfoot-tooltip'));
}

/** What our live region last announced. */
export async function liveAnnouncement(page: Page): Promise<string> {
  return overlayText(page, (n) => hasAttribute(n, 'aria-live'));
}

/** Where our tooltip's box stands in the viewport (CSS pixels), or null when it is not shown. */
export async function tooltipRect(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    let box: CdpNode | null = null;
    const walk = (n: CdpNode): void => {
      if (hasAttribute(n, 'id', 'crossfoot-tooltip')) box = n;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
    };
    walk(root);
    const found = box as CdpNode | null;
    if (!found?.backendNodeId) return null;
    const model = (await cdp.send('DOM.getBoxModel', { backendNodeId: found.backendNodeId }).catch(() => null)) as { model: { border: number[]; width: number; height: number } } | null;
    if (!model) return null;
    const [x, y] = model.model.border as [number, number];
    return { x, y, width: model.model.width, height: model.model.height };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Element names inside our tooltip (to prove page markup never became elements there). */
export async function tooltipElements(page: Page): Promise<string[]> {
  const tree = await overlayTree(page);
  if (!tree) return [];
  const out: string[] = [];
  const walk = (n: CdpNode, inside: boolean): void => {
    if (n.nodeType === 1 && inside) out.push(n.nodeName.toLowerCase());
    for (const c of n.shadowRoots ?? []) walk(c, true);
    for (const c of n.children ?? []) walk(c, inside);
  };
  walk(tree, false);
  return out;
}

interface CdpNode {
  readonly nodeType: number;
  readonly backendNodeId?: number;
  readonly attributes?: string[];
  readonly nodeName: string;
  readonly nodeValue?: string;
  readonly children?: CdpNode[];
  readonly shadowRoots?: CdpNode[];
}
