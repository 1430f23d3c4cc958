/**
 * The reasons the 情况说明 gives for a change must fit the figures it gives.
 *
 * - A reason that names components moving one way ("接待业务与出国任务增加") while the report's own
 *   statement about a named component says it moved the other way (公务接待费 减少 2.92 万元).
 * - "与上年持平" next to a reason saying the prior year had none of it ("上一年无公务用车运行经费")
 *   while this year's figure is not zero: one of the two is wrong.
 *
 * Both are review: a reason is prose, and the report may mean activity rather than money.
 * Basis: domain.md §4.4 N04, N09 (reasons against 上年).
 * Sample pages: 002-*.html (三公 增加 attributed to more 接待), 001-*.html (公务用车 持平, 上一年无).
 */
import { ZERO } from '../../model/decimal.js';
import { defineDocumentRule } from '../../engine/rule.js';
import type { Direction } from '../../narrative/mentions.js';
import type { Statement } from '../../narrative/statement.js';
import { reportClaim, shown } from '../../engine/claim.js';
import { fig, phrase, withSign } from '../../contract/figure.js';

/** Words of a reason that name a component, and the component's concept. */
const ITEMS: ReadonlyArray<[RegExp, string]> = [
  [/接待/u, 'three-reception'],
  [/出国|出访|出境/u, 'three-abroad'],
  [/公务用车|车辆/u, 'three-vehicle'],
  [/人员经费/u, 'personnel'],
  [/公用经费/u, 'public'],
  [/基本支出/u, 'basic'],
  [/项目支出/u, 'project'],
];

/** Which components a total's reason may name. */
const PARTS: Record<string, readonly string[]> = {
  'three-total': ['three-reception', 'three-abroad', 'three-vehicle'],
  basic: ['personnel', 'public'],
  'expenditure-year': ['basic', 'project'],
  'expenditure-total': ['basic', 'project'],
  'general-expenditure': ['basic', 'project'],
};

const UP = /(?:增加|增多|上升|提高|增长|扩大)$/u;
const DOWN = /(?:减少|下降|降低|压减|节约|缩减|减)$/u;
const REASON = /主要(?:原因)?(?:是|为|系|在于)?[:：]?/u;
const NONE_BEFORE = /上(?:一)?年(?:度)?(?:无|没有|未发生|未安排|为0|为零)/u;

const WORD: Record<'up' | 'down', string> = { up: '@word.up', down: '@word.down' };

const UP_WORDS = /增加|增长|增多|上升|提高|扩大/gu;
const DOWN_WORDS = /减少|下降|降低|压减|节约|缩减|减支/gu;
/** A reason that speaks of another year ("上年一次性支出增加") may explain a fall by a rise: its words say nothing of the direction. */
const OTHER_YEAR = /上年|去年|上一年|以前年度|前一年|\d{4}\s*年|同期|一次性/u;

/** Direction words of a reason; "不增加", "未减少" and the other side's "导致收入减少" (for a 支出) are not counted. */
function countWords(text: string, re: RegExp, otherSide: string | null): number {
  return [...text.matchAll(re)].filter((m) => {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    return !/[不未无非]$/u.test(before) && !(otherSide && before.endsWith(otherSide));
  }).length;
}

/**
 * The reason the text gives right after a change: in the same sentence ("…减少2.98%，主要是…") or
 * the next one ("…持平。主要原因：…", its words perhaps in the next paragraph), up to its full stop. Null when there is none, or when it speaks
 * of another year.
 */
function reasonAfter(text: string, from: number, following: string): { text: string; start: number; end: number } | null {
  const stop = text.indexOf('。', from);
  const own = text.slice(from, stop < 0 ? text.length : stop);
  let at = -1;
  let body = '';
  const inOwn = /[，,；;]\s*(?:其)?(?:增加|减少|增长|下降|变动|变化)?(?:的)?主要(?:原因)?(?:是|为|系|在于)?[:：]?/u.exec(own);
  if (inOwn) {
    at = from + inOwn.index + inOwn[0].length;
    body = own.slice(inOwn.index + inOwn[0].length);
  } else if (stop >= 0) {
    const next = /^\s*(?:(?:增加|减少|增长|下降|变动|变化|持平)的)?主要原因(?:是|为|系|在于)?[:：]?/u.exec(text.slice(stop + 1));
    if (!next) return null;
    at = stop + 1 + next[0].length;
    const end = text.indexOf('。', at);
    body = text.slice(at, end < 0 ? text.length : end);
    // "…持平。主要原因：" ending its paragraph: the reason is the next paragraph's first sentence
    if (body.trim() === '' && end < 0) {
      const cut = following.indexOf('。');
      const given = following.slice(0, cut < 0 ? following.length : cut);
      if (given.trim().length < 4 || OTHER_YEAR.test(given)) return null;
      return { text: given, start: at, end: text.length };
    }
  }
  if (at < 0 || body.trim().length < 4 || OTHER_YEAR.test(body)) return null;
  return { text: body, start: at, end: at + body.length };
}

