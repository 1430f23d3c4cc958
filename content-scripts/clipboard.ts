/**
 * Copying a citation from the page. The asynchronous Clipboard API needs a secure context, and many
 * government sites are served over plain http: there the text is copied the older way, from a
 * text area inside our closed shadow root (the page cannot read it), with the extension's
 * clipboardWrite permission.
 */
import { markOwn } from './own-ui.js';

export async function copyText(text: string): Promise<boolean> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* refused (no user activation, a policy): try the other way */
  }
  const host = document.createElement('crossfoot-clipboard');
  markOwn(host);
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('top', '0', 'important');
  host.style.setProperty('left', '-10000px', 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const area = document.createElement('textarea');
  area.value = text;
  shadow.append(area);
  const focused = document.activeElement as HTMLElement | null;
  (document.documentElement ?? document.body).append(host);
  try {
    area.focus({ preventScroll: true });
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    host.remove();
    focused?.focus?.({ preventScroll: true });
  }
}
