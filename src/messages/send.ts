/**
 * Typed senders. Receivers check the message shape (protocol.ts) before acting on it.
 */
import browser from '../platform/browser.js';
import type { BackgroundRequest, BackgroundResponses, ContentRequest, ContentResponses, ResponseOf } from './protocol.js';

export async function sendToTab<R extends ContentRequest>(tabId: number, request: R, frameId = 0): Promise<ResponseOf<R, ContentResponses>> {
  return (await browser.tabs.sendMessage(tabId, request, { frameId })) as ResponseOf<R, ContentResponses>;
}

export async function sendToBackground<R extends BackgroundRequest>(request: R): Promise<ResponseOf<R, BackgroundResponses>> {
  return (await browser.runtime.sendMessage(request)) as ResponseOf<R, BackgroundResponses>;
}
