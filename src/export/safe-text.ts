/**
 * What the CLI writes is read by terminals, spreadsheets and Markdown viewers, and a document's
 * text must not command any of them: no control character (ESC sequences clear a screen or erase
 * the line holding a finding; CR rewrites it), no bidi override (it reorders what a reader sees),
 * no formula in a spreadsheet cell.
 */
import { INVISIBLE_ALL, stripInvisible } from '../model/text.js';

/** One line of text: control, zero-width and bidi characters removed, line breaks folded. */
export function safeLine(text: string): string {
  return stripInvisible(text).replace(/[\t\n\v\f\r]+/g, ' ');
}

/** Whole text or Markdown output: the same characters removed, its own line breaks kept. */
export function safeOutput(text: string): string {
  return stripInvisible(text).replace(/[\v\f\r]/g, '');
}

/** JSON keeps every character of the data, but as \u escapes where one could act on a reader. */
export function inertJson(json: string): string {
  return json.replace(INVISIBLE_ALL, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

const NUMBER = /^[+-]?\d[\d,]*(?:\.\d+)?%?$/;

/**
 * A CSV cell a spreadsheet will not run: text beginning with = + - @ (or a tab or CR, which some
 * spreadsheets skip before one) gets a leading apostrophe, as OWASP advises; signed numbers stay
 * numbers.
 */
export function csvCell(value: string): string {
  const clean = safeLine(value);
  return /^\s*[=+\-@]/.test(clean) && !NUMBER.test(clean.trim()) ? `'${clean}` : clean;
}
