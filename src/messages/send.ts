/**
 * Typed sender of the popup and the background: the answer is typed by the request sent
 * (protocol.ts). Receivers check the message's shape before acting on it. The content script's
 * sender to the background is notify.ts (no polyfill there).
 */
import browser from '../platform/browser.js';
import type { ContentProtocol, RequestOf, ResponseOf } from './protocol.js';

export async function sendToTab<K extends keyof ContentProtocol>(tabId: number, request: RequestOf<ContentProtocol, K>, frameId = 0): Promise<ResponseOf<ContentProtocol, K>> {
  return (await browser.tabs.sendMessage(tabId, request, { frameId })) as ResponseOf<ContentProtocol, K>;
}
