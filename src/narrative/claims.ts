/**
 * Claims in the 情况说明: every figure a sentence states, with the subject it belongs to and what it
 * says about it — an amount ("基本支出 491.68 万元"), a change and its rate ("比上年减少 27.04 万元，
 * 下降 5.21%"), a share ("占 93.28%", "占本年支出合计的 100%"), a budget, a final figure and a
 * completion rate ("年初预算为 1583 万元，支出决算为 1163.64 万元，完成年初预算的 73.5%"), a score, a
 * count — and the slots a template left blank ("占 %", "比上年减少 万元").
 *
 * A sentence is read as a parser reads it, not by one pattern per phrasing:
 * - it is cut into clauses at ，；：; each figure of a clause is read with the words before it (its
 *   cue: 增加, 占…的, 年初预算为, 决算数, 完成预算的…) and, where the cue is only a comparison
 *   ("与 2016 年相比 21.79 万元，增加 14.01%"), the direction word that follows;
 * - what is left of the words before the cue is the subject, cleaned of years, the unit's own name,
 *   connectors and ordinals; a clause without a subject speaks of the subject before it, and a
 *   clause that is only a subject ("公务接待费，全年预算为…") names the one after it;
 * - "其中 / 包括 / 主要包括 / 具体如下 / 分别为" open a list whose items are components of the subject
 *   before them, "X 中，" opens a list under X, "；" separates items; "分别" hands a list of figures
 *   to a list of subjects in order;
 * - a year that is not the report's own qualifies the figure as last year's ("2016 年预算 8 万元，
 *   2015 年预算 12.5 万元"); a fund's name (一般公共预算, 政府性基金预算) is part of a subject, never
 *   a budget figure.
 */
import { keyText } from '../model/text.js';
import type { Passage } from './passages.js';
import type { Blank, ReadOptions, Statement } from './statement.js';
import { figureOf } from './statement.js';
import { cleanSubject, FIGURE_WORD, itemName, itemOf } from './subjects.js';
import { bracketDepth, clausesOf, sentencesOf, squash } from './clauses.js';
import { COMPARISON, comparisonWord, directionOf, mentionsOf, type Mention } from './mentions.js';

/** The verb of a change: what stands before a changed amount. */
const CHANGE_VERB = /(增加|减少|增长|下降|降低|上升|提高|压减|节约|缩减|增|减|多|少)了?(?:为|了)?$/u;
/** A comparison that names its base: 比上年, 较 2021 年决算数, 与 2016 年相比, 同比, 对比, 较上年预算. */
const COMPARE = /(?:比|较|与|同)(?:上年|上年度|去年|上一年|上年同期|同期|\d{4}\s*年度?)?(?:预算|决算|预算数|决算数|执行数)?(?:数)?(?:相比|同期|对比)?[，,]?$|同比$|对比$|环比$/u;
const RATE_CUE = /(?:增长|下降|降低|上升|提高|减少|增加|增幅|降幅|增长率|下降率|减少率|增加率|减幅|增长幅度|下降幅度|减少幅度|增|减)(?:了|为|达|是)?$/u;
const SHARE_CUE = /占(.*?)(?:的)?(?:比重|比例|比)?(?:为|是|达)?$/u;
const COMPLETION_CUE = /完成(?:了)?(年初|调整后?|全年)?预算(?:数)?的?$|为(年初|调整后?|全年)?预算(?:数)?的$|预算完成率(?:为)?$|(?:^|[^执])完成率(?:为)?$/u;
const EXECUTION_CUE = /执行率(?:为|达到?|是)?$/u;
const SCORE_CUE = /(?:自评)?得分(?:为|是)?$|评分(?:为)?$|总分(?:为)?$/u;
/** A budget figure: "年初预算为", "预算数", "全年预算", "2016 年预算", "预算拨入", "安排". The 预算 of a fund's name is not one. */
const BUDGET_CUE = /(年初|调整后?|全年|年度)?(?:预算(?:数|安排|拨入|支出|总额)?|安排)(?:为|是|共计|达|合计)?$/u;
const FUND_NAME = /(?:一般公共|政府性基金|国有资本经营|财政|社会保险基金|总)预算$/u;
const FINAL_CUE = /(?:支出)?决算(?:数|支出(?:数)?)?(?:为|是|共计|达)?$|执行数(?:为)?$|实际(?:支出|执行|完成)(?:数)?(?:为)?$|调整数(?:为)?$/u;

