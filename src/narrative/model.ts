/**
 * The narrative of a document, read once and shared by the narrative rules: passages, statements
 * (with their concept and the list they belong to), and the resolution of a statement's figures to
 * table cells.
 */
import type { RecognisedDocument } from '../recognise/index.js';
import { keyText } from '../model/text.js';
import type { Steps } from '../model/steps.js';
import { conceptAliases, conceptOf, nameKey } from './concepts.js';
import { figureOf, type Statement } from './statement.js';
import { itemName } from './subjects.js';
import { statementsOf } from './claims.js';
import { COMPARISON, comparisonWord, type Mention } from './mentions.js';
import { byLeaf, economicTotal, namedRowCell, summaryCell, threePublicCell, totalRowCell, type CellValue, type ThreePublicItem } from './lookup.js';
import { passagesSteps, locate, pieceAt, type Passage } from './passages.js';

export interface Narrative {
  readonly passages: Passage[];
  readonly statements: Statement[];
  readonly byId: Map<number, Statement>;
}

const LIST_END = /(?:其中|主要用于以下方面|主要包括|具体如下|分别为)[：:]?\s*$/u;

/** The narrative, read in steps (a few dozen passages each) into the document before the rules run (document.ts). */
export function* narrativeSteps(doc: RecognisedDocument): Steps<Narrative> {
  const passages = yield* passagesSteps(doc.document);
  yield;
  const statements: Statement[] = [];
  type OpenList = { parent: number; headings: string; words?: boolean; outer?: OpenList | null };
  let open: OpenList | null = null;
  const year = doc.year;
  for (const p of passages) {
    if (p.index % 40 === 39) yield;
    const list = statementsOf(p, statements.length, { year, concept: (name, read) => sameConcept(name, [...statements, ...read]) });
    const headings = p.headings.join('|');
    // "决算数大于预算数的主要原因是…" in a paragraph of its own speaks of the item just before it
    if (list.length === 0) {
      const cmp = COMPARISON.exec(p.text);
      const prev = statements[statements.length - 1];
      const prevPassage = prev ? passages[prev.passage] : undefined;
      if (cmp && prev && prevPassage?.headings.join('|') === headings && !prev.comparison) {
        prev.comparison = { word: comparisonWord(cmp[1] ?? ''), start: cmp.index ?? 0, end: (cmp.index ?? 0) + cmp[0].length, passage: p.index };
      }
    }
    if (open && open.headings !== headings) open = null;
    // a list announced by "主要包括：" whose items are words ("基本工资、津贴补贴…") ends with them
    if (open?.words && list.length === 0 && p.text.trim().length >= 6 && !LIST_END.test(keyText(p.text))) {
      open = open.outer ?? null; // back to the list the described item stands in
      continue;
    }
    // a paragraph that starts a new numbered item or states its own budget is a peer, not a component
    const openParent = open ? statements[open.parent - (statements[0]?.id ?? 0)] : undefined;
    const itemsList = openParent !== undefined && (openParent.budget !== undefined || openParent.final !== undefined);
    if (open) {
      const lead = list[0];
      if (lead?.item) {
        if (!itemsList) open = null;
      } else if (/^\s*\d+[.．、]/u.test(p.text) || lead?.budget) open = null;
    }
    for (const st of list) {
      st.concept = conceptOf(st.subject);
      if (open && st.parent === null && (st.amount || st.final || st.budget)) st.parent = open.parent;
    }
    // a header sentence announcing a list that continues in the next paragraphs
    const last = list[list.length - 1];
    if (last && LIST_END.test(keyText(p.text))) {
      const words = /(?:主要包括|包括)[：:]?\s*$/u.test(keyText(p.text));
      // an item of the open list describing what it includes: its own list nests in the open one
      open = { parent: last.id, headings, words, outer: words && open && last.parent === open.parent ? open : null };
    } else if (last && last.item === null && (last.budget || last.final) && /具体情况/u.test(headings)) open = { parent: last.id, headings };
    else if (list.length > 0 && !list.some((s) => s.parent !== null)) open = null;
    statements.push(...list);
  }
  sharesUnderTheirBase(statements, passages);
  return { passages, statements, byId: new Map(statements.map((s) => [s.id, s])) };
}

/** The latest statement whose subject has the concept of a name. */
function sameConcept(name: string, read: readonly Statement[]): Statement | null {
  const c = conceptOf(name);
  if (!c) return null;
  for (let i = read.length - 1; i >= 0; i--) {
    const st = read[i] as Statement;
    if ((st.concept ?? conceptOf(st.subject)) === c) return st;
  }
  return null;
}

/**
 * Figures listed one by one with their share of a base the text names ("工资福利支出 905709.06 元，
 * 占基本支出预算 79.89%；商品和服务支出…，占基本支出预算…") are parts of that base, as if listed
 * under it: the list is read as one, so its parts can be summed against the base.
 */
