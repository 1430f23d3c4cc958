/**
 * The popup: what Crossfoot found on the active tab. Tables recognised (by kind), counts per
 * severity (which double as filters), findings grouped by table; clicking a finding scrolls the
 * page to it and flashes it. Fully keyboard-navigable; zh-CN by default, English available.
 * Page text is rendered as text (JSX escapes it), never as markup.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { tableName, type Report, type ReportFinding } from '../src/engine/report.js';
import { isAnomaly } from '../src/engine/anomaly.js';
import { INVISIBLE_ALL } from '../src/model/text.js';
import { hostOf, loadSettings, saveSettings, siteRuns, withSite, type SiteSetting } from '../src/platform/settings.js';
import type { Locale } from '../src/i18n/index.js';
import { UI, type UiKey } from '../src/i18n/ui.js';
import type { PageStatus } from '../src/messages/protocol.js';
import { sendToTab } from '../src/messages/send.js';
import { activeTab, checkThisPage, isRestricted, pageStatus, runsByItself, type ActiveTab } from './page.js';
import browser from '../src/platform/browser.js';
import { isDocumentUrl, viewerUrl } from '../src/platform/viewer.js';
import { ExportBar, FindingActions, useReviews } from '../src/ui/reviews.js';
import { SettingsPanel } from './SettingsPanel.js';
import { Questions } from './Questions.js';

type Severity = ReportFinding['severity'];
const SEVERITIES: readonly Severity[] = ['error', 'review', 'rounding'];
const MARK: Record<Severity, string> = { error: '✖', review: '◆', rounding: '≈' };

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
              <button type="button" class="primary" data-action="site-on" onClick={() => void setSite(hostOf(tab?.url), { run: true })}>
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

/** Saves one site's choice (the content scripts of its pages follow it). */
async function setSite(host: string, patch: SiteSetting): Promise<void> {
  if (!host) return;
  const settings = await loadSettings();
  await saveSettings({ sites: withSite(settings, host, patch) });
}

interface FindingsProps {
  readonly report: Report;
  /** The page's address (decisions are kept per report; citations give it). */
  readonly url: string;
  readonly overlay: boolean;
  /** Findings the page cannot go to (said once, in the list). */
  readonly unplaced: readonly string[];
  readonly t: (k: UiKey) => string;
  readonly locale: Locale;
  readonly tabId: number | null;
}