function budgetKind(lead: string): 'initial' | 'adjusted' | 'any' {
  if (/年初/u.test(lead)) return 'initial';
  if (/调整|全年/u.test(lead)) return 'adjusted';
  return 'any';
}

/** The year a clause's figure is of, when it names one outside a comparison ("2015 年预算 12.5 万元"). */
function ownYear(before: string): number | null {
  const cleaned = before.replace(/(?:比|较|与)\s*\d{4}\s*年度?[^，,]*?(?:相比|同期)?/gu, '');
  const m = /(\d{4})\s*年度?/u.exec(cleaned);
  return m ? Number(m[1]) : null;
}

/** The year a comparison names ("较 2021 年决算数", "与 2022 年决算数持平"). */
function comparedYear(text: string, offset: number): Statement['compared'] {
  const m = /(?:比|较|与)\s*(\d{4})\s*年度?/u.exec(text);
  return m ? { year: Number(m[1]), start: offset + (m.index ?? 0), end: offset + (m.index ?? 0) + m[0].length } : null;
}

/** "按功能分类科目", "按经济分类科目", "按支出功能分类科目划分": a breakdown of the list's total begins. */
const GROUP_MARK = /按(?:支出)?(?:功能|经济)分类(?:科目)?/u;
const GROUP_PREFIX = /^.*?按(?:支出)?(?:功能|经济)分类(?:科目)?(?:划分)?[,，:：]?/u;

const BLANK_SHARE = /占[^，,。；;%％\d]{0,16}?\s*[%％]/gu;
const BLANK_CHANGE = /(?:增加|减少|增长|下降)\s*(?:万元|元)(?![\d])/gu;
const PLACEHOLDER = /[*＊]{2,}\s*(个|人|万元|元|项)?/gu;

