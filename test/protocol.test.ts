/**
 * The message protocol is typed both ways (src/messages/protocol.ts): a sender's answer is typed by
 * the request it sent, and a receiver answers through one handler per request, each held to its own
 * response. The @ts-expect-error lines fail the typecheck (part of npm test) the day a wrong request
 * or a wrong answer would be accepted. At run time, a message's fields are checked before it is
 * acted on.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, isBackgroundRequest, isContentRequest, type BackgroundProtocol, type ContentProtocol, type Handlers, type RequestOf, type ResponseOf } from '../src/messages/protocol.js';

const step: RequestOf<ContentProtocol, 'crossfoot:step'> = { type: 'crossfoot:step', direction: 1 };
// @ts-expect-error a request without the fields its type carries is refused
const stepWithout: RequestOf<ContentProtocol, 'crossfoot:step'> = { type: 'crossfoot:step' };
// @ts-expect-error a field of the wrong type is refused
const overlayWrong: RequestOf<ContentProtocol, 'crossfoot:set-overlay'> = { type: 'crossfoot:set-overlay', on: 'yes' };
const answer: ResponseOf<ContentProtocol, 'crossfoot:reveal'> = { found: true };
// @ts-expect-error the answer to a request is its own response, not another's
const wrongAnswer: ResponseOf<ContentProtocol, 'crossfoot:reveal'> = { overlay: true };

/** A receiver with every handler, as the content script has. */
function handlers(log: string[]): Handlers<ContentProtocol> {
  return {
    'crossfoot:get-report': () => null,
    'crossfoot:get-status': () => ({ state: 'idle' }),
    'crossfoot:check-now': async () => ({ state: 'checking' }),
    'crossfoot:set-overlay': (r) => ({ overlay: r.on }),
    'crossfoot:reveal': (r) => {
      log.push(r.finding);
      return { found: r.finding === 'f1' };
    },
    'crossfoot:step': (r) => ({ found: r.direction === 1 }),
    'crossfoot:check-table': () => ({ table: null, findings: 0 }),
  };
}

// @ts-expect-error a receiver missing a handler is refused
const missing: Handlers<ContentProtocol> = { 'crossfoot:get-report': () => null };
const badHandler: Handlers<BackgroundProtocol> = {
  // @ts-expect-error a handler answering with another request's response is refused
  'crossfoot:report-summary': () => ({ found: true }),
};

describe('message protocol', () => {
  it('dispatches each request to its own handler, with its fields', async () => {
    const log: string[] = [];
    const h = handlers(log);
    expect(await dispatch<ContentProtocol>(h, { type: 'crossfoot:reveal', finding: 'f1' })).toEqual({ found: true });
    expect(await dispatch<ContentProtocol>(h, step)).toEqual({ found: true });
    expect(await dispatch<ContentProtocol>(h, { type: 'crossfoot:check-now' })).toEqual({ state: 'checking' });
    expect(log).toEqual(['f1']);
    expect(answer.found).toBe(true);
  });

  it('checks a message’s fields on receipt, not only its type', () => {
    expect(isContentRequest({ type: 'crossfoot:step', direction: -1 })).toBe(true);
    expect(isContentRequest(stepWithout)).toBe(false);
    expect(isContentRequest(overlayWrong)).toBe(false);
    expect(isContentRequest({ type: 'crossfoot:step', direction: 2 })).toBe(false);
    expect(isContentRequest({ type: 'crossfoot:reveal', finding: 3 })).toBe(false);
    expect(isContentRequest({ type: 'toString' })).toBe(false);
    expect(isContentRequest({ type: 'crossfoot:report-summary', errors: 0, reviews: 0, roundings: 0, passed: 0, checked: true })).toBe(false);
    expect(isContentRequest(null)).toBe(false);
    expect(isContentRequest('crossfoot:get-status')).toBe(false);
    expect(isBackgroundRequest({ type: 'crossfoot:report-summary', errors: 1, reviews: 0, roundings: 2, passed: 5, checked: true })).toBe(true);
    expect(isBackgroundRequest({ type: 'crossfoot:report-summary', errors: -1, reviews: 0, roundings: 0, passed: 0, checked: true })).toBe(false);
    expect(isBackgroundRequest({ type: 'crossfoot:report-summary', errors: '1', reviews: 0, roundings: 0, passed: 0, checked: true })).toBe(false);
    expect(isBackgroundRequest({ type: 'crossfoot:get-status' })).toBe(false);
    // what the compiler refuses has no receiver either
    expect(Object.keys(missing)).toEqual(['crossfoot:get-report']);
    expect(badHandler['crossfoot:report-summary']({ type: 'crossfoot:report-summary', errors: 0, reviews: 0, roundings: 0, passed: 0, checked: false })).toEqual({ found: true });
    expect(wrongAnswer).toEqual({ overlay: true });
  });
});
