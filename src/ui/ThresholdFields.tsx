/**
 * The fields of the rate questions' thresholds (the popup's settings panel and the options page):
 * one number field per threshold, within its range; what a typed value means is decided by
 * readThreshold (thresholds.ts), where the caller commits it.
 */
import type { Thresholds } from '../engine/settings.js';
import type { UiKey } from '../i18n/ui.js';
import { THRESHOLD_FIELDS, type ThresholdField } from './thresholds.js';

export function ThresholdFields({ values, t, onCommit }: { values: Thresholds; t: (k: UiKey) => string; onCommit: (field: ThresholdField, input: HTMLInputElement) => void }): preact.JSX.Element {
  return (
    <>
      {THRESHOLD_FIELDS.map((field) => (
        <label class="field" key={field.key}>
          <span>{t(field.label)}</span>
          <input type="number" min={field.min} max={field.max} step={1} value={values[field.key]} data-threshold={field.key} onChange={(e) => onCommit(field, e.currentTarget as HTMLInputElement)} />
          <span aria-hidden="true">%</span>
        </label>
      ))}
    </>
  );
}