export default defineDocumentRule({
  meta: {
    id: 'text-reasons',
    category: 'text-vs-text',
    description: { zh: '情况说明给出的变动原因与其自身数字相符', en: 'The reasons the narrative gives for a change fit its own figures' },
    basis: 'domain.md §4.4 N04, N09',
    messages: ['reason-component', 'reason-flat-none', 'reason-direction'],
  },
  run(ctx) {
    const narrative = ctx.doc.narrative;
    const byConcept = (concept: string): Statement | undefined => narrative.statements.find((s) => s.concept === concept && s.change && s.change.direction !== 'flat');

    // the statements of each passage, for telling which change a reason follows
    const byPassage = new Map<number, Statement[]>();
    for (const st of narrative.statements) {
      const list = byPassage.get(st.passage);
      if (list) list.push(st);
      else byPassage.set(st.passage, [st]);
    }
    for (const st of narrative.statements) {
      const passage = narrative.passages[st.passage];
      if (!passage || !st.change) continue;
      const after = passage.text.slice(st.change.end);
      const sentenceEnd = after.search(/[。]/u);
      const rest = sentenceEnd >= 0 ? after.slice(0, sentenceEnd) : after;

      // the reason itself moving the other way: "减少2.98%。主要原因是：…经费增加", "持平。主要原因：…减少支付"
      const next = narrative.passages[st.passage + 1];
      const found = reasonAfter(passage.text, st.change.end, next && next.headings.join('|') === passage.headings.join('|') ? next.text : '');
      // the reason of the last change before it: a statement between them is what it explains
      const changeEnd = st.change.end;
      const why = found && !(byPassage.get(st.passage) ?? []).some((o) => o !== st && o.start > changeEnd && o.start < found.start) ? found : null;
      if (why) {
        const side = /收入/u.test(st.subject) ? '支出' : /支出|经费|费$/u.test(st.subject) ? '收入' : null;
        const ups = countWords(why.text, UP_WORDS, side);
        const downs = countWords(why.text, DOWN_WORDS, side);
        const said: Direction | null = ups > 0 && downs === 0 ? 'up' : downs > 0 && ups === 0 ? 'down' : null;
        if (said && said !== st.change.direction) {
          reportClaim(ctx, narrative, {
            st,
            span: { start: st.change.start, end: why.end, focus: st.change.start },
            severity: 'review',
            category: 'text-vs-text',
            messageId: 'reason-direction',
            stated: phrase(why.text.trim()),
            expected: null,
            difference: null,
            data: { subject: st.subject, change: st.change.word, reason: why.text.trim(), word: WORD[said] },
          });
          continue;
        }
        if (said) ctx.pass([], 'form');
      }

      // 持平 next to "上一年无…" while this year has a figure
      if (st.change.direction === 'flat') {
        const current = st.final ?? st.amount;
        const window = after.slice(0, 80);
        const none = NONE_BEFORE.exec(window);
        if (current && !current.value.isZero() && none) {
          const end = st.change.end + none.index + window.slice(none.index).search(/[。；]|$/u);
          reportClaim(ctx, narrative, {
            st,
            span: { start: st.change.start, end, focus: st.change.start },
            severity: 'review',
            category: 'text-vs-text',
            messageId: 'reason-flat-none',
            stated: fig(ZERO, 0),
            expected: fig(current.value, current.scale),
            difference: null,
            data: { subject: st.subject, current: shown(current) },
          });
        } else if (current) ctx.pass([], 'form');
        continue;
      }

      // a reason naming components that moved the other way
      const parts = st.concept ? PARTS[st.concept] : undefined;
      const reason = REASON.exec(rest);
      if (!parts || !reason) continue;
      const reasonStart = st.change.end + reason.index;
      const text = rest.slice(reason.index);
      for (const clause of text.split(/[，,；;]/u)) {
        const words = clause.replace(/[了的。]+$/u, '');
        const direction: Direction | null = UP.test(words) ? 'up' : DOWN.test(words) ? 'down' : null;
        if (!direction) continue;
        for (const [re, concept] of ITEMS) {
          if (!parts.includes(concept) || !re.test(clause)) continue;
          const item = byConcept(concept);
          const moved = item?.change;
          if (!item || !moved || moved.direction === 'flat') continue;
          if (moved.direction === direction) {
            ctx.pass([], 'form');
            continue;
          }
          const m = moved.mention;
          reportClaim(ctx, narrative, {
            st,
            span: { start: reasonStart, end: st.change.end + (sentenceEnd >= 0 ? sentenceEnd : after.length), focus: reasonStart },
            severity: 'review',
            category: 'text-vs-text',
            messageId: 'reason-component',
            stated: phrase(clause.trim()),
            expected: m ? withSign(moved.direction === 'down' ? m.value.negated() : m.value, m.scale) : null,
            difference: null,
            data: { subject: st.subject, clause: clause.trim(), item: item.subject, word: WORD[direction], actual: WORD[moved.direction], change: m ? shown(m) : '' },
          });
        }
      }
    }
  },
});
