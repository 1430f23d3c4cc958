/**
 * The reasons a report gives: "主要原因是：追加经费", "决算数大于预算数的主要原因是…", "发现的主要问题
 * 及原因：无". A reason that is only "无" (or "不涉及") counts as no reason.
 */

export interface Reason {
  /** Passage offsets of the reason text (after the 原因 words). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const LEAD = /(?:主要)?原因(?:是|为|系|在于)?[:：]?\s*|主要(?:是|系|在于|由于)[:：]?\s*/gu;
const STRICT = /(?:主要)?原因(?:是|为|系|在于)?[:：]?\s*/gu;
const NONE = /^(?:无|没有|不涉及|暂无|无此项)[。；;]?$/u;

/**
 * The first reason stated in `text` between `from` and `to` (a sentence or paragraph), or null.
 * `strict`: only after the word 原因 ("主要是…" often introduces what money was spent on, not why).
 */
export function reasonIn(text: string, from = 0, to = text.length, strict = false): Reason | null {
  const lead = strict ? STRICT : LEAD;
  lead.lastIndex = from;
  for (let m = lead.exec(text); m && m.index < to; m = lead.exec(text)) {
    const start = m.index + m[0].length;
    const stop = text.slice(start, to).search(/[。；;]/u);
    const end = stop < 0 ? to : start + stop;
    const said = text.slice(start, end).trim();
    if (said === '' || NONE.test(said)) continue;
    return { start, end, text: said };
  }
  return null;
}

/** The sentence that holds `at` (passage offsets, without its full stop). */
export function sentenceAround(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && !/[。！？!?\n]/u.test(text[start - 1] ?? '')) start--;
  let end = at;
  while (end < text.length && !/[。！？!?\n]/u.test(text[end] ?? '')) end++;
  return [start, end];
}