function sharesUnderTheirBase(statements: Statement[], passages: readonly Passage[]): void {
  // a "其中：" between two runs of shares starts another breakdown (基本/项目, then by class)
  const segment: number[] = [];
  let seg = 0;
  for (const p of passages) {
    segment[p.index] = seg;
    if (/其中[：:]?\s*$/u.test(keyText(p.text)) || /其中[：:]?\s*$/u.test(keyText(p.text.slice(-4)))) seg++;
  }
  const groups = new Map<string, Statement[]>();
  for (const st of statements) {
    const named = st.share?.base ?? st.blanks?.find((b) => b.role === 'share')?.base ?? null;
    if (st.parent !== null || !named || !figureOf(st)) continue;
    const key = `${passages[st.passage]?.headings.join('|') ?? ''}|${segment[st.passage] ?? 0}|${keyText(named)}`;
    const list = groups.get(key);
    if (list) list.push(st);
    else groups.set(key, [st]);
  }
  let group = 1000;
  for (const list of groups.values()) {
    if (list.length < 2) continue; // one figure and its share is not a list
    const first = list[0] as Statement;
    const concept = conceptOf(first.share?.base ?? first.blanks?.find((b) => b.role === 'share')?.base ?? '');
    if (!concept) continue;
    const accepted: readonly string[] = conceptAliases(concept);
    // the nearest such figure before the list, else the first after it
    const fits = (s: Statement): boolean => !list.includes(s) && s.concept !== null && accepted.includes(s.concept) && !!figureOf(s) && s.parent === null;
    const base = statements.filter((s) => s.id < first.id && fits(s)).at(-1) ?? statements.find(fits);
    if (!base) continue;
    group++;
    for (const st of list) {
      st.parent = base.id;
      st.group = group; // a breakdown of its own, apart from any list written under the base
    }
  }
}

/** The current figure a change is about: stated with it, or stated just before about the same subject. */
export function currentOf(narrative: Narrative, st: Statement): Mention | null {
  return currentWith(narrative, st)?.mention ?? null;
}

/** currentOf, with the statement that states it. */
export function currentWith(narrative: Narrative, st: Statement): { mention: Mention; owner: Statement } | null {
  const own = figureOf(st);
  if (own) return { mention: own, owner: st };
  const key = st.concept ?? keyText(st.subject);
  const passage = narrative.passages[st.passage];
  for (let i = st.id - 1; i >= 0; i--) {
    const prev = narrative.byId.get(i);
    if (!prev) break;
    const pp = narrative.passages[prev.passage];
    if (!pp || !passage || pp.headings.join('|') !== passage.headings.join('|')) break;
    const shorthand = keyText(st.subject).length >= 4 && keyText(prev.subject).startsWith(keyText(st.subject));
    if (((prev.concept ?? keyText(prev.subject)) === key || shorthand) && figureOf(prev)) return { mention: figureOf(prev) as Mention, owner: prev };
  }
  return null;
}

/** Where a statement's figure is in the tables, and whether the table's scope is the statement's. */
export interface Resolution {
  readonly cell: CellValue;
  /** same: the cell is the quantity; broader: the cell covers more (all funds for a 财政拨款 figure); label: the text's label names another line. */
  readonly scope: 'same' | 'broader';
}

const GENERAL_COLUMN = (keys: string): boolean => /一般公共预算/u.test(keys);

function first(...candidates: Array<CellValue | null>): CellValue | null {
  return candidates.find((c) => c !== null) ?? null;
}

function summary(doc: RecognisedDocument, kinds: Array<'D01' | 'B01' | 'D04' | 'B04'>, side: 'income' | 'expenditure', re: RegExp, column?: (k: string) => boolean): CellValue | null {
  return summaryCell(doc, kinds, side, (k) => re.test(k), column ? (c) => column(c.keys.join('/')) : undefined);
}

function threeItem(concept: string | null): ThreePublicItem | null {
  switch (concept) {
    case 'three-total':
      return 'total';
    case 'three-abroad':
      return 'abroad';
    case 'three-vehicle':
      return 'vehicle';
    case 'three-vehicle-purchase':
      return 'vehicle-purchase';
    case 'three-vehicle-running':
      return 'vehicle-running';
    case 'three-reception':
      return 'reception';
    default:
      return null;
  }
}

/**
 * Resolves a statement's figure to its table cell. `field` says which figure: the amount (or the
 * final figure of a budget/final statement), or the budget.
 */
/** The report's tables are 部门预算 tables (B01–B09) and none is a 决算 table: a figure stated without a year is the budget year's. */
export function budgetReport(doc: RecognisedDocument): boolean {
  const kinds = doc.tables.map((t) => t.kind);
  return kinds.some((k) => k.startsWith('B')) && !kinds.some((k) => k.startsWith('D'));
}

