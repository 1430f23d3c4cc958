/**
 * The year a report is about: the year its title names beside 预算/决算/三公/绩效, else its first
 * heading or paragraph that does (a 2017 决算 speaks of 2016 as last year). Null when none says.
 * Read once by recognition into RecognisedDocument.year.
 */
import type { ReportDocument } from '../model/document.js';
import { keyText } from '../model/text.js';

const YEAR_OF_REPORT = /(20\d{2})\s*年度?[^，。；]{0,30}?(?:部门|单位)?(?:预算|决算|预决算|"三公"|三公|绩效)/u;

export function reportYear(doc: ReportDocument): number | null {
  let year: number | null = null;
  for (const c of [doc.title ?? '', ...doc.blocks.slice(0, 40).map((b) => b.text)]) {
    const m = YEAR_OF_REPORT.exec(keyText(c));
    if (m) {
      year = Number(m[1]);
      break;
    }
  }
  return year;
}

/** The year a table column names in its header ("2016年预算数"), or null. */
export function columnYear(keys: readonly string[]): number | null {
  for (const k of keys) {
    const m = /(20\d{2})\s*年/u.exec(k);
    if (m) return Number(m[1]);
  }
  return null;
}
