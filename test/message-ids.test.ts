/**
 * Message ids are typed by the catalogues: a rule cannot report an id that src/i18n lacks, and the
 * compiler (npm run typecheck, part of npm test) says so — the @ts-expect-error lines below fail the
 * typecheck the day such an id would be accepted.
 */
import { describe, expect, it } from 'vitest';
import type { SumSpec } from '../src/engine/context.js';
import type { RuleMeta } from '../src/engine/rule.js';
import { CATALOGUES } from '../src/i18n/index.js';

const known: Pick<SumSpec, 'messageId'> = { messageId: 'column-sum' };
// @ts-expect-error an id no catalogue holds is refused
const unknown: Pick<SumSpec, 'messageId'> = { messageId: 'no-such-message' };
const meta: Pick<RuleMeta, 'messages'> = { messages: ['fund-balance'] };
// @ts-expect-error a rule cannot declare a message the catalogues lack
const badMeta: Pick<RuleMeta, 'messages'> = { messages: ['fund-balance', 'not-in-any-catalogue'] };

describe('message ids', () => {
  it('are the catalogues’ keys, in both languages', () => {
    for (const id of [known.messageId, ...meta.messages]) for (const c of Object.values(CATALOGUES)) expect(c[id]).toBeTruthy();
    // what the compiler refuses would, at run time, have no wording
    expect((CATALOGUES['zh-CN'] as Record<string, string>)[unknown.messageId]).toBeUndefined();
    expect(badMeta.messages.filter((id) => !(id in CATALOGUES.en))).toEqual(['not-in-any-catalogue']);
  });
});
