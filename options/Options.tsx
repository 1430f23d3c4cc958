/**
 * The options page: what Crossfoot keeps on this computer. Decisions about findings (已确认,
 * 非错误 with the reason, notes) are listed per site and per report, and can be cleared per site
 * or all at once. Nothing here is ever sent anywhere.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Locale } from '../src/i18n/index.js';
import { loadSettings, saveSettings, withSite, type Settings } from '../src/platform/settings.js';
import { DEFAULT_THRESHOLDS } from '../src/engine/settings.js';
import { UI } from '../src/i18n/ui.js';
import { readThreshold, refusal, type ThresholdField } from '../src/ui/thresholds.js';
import { ThresholdFields } from '../src/ui/ThresholdFields.js';
import { allReviews, clearReviews } from '../src/platform/reviews.js';
import { pageApi } from '../src/platform/page-api.js';
import type { ReviewRecord } from '../src/review/model.js';

const WORDS = {
  'zh-CN': {
    title: 'Crossfoot 勾稽 — 设置与已存数据',
    stored: '已保存的核对结论',
    storedHint: '您对发现所作的结论（已确认、非错误及理由、备注）只保存在本机浏览器中，按网站和报告存放，从不上传。',
    none: '还没有保存任何结论。',
    reports: '{n} 份报告',
    confirmed: '已确认 {n}',
    dismissed: '非错误 {n}',
    notes: '备注 {n}',
    clearSite: '清除此网站的结论',
    clearAll: '清除全部结论',
    confirmAll: '确定清除全部已保存的结论吗？此操作无法撤销。',
    cleared: '已清除 {n} 份报告的结论。',
    updated: '最后修改',
    local: '本机文件',
    status: { confirmed: '已确认', dismissed: '非错误', note: '备注' },
    language: '界面语言',
    thresholds: '比率提示的阈值',
    thresholdsHint: '执行率偏低、超预算、同比变动过大时提示追问；改动后打开的页面会重新核对。',
    reset: '恢复默认值',
    sites: '各网站的设置',
    sitesHint: 'Crossfoot 默认在政府网站（*.gov.cn）上自动核对并标注。在弹出窗口中可以为某个网站停用或关闭标注。',
    noSites: '没有为任何网站单独设置。',
    runs: '自动核对',
    marks: '在页面上标注',
    forget: '恢复默认',
    saved: '已保存',
  },
  en: {
    title: 'Crossfoot 勾稽 — settings and stored data',
    stored: 'Stored decisions',
    storedHint: 'Your decisions about findings (confirmed, not an error with the reason, notes) are kept in this browser only, per site and report, and never sent anywhere.',
    none: 'No decisions stored yet.',
    reports: '{n} reports',
    confirmed: '{n} confirmed',
    dismissed: '{n} not an error',
    notes: '{n} notes',
    clearSite: 'Clear this site’s decisions',
    clearAll: 'Clear all decisions',
    confirmAll: 'Clear every stored decision? This cannot be undone.',
    cleared: 'Cleared the decisions of {n} reports.',
    updated: 'Last changed',
    local: 'Local files',
    status: { confirmed: 'confirmed', dismissed: 'not an error', note: 'note' },
    language: 'Language',
    thresholds: 'Thresholds of the rate questions',
    thresholdsHint: 'Low execution, spending above budget and large changes are questioned; pages opened after a change are checked again.',
    reset: 'Restore defaults',
    sites: 'Sites',
    sitesHint: 'Crossfoot checks and marks government sites (*.gov.cn) by itself. The popup turns it off, or its marks, for one site.',
    noSites: 'No site has settings of its own.',
    runs: 'Checks by itself',
    marks: 'Marks the page',
    forget: 'Back to defaults',
    saved: 'Saved',
  },
} as const;

function counts(r: ReviewRecord): { confirmed: number; dismissed: number; notes: number } {
  const entries = Object.values(r.entries);
  return { confirmed: entries.filter((e) => e.status === 'confirmed').length, dismissed: entries.filter((e) => e.status === 'dismissed').length, notes: entries.filter((e) => e.note !== '').length };
}

export function Options(): preact.JSX.Element {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [records, setRecords] = useState<ReviewRecord[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const w = WORDS[locale];
  const reload = useCallback(() => {
    void allReviews().then(setRecords);
    void loadSettings().then((s) => {
      setSettings(s);
      setLocale(s.lang);
    });
  }, []);
  useEffect(() => {
    reload();
    const onChange = (_c: Record<string, unknown>, area: string): void => (area === 'local' ? reload() : undefined);
    pageApi.storage.onChanged.addListener(onChange);
    return () => pageApi.storage.onChanged.removeListener(onChange);
  }, [reload]);
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    document.title = w.title;
  }, [locale, w]);
  const sites = useMemo(() => {
    const m = new Map<string, ReviewRecord[]>();
    for (const r of records ?? []) {
      const list = m.get(r.site);
      if (list) list.push(r);
      else m.set(r.site, [r]);
    }
    return [...m.entries()];
  }, [records]);
  const clear = async (site: string | null): Promise<void> => {
    if (site === null && !window.confirm(w.confirmAll)) return;
    const n = await clearReviews(site);
    setMessage(w.cleared.replace('{n}', String(n)));
    reload();
  };
  const ui = UI[locale];
  const commit = async (field: ThresholdField, input: HTMLInputElement): Promise<void> => {
    if (!settings) return;
    const read = readThreshold(field, input.value);
    if ('error' in read) {
      input.value = String(settings.thresholds[field.key]);
      setProblem(refusal(field, (k) => ui[k]));
      return;
    }
    setProblem(null);
    await saveSettings({ thresholds: { ...settings.thresholds, [field.key]: read.value } });
  };
  const sitesList = Object.entries(settings?.sites ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <main class="options">
      <h1>{w.title}</h1>
      <section data-section="language">
        <h2>{w.language}</h2>
        <select value={locale} data-setting="lang" onChange={(e) => void saveSettings({ lang: (e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'zh-CN' })}>
          <option value="zh-CN">中文（简体）</option>
          <option value="en">English</option>
        </select>
      </section>
      <section data-section="thresholds">
        <h2>{w.thresholds}</h2>
        <p class="hint">{w.thresholdsHint}</p>
        {settings && <ThresholdFields values={settings.thresholds} t={(k) => ui[k]} onCommit={(field, input) => void commit(field, input)} />}
        {problem && (
          <p role="alert" class="problem" data-threshold-problem>
            {problem}
          </p>
        )}
        <button type="button" data-action="reset-thresholds" onClick={() => void saveSettings({ thresholds: DEFAULT_THRESHOLDS })}>
          {w.reset}
        </button>
      </section>
      <section data-section="sites">
        <h2>{w.sites}</h2>
        <p class="hint">{w.sitesHint}</p>
        {settings && sitesList.length === 0 && <p data-state="no-sites">{w.noSites}</p>}
        {settings && sitesList.length > 0 && (
          <table class="sites">
            <tbody>
              {sitesList.map(([host, site]) => (
                <tr key={host} data-site-setting={host}>
                  <th scope="row">{host}</th>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={site.run !== false}
                        onChange={(e) => void saveSettings({ sites: withSite(settings, host, { run: (e.currentTarget as HTMLInputElement).checked }) })}
                      />{' '}
                      {w.runs}
                    </label>
                  </td>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={site.overlay ?? settings.overlay}
                        onChange={(e) => void saveSettings({ sites: withSite(settings, host, { overlay: (e.currentTarget as HTMLInputElement).checked }) })}
                      />{' '}
                      {w.marks}
                    </label>
                  </td>
                  <td>
                    <button type="button" data-forget-site={host} onClick={() => void saveSettings({ sites: Object.fromEntries(sitesList.filter(([h]) => h !== host)) })}>
                      {w.forget}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section data-section="stored">
        <h2>{w.stored}</h2>
        <p class="hint">{w.storedHint}</p>
        {message && (
          <p role="status" class="status">
            {message}
          </p>
        )}
        {records !== null && records.length === 0 && <p data-state="empty">{w.none}</p>}
        {sites.map(([site, list]) => (
          <details class="site" key={site} data-site={site} open>
            <summary>
              <strong>{site === 'file' ? w.local : site}</strong> · {w.reports.replace('{n}', String(list.length))}
            </summary>
            <ul>
              {list.map((r) => {
                const c = counts(r);
                return (
                  <li key={r.key} data-report={r.key}>
                    <div class="report-title">{r.title ?? r.urls[0] ?? r.key}</div>
                    <div class="meta">
                      {[w.confirmed.replace('{n}', String(c.confirmed)), w.dismissed.replace('{n}', String(c.dismissed)), w.notes.replace('{n}', String(c.notes))].join(' · ')} · {w.updated}{' '}
                      {r.updated.slice(0, 10)}
                    </div>
                    {r.urls[0] && <div class="url">{r.urls[0]}</div>}
                    <ul class="entries">
                      {Object.entries(r.entries).map(([fp, e]) => (
                        <li key={fp}>
                          <span class={`status ${e.status ?? 'note'}`}>{w.status[e.status ?? 'note']}</span> {e.label}
                          {e.note && <span class="note"> — {e.note}</span>}
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ul>
            <button type="button" data-clear-site={site} onClick={() => void clear(site)}>
              {w.clearSite}
            </button>
          </details>
        ))}
        {records !== null && records.length > 0 && (
          <button type="button" class="danger" data-action="clear-all" onClick={() => void clear(null)}>
            {w.clearAll}
          </button>
        )}
      </section>
    </main>
  );
}
