/**
 * Decisions about findings in the extension's local storage (`storage.local`: never synced, never
 * sent anywhere), one entry per report under `review:<key>` (review/model.ts). The content script,
 * the popup, the viewer and the options page all read and write them here, and follow changes.
 */
import { pageApi } from './page-api.js';
import type { Report, ReportFinding } from '../contract/report.js';
import { recordOf, reportKey, withReview, type Review, type ReviewRecord } from '../review/model.js';

const PREFIX = 'review:';

export function storageKey(url: string, title: string | null): string {
  return PREFIX + reportKey(url, title).key;
}

/** The decisions about the report at `url`, or null when there are none. */
export async function loadReviews(url: string, title: string | null): Promise<ReviewRecord | null> {
  const k = storageKey(url, title);
  try {
    return recordOf((await pageApi.storage.get([k]))[k]);
  } catch {
    return null;
  }
}

/** Sets (or, with null, removes) the decision about one finding of the report at `url`. */
export async function saveReview(report: Report, url: string, f: ReportFinding, review: Review | null): Promise<ReviewRecord> {
  const k = storageKey(url, report.title);
  const current = recordOf((await pageApi.storage.get([k]))[k]);
  const next = withReview(current, report, url, f, review);
  if (Object.keys(next.entries).length === 0) await pageApi.storage.remove([k]);
  else await pageApi.storage.set({ [k]: next });
  return next;
}

/** Every stored record, newest first. */
export async function allReviews(): Promise<ReviewRecord[]> {
  const all = await pageApi.storage.getAll();
  return Object.entries(all)
    .filter(([k]) => k.startsWith(PREFIX))
    .map(([, v]) => recordOf(v))
    .filter((r): r is ReviewRecord => r !== null)
    .sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
}

/** Removes the stored decisions of one site (host name), or of every site when `site` is null. */
export async function clearReviews(site: string | null): Promise<number> {
  const all = await pageApi.storage.getAll();
  const keys = Object.entries(all)
    .filter(([k, v]) => k.startsWith(PREFIX) && (site === null || recordOf(v)?.site === site))
    .map(([k]) => k);
  if (keys.length) await pageApi.storage.remove(keys);
  return keys.length;
}

/** Calls `listener` when the decisions about the report under `key` (storageKey) change; returns the unsubscribe function. */
export function onReviewsChanged(key: () => string | null, listener: (record: ReviewRecord | null) => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    const k = key();
    if (area !== 'local' || k === null || !(k in changes)) return;
    const change = changes[k] as { newValue?: unknown } | undefined;
    listener(recordOf(change?.newValue));
  };
  pageApi.storage.onChanged.addListener(handler);
  return () => pageApi.storage.onChanged.removeListener(handler);
}
