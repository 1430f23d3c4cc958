/**
 * Typed sender of the content script (to the background). Receivers check the message shape
 * (protocol.ts) before acting on it.
 */
import { pageApi } from '../platform/page-api.js';
import type { BackgroundRequest, BackgroundResponses, ResponseOf } from './protocol.js';

export async function sendToBackground<R extends BackgroundRequest>(request: R): Promise<ResponseOf<R, BackgroundResponses>> {
  return (await pageApi.sendMessage(request)) as ResponseOf<R, BackgroundResponses>;
}
