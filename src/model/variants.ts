/**
 * Traditional → simplified folding for recognition and matching. Copies of reports on mirror sites
 * (and Hong Kong / Taiwan style exports) print 決算, 預算, 總計, 大於: they must be read as 决算,
 * 预算, 总计, 大于. The character table is OpenCC's (TSCharacters, via opencc-js); folding is one
 * character for one character, so that every offset into the folded text is an offset into the
 * page's own text (quotes and marks keep the page's characters). Phrase conversions, which change
 * lengths, are not needed to read budget vocabulary.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

let table: Map<string, string> | null = null;

function charTable(): Map<string, string> {
  if (table) return table;
  table = new Map();
  for (const entry of (TS_CHARACTERS as string).split('|')) {
    const [from, to] = entry.split(' ');
    // one UTF-16 unit for one: anything else would move offsets
    if (from && to && from.length === 1 && to.length === 1 && from !== to) table.set(from, to);
  }
  return table;
}

/** Whether a text holds any character the table folds (a quick test before folding). */
const TRADITIONAL_HINT = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** The text with traditional characters folded to their simplified forms; same length. */
export function foldVariants(text: string): string {
  if (!TRADITIONAL_HINT.test(text)) return text;
  const t = charTable();
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const to = t.get(ch);
    if (to !== undefined) {
      out += to;
      changed = true;
    } else out += ch;
  }
  return changed ? out : text;
}
