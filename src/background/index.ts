/**
 * Background (a service worker in Chrome, an event page in Firefox): keeps no state of its own.
 * The badge lives on the tab; everything else the popup asks the page directly.
 */
import browser, { type Runtime } from '../platform/browser.js';
import { isBackgroundRequest } from '../messages/protocol.js';
import { badgeFor } from './badge.js';

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
