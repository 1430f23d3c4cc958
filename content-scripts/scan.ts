/**
 * Quick bail-out: does the page (or a same-origin frame) hold a table that could be a budget table?
 * Reads only the text of each leaf table once, so a long page of ordinary tables costs little.
 */
const BUDGET_WORDS = /合计|总计|小计|预算|决算|支出|收入|栏次|科目|绩效|经费|金额/u;
const FIGURE = /\d[\d,，]*[.．]\d{1,4}|\d{3,}/u;

export interface Candidates {
  readonly tables: number;
  readonly candidates: number;
  /** The page's text speaks of a budget (most disclosure pages carry only the 情况说明): worth a check without tables. */
  readonly narrative: boolean;
}

/** How much of a page's text the quick scan reads for budget words (the engine reads it all). */
const NARRATIVE_SCAN = 200_000;

function documentsOf(doc: Document): Document[] {
  const out = [doc];
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner?.body) out.push(...documentsOf(inner));
    } catch {
      /* cross-origin frame: not ours to read */
    }
  }
  return out;
}

/** Text that speaks of a budget: a figure and a budget word. */
export function hasBudgetText(text: string): boolean {
  return text.length >= 4 && FIGURE.test(text) && BUDGET_WORDS.test(text);
}

/** A leaf table (no table inside) whose text could be a budget table's. */
export function isCandidateTable(t: Element): boolean {
  return t.getElementsByTagName('table').length === 0 && hasBudgetText(t.textContent ?? '');
}

/** Counts the tables of the page and those that look like budget tables. */
export function scanForCandidates(doc: Document): Candidates {
  let tables = 0;
  let candidates = 0;
  for (const d of documentsOf(doc)) {
    const list = d.getElementsByTagName('table');
    tables += list.length;
    for (let i = 0; i < list.length; i++) {
      // a layout table holds other tables: its inner ones count
      if (isCandidateTable(list[i] as Element)) candidates++;
    }
  }
  // a page without budget tables may still carry the 情况说明: a disclosure word and figures
  const narrative = candidates === 0 && documentsOf(doc).some((d) => hasBudgetText((d.body?.textContent ?? '').slice(0, NARRATIVE_SCAN)));
  return { tables, candidates, narrative };
}
