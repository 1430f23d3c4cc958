/**
 * Typed sender of the popup. Receivers check the message shape (protocol.ts) before acting on it.
 * The content script's sender to the background is notify.ts (no polyfill there).
 */
import browser from '../platform/browser.js';
import type { ContentRequest, ContentResponses, ResponseOf } from './protocol.js';

export async function sendToTab<R extends ContentRequest>(tabId: number, request: R, frameId = 0): Promise<ResponseOf<R, ContentResponses>> {
  return (await browser.tabs.sendMessage(tabId, request, { frameId })) as ResponseOf<R, ContentResponses>;
}
