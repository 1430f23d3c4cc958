/**
 * Page → document. Turns a DOM (a live page in the content script, a jsdom document in the CLI)
 * into tables and text blocks, using standard DOM interfaces only. Same-origin iframes are read
 * in place; our own UI (the elements `isOwnUi` names: the content script keeps them in its own
 * world, never in attributes a page could copy) is never read. What the reader cannot read or
 * leaves out (a frame it may not open, nodes beyond the bound) becomes a note of the document.
 */
import type { RawCell, RawRow } from './grid.js';
import { assembleSteps, type Assembled, type ReaderItem } from './assemble.js';
import { withForms } from './forms.js';
import { runSync, type Steps } from '../model/steps.js';
import { INVISIBLE } from '../model/text.js';
import { LIMITS } from '../model/limits.js';
import type { ReaderNote } from '../model/document.js';

export interface DomReadOptions {
  readonly source: string;
  /** Read same-origin iframes in place (default true). */
  readonly followFrames?: boolean;
  /** Returns a frame's document, or null when it cannot be read (cross-origin, not loaded). */
  readonly frameDocument?: (frame: HTMLIFrameElement | HTMLFrameElement) => Document | null;
  /** Elements of our own interface, never read (the tooltip's host). */
  readonly isOwnUi?: (el: Element) => boolean;
}

export interface DomExtraction extends Assembled {
  /** The <table> element of each table. */
  readonly tableElements: Element[];
  /** Per table, the source cells in reading order (Cell.src indexes this list). */
  readonly cellElements: Element[][];
  /** Per text block, the element it was read from and the text nodes it is made of. */
  readonly blockSources: BlockSource[];
  readonly frames: { readonly read: number; readonly unreadable: number };
}

/** Where a text block came from: its element, and its text nodes in order with its line breaks (null). */
export interface BlockSource {
  readonly element: Element;
  readonly nodes: Text[];
  readonly parts: ReadonlyArray<Text | null>;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'math',
  'canvas',
  'object',
  'embed',
  'video',
  'audio',
  'select',
  'textarea',
  'input',
  'button',
  'option',
  'img',
  'xml',
]);

/** Elements that start a text block of their own. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'nav',
  'blockquote',
  'pre',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'address',
  'center',
  'body',
  'html',
  'hr',
  'details',
  'summary',
  'iframe',
  'frame',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Hidden by markup: the hidden attribute or an inline display:none (the style attribute is read as text: no style object is made). */
function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && DISPLAY_NONE.test(style);
}

const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)/i;
const ZERO_HEIGHT = /(?:^|;)\s*height\s*:\s*0(?:\.0+)?(?:px|pt|cm|in)?\s*(?:;|$)/i;

function headingLevel(tag: string): number | null {
  return /^h[1-6]$/.test(tag) ? Number(tag.slice(1)) : null;
}

/** Class and id words of a site's navigation, breadcrumb and footer (government CMS templates). */
const CHROME_WORD =
  /^(?:nav|navbar|navigation|menu|mainmenu|submenu|footer|foot|bottom|breadcrumb|breadcrumbs|crumb|crumbs|position|location|weizhi|dqwz|copyright|banquan|sitemap|topbar|toolbar|share|skip)$/i;

/**
 * The site around a report: <nav>, <footer>, ARIA landmarks for them, and blocks whose class or id
 * names them (nav, menu, footer, breadcrumb, position, copyright…). Their text never joins the
 * report's sentences.
 */
function isSiteChrome(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'nav' || tag === 'footer') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'contentinfo' || role === 'menubar' || role === 'menu') return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (names.trim() === '') return false;
  return names.split(/[\s_-]+/).some((w) => CHROME_WORD.test(w));
}

/** A frame that may hold content: one with a source or a srcdoc (empty placeholders hold nothing). */
function isContentFrame(el: Element): boolean {
  const src = el.getAttribute('src')?.trim() ?? '';
  return el.hasAttribute('srcdoc') || (src !== '' && !/^about:blank$/i.test(src) && !/^javascript:/i.test(src));
}

function defaultFrameDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    return doc?.body ? doc : null;
  } catch {
    return null; // cross-origin
  }
}

/**
 * A table's rows in the order of the HTML table model (thead, then tbody and bare rows, then
 * tfoot), walked through the children: a live `rows` collection costs a fresh scan per index in
 * jsdom, which a 20,000-row table turns into seconds.
 */
function rowsOf(table: Element): Element[] {
  const head: Element[] = [];
  const body: Element[] = [];
  const foot: Element[] = [];
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.localName;
    if (tag === 'tr') body.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      const into = tag === 'thead' ? head : tag === 'tfoot' ? foot : body;
      for (let row = child.firstElementChild; row; row = row.nextElementSibling) if (row.localName === 'tr') into.push(row);
    }
  }
  return head.length === 0 && foot.length === 0 ? body : [...head, ...body, ...foot];
}

function cellsOf(row: Element): Element[] {
  const out: Element[] = [];
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) if (cell.localName === 'td' || cell.localName === 'th') out.push(cell);
  return out;
}

