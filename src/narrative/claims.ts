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
import { type Blank, figureOf, type ReadOptions, type Statement } from './statement.js';
import { cleanSubject, FIGURE_WORD, itemName, itemOf } from './subjects.js';
import { bracketDepth, clausesOf, sentencesOf, squash, type Clause } from './clauses.js';
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
  return new PassageReader(p, firstId, options).read();
}

/** A figure of a clause with the words around it: what its cues are read from. */
interface At {
  readonly clause: Clause;
  readonly mentions: readonly Mention[];
  readonly mi: number;
  readonly m: Mention;
  /** The words between the previous figure (or the clause's start) and this one, as printed. */
  readonly beforeRaw: string;
  /** The same words without white space and without a breakdown's heading. */
  readonly before: string;
  /** The words up to the next figure (or the clause's end). */
  readonly after: string;
  readonly money: boolean;
  readonly percent: boolean;
  /** The year the words before the figure name as its own, if any, and whether it is before the report's year. */
  readonly year: number | null;
  readonly prior: boolean;
}

/**
 * The reading of one passage: sentence by sentence, clause by clause, figure by figure. What it
 * knows of the passage (the statements read, the lists open) are its fields; what it knows of the
 * sentence being read is reset at each sentence.
 */
class PassageReader {
  private readonly text: string;
  private readonly out: Statement[] = [];
  private itemsParent: number | null = null;
  private lastSubjectStatement: Statement | null = null;
  /** A numbered item or a project's own paragraph names what all its sentences are about. */
  private readonly passageItem: string | null;
  private readonly project: string | null;
  /** A list whose items are numbered ("其中：1、…。2、…"): it goes on over the sentences its items start. */
  private numbered: number | null = null;

  // the sentence being read
  private sStart = 0;
  private sEnd = 0;
  private item: string | null = null;
  private ordinal = false;
  /** The list the sentence's statements belong to (a "其中：" list ends with its sentence; continued lists: model.ts). */
  private listParent: number | null = null;
  /** Outer lists while a nested one is read ("安排公务用车费…，其中公务用车运行维护费…；安排…"). */
  private outer: Array<number | null> = [];
  private cur: Statement | null = null;
  /** A clause that was only a subject ("公务接待费，全年预算为…"): it names the next figure's subject. */
  private pending: { subject: string; start: number } | null = null;
  /** A change whose direction the next clause gives ("与 2016 年相比 21.79 万元，增加 14.01%"). */
  private undirected: Statement | null = null;
  /** One list may give two breakdowns of its total: by function, then by economic class. */
  private group = 0;
  /** The list was opened by an inline 其中 ("A 万元，其中 B 万元"). */
  private inline = false;

  constructor(
    private readonly p: Passage,
    private readonly firstId: number,
    private readonly options: ReadOptions,
  ) {
    this.text = p.text;
    this.passageItem = itemOf(this.text);
    this.project = /^\s*(?:\d+[.．、]\s*)?(.{2,60}?)(?:项目)?(?:绩效)?自评(?:情况|结果)[：:]/u.exec(this.text)?.[1]?.trim() ?? null;
  }

  read(): Statement[] {
    for (const [start, end] of sentencesOf(this.text)) this.readSentence(start, end);
    return this.out;
  }

  /** A statement whose figure stands in brackets closed before `at`: an aside there, not the head of a list. */
  private aside(st: Statement, at: number): boolean {
    const m = st.amount ?? st.budget?.mention ?? st.final;
    return m !== undefined && m !== null && bracketDepth(this.text, st.sentence[0], m.start) > bracketDepth(this.text, st.sentence[0], at);
  }

  /** The statement a list opened at `at` after `st` is under: `st`, or the figure outside the brackets before it. */
  private headOf(st: Statement | null, at: number): Statement | null {
    if (!st || !this.aside(st, at)) return st;
    const i = this.out.indexOf(st);
    return (
      this.out
        .slice(0, i)
        .reverse()
        .find((x) => x.sentence[0] === st.sentence[0] && (x.amount || x.final || x.budget) && !this.aside(x, at)) ?? st
    );
  }

