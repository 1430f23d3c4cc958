/**
 * The extension's viewer for PDF and workbook reports: its address for a document, and which links
 * and tabs show a document the viewer reads (browsers' PDF viewers let no content script in).
 */
import browser from './browser.js';

/** Links to documents: .pdf, .xls, .xlsx (query strings allowed), and download links that serve them. */
export const DOCUMENT_LINKS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', '*://*/*.xls', '*://*/*.xls?*', '*://*/*.xlsx', '*://*/*.xlsx?*', '*://*/*download*'] as const;

const DOCUMENT_PATH = /\.(?:pdf|xlsx?)$/iu;

/** The viewer opened on a document's address. */
export function viewerUrl(src: string): string {
  return `${browser.runtime.getURL('viewer/index.html')}?src=${encodeURIComponent(src)}`;
}

/** The tab shows the viewer. */
export function isViewerUrl(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL('viewer/index.html'));
}

/** The tab shows a document the viewer reads (by its path: the browser's own PDF viewer has it). */
export function isDocumentUrl(url: string | undefined): boolean {
  if (!url || !/^https?:/iu.test(url)) return false;
  try {
    return DOCUMENT_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** A PDF on a *.gov.cn site (by its path), which the setting "open in the Crossfoot viewer" takes over. */
export function isGovPdfUrl(url: string | undefined): boolean {
  if (!url || !/^https?:/iu.test(url)) return false;
  try {
    const u = new URL(url);
    return /(?:^|\.)gov\.cn$/iu.test(u.hostname) && /\.pdf$/iu.test(u.pathname);
  } catch {
    return false;
  }
}
