/**
 * A passage cut as the clause reader reads it: sentences at 。！？, clauses at ，；： (not at a
 * thousands separator, and inside brackets only where a list is given), with the brackets each
 * clause opens or closes.
 */
export interface Clause {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The separator that ended it (，；：。 or '' at the sentence end). */
  readonly sep: string;
  /** It closes a bracket opened before it ("…公务用车运行费87.15万元)"). */
  readonly closes: boolean;
}

export function clausesOf(text: string, from: number, to: number): Clause[] {
  const out: Clause[] = [];
  let start = from;
  let depth = 0;
  let startDepth = 0;
  for (let i = from; i <= to; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    // a thousands separator ("2,310") is not a clause mark
    const grouping = (ch === ',' || ch === '，') && /\d/u.test(text[i - 1] ?? '') && /^\d{3}(?!\d)/u.test(text.slice(i + 1, i + 5));
    // inside brackets only a list is cut into clauses: "(其中,公务用车购置费0万元,…)"
    const listed = depth === 0 || /[(（]\s*其中/u.test(text.slice(Math.max(from, i - 80), i));
    const cut = i === to || (listed && !grouping && (ch === '，' || ch === ',' || ch === '；' || ch === ';' || ch === '：' || ch === ':'));
    if (cut) {
      if (i > start) out.push({ start, end: i, text: text.slice(start, i), sep: i === to ? '' : (ch as string), closes: depth < startDepth });
      start = i + 1;
      startDepth = depth;
    }
  }
  return out;
}

export function sentencesOf(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (/[。！？!?]/u.test(text[i] as string)) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out.filter(([a, b]) => text.slice(a, b).trim() !== '');
}

/** Brackets opened and not closed in text[from, to). */
export function bracketDepth(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = Math.max(0, from); i < to; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
  }
  return depth;
}

/** Text without white space: the narrative's words as the cues read them (the page's own characters otherwise). */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/gu, '');
}
