/**
 * The popup's report of a page: counts per severity (which double as filters), the switches of the
 * site, the tables recognised, findings grouped by table (a page of them at a time; each goes to its
 * place in the page, and carries the reviewer's actions), rate questions, dismissed findings and
 * what could not be checked.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { figureParts, isAnomaly, type Report, type ReportFinding, tableName } from '../src/contract/report.js';
import { hostOf, loadSettings, saveSite, siteRuns } from '../src/platform/settings.js';
import type { Locale } from '../src/i18n/index.js';
import type { UiKey } from '../src/i18n/ui.js';
import { sendToTab } from '../src/messages/send.js';
import { ExportBar, FindingActions, useReviews } from '../src/ui/reviews.js';
import { Questions } from './Questions.js';
import { visible } from './visible.js';

type Severity = ReportFinding['severity'];
const SEVERITIES: readonly Severity[] = ['error', 'review', 'rounding'];
const MARK: Record<Severity, string> = { error: '✖', review: '◆', rounding: '≈' };

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

export function Findings({ report, url, overlay, unplaced, t, locale, tabId }: FindingsProps): preact.JSX.Element {
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
    await saveSite(host, { run: on });
  };
  const toggleMarks = async (): Promise<void> => {
    const on = !marks;
    setMarks(on);
    // marking is a choice per site
    await saveSite(host, { overlay: on });
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
          {!question && (f.stated !== null || f.expected !== null) && <span class="nums">{figureParts(f, t).join(' · ')}</span>}
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
