/**
 * The Crossfoot viewer: an extension page that opens a PDF or a workbook (from ?src=, from a file
 * the user picks or drops), checks it with the same engine as pages, and paints the findings over
 * it — each cell's outline over its box on the rendered page, with the finding's explanation on
 * hover or focus. The popup asks this page for its report as it asks a content script. Nothing of
 * the document becomes markup: pages are canvases, text is set with textContent.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from '../src/platform/browser.js';
import { UI } from '../src/i18n/ui.js';
import { isAnomaly, type ReportFinding } from '../src/contract/report.js';
import type { PageStatus } from '../src/messages/protocol.js';
import { checkBytes, type Checked } from './load.js';
import { paintPdf, paintWorkbook, pageOfFinding, showMarks } from './paint.js';
import { ExportBar, FindingActions, useReviews } from '../src/ui/reviews.js';

/** Largest document the viewer reads (as the CLI). */
const MAX_BYTES = 64 * 1024 * 1024;

type State =
  | { readonly kind: 'choose' }
  | { readonly kind: 'reading'; readonly source: string; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly source: string; readonly checked: Checked }
  /** The file is on a site Crossfoot may not read yet: the user is asked, for that site only. */
  | { readonly kind: 'permission'; readonly source: string; readonly origin: string }
  | { readonly kind: 'failed'; readonly source: string; readonly message: string };

const SEVERITY_WORD: Record<ReportFinding['severity'], string> = { error: UI['zh-CN'].error, review: UI['zh-CN'].review, rounding: UI['zh-CN'].rounding };
const ORDER: Record<ReportFinding['severity'], number> = { error: 0, review: 1, rounding: 2 };

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { credentials: 'omit', redirect: 'follow' });
  if (!res.ok) throw new Error(`服务器返回 ${res.status}`);
  const buf = new Uint8Array(await res.arrayBuffer());
  if (buf.length > MAX_BYTES) throw new Error('文件过大');
  return buf;
}