function Findings({ report, url, overlay, unplaced, t, locale, tabId }: FindingsProps): preact.JSX.Element {
  const nowhere = useMemo(() => new Set(unplaced), [unplaced]);
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, review: true, rounding: false });
  const [marks, setMarks] = useState(overlay);
  const [missing, setMissing] = useState<string | null>(null);
  const [checked] = useState(() => new Date());
  const reviews = useReviews(report, url);
  const applied = reviews.applied;
  // what the user dismissed as not an error leaves the counts (it is listed apart)
  const counts = applied.counts;
  const questions = useMemo(() => report.findings.filter((f) => isAnomaly(f) && !applied.isDismissed(f)), [report, applied]);
  const open = useMemo(() => report.findings.filter((f) => !isAnomaly(f) && !applied.isDismissed(f)).length, [report, applied]);

  const groups = useMemo(() => {
    const byTable = new Map<string, ReportFinding[]>();
    for (const f of report.findings) {
      if (isAnomaly(f) || !shown[f.severity] || applied.isDismissed(f)) continue;
      const key = f.table ?? TEXT_GROUP;
      const list = byTable.get(key);
      if (list) list.push(f);
      else byTable.set(key, [f]);
    }
    return [...byTable.entries()];
  }, [report, shown, applied]);
  // a page may hold thousands of findings: the list grows a page at a time, never all at once
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [report, shown]);
  const windowed = useMemo(() => {
    let left = limit;
    const out: Array<[string, ReportFinding[]]> = [];
    for (const [id, list] of groups) {
      if (left <= 0) break;
      out.push([id, list.slice(0, left)]);
      left -= list.length;
    }
    return out;
  }, [groups, limit]);
  const listed = useMemo(() => groups.reduce((n, [, list]) => n + list.length, 0), [groups]);

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

  const host = hostOf(url);
  const [runsHere, setRunsHere] = useState(true);
  useEffect(() => {
    void loadSettings().then((s) => setRunsHere(siteRuns(s, host)));
  }, [host]);
  const toggleSite = async (): Promise<void> => {
    const on = !runsHere;
    setRunsHere(on);
    await setSite(host, { run: on });
  };
  const toggleMarks = async (): Promise<void> => {
    const on = !marks;
    setMarks(on);
    // marking is a choice per site
    await setSite(host, { overlay: on });
    if (tabId !== null) await sendToTab(tabId, { type: 'crossfoot:set-overlay', on }).catch(() => undefined);
  };

  const item = (f: ReportFinding): preact.JSX.Element => {
    const question = isAnomaly(f);
    const status = applied.review(f)?.status ?? null;
    return (
      <li key={f.id} data-item={f.id} data-status={status ?? 'pending'}>
        <button type="button" class={`finding ${question ? 'question' : f.severity}`} data-finding={f.id} onClick={() => void reveal(f)} title={t('showInPage')}>
          <span class="sev">
            <span aria-hidden="true">{question ? '?' : MARK[f.severity]}</span> {question ? t('question') : t(f.severity)}
          </span>
          {f.quote && <q class="quote">{visible(f.quote.text)}</q>}
          <span class="msg">{visible(locale === 'en' ? f.message.en : f.message.zh)}</span>
          {!question && (f.stated !== null || f.expected !== null) && (
            <span class="nums">
              {f.stated !== null && `${t('stated')} ${f.stated}`}
              {f.expected !== null && ` · ${t('expected')} ${f.expected}`}
              {f.difference !== null && ` · ${t('difference')} ${f.difference}`}
            </span>
          )}
          {(nowhere.has(f.id) || missing === f.id) && (
            <span class="missing" data-unplaced={f.id}>
              {t('notInPage')}
            </span>
          )}
        </button>
        <FindingActions f={f} report={report} url={url} reviews={reviews} t={t} locale={locale} checked={checked} />
      </li>
    );
  };

  const groupTitle = (id: string): string => (id === TEXT_GROUP ? t('narrative') : tableName(report, id, locale) || id);

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
      <ExportBar report={report} url={url} reviews={reviews} t={t} locale={locale} />
      <label class="switch">
        <input type="checkbox" checked={marks} onChange={() => void toggleMarks()} data-action="overlay" />
        <span>{t('overlay')}</span>
      </label>
      {host && (
        <label class="switch">
          <input type="checkbox" checked={runsHere} onChange={() => void toggleSite()} data-action="site-run" />
          <span>{t('siteRun').replace('{site}', host)}</span>
        </label>
      )}
      <p class="checked" data-checked={report.summary.passed}>
        {t('checked').replace('{passed}', String(report.summary.passed)).replace('{figures}', String(report.summary.narrative.figures))}
      </p>
      {report.tables.length === 0 && (
        <p class="hint" data-state="narrative-only">
          {t('narrativeOnly')}
        </p>
      )}
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
        {open === 0 && applied.dismissed.length === 0 && (
          <p class="state" data-state={report.summary.passed > 0 ? 'clean' : 'nothing-checked'}>
            {report.summary.passed > 0 ? t('noFindings').replace('{n}', String(report.summary.passed)) : t('nothingChecked')}
          </p>
        )}
        {open > 0 && groups.length === 0 && <p class="state">{t('noneOfFilter')}</p>}
        {windowed.map(([id, findings]) => (
          <div class="group" key={id} data-group={id}>
            <h2>{visible(groupTitle(id))}</h2>
            <ul>{findings.map(item)}</ul>
          </div>
        ))}
        {listed > limit && (
          <button type="button" class="more" data-action="show-more" onClick={() => setLimit(limit + PAGE)}>
            {t('showMore')
              .replace('{n}', String(Math.min(PAGE, listed - limit)))
              .replace('{total}', String(listed))}
          </button>
        )}
      </section>
      {questions.length > 0 && <Questions questions={questions} t={t} item={item} />}
      {applied.dismissed.length > 0 && (
        <details class="dismissed" data-section="dismissed">
          <summary>{t('dismissedList').replace('{n}', String(applied.dismissed.length))}</summary>
          <ul class="plain">{applied.dismissed.map(item)}</ul>
        </details>
      )}
      {report.notChecked.length > 0 && (
        <details class="not-checked">
          <summary>
            {t('notChecked')} ({report.notChecked.length})
          </summary>
          <ul>
            {report.notChecked.map((n, i) => (
              <li key={i}>
                {visible(tableName(report, n.table, locale))}
                {n.table ? '：' : ''}
                {visible(locale === 'en' ? n.message.en : n.message.zh)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

const TEXT_GROUP = '\u0000text';

/** Findings rendered at first, and added by each "show more". */
const PAGE = 200;

/**
 * Page text as it is, with characters that print nothing or reorder what follows (zero-width,
 * bidi controls, control characters) shown as visible code points, so none can hide or disguise
 * what a finding says.
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE_ALL, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
