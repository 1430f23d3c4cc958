import type { ReaderNote, ReportDocument, TextBlock } from '../model/document.js';
import { LIMITS } from '../model/limits.js';
import { emptyMeta, type Table } from '../model/table.js';
import { displayText, keyText } from '../model/text.js';
import { runSync, type Steps } from '../model/steps.js';
import { buildGridSteps, type RawRow } from './grid.js';
import { applyMeta, isNoteText, liftMetaRows, metaKind, metaParts } from './meta.js';

/** What a reader emits, in reading order: text blocks and tables still as raw rows. */
export type ReaderItem =
  | { readonly type: 'block'; readonly text: string; readonly heading: number | null; readonly container?: number; readonly chrome?: boolean }
  | { readonly type: 'table'; readonly rows: RawRow[]; readonly rebuilt?: boolean };

export interface Assembled {
  readonly document: ReportDocument;
  /** For each table, the index of the reader item it came from. */
  readonly tableItems: number[];
  /** For each text block, the index of the reader item it came from. */
  readonly blockItems: number[];
}

/** How far around a table its describing lines may stand. */
const LOOK_BEHIND = 8;
const LOOK_AHEAD = 4;

function isHeadingLike(block: { text: string; heading: number | null }): boolean {
  const t = displayText(block.text);
  if (block.heading !== null) return t.length <= 60;
  return t.length <= 40 && /^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/u.test(keyText(t));
}

/**
 * Turns a reader's items into a ReportDocument: describing rows are lifted out of each table,
 * spans expanded, and the title, 公开0N表, 单位 and 部门 lines found around the table attached to it.
 */
export function assemble(items: readonly ReaderItem[], source: string, title: string | null, notes: readonly ReaderNote[] = []): Assembled {
  return runSync(assembleSteps(items, source, title, notes));
}

/**
 * assemble, one table at a time. `notes` are the reader's own (what it left out); the bounds on
 * narrative text (LIMITS.text) and figures read through invisible characters are added here.
 */
export function* assembleSteps(items: readonly ReaderItem[], source: string, title: string | null, notes: readonly ReaderNote[] = []): Steps<Assembled> {
  const tables: Table[] = [];
  const blocks: TextBlock[] = [];
  const order: Array<{ type: 'table' | 'block'; index: number }> = [];
  const tableItems: number[] = [];
  const blockItems: number[] = [];
  const allNotes: ReaderNote[] = [...notes];
  let textBudget = LIMITS.text.maxDocumentText;
  let textLeftOut = 0;
  let longBlocks = 0;
  let invisible = 0;

  for (const [i, item] of items.entries()) {
    if (item.type === 'block') {
      if (textBudget <= 0) {
        textLeftOut += item.text.length;
        continue;
      }
      if (i % 200 === 199) yield;
      let raw = item.text;
      if (raw.length > LIMITS.text.maxBlockText) {
        longBlocks++;
        textLeftOut += raw.length - LIMITS.text.maxBlockText;
        raw = raw.slice(0, LIMITS.text.maxBlockText);
      }
      const text = displayText(raw);
      if (text === '') continue;
      textBudget -= text.length;
      blocks.push({
        index: blocks.length,
        text,
        kind: item.heading !== null ? 'heading' : 'paragraph',
        level: item.heading,
        beforeTable: -1,
        ...(item.container !== undefined ? { container: item.container } : {}),
        ...(item.chrome ? { chrome: true } : {}),
      });
      blockItems.push(i);
      order.push({ type: 'block', index: blocks.length - 1 });
      continue;
    }
    yield 'assemble';
    const meta = emptyMeta();
    if (item.rebuilt) meta.rebuilt = true;
    const lifted = liftMetaRows(item.rows, meta);
    const built = yield* buildGridSteps(lifted.rows);
    invisible += built.invisible;
    if (built.rows === 0 || built.cols === 0) continue;
    const index = tables.length;
    tables.push({
      index,
      id: `t${index + 1}`,
      grid: built.grid,
      rows: built.rows,
      cols: built.cols,
      meta,
      skippedRows: lifted.lifted + (lifted.rows.length - built.rows),
      truncated: built.truncated,
    });
    tableItems.push(i);
    order.push({ type: 'table', index });
  }

  // blocks know which table follows them; tables collect describing lines around them
  let nextTable = tables.length;
  for (let o = order.length - 1; o >= 0; o--) {
    const entry = order[o];
    if (!entry) continue;
    if (entry.type === 'table') nextTable = entry.index;
    else {
      const b = blocks[entry.index];
      if (b) blocks[entry.index] = { ...b, beforeTable: nextTable };
    }
  }
  order.forEach((entry, o) => {
    if (entry.type !== 'table') return;
    const table = tables[entry.index];
    if (!table) return;
    const meta = table.meta;
    // behind: up to the previous table
    for (let p = o - 1, seen = 0; p >= 0 && seen < LOOK_BEHIND; p--, seen++) {
      const prev = order[p];
      if (!prev || prev.type === 'table') break;
      const block = blocks[prev.index];
      if (!block) continue;
      // a line of several describing parts is read part by part ("单位：万元部门：…" is no department name)
      const parts = metaParts(block.text);
      const kind = parts ? null : metaKind(block.text);
      if (parts) for (const [text, k] of parts) applyMeta(meta, text, k);
      else if (kind) applyMeta(meta, block.text, kind);
      else if (isHeadingLike({ text: block.text, heading: block.level })) {
        meta.headings.unshift(block.text);
        break; // the nearest heading names the table; older ones belong to other sections
      } else break; // narrative: the table's own lines are over
    }
    // ahead: notes up to the next table
    for (let n = o + 1, seen = 0; n < order.length && seen < LOOK_AHEAD; n++, seen++) {
      const next = order[n];
      if (!next || next.type === 'table') break;
      const block = blocks[next.index];
      if (!block) continue;
      if (isNoteText(block.text)) meta.notes.push(block.text);
      else if (metaKind(block.text) || metaParts(block.text) || isHeadingLike({ text: block.text, heading: block.level })) break;
    }
  });

  if (textLeftOut > 0) allNotes.push({ reason: 'truncated-narrative', data: { limit: longBlocks > 0 && textBudget > 0 ? LIMITS.text.maxBlockText : LIMITS.text.maxDocumentText, found: textLeftOut } });
  if (invisible > 0) allNotes.push({ reason: 'invisible-characters', data: { count: invisible } });
  const cleanTitle = title === null ? null : displayText(title) || null;
  return { document: { source, title: cleanTitle, tables, blocks, order, ...(allNotes.length > 0 ? { notes: allNotes } : {}) }, tableItems, blockItems };
}
