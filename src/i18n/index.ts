/**
 * Wording lives here, never in rules: findings carry a message id and data, and this module turns
 * them into sentences in each locale (zh-CN first, en).
 */
import type { Cause, Finding, Localised, MessageData, NotChecked } from '../contract/types.js';
import { en } from './en.js';
import { BLANK, fill } from './format.js';
import { zhCN, type MessageKey } from './zh-CN.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type { Localised } from '../contract/types.js';

function hasKey(k: string): k is MessageKey {
  return k in zhCN;
}

/** One message in one locale; an unknown id falls back to the id itself (the conventions test forbids it). */
export function message(locale: Locale, id: string, data: MessageData = {}): string {
  const catalogue = CATALOGUES[locale];
  const template = hasKey(id) ? catalogue[id] : id;
  const blank = catalogue.blank;
  const filled: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) {
    // "@scope.general": a word of the catalogue, in the message's own language
    const ref = typeof v === 'string' && v.startsWith('@') ? v.slice(1) : null;
    filled[k] = ref !== null && hasKey(ref) ? catalogue[ref] : typeof v === 'string' ? v.split(BLANK).join(blank) : v;
  }
  return fill(template, filled).split(BLANK).join(blank);
}

function causeData(cause: Cause): { id: string; data: MessageData } {
  switch (cause.kind) {
    case 'omitted':
    case 'double-counted':
      return { id: `cause.${cause.kind}`, data: { label: cause.label, value: cause.value } };
    case 'transposition':
      return { id: 'cause.transposition', data: { from: cause.from, to: cause.to } };
    case 'factor':
      return { id: 'cause.factor', data: { factor: cause.factor } };
    case 'wrong-base':
      return { id: 'cause.wrong-base', data: { base: cause.base, label: cause.label } };
    case 'other':
      return { id: cause.messageId, data: cause.data };
  }
}

export function causeMessage(locale: Locale, cause: Cause): string {
  const { id, data } = causeData(cause);
  return message(locale, id, data);
}

/** The sentence a reporter can quote: the finding, why it is only rounding if it is, and the likely cause. */
export function findingMessage(locale: Locale, f: Pick<Finding, 'messageId' | 'data' | 'severity' | 'cause'>): string {
  const parts = [message(locale, f.messageId, f.data)];
  if (f.severity === 'rounding') parts.push(message(locale, f.data.band !== undefined ? 'suffix.rounding' : f.data.low !== undefined ? 'suffix.rounding-range' : 'suffix.rounding-rate', f.data));
  // a question about a rate says what reason the report gives for it, or that it gives none
  if (typeof f.data.reason === 'string') parts.push(message(locale, f.data.reason === '' ? 'suffix.no-reason' : 'suffix.reason', f.data));
  if (f.cause) parts.push(causeMessage(locale, f.cause));
  return parts.join(locale === 'en' ? ' ' : '');
}

export function localisedFinding(f: Pick<Finding, 'messageId' | 'data' | 'severity' | 'cause'>): Localised {
  return { zh: findingMessage('zh-CN', f), en: findingMessage('en', f) };
}

export function localisedReason(n: NotChecked): Localised {
  const id = `reason.${n.reason}`;
  return { zh: message('zh-CN', id, n.data), en: message('en', id, n.data) };
}
