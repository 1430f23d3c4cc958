/**
 * The review workflow in the extension's own pages (the popup, the viewer): the decisions about the page's findings (read from and
 * written to local storage, followed as they change in the page), each finding's actions
 * (确认, 非错误 with a reason, 备注, 复制引用), the dismissed findings apart, and the exports.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Report, ReportFinding } from '../contract/report.js';
import type { Locale } from '../i18n/index.js';
import type { UiKey } from '../i18n/ui.js';
import { applyReviews, decide, type Review, type ReviewRecord, type Reviewed, type ReviewStatus } from '../review/model.js';
import { loadReviews, onReviewsChanged, saveReview, storageKey } from '../platform/reviews.js';
import { citation } from '../export/citation.js';
import { download, exportFileName, exportText, type ExportKind } from './export.js';
import './reviews.css';

export interface Reviews {
  readonly entries: Readonly<Record<string, Review>>;
  readonly applied: Reviewed;
  set(f: ReportFinding, status: ReviewStatus | null, note: string): Promise<void>;
}

/** The decisions about a report, kept in step with storage. */
export function useReviews(report: Report, url: string): Reviews {
  const [record, setRecord] = useState<ReviewRecord | null>(null);
  useEffect(() => {
    let live = true;
    void loadReviews(url, report.title).then((r) => live && setRecord(r));
    const key = storageKey(url, report.title);
    const off = onReviewsChanged(
      () => key,
      (r) => setRecord(r),
    );
    return () => {
      live = false;
      off();
    };
  }, [report, url]);
  const entries = record?.entries ?? EMPTY;
  const applied = useMemo(() => applyReviews(report, entries), [report, entries]);
  const set = useCallback(async (f: ReportFinding, status: ReviewStatus | null, note: string) => setRecord(await saveReview(report, url, f, decide(status, note))), [report, url]);
  return { entries, applied, set };
}

const EMPTY: Readonly<Record<string, Review>> = {};

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

interface ActionsProps {
  readonly f: ReportFinding;
  readonly report: Report;
  readonly url: string;
  readonly reviews: Reviews;
  readonly t: (k: UiKey) => string;
  readonly locale: Locale;
  readonly checked: Date;
  /** The PDF page a finding stands on (the viewer knows it), for its citation. */
  readonly page?: number | null;
}

/** A finding's decision and actions, under its entry in the list. */
export function FindingActions({ f, report, url, reviews, t, locale, checked, page = null }: ActionsProps): preact.JSX.Element {
  const review = reviews.applied.review(f);
  const [asking, setAsking] = useState<ReviewStatus | 'note' | null>(null);
  const [text, setText] = useState('');
  const [copied, setCopied] = useState<boolean | null>(null);
  const confirmed = review?.status === 'confirmed';
  const dismissed = review?.status === 'dismissed';
  const ask = (what: ReviewStatus | 'note'): void => {
    setText(review?.note ?? '');
    setAsking(asking === what ? null : what);
  };
  const save = (): void => {
    const status = asking === 'note' ? (review?.status ?? null) : asking;
    void reviews.set(f, status, text).then(() => setAsking(null));
  };
  return (
    <div class="actions" data-actions={f.id}>
      {review?.note && (
        <p class="note" data-note={f.id}>
          {dismissed ? t('reasonLabel') : t('noteLabel')}
          {review.note}
        </p>
      )}
      <div class="buttons">
        <button type="button" class="act" aria-pressed={confirmed} data-act="confirm" onClick={() => void reviews.set(f, confirmed ? null : 'confirmed', review?.note ?? '')}>
          {confirmed ? `✓ ${t('confirmed')}` : t('confirm')}
        </button>
        {dismissed ? (
          <button type="button" class="act" data-act="restore" onClick={() => void reviews.set(f, null, '')}>
            {t('restore')}
          </button>
        ) : (
          <button type="button" class="act" aria-expanded={asking === 'dismissed'} data-act="dismiss" onClick={() => ask('dismissed')}>
            {t('dismiss')}…
          </button>
        )}
        <button type="button" class="act" aria-expanded={asking === 'note'} data-act="note" onClick={() => ask('note')}>
          {t('note')}…
        </button>
        <button type="button" class="act" data-act="copy" onClick={() => void copy(citation(report, f, { url, locale, checked, page })).then(setCopied)}>
          {copied === null ? t('copyCitation') : copied ? `✓ ${t('copied')}` : t('copyFailed')}
        </button>
      </div>
      {asking !== null && (
        <form
          class="ask"
          data-ask={asking}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <input
            type="text"
            maxLength={500}
            value={text}
            aria-label={asking === 'dismissed' ? t('reasonLabel') : t('noteLabel')}
            placeholder={asking === 'dismissed' ? t('reasonPlaceholder') : t('notePlaceholder')}
            onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
            ref={(el) => el?.focus()}
          />
          <button type="submit" class="act" data-act="save">
            {t('save')}
          </button>
          <button type="button" class="act" data-act="cancel" onClick={() => setAsking(null)}>
            {t('cancel')}
          </button>
        </form>
      )}
    </div>
  );
}

/** Exports of the page's report with the decisions. */
export function ExportBar({ report, url, reviews, t, locale }: { report: Report; url: string; reviews: Reviews; t: (k: UiKey) => string; locale: Locale }): preact.JSX.Element {
  const [saved, setSaved] = useState<string | null>(null);
  const run = (kind: ExportKind): void => {
    const name = exportFileName(report, kind, new Date());
    download(exportText(report, url, reviews.entries, kind, locale), name, kind);
    setSaved(name);
  };
  return (
    <section class="export" aria-label={t('exportTitle')}>
      <span class="label">{t('exportTitle')}</span>
      {(['md', 'csv', 'json'] as const).map((kind) => (
        <button type="button" key={kind} class="act" data-export={kind} onClick={() => run(kind)}>
          {t(kind === 'md' ? 'exportMd' : kind === 'csv' ? 'exportCsv' : 'exportJson')}
        </button>
      ))}
      {saved && (
        <span class="hint" role="status" data-exported={saved}>
          {t('exported').replace('{file}', saved)}
        </span>
      )}
    </section>
  );
}
