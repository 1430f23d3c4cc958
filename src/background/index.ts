/**
 * Background (a service worker in Chrome, an event page in Firefox): keeps no state of its own.
 * The badge lives on the tab; everything else the popup asks the page directly.
 */
import browser, { type Runtime } from '../platform/browser.js';
import { isBackgroundRequest } from '../messages/protocol.js';
import { badgeFor } from './badge.js';
import { DOCUMENT_LINKS, isGovPdfUrl, viewerUrl } from '../platform/viewer.js';
import { loadSettings } from '../platform/settings.js';
import { sendToTab } from '../messages/send.js';

/** "在 Crossfoot 中核对" on links to a PDF or a workbook (and download links that serve one). */
const MENU = 'crossfoot-open-document';
browser.runtime.onInstalled.addListener(() => {
  void browser.contextMenus.removeAll().then(() => browser.contextMenus.create({ id: MENU, title: browser.i18n.getMessage('openInViewer') || '在 Crossfoot 中核对', contexts: ['link'], targetUrlPatterns: [...DOCUMENT_LINKS] }));
});
/** What a click on the menu item does: the linked document opens in the viewer (http(s) links only). */
async function onMenuClick(info: { menuItemId: string | number; linkUrl?: string }): Promise<void> {
  if (info.menuItemId === MENU && typeof info.linkUrl === 'string' && /^https?:/iu.test(info.linkUrl)) await browser.tabs.create({ url: viewerUrl(info.linkUrl) });
}
browser.contextMenus.onClicked.addListener((info) => void onMenuClick(info));
// a native menu cannot be clicked by a test driver: the end-to-end test calls the same handler from the worker
(globalThis as { crossfootMenuClick?: typeof onMenuClick }).crossfootMenuClick = onMenuClick;

// the setting "open government PDFs in Crossfoot" (off by default): a tab going to a *.gov.cn PDF goes to the viewer
browser.tabs.onUpdated.addListener((tabId, change) => {
  const url = change.url;
  if (!isGovPdfUrl(url)) return;
  void loadSettings().then((s) => (s.pdfViewer && url ? browser.tabs.update(tabId, { url: viewerUrl(url) }) : undefined)).catch(() => undefined);
});

// the keyboard shortcuts: the next or previous finding in the active tab's page
browser.commands.onCommand.addListener((command) => {
  const direction = command === 'next-finding' ? 1 : command === 'previous-finding' ? -1 : 0;
  if (direction === 0) return;
  void browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([tab]) => (tab?.id !== undefined ? sendToTab(tab.id, { type: 'crossfoot:step', direction }) : undefined))
    .catch(() => undefined);
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isBackgroundRequest(message)) return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined || (sender.frameId ?? 0) !== 0) return Promise.resolve({ ok: true as const });
  const badge = badgeFor(message);
  const lang = browser.i18n.getUILanguage().startsWith('zh') ? 'zh' : 'en';
  return Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title: `Crossfoot 勾稽 — ${badge.title[lang]}` }),
  ])
    .catch(() => undefined)
    .then(() => ({ ok: true as const }));
});
