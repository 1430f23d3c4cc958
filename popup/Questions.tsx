/**
 * The popup's section of rate questions: closed by default, with its own switch for marking them in
 * the page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReportFinding } from '../src/contract/report.js';
import { loadSettings, saveSettings } from '../src/platform/settings.js';
import type { UiKey } from '../src/i18n/ui.js';

/** Questions about rates: their own section, closed by default, and their own switch for the page marks. */
export function Questions({ questions, t, item }: { questions: ReportFinding[]; t: (k: UiKey) => string; item: (f: ReportFinding) => preact.JSX.Element }): preact.JSX.Element {
  const [onPage, setOnPage] = useState(false);
  useEffect(() => {
    void loadSettings().then((s) => setOnPage(s.questions));
  }, []);
  const toggle = (): void => {
    setOnPage(!onPage);
    void saveSettings({ questions: !onPage });
  };
  return (
    <details class="questions" data-section="questions">
      <summary>
        {t('questions')} (<span data-count="question">{questions.length}</span>)
      </summary>
      <p class="hint">{t('questionsHint')}</p>
      <label class="switch">
        <input type="checkbox" checked={onPage} onChange={toggle} data-action="questions" />
        <span>{t('questionsOnPage')}</span>
      </label>
      <ul class="plain">{questions.map(item)}</ul>
    </details>
  );
}
