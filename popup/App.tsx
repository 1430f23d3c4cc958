/**
 * The popup: what Crossfoot found on the active tab. Tables recognised (by kind), counts per
 * severity (which double as filters), findings grouped by table; clicking a finding scrolls the
 * page to it and flashes it. Fully keyboard-navigable; zh-CN by default, English available.
 * Page text is rendered as text (JSX escapes it), never as markup.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import browser from '../src/platform/browser.js';
import type { Report, ReportFinding, ReportTable } from '../src/engine/report.js';
import type { Locale } from '../src/i18n/index.js';
import { UI, type UiKey } from '../src/i18n/ui.js';
import type { PageStatus } from '../src/messages/protocol.js';
import { sendToTab } from '../src/messages/send.js';
import { activeTab, checkThisPage, isRestricted, pageStatus, type ActiveTab } from './page.js';

type Severity = ReportFinding['severity'];
const SEVERITIES: readonly Severity[] = ['error', 'review', 'rounding'];
const MARK: Record<Severity, string> = { error: '✖', review: '◆', rounding: '≈' };

type View =
  | { readonly kind: 'loading' }
  | { readonly kind: 'restricted' }
  | { readonly kind: 'not-run' }
  | { readonly kind: 'running' }
  | { readonly kind: 'status'; readonly status: PageStatus };

function useLocale(): [Locale, (l: Locale) => void] {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  useEffect(() => {
    void browser.storage.local.get('lang').then((s) => setLocale((s as { lang?: string }).lang === 'en' ? 'en' : 'zh-CN'));
  }, []);
  const change = useCallback((l: Locale) => {
    setLocale(l);
    void browser.storage.local.set({ lang: l });
  }, []);
  return [locale, change];
}

export function App(): preact.JSX.Element {
  const [locale, setLocale] = useLocale();
  const t = useCallback((k: UiKey) => UI[locale][k], [locale]);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [view, setView] = useState<View>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    const active = await activeTab();
    setTab(active);
    if (!active) return setView({ kind: 'restricted' });
    if (isRestricted(active.url)) return setView({ kind: 'restricted' });
    const status = await pageStatus(active.id);
    setView(status ? { kind: 'status', status } : { kind: 'not-run' });
  }, []);

  useEffect(() => {
    void refresh();
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
      </main>
      <footer class="foot">{t('privacy')}</footer>
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
      return <p class="state" role="status">{t('loading')}</p>;
    case 'running':
      return <p class="state" role="status">{t('checking')}</p>;
    case 'restricted':
      return (
        <div class="state" role="status" data-state="restricted">
          <p>{t('restricted')}</p>
          <p class="hint">{t('restrictedHint')}</p>
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
      if (s.state === 'idle' || s.state === 'checking') return <p class="state" role="status">{t('checking')}</p>;
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
      return <Findings report={s.report} overlay={s.overlay} t={t} locale={locale} tabId={tab?.id ?? null} />;
    }
  }
}

interface FindingsProps {
  readonly report: Report;
  readonly overlay: boolean;
  readonly t: (k: UiKey) => string;
  readonly locale: Locale;
  readonly tabId: number | null;
}

function tableLabel(table: ReportTable | undefined, locale: Locale): string {
  if (!table) return '';
  const title = table.title ?? (locale === 'en' ? table.kindName.en : table.kindName.zh);
  return table.name ? `${title} · ${table.name}` : title;
}

function Findings({ report, overlay, t, locale, tabId }: FindingsProps): preact.JSX.Element {
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, review: true, rounding: false });
  const [marks, setMarks] = useState(overlay);
  const [missing, setMissing] = useState<string | null>(null);
  const counts = report.summary.findings;

  const groups = useMemo(() => {
    const byTable = new Map<string, ReportFinding[]>();
    for (const f of report.findings) {
      if (!shown[f.severity]) continue;
      const key = f.table ?? 'text';
      byTable.set(key, [...(byTable.get(key) ?? []), f]);
    }
    return [...byTable.entries()];
  }, [report, shown]);

  const kinds = useMemo(() => {
    const m = new Map<string, { name: string; count: number }>();
    for (const table of report.tables) {
      const name = locale === 'en' ? table.kindName.en : table.kindName.zh;
      m.set(table.kind, { name, count: (m.get(table.kind)?.count ?? 0) + 1 });
    }
    return [...m.values()];
  }, [report, locale]);

  const reveal = async (f: ReportFinding): Promise<void> => {
    if (tabId === null) return;
    const r = await sendToTab(tabId, { type: 'crossfoot:reveal', finding: f.id }).catch(() => ({ found: false }));
    setMissing(r.found ? null : f.id);
  };

  const toggleMarks = async (): Promise<void> => {
    const on = !marks;
    setMarks(on);
    void browser.storage.local.set({ overlay: on });
    if (tabId !== null) await sendToTab(tabId, { type: 'crossfoot:set-overlay', on }).catch(() => undefined);
  };

  return (
    <>
      <section class="counts" aria-label={t('filter')}>
        {SEVERITIES.map((s) => (
          <button type="button" key={s} class={`chip ${s}`} aria-pressed={shown[s]} data-severity={s} onClick={() => setShown({ ...shown, [s]: !shown[s] })}>
            <span class="mark" aria-hidden="true">
              {MARK[s]}
            </span>
            <span class="n" data-count={s}>
              {counts[s]}
            </span>
            <span class="label">{t(s)}</span>
          </button>
        ))}
      </section>
      <label class="switch">
        <input type="checkbox" checked={marks} onChange={() => void toggleMarks()} data-action="overlay" />
        <span>{t('overlay')}</span>
      </label>
      <details class="tables">
        <summary>
          {t('tables')} ({report.tables.length})
        </summary>
        <ul>
          {kinds.map((k) => (
            <li key={k.name}>
              {k.name}
              {k.count > 1 ? ` × ${k.count}` : ''}
            </li>
          ))}
        </ul>
      </details>
      <section class="list" aria-label={t('findings')}>
        {report.findings.length === 0 && <p class="state">{t('noFindings')}</p>}
        {report.findings.length > 0 && groups.length === 0 && <p class="state">{t('noneOfFilter')}</p>}
        {groups.map(([tableId, findings]) => (
          <div class="group" key={tableId}>
            <h2>{tableLabel(report.tables.find((x) => x.id === tableId), locale) || tableId}</h2>
            <ul>
              {findings.map((f) => (
                <li key={f.id}>
                  <button type="button" class={`finding ${f.severity}`} data-finding={f.id} onClick={() => void reveal(f)} title={t('showInPage')}>
                    <span class="sev">
                      <span aria-hidden="true">{MARK[f.severity]}</span> {t(f.severity)}
                    </span>
                    <span class="msg">{locale === 'en' ? f.message.en : f.message.zh}</span>
                    {(f.stated !== null || f.expected !== null) && (
                      <span class="nums">
                        {f.stated !== null && `${t('stated')} ${f.stated}`}
                        {f.expected !== null && ` · ${t('expected')} ${f.expected}`}
                        {f.difference !== null && ` · ${t('difference')} ${f.difference}`}
                      </span>
                    )}
                    {missing === f.id && <span class="missing">{t('notInPage')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      {report.notChecked.length > 0 && (
        <details class="not-checked">
          <summary>
            {t('notChecked')} ({report.notChecked.length})
          </summary>
          <ul>
            {report.notChecked.map((n, i) => (
              <li key={i}>
                {tableLabel(report.tables.find((x) => x.id === n.table), locale)}
                {n.table ? '：' : ''}
                {locale === 'en' ? n.message.en : n.message.zh}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
