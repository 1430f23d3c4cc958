/**
 * The popup's view of the active tab: ask its content script for the page status, or run the
 * content script there on request (activeTab + scripting: no broad host permission).
 */
import browser from '../src/platform/browser.js';
import type { PageStatus } from '../src/messages/protocol.js';
import { sendToTab } from '../src/messages/send.js';
import { isViewerUrl } from '../src/platform/viewer.js';
import { injectContentScript } from '../src/platform/inject.js';
import { hostOf } from '../src/platform/settings.js';

export interface ActiveTab {
  readonly id: number;
  readonly url: string | undefined;
  /** The tab is still loading its page (its content script may not have started). */
  readonly loading?: boolean;
}

/** Pages the content script runs on by itself (the manifest's matches: *.gov.cn). */
export function runsByItself(url: string | undefined): boolean {
  const host = hostOf(url);
  return host === 'gov.cn' || host.endsWith('.gov.cn');
}

/** The tab the popup acts on: the active tab, or ?tabId= (used by the end-to-end tests). */
export async function activeTab(): Promise<ActiveTab | null> {
  const forced = new URLSearchParams(location.search).get('tabId');
  if (forced && /^\d+$/.test(forced)) {
    const tab = await browser.tabs.get(Number(forced)).catch(() => null);
    return { id: Number(forced), url: tab?.url, loading: tab?.status === 'loading' };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url, loading: tab.status === 'loading' } : null;
}

/** Pages no extension may read. */
export function isRestricted(url: string | undefined): boolean {
  if (!url) return false;
  if (isViewerUrl(url)) return false; // our own viewer answers for its tab
  if (!/^(?:https?|file):/i.test(url)) return true;
  try {
    const host = new URL(url).hostname;
    return host === 'chromewebstore.google.com' || host === 'chrome.google.com' || host === 'addons.mozilla.org' || host === 'microsoftedge.microsoft.com';
  } catch {
    return false;
  }
}

/** The page's status, or null when no content script answers there (the viewer answers for its own tab). */
export async function pageStatus(tabId: number): Promise<PageStatus | null> {
  // the viewer answers for its own tab (its address may be hidden from the popup)
  const fromViewer = (await browser.runtime.sendMessage({ type: 'crossfoot:get-status', tabId }).catch(() => undefined)) as PageStatus | undefined;
  if (fromViewer) return fromViewer;
  try {
    const status = await sendToTab(tabId, { type: 'crossfoot:get-status' });
    return status ?? null;
  } catch {
    return null;
  }
}

/** Runs the content script (and its stylesheet) in the tab, then waits for its first result. */
export async function checkThisPage(tabId: number): Promise<PageStatus> {
  await injectContentScript(tabId);
  for (let i = 0; i < 100; i++) {
    const status = await pageStatus(tabId);
    if (status && status.state !== 'idle' && status.state !== 'checking') return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  return (await pageStatus(tabId)) ?? { state: 'failed', message: 'no answer from the page' };
}
