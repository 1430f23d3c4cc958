/**
 * The user's settings, kept in the extension's local storage (never synced, never sent anywhere):
 * language, whether findings are marked in the page, whether questions about rates are marked too,
 * and the thresholds of those questions. The popup writes them; every content script reads them and
 * follows their changes.
 */
import { pageApi } from './page-api.js';
import type { Locale } from '../i18n/index.js';
import { DEFAULT_THRESHOLDS, thresholds, type Thresholds } from '../engine/settings.js';

export interface Settings {
  readonly lang: Locale;
  /** Mark findings in the page. */
  readonly overlay: boolean;
  /** Mark questions about rates (rate anomalies) in the page as well. */
  readonly questions: boolean;
  readonly thresholds: Thresholds;
  /** Open PDFs served by *.gov.cn sites in the Crossfoot viewer instead of the browser's (off by default). */
  readonly pdfViewer: boolean;
}

export const DEFAULT_SETTINGS: Settings = { lang: 'zh-CN', overlay: true, questions: false, thresholds: DEFAULT_THRESHOLDS, pdfViewer: false };

const KEYS = ['lang', 'overlay', 'questions', 'thresholds', 'pdfViewer'] as const;

/** Settings from stored values; anything missing or malformed falls back to its default. */
export function settingsOf(stored: Partial<Record<(typeof KEYS)[number], unknown>>): Settings {
  return {
    lang: stored.lang === 'en' ? 'en' : 'zh-CN',
    overlay: stored.overlay !== false,
    questions: stored.questions === true,
    thresholds: thresholds(typeof stored.thresholds === 'object' && stored.thresholds !== null ? (stored.thresholds as Record<string, unknown>) : {}),
    pdfViewer: stored.pdfViewer === true,
  };
}

export async function loadSettings(): Promise<Settings> {
  try {
    return settingsOf(await pageApi.storage.get([...KEYS]));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await pageApi.storage.set(patch as Record<string, unknown>);
}

/** Calls `listener` with the new settings whenever one changes; returns the unsubscribe function. */
export function onSettingsChanged(listener: (next: Settings, changed: ReadonlySet<keyof Settings>) => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'local') return;
    const changed = new Set(KEYS.filter((k) => k in changes));
    if (changed.size === 0) return;
    void loadSettings().then((s) => listener(s, changed));
  };
  pageApi.storage.onChanged.addListener(handler);
  return () => pageApi.storage.onChanged.removeListener(handler);
}
