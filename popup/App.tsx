/**
 * The popup: what Crossfoot found on the active tab, or why it has nothing to show (a page it may
 * not read, a site turned off, a document for the viewer, a check under way). The report itself is
 * Findings.tsx; the settings are SettingsPanel.tsx. Fully keyboard-navigable; zh-CN by default,
 * English available. Page text is rendered as text (JSX escapes it), never as markup.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { hostOf, loadSettings, saveSettings, saveSite } from '../src/platform/settings.js';
import type { Locale } from '../src/i18n/index.js';
import { UI, type UiKey } from '../src/i18n/ui.js';
import type { PageStatus } from '../src/messages/protocol.js';
import { sendToTab } from '../src/messages/send.js';
import { activeTab, checkThisPage, isRestricted, pageStatus, runsByItself, type ActiveTab } from './page.js';
import browser from '../src/platform/browser.js';
import { isDocumentUrl, viewerUrl } from '../src/platform/viewer.js';
import { SettingsPanel } from './SettingsPanel.js';
import { Findings } from './Findings.js';

type View =
  | { readonly kind: 'loading' }
  | { readonly kind: 'restricted' }
  | { readonly kind: 'not-run' }
  /** The tab shows a PDF or a workbook: the viewer reads it. */
  | { readonly kind: 'document' }
  | { readonly kind: 'running' }
  | { readonly kind: 'status'; readonly status: PageStatus };

function useLocale(): [Locale, (l: Locale) => void] {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  useEffect(() => {
    void loadSettings().then((s) => setLocale(s.lang));
  }, []);
  const change = useCallback((l: Locale) => {
    setLocale(l);
    void saveSettings({ lang: l });
  }, []);
  return [locale, change];
}

export function App(): preact.JSX.Element {
  const [locale, setLocale] = useLocale();
  const t = useCallback((k: UiKey) => UI[locale][k], [locale]);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [view, setView] = useState<View>({ kind: 'loading' });

  /** Reads the tab's state; true when it is still on its way to a report (asked again shortly). */
  const refresh = useCallback(async (): Promise<boolean> => {
    const active = await activeTab();
    setTab(active);
    if (!active) return (setView({ kind: 'restricted' }), false);
    if (isRestricted(active.url)) return (setView({ kind: 'restricted' }), false);
    const status = await pageStatus(active.id);
    // a tab showing a PDF or a workbook: its content script (if one runs there) sees no table
    if (isDocumentUrl(active.url) && (!status || status.state === 'no-tables')) return (setView({ kind: 'document' }), false);
    // a page still loading, or being checked: say so, and look again until the report is there
    if (!status && (active.loading || runsByItself(active.url))) return (setView({ kind: 'running' }), true);
    setView(status ? { kind: 'status', status } : { kind: 'not-run' });
    return status?.state === 'idle' || status?.state === 'checking';
  }, []);

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    // about a minute of looking, every 400 ms: a page that never reports ends on what it said last
    const poll = async (left: number): Promise<void> => {
      const again = await refresh();
      if (live && again && left > 0) timer = window.setTimeout(() => void poll(left - 1), 400);
      else if (live && again) setView({ kind: 'not-run' });
    };
    void poll(150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [refresh]);

  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale]);

  const run = useCallback(async () => {
    if (!tab) return;
    setView({ kind: 'running' });
    try {
      const status = await checkThisPage(tab.id);
      setView({ kind: 'status', status });
    } catch {
      setView({ kind: 'restricted' });
    }
  }, [tab]);

  /** Checks the page again and shows the new report in place (panels stay as they are). */
  const quietRecheck = useCallback(async () => {
    if (!tab) return;
    const status = await sendToTab(tab.id, { type: 'crossfoot:check-now' }).catch(() => null);
    if (status) setView({ kind: 'status', status });
  }, [tab]);

  const recheck = useCallback(async () => {
    if (!tab) return;
    setView({ kind: 'running' });
    const status = await sendToTab(tab.id, { type: 'crossfoot:check-now' }).catch(() => null);
    setView(status ? { kind: 'status', status } : { kind: 'not-run' });
  }, [tab]);

  return (
    <div class="popup">
      <header class="bar">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            勾
          </span>
          <div>
            <h1>{t('title')}</h1>
            <p class="sub">{t('subtitle')}</p>
          </div>
        </div>
        <button type="button" class="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')} lang={locale === 'en' ? 'zh-CN' : 'en'}>
          {t('language')}
        </button>
      </header>
      <main>
        <Body view={view} t={t} locale={locale} tab={tab} onRun={run} onRecheck={recheck} />
        {view.kind === 'status' && view.status.state === 'done' && <SettingsPanel t={t} onChange={() => void quietRecheck()} />}
        {view.kind === 'document' && <SettingsPanel t={t} onChange={() => undefined} />}
      </main>
      <footer class="foot">
        <span>{t('privacy')}</span>
        <button type="button" class="link" data-action="options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('options')}
        </button>
      </footer>
    </div>
  );
}