  private readSentence(sStart: number, sEnd: number): void {
    const sentence = this.text.slice(sStart, sEnd);
    this.sStart = sStart;
    this.sEnd = sEnd;
    this.item = itemOf(sentence) ?? this.passageItem;
    this.ordinal = /^\s*(?:\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）])/u.test(sentence);
    if (!this.ordinal) this.numbered = null;
    this.listParent = this.ordinal ? this.numbered : null;
    this.outer = [];
    this.cur = null;
    this.pending = null;
    this.undirected = null;
    this.group = 0;
    this.inline = false;
    for (const clause of clausesOf(this.text, sStart, sEnd)) this.readClause(clause);
    // "其中：1、公务接待费…" : the numbered items that follow, in their own sentences, stay in the list
    if (this.listParent !== null && /[：:]\s*(?:\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）])/u.test(sentence)) this.numbered = this.listParent;
    else if (this.ordinal && this.numbered !== null) this.numbered = this.listParent ?? this.numbered;
    // a sentence that announces a list ("…完成年初预算的 85%。其中：") makes its statement the parent of the numbered items
    const tail = squash(this.text.slice(this.sStart, this.sEnd));
    const last: Statement | undefined = this.out[this.out.length - 1];
    if (/其中[：:]?$|其中[：:]?。?$/u.test(tail) || /其中[：:]$/u.test(squash(this.text.slice(this.sEnd, this.sEnd + 4)))) {
      if (last) this.itemsParent = last.id;
    }
    if (!this.item && last && (last.budget || last.final) && last.item === null && last.parent === null) this.itemsParent = last.id;
  }

  /** A new statement of the sentence being read, under the list open there. */
  private newStatement(subject0: string, start: number): Statement {
    let subject = this.project && (subject0 === '' || subject0 === '项目') ? this.project : subject0;
    let ownItem = this.item;
    if (/[(（]\d{0,7}\s*(?:类|款|项)[)）]/u.test(subject)) {
      ownItem = subject;
      subject = itemName(subject);
    }
    const code = /^\s*(?:[(（]?[\d一二三四五六七八九十]+[)）、.．]\s*)?(\d{3,7})\s*[-－—]/u.exec(this.text.slice(start, start + 24))?.[1] ?? null;
    const st: Statement = {
      id: this.firstId + this.out.length,
      passage: this.p.index,
      subject,
      concept: null,
      item: ownItem,
      ...(code ? { code } : {}),
      ...(this.group > 0 ? { group: this.group } : {}),
      // a class named in a list the sentence opened ("…支出 2940.05 万元，主要用于以下方面：一般公共服务支出（类）…") is under the list's head
      parent: ownItem && (this.listParent === null || this.ordinal) ? this.itemsParent : this.listParent,
      start,
      end: start,
      sentence: [this.sStart, this.sEnd],
    };
    this.out.push(st);
    this.cur = st;
    return st;
  }

  /** A blank slot of the template, on the statement it belongs to (the current one, else a new one). */
  private blank(st: Statement | null, b: Blank): void {
    const target = st ?? this.cur ?? this.newStatement(this.lastSubjectStatement?.subject ?? '', b.start);
    (target.blanks ??= []).push(b);
    target.end = Math.max(target.end, b.end);
  }

  private readClause(clause: Clause): void {
    // a list under an item of the list being read: "…公务用车费 1,054 万元，其中公务用车运行维护费…"
    if (/^[(（]?其中/u.test(squash(clause.text)) && this.cur && (this.cur as Statement).id !== this.listParent && (this.cur as Statement).parent === this.listParent && this.listParent !== null) {
      this.outer.push(this.listParent);
      this.listParent = (this.cur as Statement).id;
    }
    // "A 万元，其中 B 万元…": a clause that opens with 其中 and its own figure starts a list under the figure before it
    if (
      this.listParent === null &&
      this.cur &&
      /^[(（]?其中[：:，,]?\s*[^，,；;：:]*\d/u.test(squash(clause.text)) &&
      ((this.cur as Statement).amount || (this.cur as Statement).final || (this.cur as Statement).budget)
    ) {
      this.listParent = (this.headOf(this.cur, clause.start) ?? (this.cur as Statement)).id;
      this.inline = true;
    }
    const mentions = mentionsOf(clause.text).map((m) => ({ ...m, start: m.start + clause.start, end: m.end + clause.start }));
    const k = squash(clause.text);

    // 决算数大于/小于/等于预算数
    const cmp = COMPARISON.exec(clause.text);
    if (cmp) {
      const target: Statement | null = this.cur ?? (this.out.length > 0 ? (this.out[this.out.length - 1] as Statement) : null);
      if (target && !target.comparison)
        target.comparison = { word: comparisonWord(cmp[1] ?? ''), start: clause.start + (cmp.index ?? 0), end: clause.start + (cmp.index ?? 0) + cmp[0].length, passage: this.p.index };
    }
    const incomparable = /无可比性|不具(?:有)?可比性|不可比/u.exec(clause.text);
    if (incomparable && this.cur && (this.cur as Statement).change && !(this.cur as Statement).rate)
      (this.cur as Statement).noComparison = { start: clause.start + incomparable.index, end: clause.start + incomparable.index + incomparable[0].length };

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
    if (mentions.length === 0) for (const b of blanks) this.blank(this.cur, b);

    if (this.distribute(clause, mentions)) return;
    if (mentions.length === 0) return this.readWords(clause, k, mentions);
    for (let mi = 0; mi < mentions.length; mi++) this.readFigure(clause, mentions, mi);
    for (const b of blanks) this.blank(this.cur, b);
    const trailing = squash(this.text.slice((mentions[mentions.length - 1] as Mention).end, clause.end));
    if (GROUP_MARK.test(trailing)) this.group++;
    if (/(?:其中|主要用于以下方面|主要包括|包括)$/u.test(trailing) && this.cur) this.listParent = (this.headOf(this.cur, clause.end) ?? (this.cur as Statement)).id;
    // a nested list ends with its bracket, or with the "；" that ends its item
    if (this.outer.length > 0 && (clause.closes || clause.sep === '；' || clause.sep === ';')) this.listParent = this.outer.pop() ?? null;
    // a total of both sides broken down inline is two lists, one per side, parted by "；":
    // "收支总预算…，其中本年收入…，上年结转…；本年支出…，结转下年…"
    else if (this.inline && (clause.sep === '；' || clause.sep === ';') && /收支|收入支出/u.test(this.out.find((x) => x.id === this.listParent)?.subject ?? '')) {
      this.listParent = null;
      this.inline = false;
    }
  }

  /** "收入、支出分别为 A、B 万元", "分别减少 1.2、3.4 万元", "分别下降 5%、6%": figures to subjects, in order */
  private distribute(clause: Clause, mentions: Mention[]): boolean {
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
            [...this.out].reverse().find((x) => x.sentence[0] === this.sStart && keyText(x.subject) === keyText(name)) ??
            this.newStatement(name, clause.start + Math.max(0, clause.text.indexOf(name.slice(0, 2)))),
        );
      } else {
        const siblings = this.out.filter((x) => x.sentence[0] === this.sStart && x.subject !== '');
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
        return true;
      }
    }
    return false;
  }

  /** A clause without a figure: a breakdown's heading, a change with no figure (持平), a list that opens, or a subject for the next clause. */
  private readWords(clause: Clause, k: string, mentions: Mention[]): void {
    if (mentions.length === 0 && GROUP_MARK.test(k)) {
      this.group++;
      return;
    }
    if (mentions.length === 0) {
      // a change with no figure: 持平, 无增减变化
      const flat = /(?:与|较|比)(?:上年|上年度|去年|\d{4}\s*年度?)[^，。；]*持平|(?:与上年|较上年)?(?:基本)?持平|无增减(?:变化)?|没有变化/u.exec(clause.text);
      if (flat) {
        // "与2023年度相比，财政拨款收入支出总计持平": the clause names what stayed flat
        const named = cleanSubject(clause.text.slice(0, flat.index ?? 0));
        const target: Statement | null = this.cur ?? (named.length >= 2 && !/\d/u.test(named) ? this.newStatement(named, clause.start) : null);
        if (target && !target.change) {
          target.change = { mention: null, direction: 'flat', word: '持平', start: clause.start + (flat.index ?? 0), end: clause.start + (flat.index ?? 0) + flat[0].length };
          target.compared ??= comparedYear(clause.text, clause.start);
          target.end = Math.max(target.end, clause.start + (flat.index ?? 0) + flat[0].length);
        }
        return;
      }
      // a list opens: "其中", "包括", "主要包括", "具体如下", "分别为"; or "X 中" under X
      if (/(?:其中|主要用于以下方面|主要包括|包括|具体如下|具体情况如下|分别为)$/u.test(k)) {
        const lead = cleanSubject(k.replace(/(?:其中|主要用于以下方面|主要包括|包括|具体如下|具体情况如下|分别为)$/u, ''));
        if (lead.length >= 2 && (!this.cur || keyText(lead) !== keyText((this.cur as Statement).subject))) {
          const named = [...this.out].reverse().find((s) => keyText(s.subject) === keyText(lead));
          this.listParent = named ? named.id : this.newStatement(lead, clause.start).id;
        } else {
          // "……2.28万元。其中：" — a list that starts the sentence is under the last figure before it,
          // never under an aside in brackets ("支出预算 490,808.40 万元（本年支出预算 415,808.40 万元），其中：")
          const before = this.headOf(this.cur, clause.start) ?? [...this.out].reverse().find((x) => (x.amount || x.final || x.budget) && !this.aside(x, clause.start)) ?? null;
          if (before) this.listParent = before.id;
        }
        return;
      }
      const under = /^(.{2,60}?)中$/u.exec(k);
      if (under?.[1]) {
        const name = cleanSubject(under[1] ?? '');
        const named = [...this.out].reverse().find((s) => keyText(s.subject) === keyText(name)) ?? (this.options.concept ? this.options.concept(name, this.out) : null);
        if (named) {
          this.listParent = named.id;
          return;
        }
      }
      // a clause that is only a noun phrase names the subject of what follows
      const subject = cleanSubject(clause.text);
      if (subject.length >= 2 && subject.length <= 30 && !/\d/u.test(subject) && !/[了的]$|原因|主要|由于|因为|严格|按照|根据|要求/u.test(subject))
        this.pending = { subject, start: clause.start + Math.max(0, clause.text.indexOf(subject.slice(0, 1))) };
      return;
    }
  }

  /** One figure of a clause, read by the cue before it: a change, last year's figure, a rate, a share, a completion or execution rate, a score, a budget, a 决算, an amount or a count. */
  /** One figure of a clause, read by the cue before it. */
  private readFigure(clause: Clause, mentions: Mention[], mi: number): void {
    const m = mentions[mi] as Mention;
    const beforeRaw = mi === 0 ? this.text.slice(clause.start, m.start) : this.text.slice((mentions[mi - 1] as Mention).end, m.start);
    if (mi > 0 && GROUP_MARK.test(beforeRaw)) this.group++;
    const year = ownYear(beforeRaw);
    const at: At = {
      clause,
      mentions,
      mi,
      m,
      beforeRaw,
      before: squash(beforeRaw).replace(GROUP_PREFIX, ''),
      after: squash(this.text.slice(m.end, mi + 1 < mentions.length ? (mentions[mi + 1] as Mention).start : clause.end)),
      money: /^(?:万元|亿元|千元|元)$/u.test(m.unit),
      percent: m.unit === '%',
      year,
      prior: year !== null && this.options.year !== null && this.options.year !== undefined && year < this.options.year,
    };
    if (this.readChange(at) || this.readRatio(at) || this.readBudgetOrFinal(at)) return;
    this.readAmount(at);
  }

  /** Where a subject's words start before the figure (the figure itself when they are not found there). */
  private startOf(at: At, subject: string): number {
    const { m, mi, mentions, clause } = at;
    const found = subject.length > 0 ? this.text.indexOf(subject.slice(0, Math.min(2, subject.length)), mi === 0 ? clause.start : (mentions[mi - 1] as Mention).end) : -1;
    return found >= 0 && found <= m.start ? found : m.start;
  }

  /** The statement a figure with no subject of its own belongs to. */
  private carried(at: At): Statement {
    if (this.cur) return this.cur;
    if (this.pending) {
      const st = this.newStatement(this.pending.subject, this.pending.start);
      this.pending = null;
      return st;
    }
    return this.newStatement(this.lastSubjectStatement?.subject ?? (this.item ? itemName(this.item) : ''), at.m.start);
  }

  /** The statement for a subject written before the cue (a new one, or the current when it names it). */
  private subjectStatement(at: At, subject: string, field: keyof Statement): Statement {
    // a shorthand of the current subject is the same subject ("一般公共预算财政拨款支出 465.33 万元 … 一般公共预算财政拨款增加 46.56 万元")
    const same = this.cur !== null && abbreviates(subject, (this.cur as Statement).subject);
    if (subject.length >= 2 && !same && (!this.cur || keyText(subject) !== keyText((this.cur as Statement).subject) || (this.cur as Statement)[field] !== undefined)) {
      this.pending = null;
      return this.newStatement(subject, this.startOf(at, subject));
    }
    const st = this.carried(at);
    if (st[field] !== undefined) return this.newStatement(st.subject, this.startOf(at, subject));
    return st;
  }

  /** A change and its rate: "比上年增加 X 万元", last year's figure in the comparison, a change whose verb comes after, "增长 p%", a rate in brackets. */
  private readChange(at: At): boolean {
    const { m, beforeRaw, before, after, money, percent, clause, mentions, mi } = at;
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
          ? this.subjectStatement(at, subject, 'change')
          : ((): Statement => {
              const c = this.carried(at);
              return c.change ? this.newStatement(c.subject, m.start) : c;
            })();
      st.change = { mention: m, direction: directionOf(word) ?? 'up', word, start: clause.start + Math.max(0, clause.text.indexOf(word)), end: m.end };
      st.compared ??= comparedYear(beforeRaw, mi === 0 ? clause.start : (mentions[mi - 1] as Mention).end);
      st.end = Math.max(st.end, m.end);
      return true;
    }
    // last year's figure in the comparison: "比上年 2665.56 万元增加 253.4 万元"
    if (money && COMPARE.test(before) && !/占/u.test(before) && mi + 1 < mentions.length && CHANGE_VERB.test(squash(this.text.slice(m.end, (mentions[mi + 1] as Mention).start)))) {
      const lead = before.replace(COMPARE, '').replace(/(?:比|较|与).*$/u, '');
      const subject = cleanSubject(lead);
      const st = subject.length >= 2 ? this.subjectStatement(at, subject, 'prior') : this.carried(at);
      const year = comparedYear(beforeRaw, 0)?.year ?? (this.options.year ? this.options.year - 1 : null);
      st.prior = { mention: m, year, field: 'amount' };
      st.end = Math.max(st.end, m.end);
      return true;
    }
    // a change whose verb comes after: "与 2016 年相比 21.79 万元，增加 14.01%"
    if (money && COMPARE.test(before) && !/占/u.test(before)) {
      const lead = before.replace(COMPARE, '').replace(/(?:比|较|与).*$/u, '');
      const subject = cleanSubject(lead);
      const st = subject.length >= 2 ? this.subjectStatement(at, subject, 'change') : this.carried(at);
      const word = /^(增加|减少|增长|下降|降低|上升)/u.exec(after)?.[1] ?? '';
      st.change = { mention: m, direction: directionOf(word) ?? 'up', word, start: clause.start, end: m.end };
      st.compared ??= comparedYear(beforeRaw, mi === 0 ? clause.start : (mentions[mi - 1] as Mention).end);
      if (!word) this.undirected = st;
      st.end = Math.max(st.end, m.end);
      return true;
    }
    if (percent && RATE_CUE.test(before) && !/占/u.test(before)) {
      const st = this.cur && (this.cur as Statement).change && !(this.cur as Statement).rate ? (this.cur as Statement) : this.carried(at);
      const word = RATE_CUE.exec(before)?.[0] ?? '';
      const direction = directionOf(word.replace(/(?:了|为|达|是)$/u, ''));
      if (!st.change && !st.rate) {
        // a rate with no amount ("较上年预算下降 90.54%"): the change is stated by its rate only
        st.change = { mention: null, direction: direction ?? 'up', word, start: clause.start, end: m.end };
        st.compared ??= comparedYear(clause.text, clause.start);
      }
      if (this.undirected && this.undirected === st && st.change && direction) {
        st.change = { ...st.change, direction, word };
        this.undirected = null;
      }
      st.rate = { mention: m, direction, word };
      st.end = Math.max(st.end, m.end);
      return true;
    }
    // a rate in brackets right after its change: "较上年减少 1.5 万元(42.86%)"
    if (percent && /^[(（]$/u.test(before) && this.cur && (this.cur as Statement).change && !(this.cur as Statement).rate) {
      (this.cur as Statement).rate = { mention: m, direction: (this.cur as Statement).change?.direction ?? null, word: '' };
      (this.cur as Statement).end = Math.max((this.cur as Statement).end, m.end);
      return true;
    }
    return false;
  }

  /** A share ("占…的 p%"), a completion rate ("完成年初预算的 p%"), an execution rate, a score. */
  private readRatio(at: At): boolean {
    const { m, before, percent } = at;
    const share = percent ? SHARE_CUE.exec(before) : null;
    if (share) {
      const base = (share[1] ?? '').replace(/的$/u, '') || null;
      // "货物采购授予中小企业合同金额占货物支出金额的 0%": a subject of its own before 占
      const own = cleanSubject(before.slice(0, share.index));
      const st = own.length >= 2 ? this.subjectStatement(at, own, 'share') : this.cur && !(this.cur as Statement).share ? (this.cur as Statement) : this.carried(at);
      const target = st.share ? this.newStatement(st.subject, m.start) : st;
      target.share = { mention: m, base };
      target.end = Math.max(target.end, m.end);
      return true;
    }
    const completion = COMPLETION_CUE.exec(before);
    if (completion) {
      const st = this.cur ?? this.carried(at);
      (st as Statement).completion = { mention: m, base: budgetKind(before), unitSlip: !percent };
      (st as Statement).end = Math.max((st as Statement).end, m.end);
      return true;
    }
    if (percent && EXECUTION_CUE.test(before)) {
      const st = this.cur ?? this.carried(at);
      (st as Statement).execution = m;
      (st as Statement).end = Math.max((st as Statement).end, m.end);
      return true;
    }
    if (m.unit === '分' && SCORE_CUE.test(before)) {
      const st = this.cur ?? this.carried(at);
      (st as Statement).score = m;
      (st as Statement).end = Math.max((st as Statement).end, m.end);
      return true;
    }
    return false;
  }

  /** A budget ("年初预算为 X 万元") or a 决算 / 执行数, of this year or (a year named before the report's) of an earlier one. */
  private readBudgetOrFinal(at: At): boolean {
    const { m, before, money, year, prior } = at;
    const budget = money ? BUDGET_CUE.exec(before) : null;
    if (money && budget && !FUND_NAME.test(before.slice(0, budget.index + (budget[0].startsWith('安排') ? 0 : budget[0].indexOf('预算') + 2))) && !/决算/u.test(budget[0])) {
      const lead = before.slice(0, budget.index);
      const subject = cleanSubject(lead);
      if (prior) {
        const st = subject.length >= 2 && (!this.cur || keyText(subject) !== keyText((this.cur as Statement).subject)) ? this.newStatement(subject, this.startOf(at, subject)) : this.carried(at);
        st.prior = { mention: m, year, field: 'budget' };
        st.end = Math.max(st.end, m.end);
        return true;
      }
      const st = this.subjectStatement(at, subject, 'budget');
      st.budget = { mention: m, kind: budgetKind(budget[1] ?? before) };
      if (year !== null) st.year = year;
      st.end = Math.max(st.end, m.end);
      return true;
    }
    if (money && FINAL_CUE.test(before) && (this.cur || subjectOf(before))) {
      const lead = before.replace(FINAL_CUE, '');
      const subject = cleanSubject(lead);
      const st = subject.length >= 2 ? this.subjectStatement(at, subject, 'final') : this.carried(at);
      if (prior) st.prior = { mention: m, year, field: 'final' };
      else {
        const target = st.final ? this.newStatement(st.subject, m.start) : st;
        target.final = m;
        target.end = Math.max(target.end, m.end);
        return true;
      }
      st.end = Math.max(st.end, m.end);
      return true;
    }
    return false;
  }

  /** A bare rate after a change, a total that restates the figure described, or an amount or a count with its subject. */
  private readAmount(at: At): void {
    const { m, before, money, percent, mi, year, prior } = at;
    if (percent) {
      // a bare rate right after a change ("各增加 162.12 万元，12.73%")
      const c: Statement | null = this.cur;
      if (c && c.change && !c.rate && before === '') {
        c.rate = { mention: m, direction: null, word: '' };
        c.end = Math.max(c.end, m.end);
      }
      return;
    }
    // "共计 7 万元" after a breakdown restates the figure being described: nothing new
    const described = [...this.out].reverse().find((x) => x.passage === this.p.index && figureOf(x) && /元$/u.test(figureOf(x)?.unit ?? ''));
    if (money && /^(?:共计|合计|总计|共|计)$/u.test(before) && described && figureOf(described)?.value.eq(m.value)) return;
    // an amount (or a count) with its subject ("安排公务接待费 1,236 万元": the 安排 is a verb)
    const subject = cleanSubject(before.replace(/^(?:安排|支出|用于)/u, ''));
    const isCount = !money;
    let st: Statement;
    if (subject.length >= 2 || !this.cur || mi === 0) {
      if (subject.length < 2 && this.pending) {
        st = this.newStatement(this.pending.subject, this.pending.start);
        this.pending = null;
      } else {
        // "2025年当年预算执行数为 X 万元" after a sentence about a subject: that subject's other year
        const figureOnly = subject === '' && prior && FIGURE_WORD.test(before.replace(/为$/u, '').replace(/^.*?(?=预算|决算|执行)/u, ''));
        st = this.newStatement(subject || (this.item ? itemName(this.item) : '') || (figureOnly ? (this.lastSubjectStatement?.subject ?? '') : ''), this.startOf(at, subject));
      }
    } else st = this.cur as Statement;
    if (isCount) st.count = m;
    else if (prior) st.prior = { mention: m, year, field: 'amount' };
    else if (st.amount && subject.length < 2) {
      st = this.newStatement(st.subject, m.start);
      st.amount = m;
    } else st.amount = m;
    if (year !== null && !prior) st.year = year;
    st.end = Math.max(st.end, m.end);
    if (subject.length >= 2) this.lastSubjectStatement = st;
  }
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
