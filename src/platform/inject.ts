/**
 * Runs the content script (and its stylesheet) in a tab where it does not run by itself: the
 * popup's 核对此页 and the context menu's items, both granted the tab by the user's click (activeTab).
 */
import browser from './browser.js';

export async function injectContentScript(tabId: number): Promise<void> {
  const entry = browser.runtime.getManifest().content_scripts?.[0];
  if (entry?.css?.length) await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: entry.css }).catch(() => undefined);
  await browser.scripting.executeScript({ target: { tabId }, files: entry?.js ?? [] });
}
