/**
 * Background (a service worker in Chrome, an event page in Firefox): keeps no state of its own.
 * The badge lives on the tab; everything else the popup asks the page directly.
 */
import browser, { type Runtime } from '../platform/browser.js';
import { isBackgroundRequest } from '../messages/protocol.js';
import { badgeFor } from './badge.js';
import { DOCUMENT_LINKS, isGovPdfUrl, viewerUrl } from '../platform/viewer.js';
import { hostOf, loadSettings, saveSettings, siteRuns, withSite } from '../platform/settings.js';
import { sendToTab } from '../messages/send.js';
import { injectContentScript } from '../platform/inject.js';

/** "在 Crossfoot 中核对" on links to a PDF or a workbook (and download links that serve one). */
const MENU = 'crossfoot-open-document';
/** "用 Crossfoot 核对此页" and "核对此表" on any web page (the click grants the tab: activeTab). */
const MENU_PAGE = 'crossfoot-check-page';
const MENU_TABLE = 'crossfoot-check-table';
const WEB_PAGES = ['http://*/*', 'https://*/*'];
/** On the toolbar button's own menu: whether Crossfoot checks the current site's pages by itself. */
const MENU_SITE = 'crossfoot-site-runs';
browser.runtime.onInstalled.addListener((details) => {
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: MENU, title: browser.i18n.getMessage('openInViewer') || '在 Crossfoot 中核对', contexts: ['link'], targetUrlPatterns: [...DOCUMENT_LINKS] });
    browser.contextMenus.create({ id: MENU_PAGE, title: browser.i18n.getMessage('checkPage') || '用 Crossfoot 核对此页', contexts: ['page', 'selection'], documentUrlPatterns: WEB_PAGES });
    browser.contextMenus.create({ id: MENU_TABLE, title: browser.i18n.getMessage('checkTable') || '核对此表', contexts: ['page', 'selection'], documentUrlPatterns: WEB_PAGES });
    browser.contextMenus.create({ id: MENU_SITE, type: 'checkbox', checked: true, title: browser.i18n.getMessage('siteRuns') || '在此网站上自动核对', contexts: ['action'] });
  });
  // a short page on what Crossfoot does, once, when it is installed (not on updates)
  if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('onboarding/index.html') });
});

/** What a click on a menu item does: a linked document opens in the viewer (http(s) links only); a page or the table under the pointer is checked. */
async function onMenuClick(info: { menuItemId: string | number; linkUrl?: string }, tab?: { id?: number }): Promise<void> {
  if (info.menuItemId === MENU && typeof info.linkUrl === 'string' && /^https?:/iu.test(info.linkUrl)) await browser.tabs.create({ url: viewerUrl(info.linkUrl) });
  const tabId = tab?.id;
  if (tabId === undefined) return;
  if (info.menuItemId === MENU_PAGE) await injectContentScript(tabId);
  if (info.menuItemId === MENU_SITE) {
    const host = hostOf((await browser.tabs.get(tabId)).url);
    if (host) {
      const settings = await loadSettings();
      await saveSettings({ sites: withSite(settings, host, { run: !siteRuns(settings, host) }) });
    }
    await syncSiteMenu(tabId);
  }
  if (info.menuItemId === MENU_TABLE) {
    // where the content script already runs, it knows which table the menu was opened on
    const shown = await sendToTab(tabId, { type: 'crossfoot:check-table' }).catch(() => null);
    if (!shown) {
      await injectContentScript(tabId);
      await sendToTab(tabId, { type: 'crossfoot:check-table' }).catch(() => undefined);
    }
  }
}
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));

/** The toolbar menu's checkbox follows the site of the tab in front (and is greyed where no site applies). */
async function syncSiteMenu(tabId: number): Promise<void> {
  const host = hostOf((await browser.tabs.get(tabId).catch(() => null))?.url);
  const settings = await loadSettings();
  await browser.contextMenus.update(MENU_SITE, { checked: host ? siteRuns(settings, host) : false, enabled: host !== '' }).catch(() => undefined);
}
browser.tabs.onActivated.addListener(({ tabId }) => void syncSiteMenu(tabId));
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !('sites' in changes)) return;
  void browser.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => (tab?.id !== undefined ? syncSiteMenu(tab.id) : undefined));
});
browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.url && tab.active) void syncSiteMenu(tabId);
});
// a native menu cannot be clicked by a test driver: the end-to-end test calls the same handler from the worker
(globalThis as { crossfootMenuClick?: typeof onMenuClick }).crossfootMenuClick = onMenuClick;

// the setting "open government PDFs in Crossfoot" (off by default): a tab going to a *.gov.cn PDF goes to the viewer
browser.tabs.onUpdated.addListener((tabId, change) => {
  const url = change.url;
  if (!isGovPdfUrl(url)) return;
  void loadSettings()
    .then((s) => (s.pdfViewer && url ? browser.tabs.update(tabId, { url: viewerUrl(url) }) : undefined))
    .catch(() => undefined);
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
