/**
 * The popup's settings panel: the thresholds of the rate questions (a value refused says why, and
 * the value in force stays; a change checks the page again without closing the panel), and opening
 * government PDFs in Crossfoot directly.
 */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../src/engine/settings.js';
import { loadSettings, saveSettings } from '../src/platform/settings.js';
import type { UiKey } from '../src/i18n/ui.js';
import { readThreshold, refusal, type ThresholdField } from '../src/ui/thresholds.js';
import { ThresholdFields } from '../src/ui/ThresholdFields.js';

/** The thresholds of the rate questions; a change checks the page again (the panel stays open). */
export function SettingsPanel({ t, onChange }: { t: (k: UiKey) => string; onChange: () => void }): preact.JSX.Element {
  const [values, setValues] = useState<Thresholds>(DEFAULT_THRESHOLDS);
  const [pdfViewer, setPdfViewer] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void loadSettings().then((s) => {
      setValues(s.thresholds);
      setPdfViewer(s.pdfViewer);
    });
  }, []);
  const commit = async (field: ThresholdField, input: HTMLInputElement): Promise<void> => {
    const read = readThreshold(field, input.value);
    if ('error' in read) {
      // the value in force stays, and the field says why the new one was not taken
      input.value = String(values[field.key]);
      setProblem(refusal(field, t));
      return;
    }
    setProblem(null);
    if (read.value === values[field.key]) return;
    const next = { ...values, [field.key]: read.value };
    setValues(next);
    await saveSettings({ thresholds: next });
    onChange();
  };
  return (
    <details class="settings" data-section="settings">
      <summary>{t('settings')}</summary>
      <ThresholdFields values={values} t={t} onCommit={(field, input) => void commit(field, input)} />
      {problem && (
        <p class="problem" role="alert" data-threshold-problem>
          {problem}
        </p>
      )}
      <label class="switch">
        <input
          type="checkbox"
          checked={pdfViewer}
          data-action="pdf-viewer"
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            setPdfViewer(on);
            void saveSettings({ pdfViewer: on });
          }}
        />
        <span>{t('pdfViewer')}</span>
      </label>
      <button
        type="button"
        class="link"
        data-action="reset-thresholds"
        onClick={() =>
          void saveSettings({ thresholds: DEFAULT_THRESHOLDS }).then(() => {
            setValues(DEFAULT_THRESHOLDS);
            onChange();
          })
        }
      >
        {t('resetThresholds')}
      </button>
    </details>
  );
}
