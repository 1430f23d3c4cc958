/**
 * The 情况说明 as the narrative checks read it: text blocks grouped under the section headings
 * they stand in (一、收入支出决算总体情况说明 … 十一、其他重要事项), paragraphs broken by PDF line
 * breaks joined back ("年初预算为 1686" + "万元，支出决算为…"), and every character traceable to its
 * text block and offset, so a finding can quote and highlight the exact phrase.
 */
import type { ReportDocument, TextBlock } from '../model/document.js';
import { keyText } from '../model/text.js';
import { topicOf, type Topic } from './topics.js';
import { runSync, type Steps } from '../model/steps.js';
import { readingOf } from './reading.js';

/** A run of a passage's text read from one text block. */
export interface Piece {
  /** Offset of the run in the passage text, and its length there. */
  readonly at: number;
  readonly length: number;
  readonly block: number;
  /** For each character of the run, its offset in the block's text (and one past the last). */
  readonly map: readonly number[];
  /** The block's text as the page shows it (quotes are taken from it). */
  readonly source: string;
}

export interface Passage {
  readonly index: number;
  /** The reading text (simplified characters, glosses and letter spacing removed): see reading.ts. */
  readonly text: string;
  /** Where each run of `text` comes from. */
  readonly pieces: readonly Piece[];
  /** The section and subsection headings the passage stands under (nearest last). */
  readonly headings: readonly string[];
  readonly topic: Topic;
  /** The subsection's own topic key (总体情况 / 结构情况 / 具体情况 …), '' when none. */
  readonly subtopic: string;
}

export interface Location {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  /** The page's own text of the range. */
  readonly text: string;
}

const SENTENCE_END = /[。！？!?；;：:]$/u;
const SECTION = /^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)/u;
const SUBSECTION = /^[(（][一二三四五六七八九十]+[)）]/u;

function headingLevel(b: TextBlock, text: string): 1 | 2 | 3 | null {
  const k = keyText(text);
  // a line that states a figure is a sentence, however short: "(一)2017年全镇本年收入合计3939.39万元"
  if (/\d\s*(?:万元|亿元|元|%|％)/u.test(k) && b.kind !== 'heading') return null;
  if (/^第[一二三四五六七八九十]+部分/u.test(k)) return 1;
  if (text.length <= 40 && SECTION.test(k)) return 2;
  if (text.length <= 40 && SUBSECTION.test(k) && !/[，。；]/u.test(text)) return 3;
  if (b.kind === 'heading' && text.length <= 40) return 2;
  // a report's or section's title on a line of its own: "开远市2017年“三公”经费预算情况说明"
  if (text.length <= 50 && !/[，,。；;：:]/u.test(text) && /(?:情况说明|公开说明|编制说明|增减说明|对比增减说明|情况报告|评价报告|决算表|预算表|自评表|决算公开|预算公开)$/u.test(k)) return 2;
  return null;
}

/** Groups the document's text blocks into passages under their headings. */
export function passagesOf(doc: ReportDocument): Passage[] {
  return runSync(passagesSteps(doc));
}

