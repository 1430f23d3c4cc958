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
  /** Choices made for one site (by host name): whether Crossfoot runs there by itself, whether it marks the page. */
  readonly sites: Readonly<Record<string, SiteSetting>>;
}

export interface SiteSetting {
  /** false: Crossfoot does not check this site's pages by itself (the popup can still check one). */
  readonly run?: boolean;
  /** This site's own choice of marking the page (else the general one). */
  readonly overlay?: boolean;
}

/** The site a page is on, as its choices are kept: the host name of an http(s) address ("" for any other). */
export function hostOf(url: string | undefined): string {
  try {
    const u = new URL(url ?? '');
    return /^https?:$/u.test(u.protocol) ? u.hostname : '';
  } catch {
    return '';
  }
}

/** Whether Crossfoot checks pages of `host` by itself. */
export function siteRuns(settings: Settings, host: string): boolean {
  return settings.sites[host]?.run !== false;
}

/** Whether findings are marked on pages of `host`. */
export function siteOverlay(settings: Settings, host: string): boolean {
  return settings.sites[host]?.overlay ?? settings.overlay;
}

/** The sites with a choice of their own, with one choice changed (a site back to the defaults is dropped). */
export function withSite(settings: Settings, host: string, patch: SiteSetting): Record<string, SiteSetting> {
  const next: Record<string, SiteSetting> = { ...settings.sites };
  const merged: { run?: boolean; overlay?: boolean } = { ...next[host], ...patch };
  if (merged.run !== false) delete merged.run;
  if (merged.overlay === undefined || merged.overlay === settings.overlay) delete merged.overlay;
  if (Object.keys(merged).length === 0) delete next[host];
  else next[host] = merged;
  return next;
}

export const DEFAULT_SETTINGS: Settings = { lang: 'zh-CN', overlay: true, questions: false, thresholds: DEFAULT_THRESHOLDS, pdfViewer: false, sites: {} };

const KEYS = ['lang', 'overlay', 'questions', 'thresholds', 'pdfViewer', 'sites'] as const;

/** Stored site choices, each checked: a host name and booleans, nothing else. */
function sitesOf(value: unknown): Record<string, SiteSetting> {
  const out: Record<string, SiteSetting> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [host, v] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[a-z0-9.-]{1,253}$/iu.test(host) || typeof v !== 'object' || v === null) continue;
    const c = v as Record<string, unknown>;
    const site: { run?: boolean; overlay?: boolean } = {};
    if (c.run === false) site.run = false;
    if (typeof c.overlay === 'boolean') site.overlay = c.overlay;
    if (Object.keys(site).length > 0) out[host.toLowerCase()] = site;
  }
  return out;
}

/** Settings from stored values; anything missing or malformed falls back to its default. */
export function settingsOf(stored: Partial<Record<(typeof KEYS)[number], unknown>>): Settings {
  return {
    lang: stored.lang === 'en' ? 'en' : 'zh-CN',
    overlay: stored.overlay !== false,
    questions: stored.questions === true,
    thresholds: thresholds(typeof stored.thresholds === 'object' && stored.thresholds !== null ? (stored.thresholds as Record<string, unknown>) : {}),
    pdfViewer: stored.pdfViewer === true,
    sites: sitesOf(stored.sites),
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

/** Saves one site's choice (the content scripts of its pages follow it); nothing for a page without a host. */
export async function saveSite(host: string, patch: SiteSetting): Promise<void> {
  if (!host) return;
  await saveSettings({ sites: withSite(await loadSettings(), host, patch) });
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
