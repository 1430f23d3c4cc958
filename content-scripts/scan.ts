/**
 * Quick bail-out: does the page (or a same-origin frame) hold a table that could be a budget table,
 * or a narrative that speaks of a budget? Decided from a sample, never by reading every cell: a
 * table by its first rows and its last (where budget tables print their header, 栏次 and 合计 lines)
 * and the lines just before it (its title, 公开0N表, 单位); the narrative from the page's text
 * outside tables (a 情况说明 is written in paragraphs). A long page of ordinary tables costs a small
 * fraction of reading it.
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

/** Rows read from the top of a table, and from its end. */
const HEAD_ROWS = 6;
const TAIL_ROWS = 2;

/** The sample of a table the scan reads: its first and last rows, and the two elements before it. */
function tableSample(t: Element): string {
  const rows = (t as HTMLTableElement).rows as HTMLCollectionOf<HTMLTableRowElement> | undefined;
  if (!rows) return t.textContent ?? '';
  const n = rows.length;
  let text = '';
  for (let i = 0; i < Math.min(n, HEAD_ROWS); i++) text += ` ${rows[i]?.textContent ?? ''}`;
  for (let i = Math.max(HEAD_ROWS, n - TAIL_ROWS); i < n; i++) text += ` ${rows[i]?.textContent ?? ''}`;
  let prev = t.previousElementSibling;
  for (let i = 0; i < 2 && prev && prev.localName !== 'table'; i++, prev = prev.previousElementSibling) text += ` ${(prev.textContent ?? '').slice(0, 200)}`;
  return text;
}

/** A leaf table (no table inside) whose sample could be a budget table's. */
export function isCandidateTable(t: Element): boolean {
  return t.getElementsByTagName('table').length === 0 && hasBudgetText(tableSample(t));
}

/** Elements whose text is never the narrative's (tables are sampled apart; scripts and styles are not text). */
const NOT_NARRATIVE = new Set(['table', 'script', 'style', 'noscript', 'template', 'svg', 'select', 'textarea']);

/** Elements that hold a paragraph of text: a narrative's figure and its budget word stand in one. */
const BLOCK = 'p,div,li,dd,dt,h1,h2,h3,h4,h5,h6,blockquote,pre,section,article,td,th,body';
const NOT_BLANK = /\S/u;

/**
 * Whether the text outside tables speaks of a budget: a paragraph holding both a figure and a budget
 * word (a 情况说明 sentence such as "支出决算为2.61万元"; a heading with a budget word and a list of
 * train times with numbers do not make one). Read up to NARRATIVE_SCAN characters, stopping at the
 * first such paragraph.
 */
function narrativeSpeaks(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, 5 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (n) => (n.nodeType === 1 && NOT_NARRATIVE.has((n as Element).localName) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  let block: Element | null = null;
  let parent: Element | null = null;
  let own: Element = body;
  let text = '';
  let read = 0;
  for (let n = walker.nextNode(); n && read < NARRATIVE_SCAN; n = walker.nextNode()) {
    if (n.nodeType !== 3) continue;
    const data = (n as Text).data;
    if (!NOT_BLANK.test(data)) continue; // the white space between tags
    read += data.length;
    if (n.parentElement !== parent) {
      parent = n.parentElement;
      own = parent?.closest(BLOCK) ?? body;
    }
    if (own !== block) {
      if (hasBudgetText(text)) return true;
      block = own;
      text = '';
    }
    if (text.length < 20_000) text += data;
  }
  return hasBudgetText(text);
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
  const narrative = candidates === 0 && documentsOf(doc).some(narrativeSpeaks);
  return { tables, candidates, narrative };
}