export function resolve(doc: RecognisedDocument, narrative: Narrative, st: Statement, field: 'amount' | 'final' | 'budget'): Resolution | null {
  const p = narrative.passages[st.passage];
  if (!p) return null;
  const topic = p.topic;
  const c = st.concept;
  const same = (cell: CellValue | null): Resolution | null => (cell ? { cell, scope: 'same' } : null);
  const broader = (cell: CellValue | null): Resolution | null => (cell ? { cell, scope: 'broader' } : null);

  // the 政府性基金 / 国有资本经营 sections speak of their own 本年收入, 本年支出 and balances
  if (topic === 'fund' || topic === 'capital') {
    if (c === 'income-year') return same(fundCell(doc, topic, /^本年收入/u));
    if (c === 'expenditure-year') return same(fundCell(doc, topic, /^本年支出/u));
    if (c !== 'opening' && c !== 'closing') return null;
  }

  // 三公 figures are named unambiguously wherever they stand; other figures only in the sections about tables
  const item3 = threeItem(c);
  if (!item3 && (topic === 'other' || topic === 'operation' || topic === 'procurement' || topic === 'assets')) return null;
  if (item3) {
    if (field === 'budget') return same(threePublicCell(doc, 'budget', item3));
    return same(threePublicCell(doc, 'final', item3));
  }
  // 年初预算 is not in the 决算 tables; in a 部门预算 the tables print the budget itself
  if (field === 'budget' && !budgetReport(doc)) return null;

  switch (c) {
    case 'total-both':
    case 'income-total':
      return same(topic === 'fiscal' ? summary(doc, ['D04', 'B04'], 'income', /总计$/u) : summary(doc, ['D01', 'B01'], 'income', /总计$/u));
    case 'expenditure-total':
      return same(topic === 'fiscal' ? summary(doc, ['D04', 'B04'], 'expenditure', /总计$/u) : summary(doc, ['D01', 'B01'], 'expenditure', /总计$/u));
    case 'fiscal-total':
      return same(summary(doc, ['D04', 'B04'], 'income', /总计$/u));
    case 'income-year':
      return same(first(summary(doc, ['D01', 'B01'], 'income', /^本年收入合计$|^收入合计$/u), totalRowCell(doc, ['D02', 'B02'], byLeaf(/合计$/u))));
    case 'expenditure-year':
      return same(first(summary(doc, ['D01', 'B01'], 'expenditure', /^本年支出合计$|^支出合计$/u), totalRowCell(doc, ['D03', 'B03'], byLeaf(/合计$/u))));
    case 'fiscal-income':
      return same(
        topic === 'income'
          ? first(totalRowCell(doc, ['D02', 'B02'], byLeaf(/^财政拨款收入$|^财政拨款$/u)), summary(doc, ['D04', 'B04'], 'income', /^本年收入合计$/u))
          : summary(doc, ['D04', 'B04'], 'income', /^本年收入合计$/u),
      );
    case 'fiscal-expenditure':
      return same(summary(doc, ['D04', 'B04'], 'expenditure', /^本年支出合计$/u));
    case 'general-expenditure':
      return same(
        first(
          summary(doc, ['D04', 'B04'], 'expenditure', /^本年支出合计$/u, GENERAL_COLUMN),
          totalRowCell(doc, ['D05', 'B05'], (k) => /^本年支出\/(?:合计|小计)$|^合计$|^小计$/u.test(k)),
        ),
      );
    case 'general-basic':
      return same(totalRowCell(doc, ['D05', 'B05'], (k) => /基本支出(?:\/小计)?$/u.test(k)));
    case 'basic':
    case 'project':
    case 'exp-superior':
    case 'exp-operating':
    case 'exp-affiliate': {
      const re = { basic: /基本支出(?:\/小计)?$/u, project: /项目支出$/u, 'exp-superior': /上缴上级支出$/u, 'exp-operating': /经营支出$/u, 'exp-affiliate': /对附属单位补助支出$/u }[c];
      if (topic === 'general' || topic === 'basic') return same(totalRowCell(doc, ['D05', 'B05'], (k) => re.test(k)));
      return same(totalRowCell(doc, ['D03', 'B03'], (k) => re.test(k)));
    }
    case 'personnel':
    case 'public':
      return same(
        first(
          economicTotal(doc, c),
          totalRowCell(doc, ['D05', 'B05'], (k) => (c === 'personnel' ? /人员经费$/u : /公用经费$/u).test(k)),
        ),
      );
    case 'income-superior':
    case 'income-business':
    case 'income-operating':
    case 'income-affiliate':
    case 'income-other': {
      const re = { 'income-superior': /上级补助收入$/u, 'income-business': /事业收入$/u, 'income-operating': /经营收入$/u, 'income-affiliate': /附属单位上缴收入$/u, 'income-other': /其他收入$/u }[c];
      return same(
        first(
          summary(doc, ['D01', 'B01'], 'income', re),
          totalRowCell(doc, ['D02', 'B02'], (k) => re.test(k)),
        ),
      );
    }
    case 'opening':
    case 'closing': {
      const re = c === 'opening' ? /^年初.*结转和结余$/u : /^年末.*结转和结余$/u;
      if (topic === 'fund' || topic === 'capital') return same(fundCell(doc, topic, c === 'opening' ? /^年初/u : /^年末/u));
      if (topic === 'fiscal') return same(summary(doc, ['D04', 'B04'], c === 'opening' ? 'income' : 'expenditure', re));
      return same(summary(doc, ['D01', 'B01'], c === 'opening' ? 'income' : 'expenditure', re));
    }
    default:
      break;
  }

  // a functional class named in the 结构 paragraph or the summary
  if (c === null && /支出$/u.test(st.subject) && !st.item) {
    if (topic === 'general') {
      return same(
        first(
          summaryCell(
            doc,
            ['D04', 'B04'],
            'expenditure',
            (k) => nameKey(k) === nameKey(st.subject),
            (col) => GENERAL_COLUMN(col.keys.join('/')),
          ),
          namedRowCell(doc, ['D05', 'B05'], st.subject, (k) => /^本年支出\/(?:合计|小计)$|^合计$|^小计$/u.test(k), 1),
        ),
      );
    }
    if (topic === 'summary' || topic === 'expenditure') return same(summaryCell(doc, ['D01', 'B01'], 'expenditure', (k) => nameKey(k) === nameKey(st.subject)));
  }

  // another line of the summary table named exactly ("使用非财政拨款结余", "上年结转", "结转下年")
  if (c === null && !st.item && !/(?:支出|收入)$/u.test(st.subject) && (topic === 'summary' || topic === 'income' || topic === 'expenditure' || topic === 'fiscal')) {
    const kinds: Array<'D01' | 'B01' | 'D04' | 'B04'> = topic === 'fiscal' ? ['D04', 'B04'] : ['D01', 'B01'];
    const want = nameKey(st.subject);
    const named = (k: string): boolean => want.length >= 4 && nameKey(k) === want;
    return same(first(summaryCell(doc, kinds, 'income', named), summaryCell(doc, kinds, 'expenditure', named)));
  }

  // an item of the 具体情况 list (a 项): its 支出决算 in the 一般公共预算 table, else (broader) in the 支出决算表
  if (st.item && topic === 'general' && field === 'final') {
    const name = itemName(st.item);
    const own = namedRowCell(doc, ['D05', 'B05'], name, (k) => /^本年支出\/(?:合计|小计)$|^合计$|^小计$/u.test(k), 3);
    if (own) return same(own);
    return broader(namedRowCell(doc, ['D03', 'B03'], name, (k) => /合计$/u.test(k), 3));
  }
  return null;
}