function isSpacerRow(row: Element): boolean {
  if (isHidden(row)) return true;
  const h = row.getAttribute('height');
  if (h !== null && /^0*(?:\.0+)?(?:px|pt)?$/.test(h.trim())) return true;
  const style = row.getAttribute('style');
  return style !== null && ZERO_HEIGHT.test(style);
}

function spanOf(cell: Element, name: 'rowSpan' | 'colSpan'): number {
  const prop = (cell as HTMLTableCellElement)[name] as number | undefined;
  if (typeof prop === 'number') return prop;
  const attr = Number.parseInt(cell.getAttribute(name.toLowerCase()) ?? '1', 10);
  return Number.isFinite(attr) ? attr : 1;
}

/** A cell's text; line breaks (<br>) become white space so that "一、…。<br>2、…" keeps its break. */
function cellText(cell: Element): string {
  if (cell.children.length < 2 && cell.getElementsByTagName('br').length === 0) return cell.textContent ?? '';
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) out += (child as Text).data;
      else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).localName;
        if (tag === 'br') out += '\n';
        else if (!SKIP.has(tag)) {
          const block = BLOCK_TAGS.has(tag);
          if (block) out += '\n';
          walk(child);
          if (block) out += '\n';
        }
      }
    }
  };
  walk(cell);
  return out;
}

/** Reads a leaf <table> (one with no table inside) into raw rows and the list of its cell elements. */
function* readTable(table: Element): Steps<{ rows: RawRow[]; cells: Element[] }> {
  const cells: Element[] = [];
  const rows: RawRow[] = [];
  for (const tr of rowsOf(table)) {
    if (rows.length % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield 'table';
    const raw: RawCell[] = [];
    for (const cell of cellsOf(tr)) {
      raw.push({
        text: cellText(cell),
        rowSpan: spanOf(cell, 'rowSpan'),
        colSpan: spanOf(cell, 'colSpan'),
        th: cell.localName === 'th',
        src: cells.length,
      });
      cells.push(cell);
    }
    rows.push({ cells: raw, spacer: isSpacerRow(tr) });
  }
  return { rows, cells };
}

/**
 * Reads a document into tables and text blocks. Walks the tree iteratively (pages with thousands
 * of nested elements must not overflow the stack).
 */
export function extractDom(root: Document, options: DomReadOptions): DomExtraction {
  return runSync(extractDomSteps(root, options));
}

/** Rows of a table read between two steps, and nodes walked between two steps. */
const ROWS_PER_STEP = 100;
const NODES_PER_STEP = 400;

/** extractDom in steps (a few hundred table rows or a thousand nodes each). */
export function* extractDomSteps(root: Document, options: DomReadOptions): Steps<DomExtraction> {
  const followFrames = options.followFrames ?? true;
  const frameDocument = options.frameDocument ?? defaultFrameDocument;
  const isOwnUi = options.isOwnUi ?? ((): boolean => false);
  const notes: ReaderNote[] = [];
  const items: ReaderItem[] = [];
  const itemSources: Array<BlockSource | { table: Element; cells: Element[] }> = [];
  let framesRead = 0;
  let framesUnreadable = 0;

  let text = '';
  let parts: Array<Text | null> = [];
  let blockElement: Element | null = null;
  let heading: number | null = null;
  let chrome = 0; // depth of site navigation / footer elements around the walk
  const containers = new Map<Element, number>();
  const containerOf = (el: Element): number => {
    const parent = el.parentElement ?? el;
    let id = containers.get(parent);
    if (id === undefined) containers.set(parent, (id = containers.size));
    return id;
  };

  const flush = (): void => {
    if (text.trim() !== '' && blockElement) {
      items.push({ type: 'block', text, heading, container: containerOf(blockElement), ...(chrome > 0 ? { chrome: true } : {}) });
      itemSources.push({ element: blockElement, nodes: parts.filter((p): p is Text => p !== null), parts });
    }
    text = '';
    parts = [];
  };

  type Frame = { node: Node; exit: false } | { exit: true; element: Element; prevBlock: Element | null; prevHeading: number | null; chrome?: boolean };
  const body = root.body ?? root.documentElement;
  if (!body) {
    const empty = yield* assembleSteps([], options.source, null);
    return { ...empty, tableElements: [], cellElements: [], blockSources: [], frames: { read: 0, unreadable: 0 } };
  }
  const stack: Frame[] = [{ node: body, exit: false }];
  const seenFrames = new Set<Document>([root]);

  let walked = 0;
  while (stack.length > 0) {
    if (++walked % NODES_PER_STEP === 0) yield 'walk';
    if (walked > LIMITS.dom.maxNodes) {
      notes.push({ reason: 'truncated-nodes', data: { limit: LIMITS.dom.maxNodes } });
      break;
    }
    const frame = stack.pop() as Frame;
    if (frame.exit) {
      flush();
      blockElement = frame.prevBlock;
      heading = frame.prevHeading;
      if (frame.chrome) chrome--;
      continue;
    }
    const node = frame.node;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data !== '') {
        text += data;
        parts.push(node as Text);
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.localName;
    if (SKIP.has(tag) || isHidden(el) || isOwnUi(el)) continue;
    if (tag === 'br') {
      text += '\n';
      parts.push(null);
      continue;
    }
    if ((tag === 'iframe' || tag === 'frame') && followFrames) {
      flush();
      const doc = framesRead < LIMITS.dom.maxFrames ? frameDocument(el as HTMLIFrameElement) : null;
      if (doc?.body && !seenFrames.has(doc)) {
        seenFrames.add(doc);
        framesRead++;
        stack.push({ exit: true, element: el, prevBlock: blockElement, prevHeading: heading });
        blockElement = doc.body;
        stack.push({ node: doc.body, exit: false });
      } else if (!doc && isContentFrame(el)) framesUnreadable++;
      continue;
    }
    if (tag === 'table' && el.querySelector('table') === null) {
      flush();
      yield 'table';
      const read = yield* readTable(el);
      yield 'walk';
      items.push({ type: 'table', rows: read.rows });
      itemSources.push({ table: el, cells: read.cells });
      continue;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush();
      const siteChrome = isSiteChrome(el);
      if (siteChrome) chrome++;
      stack.push({ exit: true, element: el, prevBlock: blockElement, prevHeading: heading, chrome: siteChrome });
      blockElement = el;
      const level = headingLevel(tag);
      if (level !== null) heading = level;
    }
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, exit: false });
    }
  }
  flush();

  if (framesUnreadable > 0) notes.push({ reason: 'frames-unreadable', data: { count: framesUnreadable } });
  // 绩效自评表 written as paragraphs or '|' lines: rebuilt as tables, their cells the paragraphs' elements
  const forms = withForms(items);
  if (forms.cells.size > 0) {
    const sources: typeof itemSources = forms.items.map((_, i) => {
      const cellItems = forms.cells.get(i);
      if (!cellItems) return itemSources[forms.origin[i] as number] as (typeof itemSources)[number];
      const elementOf = (item: number): Element => {
        const src = itemSources[item];
        return src && 'element' in src ? src.element : (body as Element);
      };
      const first = elementOf(forms.origin[i] as number);
      return { table: first.parentElement ?? first, cells: cellItems.map((item) => (item >= 0 ? elementOf(item) : first)) };
    });
    items.length = 0;
    items.push(...(forms.items as ReaderItem[]));
    itemSources.length = 0;
    itemSources.push(...sources);
  }
  yield 'assemble';
  const assembled = yield* assembleSteps(items, options.source, root.title ? root.title.trim() || null : null, notes);
  const tableElements: Element[] = [];
  const cellElements: Element[][] = [];
  for (const itemIndex of assembled.tableItems) {
    const src = itemSources[itemIndex];
    if (src && 'table' in src) {
      tableElements.push(src.table);
      cellElements.push(src.cells);
    }
  }
  const blockSources: BlockSource[] = [];
  for (const itemIndex of assembled.blockItems) {
    const src = itemSources[itemIndex];
    if (src && 'element' in src) blockSources.push(src);
  }
  return { ...assembled, tableElements, cellElements, blockSources, frames: { read: framesRead, unreadable: framesUnreadable } };
}

