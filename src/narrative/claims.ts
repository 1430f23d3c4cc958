/**
 * Claims in the 情况说明: every figure a sentence states, with the noun phrase it belongs to and
 * what it says about it — an amount ("基本支出 491.68 万元"), a change and its rate ("比上年减少
 * 27.04 万元，下降 5.21%"), a share ("占 93.28%", "占本年支出合计的 100%"), a budget, a final
 * figure and a completion rate ("年初预算为 1583 万元，支出决算为 1163.64 万元，完成年初预算的
 * 73.5%"), a score, a count. Sentences are read clause by clause; a statement gathers the clauses
 * about one subject, and remembers the list it belongs to ("其中：…", "主要用于以下方面：…",
 * numbered items), so components can be checked against their total.
 */
import { Decimal } from '../model/decimal.js';
import { keyText } from '../model/text.js';
import type { Passage } from './passages.js';

export interface Mention {
  readonly value: Decimal;
  readonly scale: number;
  readonly unit: string;
  /** Offsets in the passage text (the number and its unit). */
  readonly start: number;
  readonly end: number;
}

export type Direction = 'up' | 'down' | 'flat';

export interface Statement {
  readonly id: number;
  readonly passage: number;
  /** Subject as written, cleaned of connectors ("基本支出", "收、支总计", "一般公共服务支出"). */
  subject: string;
  /** Canonical key of the subject (see concepts.ts), or null. */
  concept: string | null;
  /** For the numbered items of a 具体情况 list, the item text ("一般公共服务支出（类）…行政运行（项）"). */
  item: string | null;
  amount?: Mention;
  budget?: { readonly mention: Mention; readonly kind: 'initial' | 'adjusted' | 'any' };
  final?: Mention;
  change?: { readonly mention: Mention | null; readonly direction: Direction; readonly word: string; readonly start: number; readonly end: number };
  rate?: { readonly mention: Mention; readonly direction: Direction | null; readonly word: string };
  /** "无可比性" said of the change instead of a rate (right only over a zero prior year). */
  noComparison?: { readonly start: number; readonly end: number };
  share?: { readonly mention: Mention; readonly base: string | null };
  completion?: { readonly mention: Mention; readonly base: 'initial' | 'adjusted' | 'any'; readonly unitSlip: boolean };
  execution?: Mention;
  score?: Mention;
  count?: Mention;
  /** "决算数大于/小于/等于预算数" said of this statement. */
  comparison?: { readonly word: 'greater' | 'less' | 'equal'; readonly start: number; readonly end: number; readonly passage: number };
  /** The statement this one is a component of (其中 / 主要用于 / numbered items). */
  parent: number | null;
  /** Span in the passage text, for the quote. */
  start: number;
  end: number;
  /** The sentence the statement stands in (passage offsets). */
  readonly sentence: readonly [number, number];
}

const NUMBER = /(?<![\d.．])([+-]?\d{1,3}(?:[,，]\d{3})+(?:[.．]\d+)?|[+-]?\d+(?:[.．]\d+)?)\s*(万元|亿元|千元|元|%|％|个百分点|万人次|人次|批次|辆|个|次|人|条|家|台（套）|台\(套\)|台|套|分|项|份|册|起|万|余条|余次|余家|余人)?/gu;

/** "决算数大于/小于/等于预算数" and its variants. */
export const COMPARISON = /决算(?:数)?(大于|小于|等于|高于|低于|与预算数?持平|超过)预算(?:数)?/u;

export function comparisonWord(text: string): 'greater' | 'less' | 'equal' {
  return /大于|高于|超过/u.test(text) ? 'greater' : /小于|低于/u.test(text) ? 'less' : 'equal';
}

/** Number mentions of a text, with their units (years and plain ordinals are left out). */
export function mentionsOf(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[1] ?? '';
    const unit = (m[2] ?? '').replace('％', '%').replace(/^台\(套\)$/u, '台（套）');
    const start = m.index ?? 0;
    const after = text.slice(start + m[0].length, start + m[0].length + 1);
    if (unit === '' && /^[年月日号时届]/u.test(after)) continue;
    if (unit === '') continue;
    const clean = raw.replace(/[,，]/g, '').replace('．', '.');
    const dot = clean.indexOf('.');
    out.push({ value: new Decimal(clean), scale: dot < 0 ? 0 : clean.length - dot - 1, unit: unit === '万' ? '万元' : unit, start, end: start + m[0].length });
  }
  return out;
}

