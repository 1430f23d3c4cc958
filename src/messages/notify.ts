/**
 * Typed sender of the content script (to the background). Receivers check the message shape
 * (protocol.ts) before acting on it.
 */
import { pageApi } from '../platform/page-api.js';
import type { BackgroundProtocol, RequestOf, ResponseOf } from './protocol.js';

export async function sendToBackground<K extends keyof BackgroundProtocol>(request: RequestOf<BackgroundProtocol, K>): Promise<ResponseOf<BackgroundProtocol, K>> {
  return (await pageApi.sendMessage(request)) as ResponseOf<BackgroundProtocol, K>;
}