const SPACE = /[\s\u00a0\u3000\u2002-\u200a]/u;

/** A position in the page: a text node and an offset in it. */
export interface TextPoint {
  readonly node: Text;
  readonly offset: number;
}

/**
 * The page positions of a span of a block's text (offsets in the block's folded text, as quotes
 * give them): white space runs and line breaks fold to one space and the ends are trimmed, exactly
 * as the block's text was made, so offset k of the folded text is found in the node it came from.
 */
export function blockSpan(source: Pick<BlockSource, 'parts'>, start: number, end: number): { start: TextPoint; end: TextPoint } | null {
  // for each folded character, the node position it was read from (null: a folded line break)
  const at: Array<TextPoint | null> = [];
  let pending: TextPoint | null | undefined;
  for (const part of source.parts) {
    if (part === null) {
      if (at.length > 0 && pending === undefined) pending = null;
      continue;
    }
    const data = part.data;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i] as string;
      if (INVISIBLE.test(ch)) continue; // dropped from the block's text as well
      if (SPACE.test(ch)) {
        if (at.length > 0 && pending === undefined) pending = { node: part, offset: i };
        continue;
      }
      if (pending !== undefined) {
        at.push(pending);
        pending = undefined;
      }
      at.push({ node: part, offset: i });
    }
  }
  if (start < 0 || end <= start || end > at.length) return null;
  let s = start;
  while (s < end && at[s] === null) s++;
  let e = end - 1;
  while (e > s && at[e] === null) e--;
  const first = at[s];
  const last = at[e];
  if (!first || !last) return null;
  return { start: first, end: { node: last.node, offset: last.offset + 1 } };
}