/** Reads every statement of a passage. */
export function statementsOf(p: Passage, firstId = 0, options: ReadOptions = {}): Statement[] {
  const text = p.text;
  const out: Statement[] = [];
  let itemsParent: number | null = null;
  let lastSubjectStatement: Statement | null = null;

  // a numbered item or a project's own paragraph names what all its sentences are about
  const passageItem = itemOf(text);
  const project = /^\s*(?:\d+[.．、]\s*)?(.{2,60}?)(?:项目)?(?:绩效)?自评(?:情况|结果)[：:]/u.exec(text)?.[1]?.trim() ?? null;

  /** A list whose items are numbered ("其中：1、…。2、…"): it goes on over the sentences its items start. */
  let numbered: number | null = null;
  /** A statement whose figure stands in brackets closed before `at`: an aside there, not the head of a list. */
  const aside = (st: Statement, at: number): boolean => {
    const m = st.amount ?? st.budget?.mention ?? st.final;
    return m !== undefined && m !== null && bracketDepth(text, st.sentence[0], m.start) > bracketDepth(text, st.sentence[0], at);
  };
  /** The statement a list opened at `at` after `st` is under: `st`, or the figure outside the brackets before it. */
  const headOf = (st: Statement | null, at: number): Statement | null => {
    if (!st || !aside(st, at)) return st;
    const i = out.indexOf(st);
    return (
      out
        .slice(0, i)
        .reverse()
        .find((x) => x.sentence[0] === st.sentence[0] && (x.amount || x.final || x.budget) && !aside(x, at)) ?? st
    );
  };
  for (const [sStart, sEnd] of sentencesOf(text)) {
    const sentence = text.slice(sStart, sEnd);
    const item = itemOf(sentence) ?? passageItem;
    const ordinal = /^\s*(?:\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）])/u.test(sentence);
    if (!ordinal) numbered = null;
    let listParent: number | null = ordinal ? numbered : null; // a "其中：" list ends with its sentence (continued lists: model.ts)
    /** Outer lists while a nested one is read ("安排公务用车费…，其中公务用车运行维护费…；安排…"). */
    const outer: Array<number | null> = [];
    let cur = null as Statement | null;
    /** A clause that was only a subject ("公务接待费，全年预算为…"): it names the next figure's subject. */
    let pending = null as { subject: string; start: number } | null;
    /** A change whose direction the next clause gives ("与 2016 年相比 21.79 万元，增加 14.01%"). */
    let undirected = null as Statement | null;
    /** One list may give two breakdowns of its total: by function, then by economic class. */
    let group = 0;
    /** The list was opened by an inline 其中 ("A 万元，其中 B 万元"). */
    let inline = false;

    const newStatement = (subject0: string, start: number): Statement => {
      let subject = project && (subject0 === '' || subject0 === '项目') ? project : subject0;
      let ownItem = item;
      if (/[(（]\d{0,7}\s*(?:类|款|项)[)）]/u.test(subject)) {
        ownItem = subject;
        subject = itemName(subject);
      }
      const code = /^\s*(?:[(（]?[\d一二三四五六七八九十]+[)）、.．]\s*)?(\d{3,7})\s*[-－—]/u.exec(text.slice(start, start + 24))?.[1] ?? null;
      const st: Statement = {
        id: firstId + out.length,
        passage: p.index,
        subject,
        concept: null,
        item: ownItem,
        ...(code ? { code } : {}),
        ...(group > 0 ? { group } : {}),
        // a class named in a list the sentence opened ("…支出 2940.05 万元，主要用于以下方面：一般公共服务支出（类）…") is under the list's head
        parent: ownItem && (listParent === null || ordinal) ? itemsParent : listParent,
        start,
        end: start,
        sentence: [sStart, sEnd],
      };
      out.push(st);
      cur = st;
      return st;
    };
    const blank = (st: Statement | null, b: Blank): void => {
      const target = st ?? cur ?? newStatement(lastSubjectStatement?.subject ?? '', b.start);
      (target.blanks ??= []).push(b);
      target.end = Math.max(target.end, b.end);
    };

    for (const clause of clausesOf(text, sStart, sEnd)) {
      // a list under an item of the list being read: "…公务用车费 1,054 万元，其中公务用车运行维护费…"
      if (/^[(（]?其中/u.test(squash(clause.text)) && cur && (cur as Statement).id !== listParent && (cur as Statement).parent === listParent && listParent !== null) {
        outer.push(listParent);
        listParent = (cur as Statement).id;
      }
      // "A 万元，其中 B 万元…": a clause that opens with 其中 and its own figure starts a list under the figure before it
      if (listParent === null && cur && /^[(（]?其中[：:，,]?\s*[^，,；;：:]*\d/u.test(squash(clause.text)) && ((cur as Statement).amount || (cur as Statement).final || (cur as Statement).budget)) {
        listParent = (headOf(cur, clause.start) ?? (cur as Statement)).id;
        inline = true;
      }
      const mentions = mentionsOf(clause.text).map((m) => ({ ...m, start: m.start + clause.start, end: m.end + clause.start }));
      const k = squash(clause.text);

      // 决算数大于/小于/等于预算数
      const cmp = COMPARISON.exec(clause.text);
      if (cmp) {
        const target: Statement | null = cur ?? (out.length > 0 ? (out[out.length - 1] as Statement) : null);
        if (target && !target.comparison)
          target.comparison = { word: comparisonWord(cmp[1] ?? ''), start: clause.start + (cmp.index ?? 0), end: clause.start + (cmp.index ?? 0) + cmp[0].length, passage: p.index };
      }
      const incomparable = /无可比性|不具(?:有)?可比性|不可比/u.exec(clause.text);
      if (incomparable && cur && (cur as Statement).change && !(cur as Statement).rate)
        (cur as Statement).noComparison = { start: clause.start + incomparable.index, end: clause.start + incomparable.index + incomparable[0].length };

      // blank slots and placeholders: of the clause's own figure, once it is read (below), else of the one before
      const blanks: Blank[] = [];
      for (const m of clause.text.matchAll(BLANK_SHARE))
        blanks.push({
          role: 'share',
          start: clause.start + (m.index ?? 0),
          end: clause.start + (m.index ?? 0) + m[0].length,
          text: m[0],
          clause: clause.start,
          base:
            squash(m[0])
              .replace(/^占/u, '')
              .replace(/的?[%％]$/u, '') || null,
        });
      for (const m of clause.text.matchAll(BLANK_CHANGE))
        blanks.push({ role: 'change', start: clause.start + (m.index ?? 0), end: clause.start + (m.index ?? 0) + m[0].length, text: m[0], clause: clause.start });
      for (const m of clause.text.matchAll(PLACEHOLDER))
        blanks.push({
          role: m[1] && /万元|元/u.test(m[1]) ? 'amount' : 'count',
          start: clause.start + (m.index ?? 0),
          end: clause.start + (m.index ?? 0) + m[0].length,
          text: m[0],
          clause: clause.start,
        });
      if (mentions.length === 0) for (const b of blanks) blank(cur, b);

      // "收入、支出分别为 A、B 万元", "分别减少 1.2、3.4 万元", "分别下降 5%、6%": figures to subjects, in order
      const each = /分别(为|是|增加|减少|增长|下降|上升|降低)?/u.exec(clause.text);
      if (each && mentions.length >= 2) {
        const names = cleanSubject(clause.text.slice(0, each.index))
          .split(/[、和及与]/u)
          .map(cleanSubject)
          .filter((n) => n.length >= 2);
        const verb = each[1] && each[1] !== '为' && each[1] !== '是' ? each[1] : null;
        const percent = mentions.every((x) => x.unit === '%');
        let targets: Statement[] = [];
        if (names.length === mentions.length) {
          targets = names.map(
            (name) =>
              [...out].reverse().find((x) => x.sentence[0] === sStart && keyText(x.subject) === keyText(name)) ?? newStatement(name, clause.start + Math.max(0, clause.text.indexOf(name.slice(0, 2)))),
          );
        } else {
          const siblings = out.filter((x) => x.sentence[0] === sStart && x.subject !== '');
          if (siblings.length >= mentions.length) targets = siblings.slice(-mentions.length);
        }
        if (targets.length === mentions.length) {
          mentions.forEach((f, i) => {
            const st = targets[i] as Statement;
            if (verb && !percent) st.change = { mention: f, direction: directionOf(verb) ?? 'up', word: verb, start: clause.start + each.index, end: f.end };
            else if (percent && (verb || st.change)) st.rate = { mention: f, direction: verb ? directionOf(verb) : (st.change?.direction ?? null), word: verb ?? '' };
            else if (percent) st.share = { mention: f, base: null };
            else st.amount ??= f;
            st.end = Math.max(st.end, f.end);
          });
          continue;
        }
      }

      if (mentions.length === 0 && GROUP_MARK.test(k)) {
        group++;
        continue;
      }
      if (mentions.length === 0) {
        // a change with no figure: 持平, 无增减变化
        const flat = /(?:与|较|比)(?:上年|上年度|去年|\d{4}\s*年度?)[^，。；]*持平|(?:与上年|较上年)?(?:基本)?持平|无增减(?:变化)?|没有变化/u.exec(clause.text);
        if (flat) {
          // "与2023年度相比，财政拨款收入支出总计持平": the clause names what stayed flat
          const named = cleanSubject(clause.text.slice(0, flat.index ?? 0));
          const target: Statement | null = cur ?? (named.length >= 2 && !/\d/u.test(named) ? newStatement(named, clause.start) : null);
          if (target && !target.change) {
            target.change = { mention: null, direction: 'flat', word: '持平', start: clause.start + (flat.index ?? 0), end: clause.start + (flat.index ?? 0) + flat[0].length };
            target.compared ??= comparedYear(clause.text, clause.start);
            target.end = Math.max(target.end, clause.start + (flat.index ?? 0) + flat[0].length);
          }
          continue;
        }
        // a list opens: "其中", "包括", "主要包括", "具体如下", "分别为"; or "X 中" under X
        if (/(?:其中|主要用于以下方面|主要包括|包括|具体如下|具体情况如下|分别为)$/u.test(k)) {
          const lead = cleanSubject(k.replace(/(?:其中|主要用于以下方面|主要包括|包括|具体如下|具体情况如下|分别为)$/u, ''));
          if (lead.length >= 2 && (!cur || keyText(lead) !== keyText((cur as Statement).subject))) {
            const named = [...out].reverse().find((s) => keyText(s.subject) === keyText(lead));
            listParent = named ? named.id : newStatement(lead, clause.start).id;
          } else {
            // "……2.28万元。其中：" — a list that starts the sentence is under the last figure before it,
            // never under an aside in brackets ("支出预算 490,808.40 万元（本年支出预算 415,808.40 万元），其中：")
            const before = headOf(cur, clause.start) ?? [...out].reverse().find((x) => (x.amount || x.final || x.budget) && !aside(x, clause.start)) ?? null;
            if (before) listParent = before.id;
          }
          continue;
        }
        const under = /^(.{2,60}?)中$/u.exec(k);
        if (under?.[1]) {
          const name = cleanSubject(under[1] ?? '');
          const named = [...out].reverse().find((s) => keyText(s.subject) === keyText(name)) ?? (options.concept ? options.concept(name, out) : null);
          if (named) {
            listParent = named.id;
            continue;
          }
        }
        // a clause that is only a noun phrase names the subject of what follows
        const subject = cleanSubject(clause.text);
        if (subject.length >= 2 && subject.length <= 30 && !/\d/u.test(subject) && !/[了的]$|原因|主要|由于|因为|严格|按照|根据|要求/u.test(subject))
          pending = { subject, start: clause.start + Math.max(0, clause.text.indexOf(subject.slice(0, 1))) };
        continue;
      }

      for (let mi = 0; mi < mentions.length; mi++) {
        const m = mentions[mi] as Mention;
        const beforeRaw = mi === 0 ? text.slice(clause.start, m.start) : text.slice((mentions[mi - 1] as Mention).end, m.start);
        if (mi > 0 && GROUP_MARK.test(beforeRaw)) group++;
        const before = squash(beforeRaw).replace(GROUP_PREFIX, '');
        const after = squash(text.slice(m.end, mi + 1 < mentions.length ? (mentions[mi + 1] as Mention).start : clause.end));
        const money = /^(?:万元|亿元|千元|元)$/u.test(m.unit);
        const percent = m.unit === '%';
        const startOf = (subject: string): number => {
          const at = subject.length > 0 ? text.indexOf(subject.slice(0, Math.min(2, subject.length)), mi === 0 ? clause.start : (mentions[mi - 1] as Mention).end) : -1;
          return at >= 0 && at <= m.start ? at : m.start;
        };
        /** The statement a figure with no subject of its own belongs to. */
        const carried = (): Statement => {
          if (cur) return cur;
          if (pending) {
            const st = newStatement(pending.subject, pending.start);
            pending = null;
            return st;
          }
          return newStatement(lastSubjectStatement?.subject ?? (item ? itemName(item) : ''), m.start);
        };
        /** The statement for a subject written before the cue (a new one, or the current when it names it). */
        const subjectStatement = (subject: string, field: keyof Statement): Statement => {
          // a shorthand of the current subject is the same subject ("一般公共预算财政拨款支出 465.33 万元 … 一般公共预算财政拨款增加 46.56 万元")
          const same = cur !== null && abbreviates(subject, (cur as Statement).subject);
          if (subject.length >= 2 && !same && (!cur || keyText(subject) !== keyText((cur as Statement).subject) || (cur as Statement)[field] !== undefined)) {
            pending = null;
            return newStatement(subject, startOf(subject));
          }
          const st = carried();
          if (st[field] !== undefined) return newStatement(st.subject, startOf(subject));
          return st;
        };

        // a change: "比上年增加 X 万元", "较 2021 年决算数减少 X 万元", "各增 X 万元"
        const verb = money ? CHANGE_VERB.exec(before) : null;
        if (money && verb) {
          const word = verb[1] ?? '';
          const lead = before.slice(0, verb.index);
          const subject = cleanSubject(
            lead
              .replace(COMPARE, '')
              .replace(/(?:比|较|与|同比|对比).*$/u, '')
              .replace(/各$/u, ''),
          );
          const st =
            subject.length >= 2 && !/^(?:支出决算|决算|预算)/u.test(subject)
              ? subjectStatement(subject, 'change')
              : ((): Statement => {
                  const c = carried();
                  return c.change ? newStatement(c.subject, m.start) : c;
                })();
          st.change = { mention: m, direction: directionOf(word) ?? 'up', word, start: clause.start + Math.max(0, clause.text.indexOf(word)), end: m.end };
          st.compared ??= comparedYear(beforeRaw, mi === 0 ? clause.start : (mentions[mi - 1] as Mention).end);
          st.end = Math.max(st.end, m.end);
          continue;
        }
        // last year's figure in the comparison: "比上年 2665.56 万元增加 253.4 万元"
        if (money && COMPARE.test(before) && !/占/u.test(before) && mi + 1 < mentions.length && CHANGE_VERB.test(squash(text.slice(m.end, (mentions[mi + 1] as Mention).start)))) {
          const lead = before.replace(COMPARE, '').replace(/(?:比|较|与).*$/u, '');
          const subject = cleanSubject(lead);
          const st = subject.length >= 2 ? subjectStatement(subject, 'prior') : carried();
          const year = comparedYear(beforeRaw, 0)?.year ?? (options.year ? options.year - 1 : null);
          st.prior = { mention: m, year, field: 'amount' };
          st.end = Math.max(st.end, m.end);
          continue;
        }
        // a change whose verb comes after: "与 2016 年相比 21.79 万元，增加 14.01%"
        if (money && COMPARE.test(before) && !/占/u.test(before)) {
          const lead = before.replace(COMPARE, '').replace(/(?:比|较|与).*$/u, '');
          const subject = cleanSubject(lead);
          const st = subject.length >= 2 ? subjectStatement(subject, 'change') : carried();
          const word = /^(增加|减少|增长|下降|降低|上升)/u.exec(after)?.[1] ?? '';
          st.change = { mention: m, direction: directionOf(word) ?? 'up', word, start: clause.start, end: m.end };
          st.compared ??= comparedYear(beforeRaw, mi === 0 ? clause.start : (mentions[mi - 1] as Mention).end);
          if (!word) undirected = st;
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (percent && RATE_CUE.test(before) && !/占/u.test(before)) {
          const st = cur && (cur as Statement).change && !(cur as Statement).rate ? (cur as Statement) : carried();
          const word = RATE_CUE.exec(before)?.[0] ?? '';
          const direction = directionOf(word.replace(/(?:了|为|达|是)$/u, ''));
          if (!st.change && !st.rate) {
            // a rate with no amount ("较上年预算下降 90.54%"): the change is stated by its rate only
            st.change = { mention: null, direction: direction ?? 'up', word, start: clause.start, end: m.end };
            st.compared ??= comparedYear(clause.text, clause.start);
          }
          if (undirected && undirected === st && st.change && direction) {
            st.change = { ...st.change, direction, word };
            undirected = null;
          }
          st.rate = { mention: m, direction, word };
          st.end = Math.max(st.end, m.end);
          continue;
        }
        // a rate in brackets right after its change: "较上年减少 1.5 万元(42.86%)"
        if (percent && /^[(（]$/u.test(before) && cur && (cur as Statement).change && !(cur as Statement).rate) {
          (cur as Statement).rate = { mention: m, direction: (cur as Statement).change?.direction ?? null, word: '' };
          (cur as Statement).end = Math.max((cur as Statement).end, m.end);
          continue;
        }
        const share = percent ? SHARE_CUE.exec(before) : null;
        if (share) {
          const base = (share[1] ?? '').replace(/的$/u, '') || null;
          // "货物采购授予中小企业合同金额占货物支出金额的 0%": a subject of its own before 占
          const own = cleanSubject(before.slice(0, share.index));
          const st = own.length >= 2 ? subjectStatement(own, 'share') : cur && !(cur as Statement).share ? (cur as Statement) : carried();
          const target = st.share ? newStatement(st.subject, m.start) : st;
          target.share = { mention: m, base };
          target.end = Math.max(target.end, m.end);
          continue;
        }
        const completion = COMPLETION_CUE.exec(before);
        if (completion) {
          const st = cur ?? carried();
          (st as Statement).completion = { mention: m, base: budgetKind(before), unitSlip: !percent };
          (st as Statement).end = Math.max((st as Statement).end, m.end);
          continue;
        }
        if (percent && EXECUTION_CUE.test(before)) {
          const st = cur ?? carried();
          (st as Statement).execution = m;
          (st as Statement).end = Math.max((st as Statement).end, m.end);
          continue;
        }
        if (m.unit === '分' && SCORE_CUE.test(before)) {
          const st = cur ?? carried();
          (st as Statement).score = m;
          (st as Statement).end = Math.max((st as Statement).end, m.end);
          continue;
        }
        const year = ownYear(beforeRaw);
        const prior = year !== null && options.year !== null && options.year !== undefined && year < options.year;
        const budget = money ? BUDGET_CUE.exec(before) : null;
        if (money && budget && !FUND_NAME.test(before.slice(0, budget.index + (budget[0].startsWith('安排') ? 0 : budget[0].indexOf('预算') + 2))) && !/决算/u.test(budget[0])) {
          const lead = before.slice(0, budget.index);
          const subject = cleanSubject(lead);
          if (prior) {
            const st = subject.length >= 2 && (!cur || keyText(subject) !== keyText((cur as Statement).subject)) ? newStatement(subject, startOf(subject)) : carried();
            st.prior = { mention: m, year, field: 'budget' };
            st.end = Math.max(st.end, m.end);
            continue;
          }
          const st = subjectStatement(subject, 'budget');
          st.budget = { mention: m, kind: budgetKind(budget[1] ?? before) };
          if (year !== null) st.year = year;
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (money && FINAL_CUE.test(before) && (cur || subjectOf(before))) {
          const lead = before.replace(FINAL_CUE, '');
          const subject = cleanSubject(lead);
          const st = subject.length >= 2 ? subjectStatement(subject, 'final') : carried();
          if (prior) st.prior = { mention: m, year, field: 'final' };
          else {
            const target = st.final ? newStatement(st.subject, m.start) : st;
            target.final = m;
            target.end = Math.max(target.end, m.end);
            continue;
          }
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (percent) {
          // a bare rate right after a change ("各增加 162.12 万元，12.73%")
          const c: Statement | null = cur;
          if (c && c.change && !c.rate && before === '') {
            c.rate = { mention: m, direction: null, word: '' };
            c.end = Math.max(c.end, m.end);
          }
          continue;
        }
        // "共计 7 万元" after a breakdown restates the figure being described: nothing new
        const described = [...out].reverse().find((x) => x.passage === p.index && figureOf(x) && /元$/u.test(figureOf(x)?.unit ?? ''));
        if (money && /^(?:共计|合计|总计|共|计)$/u.test(before) && described && figureOf(described)?.value.eq(m.value)) continue;
        // an amount (or a count) with its subject ("安排公务接待费 1,236 万元": the 安排 is a verb)
        const subject = cleanSubject(before.replace(/^(?:安排|支出|用于)/u, ''));
        const isCount = !money;
        let st: Statement;
        if (subject.length >= 2 || !cur || mi === 0) {
          if (subject.length < 2 && pending) {
            st = newStatement(pending.subject, pending.start);
            pending = null;
          } else {
            // "2025年当年预算执行数为 X 万元" after a sentence about a subject: that subject's other year
            const figureOnly = subject === '' && prior && FIGURE_WORD.test(before.replace(/为$/u, '').replace(/^.*?(?=预算|决算|执行)/u, ''));
            st = newStatement(subject || (item ? itemName(item) : '') || (figureOnly ? (lastSubjectStatement?.subject ?? '') : ''), startOf(subject));
          }
        } else st = cur as Statement;
        if (isCount) st.count = m;
        else if (prior) st.prior = { mention: m, year, field: 'amount' };
        else if (st.amount && subject.length < 2) {
          st = newStatement(st.subject, m.start);
          st.amount = m;
        } else st.amount = m;
        if (year !== null && !prior) st.year = year;
        st.end = Math.max(st.end, m.end);
        if (subject.length >= 2) lastSubjectStatement = st;
      }
      for (const b of blanks) blank(cur, b);
      const trailing = squash(text.slice((mentions[mentions.length - 1] as Mention).end, clause.end));
      if (GROUP_MARK.test(trailing)) group++;
      if (/(?:其中|主要用于以下方面|主要包括|包括)$/u.test(trailing) && cur) listParent = (headOf(cur, clause.end) ?? (cur as Statement)).id;
      // a nested list ends with its bracket, or with the "；" that ends its item
      if (outer.length > 0 && (clause.closes || clause.sep === '；' || clause.sep === ';')) listParent = outer.pop() ?? null;
      // a total of both sides broken down inline is two lists, one per side, parted by "；":
      // "收支总预算…，其中本年收入…，上年结转…；本年支出…，结转下年…"
      else if (inline && (clause.sep === '；' || clause.sep === ';') && /收支|收入支出/u.test(out.find((x) => x.id === listParent)?.subject ?? '')) {
        listParent = null;
        inline = false;
      }
    }
    // "其中：1、公务接待费…" : the numbered items that follow, in their own sentences, stay in the list
    if (listParent !== null && /[：:]\s*(?:\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）])/u.test(sentence)) numbered = listParent;
    else if (ordinal && numbered !== null) numbered = listParent ?? numbered;
    // a sentence that announces a list ("…完成年初预算的 85%。其中：") makes its statement the parent of the numbered items
    const tail = squash(text.slice(sStart, sEnd));
    const last: Statement | undefined = out[out.length - 1];
    if (/其中[：:]?$|其中[：:]?。?$/u.test(tail) || /其中[：:]$/u.test(squash(text.slice(sEnd, sEnd + 4)))) {
      if (last) itemsParent = last.id;
    }
    if (!item && last && (last.budget || last.final) && last.item === null && last.parent === null) itemsParent = last.id;
  }
  return out;
}

/** Whether a subject is the other written short ("一般公共预算财政拨款" for "一般公共预算财政拨款支出"). */
function abbreviates(short: string, full: string): boolean {
  const a = keyText(short);
  const b = keyText(full);
  return a.length >= 4 && a !== b && b.startsWith(a) && b.length - a.length <= 4;
}

/** Whether words name a subject (two characters or more once cleaned). */
function subjectOf(before: string): boolean {
  return cleanSubject(before.replace(FINAL_CUE, '')).length >= 2;
}