const DIRECTION_WORDS: Array<[RegExp, Direction]> = [
  [/(?:增加|增长|上升|提高|增多|多)了?$/u, 'up'],
  [/(?:减少|下降|降低|减|少|压减|节约)了?$/u, 'down'],
];

function directionOf(word: string): Direction | null {
  if (/持平|相同|一致|不变/u.test(word)) return 'flat';
  for (const [re, d] of DIRECTION_WORDS) if (re.test(word)) return d;
  return null;
}

/** A change clause ends with a direction verb: "比上年增加", "较 2023 年度减少", "收、支总计各增加". */
const CHANGE = /(增加|减少|增长|下降|降低|上升|提高|减|增)了?$/u;
const COMPARED = /(?:比|较|与)(?:上年|上年度|去年|上一年|\d{4}年度?|同期)(?:相比|同期)?.*$/u;
const FLAT = /(?:与|较|比)(?:上年|上年度|去年|\d{4}\s*年度?)[^，。；]*持平|(?:与上年|较上年)?基本?持平/u;

/** Strips connectors around a subject ("2024 年度", "其中：", "为", "各"…). */
export function cleanSubject(lead: string): string {
  let s = lead
    .replace(/^[\s，,；;：:。、]+/u, '')
    .replace(/^(?:截至|截止)\s*\d{4}\s*年\s*\d+\s*月\s*\d+\s*日[，,]?/u, '')
    .replace(/^(?:\d{4}\s*年度?|本年度|当年|本年度)\s*/u, '')
    .replace(/^(?:与\s*\d{4}\s*年度?相比|与上年相比|与上年度相比)[，,]?\s*/u, '')
    .replace(/^(?:其中|主要用于以下方面|主要包括|具体如下)[：:]?\s*/u, '')
    .replace(/^\d+[.．、]\s*/u, '')
    .replace(/\s+/gu, '');
  s = s.replace(/^[、，,]+/u, '').replace(/(?:为|是|达到|达|共计|共|合计为|总额为|约为|约|各|均为|均|总计为|共有|有)$/u, '');
  return s;
}

function budgetKind(lead: string): 'initial' | 'adjusted' | 'any' {
  if (/年初/u.test(lead)) return 'initial';
  if (/调整|全年/u.test(lead)) return 'adjusted';
  return 'any';
}