interface BodyProps {
  readonly view: View;
  readonly t: (k: UiKey) => string;
  readonly locale: Locale;
  readonly tab: ActiveTab | null;
  readonly onRun: () => void;
  readonly onRecheck: () => void;
}

function Body({ view, t, locale, tab, onRun, onRecheck }: BodyProps): preact.JSX.Element {
  switch (view.kind) {
    case 'loading':
      return (
        <p class="state" role="status">
          {t('loading')}
        </p>
      );
    case 'running':
      return (
        <p class="state" role="status">
          {t('checking')}
        </p>
      );
    case 'restricted':
      return (
        <div class="state" role="status" data-state="restricted">
          <p>{t('restricted')}</p>
          <p class="hint">{t('restrictedHint')}</p>
        </div>
      );
    case 'document':
      return (
        <div class="state" data-state="document">
          <p>{t('documentTab')}</p>
          <button type="button" class="primary" data-action="open-viewer" onClick={() => tab?.url && void browser.tabs.create({ url: viewerUrl(tab.url) }).then(() => window.close())}>
            {t('openInViewer')}
          </button>
        </div>
      );
    case 'not-run':
      return (
        <div class="state" data-state="not-run">
          <p>{t('notRun')}</p>
          <button type="button" class="primary" onClick={onRun} data-action="check-this-page">
            {t('checkThisPage')}
          </button>
        </div>
      );
    case 'status': {
      const s = view.status;
      if (s.state === 'idle' || s.state === 'checking')
        return (
          <p class="state" role="status">
            {t('checking')}
          </p>
        );
      if (s.state === 'no-tables')
        return (
          <div class="state" role="status" data-state="no-tables">
            <p>{t('noTables')}</p>
            <p class="hint">{t('noTablesHint')}</p>
            <button type="button" onClick={onRecheck}>
              {t('retry')}
            </button>
          </div>
        );
      if (s.state === 'failed')
        return (
          <div class="state" role="alert" data-state="failed">
            <p>
              {t('failed')}
              {s.message}
            </p>
            <button type="button" onClick={onRecheck}>
              {t('retry')}
            </button>
          </div>
        );
      if (s.state === 'site-off')
        return (
          <div class="state" role="status" data-state="site-off">
            <p>{t('siteOff').replace('{site}', hostOf(tab?.url))}</p>
            <div class="buttons">
              <button type="button" class="primary" data-action="site-on" onClick={() => void saveSite(hostOf(tab?.url), { run: true })}>
                {t('siteOn')}
              </button>
              <button type="button" data-action="check-once" onClick={onRecheck}>
                {t('checkOnce')}
              </button>
            </div>
          </div>
        );
      return <Findings report={s.report} url={s.url} overlay={s.overlay} unplaced={s.unplaced ?? []} t={t} locale={locale} tabId={tab?.id ?? null} />;
    }
  }
}