export function Viewer(): preact.JSX.Element {
  const [state, setState] = useState<State>({ kind: 'choose' });
  const pages = useRef<HTMLDivElement>(null);
  const statusRef = useRef<PageStatus>({ state: 'idle' });

  const check = useCallback(async (data: Uint8Array, source: string) => {
    setState({ kind: 'reading', source, done: 0, total: 0 });
    statusRef.current = { state: 'checking' };
    try {
      const checked = await checkBytes(data, source, (done, total) => setState({ kind: 'reading', source, done, total }));
      statusRef.current = { state: 'done', report: checked.report, url: source, overlay: true };
      setState({ kind: 'done', source, checked });
      document.title = `${checked.report.title ?? source} — Crossfoot 勾稽`;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      statusRef.current = { state: 'failed', message };
      setState({ kind: 'failed', source, message });
    }
  }, []);

  const load = useCallback(
    (src: string) => {
      setState({ kind: 'reading', source: src, done: 0, total: 0 });
      fetchBytes(src).then(
        (data) => check(data, src),
        (e: unknown) => setState({ kind: 'failed', source: src, message: e instanceof Error ? e.message : String(e) }),
      );
    },
    [check],
  );

  // ?src=: the document the popup or the context menu opened (read once the site may be read)
  useEffect(() => {
    const src = new URLSearchParams(location.search).get('src');
    if (!src || !/^https?:\/\//iu.test(src)) return;
    const origin = new URL(src).origin;
    void browser.permissions.contains({ origins: [`${origin}/*`] }).then((ok) => (ok ? load(src) : setState({ kind: 'permission', source: src, origin })));
  }, [load]);

  const allow = useCallback(
    (src: string, origin: string) => {
      // asked on the user's click, for this one site
      void browser.permissions.request({ origins: [`${origin}/*`] }).then((ok) => (ok ? load(src) : setState({ kind: 'failed', source: src, message: '未获准读取该网站' })));
    },
    [load],
  );

  // the popup asks this page what a content script would answer
  useEffect(() => {
    let own: number | undefined;
    void browser.tabs.getCurrent().then((t) => (own = t?.id));
    const listener = (m: unknown): Promise<unknown> | undefined => {
      const msg = m as { type?: string; tabId?: number } | null;
      if (!msg || msg.tabId === undefined || msg.tabId !== own) return undefined;
      const status = statusRef.current;
      if (msg.type === 'crossfoot:get-status') return Promise.resolve(status);
      if (msg.type === 'crossfoot:get-report') return Promise.resolve(status.state === 'done' ? { ...status.report, url: status.url } : null);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  // paint the pages once checked
  useEffect(() => {
    const host = pages.current;
    if (state.kind !== 'done' || !host) return;
    host.replaceChildren();
    const c = state.checked;
    let cancelled = false;
    if (c.kind === 'pdf') void paintPdf(c.pdf, host, c, () => cancelled);
    else paintWorkbook(host, c);
    return () => {
      cancelled = true;
      // the document read and painted is let go when another replaces it or the page goes
      if (c.kind === 'pdf') void c.pdf.destroy();
    };
  }, [state]);

  const onFile = useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      if (file.size > MAX_BYTES) return setState({ kind: 'failed', source: file.name, message: '文件过大' });
      await check(new Uint8Array(await file.arrayBuffer()), file.name);
    },
    [check],
  );

  return (
    <div class="viewer" data-state={state.kind} onDragOver={(e) => e.preventDefault()} onDrop={(e) => (e.preventDefault(), void onFile(e.dataTransfer?.files[0]))}>
      <header class="bar">
        <span class="logo" aria-hidden="true">
          勾
        </span>
        <h1>Crossfoot 勾稽</h1>
        <label class="open">
          打开 PDF 或 Excel 文件……
          <input type="file" accept=".pdf,.xls,.xlsx,application/pdf" onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
      </header>
      <div class="body">
        <aside class="panel" aria-live="polite">
          <Panel state={state} onAllow={allow} />
        </aside>
        <main class="pages" ref={pages} />
      </div>
    </div>
  );
}

function Panel({ state, onAllow }: { state: State; onAllow: (src: string, origin: string) => void }): preact.JSX.Element {
  if (state.kind === 'permission')
    return (
      <div class="state" data-state="permission">
        <p>要核对的文件在 {state.origin} 上。Crossfoot 需要您允许它读取这个网站的文件（只读取您打开的这一份，在本机核对，不上传）。</p>
        <button type="button" class="primary" data-action="allow-site" onClick={() => onAllow(state.source, state.origin)}>
          允许读取 {new URL(state.origin).host}
        </button>
      </div>
    );
  if (state.kind === 'choose') return <p class="state">打开或拖入一份 PDF 或 Excel 格式的预决算报告，Crossfoot 在本机核对其中的表格和情况说明。</p>;
  if (state.kind === 'reading')
    return (
      <p class="state" role="status">
        {state.total > 0 ? `正在读取第 ${state.done} / ${state.total} 页……` : '正在读取……'}
      </p>
    );
  if (state.kind === 'failed')
    return (
      <p class="state" role="alert" data-state="failed">
        无法核对 {state.source}：{state.message}
      </p>
    );
  return <Summary checked={state.checked} source={state.source} />;
}

const t = (k: keyof (typeof UI)['zh-CN']): string => UI['zh-CN'][k];

function Summary({ checked, source }: { checked: Checked; source: string }): preact.JSX.Element {
  const report = checked.report;
  const s = report.summary;
  const reviews = useReviews(report, source);
  const applied = reviews.applied;
  const [at] = useState(() => new Date());
  // dismissed findings leave the page's marks (a mark whose findings are all dismissed is hidden)
  useEffect(() => {
    const dismissed = new Set(applied.dismissed.map((f) => f.id));
    showMarks((id) => !dismissed.has(id));
  }, [applied]);
  const counts = applied.counts;
  const open = report.findings.filter((f) => !applied.isDismissed(f));
  const reveal = (id: string): void => {
    const mark = document.querySelector<HTMLElement>(`[data-finding="${CSS.escape(id)}"]`);
    mark?.scrollIntoView({ block: 'center' });
    mark?.focus();
  };
  const item = (f: ReportFinding): preact.JSX.Element => (
    <li key={f.id} class={isAnomaly(f) ? 'question' : f.severity} data-item={f.id} data-status={applied.review(f)?.status ?? 'pending'}>
      <button type="button" onClick={() => reveal(f.id)}>
        <strong>{isAnomaly(f) ? t('question') : SEVERITY_WORD[f.severity]}</strong> {f.message.zh}
      </button>
      <FindingActions f={f} report={report} url={source} reviews={reviews} t={t} locale="zh-CN" checked={at} page={pageOfFinding(checked, f)} />
    </li>
  );
  return (
    <div class="summary">
      <h2>{report.title ?? ''}</h2>
      <p class="counts" data-errors={counts.error} data-reviews={counts.review} data-roundings={counts.rounding}>
        <span class="error">
          {SEVERITY_WORD.error} {counts.error}
        </span>{' '}
        ·{' '}
        <span class="review">
          {SEVERITY_WORD.review} {counts.review}
        </span>{' '}
        ·{' '}
        <span class="rounding">
          {SEVERITY_WORD.rounding} {counts.rounding}
        </span>
      </p>
      <p class="hint">
        {s.tables} 张表 · 核对相符 {s.passed} 项 · 情况说明数字 {s.narrative.figures} 个
      </p>
      <ExportBar report={report} url={source} reviews={reviews} t={t} locale="zh-CN" />
      <ol class="findings">{[...open].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]).map((f) => item(f))}</ol>
      {applied.dismissed.length > 0 && (
        <details class="dismissed" data-section="dismissed">
          <summary>{t('dismissedList').replace('{n}', String(applied.dismissed.length))}</summary>
          <ol class="findings">{applied.dismissed.map((f) => item(f))}</ol>
        </details>
      )}
      {report.notChecked.length > 0 && (
        <details>
          <summary>未核对（{report.notChecked.length}）</summary>
          <ul>
            {report.notChecked.map((n, i) => (
              <li key={i}>{n.message.zh}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