interface Clause {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function clausesOf(text: string, from: number, to: number): Clause[] {
  const out: Clause[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const ch = text[i];
    if (i === to || ch === '，' || ch === ',' || ch === '；' || ch === ';' || ch === '：' || ch === ':') {
      if (i > start) out.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

function sentencesOf(text: string): Array<[number, number]> {
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

/** The item of a numbered 具体情况 paragraph: "1. 一般公共服务（类）…行政运行（项）". */
function itemOf(sentence: string): string | null {
  const m = /^\s*\d+[.．、]\s*(.*(?:[(（]项[)）]|[(（]款[)）]|[(（]类[)）]))/u.exec(sentence);
  return m?.[1] ?? null;
}

/** The 项 name of an item ("行政运行"). */
export function itemName(item: string): string {
  const parts = item.split(/[(（](?:类|款|项)[)）]/u).map((p) => p.trim()).filter((p) => p !== '');
  return parts[parts.length - 1] ?? item;
}

/** Reads every statement of a passage. */
export function statementsOf(p: Passage, firstId = 0): Statement[] {
  const text = p.text;
  const out: Statement[] = [];
  let listParent: number | null = null;
  let itemsParent: number | null = null;
  let lastSubjectStatement: Statement | null = null;

  // a numbered item or a project's own paragraph names what all its sentences are about
  const passageItem = itemOf(text);
  const project = /^\s*(?:\d+[.．、]\s*)?(.{2,60}?)(?:项目)?(?:绩效)?自评(?:情况|结果)[：:]/u.exec(text)?.[1]?.trim() ?? null;
  for (const [sStart, sEnd] of sentencesOf(text)) {
    const sentence = text.slice(sStart, sEnd);
    const item = itemOf(sentence) ?? passageItem;
    listParent = null; // a "其中：" list ends with its sentence (lists continued in the next paragraphs are joined in model.ts)
    const cur: { st: Statement | null } = { st: null };
    const newStatement = (subject0: string, start: number): Statement => {
      let subject = project && (subject0 === '' || subject0 === '项目') ? project : subject0;
      let ownItem = item;
      // "一般公共服务（类）…行政运行（项）年初预算为…": the subject is the item
      if (/[(（](?:类|款|项)[)）]/u.test(subject)) {
        ownItem = subject;
        subject = itemName(subject);
      }
      const st: Statement = {
        id: firstId + out.length,
        passage: p.index,
        subject,
        concept: null,
        item: ownItem,
        parent: ownItem ? itemsParent : listParent,
        start,
        end: start,
        sentence: [sStart, sEnd],
      };
      out.push(st);
      cur.st = st;
      return st;
    };
    for (const clause of clausesOf(text, sStart, sEnd)) {
      const mentions = mentionsOf(clause.text).map((m) => ({ ...m, start: m.start + clause.start, end: m.end + clause.start }));
      const lead = (m: Mention | undefined): string => (m ? text.slice(clause.start, m.start) : clause.text);
      const first = mentions[0];
      const leadText = lead(first).trim();
      const k = keyText(leadText);

      // 决算数大于/小于/等于预算数
      const cmp = COMPARISON.exec(clause.text);
      if (cmp) {
        const word = comparisonWord(cmp[1] ?? '');
        const target: Statement | null = cur.st ?? (out.length > 0 ? (out[out.length - 1] as Statement) : null);
        if (target && !target.comparison) target.comparison = { word, start: clause.start + (cmp.index ?? 0), end: clause.start + (cmp.index ?? 0) + cmp[0].length, passage: p.index };
      }
      const incomparable = /无可比性|不具(?:有)?可比性|不可比/u.exec(clause.text);
      if (incomparable && cur.st?.change && !cur.st.rate) cur.st.noComparison = { start: clause.start + incomparable.index, end: clause.start + incomparable.index + incomparable[0].length };
      const flat = FLAT.exec(clause.text);
      if (flat && !first) {
        const target: Statement | null = cur.st;
        if (target && !target.change) target.change = { mention: null, direction: 'flat', word: '持平', start: clause.start + (flat.index ?? 0), end: clause.start + (flat.index ?? 0) + flat[0].length };
      }
      if (!first) {
        if (/其中$|主要用于以下方面$|主要包括$|具体情况如下$/u.test(k) && cur.st) listParent = (cur.st as Statement).id;
        continue;
      }

      for (let mi = 0; mi < mentions.length; mi++) {
        const m = mentions[mi] as Mention;
        const before = mi === 0 ? leadText : text.slice((mentions[mi - 1] as Mention).end, m.start).trim();
        const b = keyText(before);
        const money = /^(?:万元|亿元|千元|元)$/u.test(m.unit);
        const percent = m.unit === '%';
        let st: Statement | null = cur.st;

        if (money && CHANGE.test(b)) {
          const mm = CHANGE.exec(b);
          const word = mm?.[1] ?? '';
          // a subject written before the change verb ("收、支总计各增加", "支出决算较 2023 年度增加")
          const subject = cleanSubject(b.replace(COMPARED, '').replace(/各?(?:增加|减少|增长|下降|降低|上升|提高|减|增)了?$/u, ''));
          if (subject && subject.length >= 2 && (!st || (keyText(subject) !== keyText(st.subject) && !/^支出决算|^决算/u.test(subject)))) {
            st = newStatement(subject, clause.start + Math.max(0, before.indexOf(subject.slice(0, 1))));
          }
          if (!st) st = newStatement(lastSubjectStatement?.subject ?? '', m.start);
          st.change = { mention: m, direction: directionOf(word) ?? 'up', word, start: clause.start, end: m.end };
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (percent && st && st.change && !st.rate && /^(?:增长|下降|降低|上升|提高|减少|增加|增幅|降幅|增长率|下降率)?(?:了|为|达)?$/u.test(b)) {
          st.rate = { mention: m, direction: directionOf(b), word: b };
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (percent && /占/u.test(b)) {
          const base = /占(.*?)的?$/u.exec(b)?.[1]?.replace(/的$/u, '') ?? null;
          // "货物采购授予中小企业合同金额占货物支出金额的 0%": a subject of its own before 占
          const own = cleanSubject(before.replace(/占.*$/u, ''));
          if (!st || (own.length >= 2 && keyText(own) !== keyText(st.subject)) || st.share) st = newStatement(own || st?.subject || '', clause.start + Math.max(0, clause.text.indexOf(own.slice(0, 2))));
          st.share = { mention: m, base: base && base.length > 0 ? base : null };
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (/完成(?:年初|调整后?|全年)?预算(?:数)?的?$|为(?:年初)?预算(?:数)?的?$|预算完成率(?:为)?$/u.test(b)) {
          if (!st) st = newStatement(lastSubjectStatement?.subject ?? '', clause.start);
          st.completion = { mention: m, base: budgetKind(b), unitSlip: !percent };
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (percent && /执行率(?:为|达到?)?$/u.test(b)) {
          if (!st) st = newStatement(lastSubjectStatement?.subject ?? '', clause.start);
          st.execution = m;
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (m.unit === '分' && /得分(?:为)?$/u.test(b)) {
          if (!st) st = newStatement(lastSubjectStatement?.subject ?? '', clause.start);
          st.score = m;
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (money && /(?:年初|调整后?|全年)?预算(?:数)?(?:为|是)?$/u.test(b) && !/决算/u.test(b)) {
          const subject = cleanSubject(before.replace(/(?:年初|调整后?|全年)?预算(?:数)?(?:为|是)?$/u, ''));
          if (!st || (subject.length >= 2 && keyText(subject) !== keyText(st.subject))) st = newStatement(subject || (item ? itemName(item) : (lastSubjectStatement?.subject ?? '')), clause.start);
          st.budget = { mention: m, kind: budgetKind(b) };
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (money && /(?:支出)?决算(?:数)?(?:为|是)?$|执行数(?:为)?$|支出(?:为)?$/u.test(b) && st && (st.budget || /决算|执行数/u.test(b))) {
          st.final = m;
          st.end = Math.max(st.end, m.end);
          continue;
        }
        if (percent) {
          // a bare rate right after a change ("各增加 162.12 万元，12.73%")
          if (st && st.change && !st.rate && b === '') {
            st.rate = { mention: m, direction: null, word: '' };
            st.end = Math.max(st.end, m.end);
          }
          continue;
        }
        // an amount (or a count) with its subject
        const subject = cleanSubject(before);
        const isCount = !money;
        if (subject.length >= 2 || !st || mi === 0) {
          const startAt = subject.length > 0 ? text.indexOf(subject.slice(0, Math.min(2, subject.length)), mi === 0 ? clause.start : (mentions[mi - 1] as Mention).end) : m.start;
          st = newStatement(subject || (item ? itemName(item) : ''), startAt >= 0 && startAt <= m.start ? startAt : m.start);
        }
        if (isCount) st.count = m;
        else if (/决算|执行数/u.test(b) && st.budget) st.final = m;
        else st.amount = m;
        st.end = Math.max(st.end, m.end);
        if (subject.length >= 2) lastSubjectStatement = st;
      }
      if (/其中$|主要用于以下方面$|主要包括$/u.test(keyText(text.slice((mentions[mentions.length - 1] as Mention).end, clause.end))) && cur.st) listParent = (cur.st as Statement).id;
    }
    // a sentence that announces a list ("…完成年初预算的 85%。其中：") makes its statement the parent of the numbered items
    const tail = keyText(text.slice(sStart, sEnd));
    const last: Statement | undefined = out[out.length - 1];
    if (/其中[：:]?$|其中[：:]?。?$/u.test(tail) || /其中[：:]$/u.test(keyText(text.slice(sEnd, sEnd + 4)))) {
      if (last) itemsParent = last.id;
    }
    if (!item && last && (last.budget || last.final) && last.item === null && last.parent === null) itemsParent = last.id;
  }
  return out;
}
