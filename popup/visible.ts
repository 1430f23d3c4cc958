import { INVISIBLE_ALL } from '../src/model/text.js';

/**
 * Page text as it is, with characters that print nothing or reorder what follows (zero-width,
 * bidi controls, control characters) shown as visible code points, so none can hide or disguise
 * what a finding says.
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE_ALL, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