/** passagesOf, a few hundred blocks at a time. */
export function* passagesSteps(doc: ReportDocument): Steps<Passage[]> {
  const out: Passage[] = [];
  let part = '';
  let section = '';
  let subsection = '';
  let current: { text: string; pieces: Piece[]; container: number } | null = null;
  let lastBlock = -2;

  const flush = (): void => {
    if (!current || current.text.trim() === '') {
      current = null;
      return;
    }
    const headings = [part, section, subsection].filter((h) => h !== '');
    out.push({ index: out.length, text: current.text, pieces: current.pieces, headings, topic: topicOf(headings), subtopic: subtopicOf(subsection) });
    current = null;
  };

  // tables interrupt passages; so do headings
  const tableAfter = new Set<number>();
  doc.order.forEach((o, i) => {
    if (o.type === 'table') {
      const prev = doc.order[i - 1];
      if (prev?.type === 'block') tableAfter.add(prev.index);
    }
  });

  for (const b of doc.blocks) {
    if (b.index % 500 === 499) yield;
    // the site's own navigation, breadcrumb and footer are not the report's
    if (b.chrome) {
      flush();
      lastBlock = -2;
      continue;
    }
    const reading = readingOf(b.text);
    const text = reading.text;
    // a page number on a line of its own (PDF exports): not part of any sentence
    if (/^\s*(?:[-—–]\s*)?\d{1,3}(?:\s*[-—–])?\s*$|^\s*第\s*\d{1,3}\s*页(?:\s*[/／共]\s*\d{1,3}\s*页?)?\s*$/u.test(text)) continue;
    const level = headingLevel(b, text);
    if (level !== null) {
      flush();
      if (level === 1) {
        part = text;
        section = '';
        subsection = '';
      } else if (level === 2) {
        section = text;
        subsection = '';
      } else subsection = text;
      lastBlock = b.index;
      continue;
    }
    // a (sub)section title that runs on into its first sentence: "（一）绩效评价工作开展情况。绩效评价…"
    const inline = /^([(（][一二三四五六七八九十]+[)）][^。；，]{2,30}?)[。:：]/u.exec(text);
    if (inline?.[1]) {
      flush();
      subsection = inline[1];
    }
    // a sentence broken over lines (PDF exports, one <p> per printed line) is joined back, within one container
    const container = b.container ?? 0;
    // but a line that starts a sentence of its own (a year, an ordinal, 其中) after a completed
    // figure starts a new passage: "…占100%" / "2017年紫云乡本年支出合计…"
    const fresh =
      /^\s*(?:20\d{2}\s*年|[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．](?!\d)|其中)/u.test(text) &&
      (current === null || /(?:\d\s*(?:%|％|万元|元)|[)）])\s*$/u.test(current.text) || /^\s*[(（]?[一二三四五六七八九十]{1,3}[)）、]/u.test(text));
    const joinable = current !== null && lastBlock === b.index - 1 && !tableAfter.has(b.index - 1) && current.container === container && !fresh;
    const prevText: string = current ? (current as { text: string }).text : '';
    if (!joinable || SENTENCE_END.test(prevText.trimEnd()) || /^\d+[.．、](?!\d)\s?\S/u.test(text)) {
      flush();
      current = { text: '', pieces: [], container };
    }
    const c = current as unknown as { text: string; pieces: Piece[] };
    c.pieces.push({ at: c.text.length, length: text.length, block: b.index, map: reading.map, source: b.text });
    c.text += text;
    lastBlock = b.index;
    if (tableAfter.has(b.index)) flush();
  }
  flush();
  return out;
}

function subtopicOf(subsection: string): string {
  const k = keyText(subsection);
  if (/总体情况/u.test(k)) return 'overall';
  if (/结构情况/u.test(k)) return 'structure';
  if (/具体情况/u.test(k)) return 'detail';
  if (/开展情况/u.test(k)) return 'evaluation';
  if (/自评结果|评价结果/u.test(k)) return 'results';
  if (/机关运行经费/u.test(k)) return 'operation';
  if (/政府采购/u.test(k)) return 'procurement';
  if (/国有资产/u.test(k)) return 'assets';
  return '';
}

/**
 * Maps a passage range back to its text block, in the page's own text (a range never spans two
 * blocks in a quote: it is clipped to the block its start is in).
 */
export function locate(p: Passage, start: number, end: number): Location | null {
  const piece = pieceAt(p, start);
  if (!piece) return null;
  const from = piece.map[start - piece.at] ?? 0;
  const upTo = Math.min(end, piece.at + piece.length) - piece.at;
  // the end maps just past the last character read (a gloss or a space the reading dropped is left out)
  const to = upTo > 0 ? (piece.map[upTo - 1] ?? from) + 1 : from;
  return { block: piece.block, start: from, end: to, text: piece.source.slice(from, to) };
}

/** The piece a passage offset falls in. */
export function pieceAt(p: Passage, offset: number): Piece | undefined {
  return p.pieces.find((x) => offset >= x.at && offset < x.at + x.length);
}
