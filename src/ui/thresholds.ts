/**
 * The thresholds of the rate questions as the popup and the options page edit them: their ranges,
 * and what a value typed into a field means — a number in range, or a message saying the range
 * (never silently ignored, never stored as 0 when the field is emptied).
 */
import type { Thresholds } from '../engine/settings.js';
import type { UiKey } from '../i18n/ui.js';

export interface ThresholdField {
  readonly key: keyof Thresholds;
  readonly label: UiKey;
  readonly min: number;
  readonly max: number;
}

export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  { key: 'executionBelow', label: 'thresholdExecution', min: 0, max: 100 },
  { key: 'completionAbove', label: 'thresholdCompletion', min: 0, max: 1000 },
  { key: 'changeBeyond', label: 'thresholdChange', min: 0, max: 1000 },
];

/** A typed value read: the number, or why it is not taken (the field keeps the value in force). */
export function readThreshold(field: ThresholdField, raw: string): { readonly value: number } | { readonly error: 'empty' | 'range' } {
  const text = raw.trim();
  if (text === '') return { error: 'empty' };
  const n = Number(text);
  if (!Number.isFinite(n) || n < field.min || n > field.max) return { error: 'range' };
  return { value: n };
}

/** Why a typed value was not taken, in the interface's words: the field and its range. */
export function refusal(field: ThresholdField, t: (k: UiKey) => string): string {
  return t('thresholdRange').replace('{label}', t(field.label)).replace('{min}', String(field.min)).replace('{max}', String(field.max));
}