/** A total of the 政府性基金 / 国有资本经营 table, in the column whose header path starts as given. */
function fundCell(doc: RecognisedDocument, topic: 'fund' | 'capital', column: RegExp): CellValue | null {
  const kinds = topic === 'fund' ? (['D07', 'B08'] as const) : (['D08', 'B09'] as const);
  return totalRowCell(doc, [...kinds], (k) => column.test(k) && (!/\//u.test(k) || /(?:合计|小计)$/u.test(k)));
}

/**
 * The quote of a statement: its span in the page text, clipped to the text block that holds the
 * focal figure (a sentence broken over two paragraphs is quoted in the part that matters).
 */
export function quoteOf(narrative: Narrative, st: Statement, span?: { start: number; end: number; focus?: number }): { block: number; start: number; end: number; text: string } | null {
  const p = narrative.passages[st.passage];
  if (!p) return null;
  let start = span?.start ?? st.start;
  const end = span?.end ?? st.end;
  const focus = span?.focus ?? start;
  const piece = pieceAt(p, focus);
  if (piece) start = Math.max(start, piece.at);
  const loc = locate(p, start, end);
  if (!loc) return null;
  return { block: loc.block, start: loc.start, end: loc.end, text: loc.text };
}

/** Start of the clause that holds a passage offset (after the previous ，；：。). */
export function clauseStart(narrative: Narrative, st: Statement, at: number): number {
  const text = narrative.passages[st.passage]?.text ?? '';
  let i = at;
  while (i > st.sentence[0] && !/[，,；;：:。]/u.test(text[i - 1] ?? '')) i--;
  return i;
}
