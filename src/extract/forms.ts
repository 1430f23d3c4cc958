/**
 * 项目支出绩效自评表 that reach a page as text, not as a <table>: Word output with one paragraph per
 * cell-paragraph ("年初" / "预算数" / "43.2" …, blank cells as lone spaces), '|'-joined rows whose
 * merged cells collapsed irregularly, or lines flattened to space-separated cells. The grid itself is
 * lost, but the form is the national template (财预〔2020〕10号): its row labels (年度资金总额, 其中：
 * 本年财政拨款, 年度总体目标, 产出指标 / 数量指标 / 指标1…, 总分) and its column headers are known. The
 * cells are read as a stream, cut into rows at those labels, and each row is set in the template's
 * columns by what its figures are: three amounts, a percentage (the 执行率) and the 分值 / 得分 of a
 * funds row; 指标值, 完成值, 分值, 得分 and a reason of an indicator row. The rebuilt grid is read by
 * the same form reader as any other 绩效自评表.
 */
import { keyText } from '../model/text.js';
import type { RawCell, RawRow } from './grid.js';

/** A text block a reader found, with its index among the reader's items. */
export interface FormBlock {
  readonly item: number;
  readonly text: string;
}

export interface RebuiltForm {
  /** The reader items the form was read from (first, last). */
  readonly from: number;
  readonly to: number;
  readonly rows: RawRow[];
  /** For each cell's src, the item it came from. */
  readonly sources: number[];
}

interface Token {
  readonly text: string;
  readonly key: string;
  readonly item: number;
}

const TITLE = /绩效自评表/u;
const FUND_HEADER = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
const HEADER_WORD =
  /^(?:项目资金(?:\(万元\))?|年初预算数|全年预算数(?:\(A\))?|全年执行数(?:\(B\))?|分值|执行率(?:\(B\/A\))?|得分|预期目标|实际完成情况|一级指标|二级指标|三级指标|指标性质|指标值|度量单位|年度指标值|实际完成值|偏差原因分析及改进措施|绩效指标|资金情况|年度绩效指标完成情况|年度总体目标完成情况)$/u;
const HEAD_LABEL = /^(?:项目名称|主管部门|实施单位)$/u;
const FUND_LABEL = /^(?:年度资金总额|资金总额|其中[:：]?(?:当年|本年)?财政拨款|(?:当年|本年)财政拨款|上年结转资金|其他资金)[:：]?$/u;
const GOAL_LABEL = /^(?:年度总体目标|总体目标)(?:完成情况)?$/u;
const LEVEL1 = /^(?:产出指标|效益指标|满意度指标)$/u;
const LEVEL2 = /^(?:数量指标|质量指标|时效指标|成本指标|经济效益指标|社会效益指标|生态效益指标|可持续影响指标|服务对象满意度指标)$/u;
const TOTAL = /^总分$/u;
const NUMBER = /^[+-]?\d+(?:[.．]\d+)?%?$/u;
const OPERATOR = /^[=＝﹦≥≤><]$/u;
const UNIT = /^(?:元|万元|%|个|项|次|人|人次|天|月|年|台|套|份|家|户|辆|批次|公里|平方米|㎡|分)$/u;
const PLACEHOLDER = /^(?:…+|\.{3,}|指标\d+[:：]?|[-—/／]+)$/u;

/** A block's cells: '|'-joined, space-separated, or the block itself. */
function cellsOf(text: string): string[] {
  if (text.includes('|'))
    return text
      .split('|')
      .map((t) => t.trim())
      .filter((t) => t !== '');
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const parts = trimmed.split(/\s+/u);
  // flattened lines separate cells by spaces; a sentence of prose has few figures and no labels
  if (parts.length > 1 && parts.some((p) => NUMBER.test(p) || isLabel(keyText(p)) || OPERATOR.test(p))) return parts;
  return [trimmed];
}

function isLabel(k: string): boolean {
  const c = k.replace(/[:：]$/u, '');
  return HEADER_WORD.test(c) || HEAD_LABEL.test(c) || FUND_LABEL.test(k) || GOAL_LABEL.test(c) || LEVEL1.test(c) || LEVEL2.test(c) || TOTAL.test(c);
}

/** Cells broken over two paragraphs ("年初" / "预算数", "经济效益" / "指标") joined back where the join is a known label. */
function joined(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i] as Token;
    const b = tokens[i + 1];
    if (b && !isLabel(a.key) && isLabel(a.key + b.key)) {
      out.push({ text: a.text + b.text, key: a.key + b.key, item: a.item });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Finds the form's run of blocks: from its title (or its first label) while the blocks read as cells. */
function formRun(blocks: readonly FormBlock[], start: number): [number, number] | null {
  let labels = 0;
  let end = start;
  for (let i = start; i < blocks.length && i < start + 600; i++) {
    const t = (blocks[i] as FormBlock).text;
    const k = keyText(t);
    if (t.length > 160 && !t.includes('|')) break; // prose: the form is over
    for (const c of cellsOf(t)) if (isLabel(keyText(c))) labels++;
    end = i;
    if (i > start && TITLE.test(k) && !/^附件/u.test(k) && labels > 6) {
      end = i - 1;
      break; // the next form
    }
  }
  return labels >= 6 ? [start, end] : null;
}

/** Reads the 绩效自评表 forms written as text among a reader's blocks. */
export function rebuildForms(blocks: readonly FormBlock[]): RebuiltForm[] {
  const out: RebuiltForm[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const k = keyText((blocks[i] as FormBlock).text);
    if (!TITLE.test(k) || k.length > 80) continue;
    const run = formRun(blocks, i);
    if (!run) continue;
    const form = rebuild(blocks.slice(run[0], run[1] + 1));
    if (form) {
      out.push(form);
      i = run[1];
    }
  }
  return out;
}

function rebuild(blocks: readonly FormBlock[]): RebuiltForm | null {
  const tokens = joined(blocks.flatMap((b) => cellsOf(b.text).map((text) => ({ text, key: keyText(text), item: b.item }))));
  const rows: RawRow[] = [];
  const sources: number[] = [];
  const cell = (text: string, item: number | null): RawCell => {
    sources.push(item ?? -1);
    return { text, rowSpan: 1, colSpan: 1, th: false, src: sources.length - 1 };
  };
  const row = (cells: Array<[string, number | null]>): void => {
    rows.push({ cells: cells.map(([t, item]) => cell(t, item)), spacer: false });
  };
  const title = tokens.find((t) => TITLE.test(t.key));
  row([[title?.text ?? '项目支出绩效自评表', title?.item ?? null]]);
  let i = 0;
  let section: 'head' | 'funds' | 'goal' | 'indicators' = 'head';
  let level1 = '';
  let level2 = '';
  let fundHeader = false;
  let indicatorHeader = false;
  const valuesUntilLabel = (from: number): Token[] => {
    const vals: Token[] = [];
    for (let k = from; k < tokens.length; k++) {
      const t = tokens[k] as Token;
      if (isLabel(t.key) || TITLE.test(t.key)) break;
      vals.push(t);
    }
    return vals;
  };
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    const k = t.key.replace(/[:：]$/u, '');
    if (HEAD_LABEL.test(k)) {
      // the project's name may itself end in "…绩效自评表"
      const next = tokens[i + 1];
      const vals = next && TITLE.test(next.key) && /^项目名称$/u.test(k) ? [next] : valuesUntilLabel(i + 1);
      row([
        [t.text, t.item],
        [vals.map((v) => v.text).join(' '), vals[0]?.item ?? null],
      ]);
      i += 1 + vals.length;
      continue;
    }
    if (FUND_LABEL.test(t.key)) {
      if (!fundHeader) {
        row([['项目资金（万元）', null], ...FUND_HEADER.map((h) => [h, null] as [string, null])]);
        fundHeader = true;
      }
      section = 'funds';
      const vals = valuesUntilLabel(i + 1).filter((v) => !/^[-—]+$/u.test(v.key));
      const nums = vals.filter((v) => NUMBER.test(v.key));
      const amounts = nums.filter((v) => !v.key.endsWith('%'));
      const rate = nums.find((v) => v.key.endsWith('%')) ?? null;
      const rest = amounts.slice(3);
      const slot = (v: Token | null | undefined): [string, number | null] => [v?.text ?? '', v?.item ?? null];
      // 分值 before 执行率 before 得分; with no rate printed, the two figures left are 分值 and 得分
      row([[t.text, t.item], slot(amounts[0]), slot(amounts[1]), slot(amounts[2]), slot(rest[0]), slot(rate), slot(rest[1])]);
      i += 1 + vals.length;
      continue;
    }
    if (GOAL_LABEL.test(k)) {
      section = 'goal';
      row([
        ['', null],
        ['预期目标', null],
        ['实际完成情况', null],
      ]);
      let at = i + 1;
      while (at < tokens.length && /^(?:预期目标|实际完成情况)$/u.test((tokens[at] as Token).key)) at++;
      const vals = valuesUntilLabel(at);
      row([
        [t.text, t.item],
        [vals[0]?.text ?? '', vals[0]?.item ?? null],
        [
          vals
            .slice(1)
            .map((v) => v.text)
            .join(' '),
          vals[1]?.item ?? null,
        ],
      ]);
      i = at + vals.length;
      continue;
    }
    if (TOTAL.test(k)) {
      const vals = valuesUntilLabel(i + 1).filter((v) => NUMBER.test(v.key));
      row([
        [t.text, t.item],
        ['', null],
        ['', null],
        ['', null],
        ['', null],
        [vals[0]?.text ?? '', vals[0]?.item ?? null],
        [vals[1]?.text ?? vals[0]?.text ?? '', (vals[1] ?? vals[0])?.item ?? null],
        ['', null],
      ]);
      i += 1 + vals.length;
      continue;
    }
    if (LEVEL1.test(k) || LEVEL2.test(k) || (section === 'indicators' && !HEADER_WORD.test(k) && !NUMBER.test(t.key))) {
      if (LEVEL1.test(k) || LEVEL2.test(k) || /^(?:绩效指标|一级指标)$/u.test(k)) section = 'indicators';
      if (!indicatorHeader) {
        row(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].map((h) => [h, null] as [string, null]));
        indicatorHeader = true;
      }
      if (LEVEL1.test(k)) {
        level1 = t.text;
        i++;
        continue;
      }
      if (LEVEL2.test(k)) {
        level2 = t.text;
        i++;
        continue;
      }
      if (PLACEHOLDER.test(t.key) && !/^指标\d+[:：]?.+/u.test(t.key)) {
        i++;
        continue;
      }
      // an indicator: its name, then 性质, 指标值, 单位, 完成值, 分值, 得分, and a reason in words
      const vals: Token[] = [];
      const nameLike = (v: Token): boolean => !NUMBER.test(v.key) && !OPERATOR.test(v.key) && !UNIT.test(v.key) && !PLACEHOLDER.test(v.key);
      for (let k2 = i + 1; k2 < tokens.length; k2++) {
        const v = tokens[k2] as Token;
        if (isLabel(v.key) || TITLE.test(v.key) || PLACEHOLDER.test(v.key)) break;
        const figures = vals.filter((x) => NUMBER.test(x.key)).length;
        // once a row has its figures, a short name (no sentence marks) is the next indicator; a sentence is the reason
        if (nameLike(v) && figures >= 2 && (/^指标\d/u.test(v.key) || (v.key.length <= 30 && !/[，,。；;、]/u.test(v.text)))) break;
        vals.push(v);
      }
      const nums = vals.filter((v) => NUMBER.test(v.key) && !PLACEHOLDER.test(v.key));
      const words = vals.filter((v) => !NUMBER.test(v.key) && !OPERATOR.test(v.key) && !UNIT.test(v.key) && !PLACEHOLDER.test(v.key));
      const slot = (v: Token | undefined): [string, number | null] => [v?.text ?? '', v?.item ?? null];
      let target: Token | undefined;
      let actual: Token | undefined;
      let weight: Token | undefined;
      let score: Token | undefined;
      // after an operator (= ≥ ≤) comes the 指标值: the figures are then 指标值, 完成值, 分值, 得分 in order
      const operated = vals.some((v) => OPERATOR.test(v.key));
      if (nums.length >= 4 || (operated && nums.length >= 2)) [target, actual, weight, score] = nums;
      else if (nums.length === 3) [actual, weight, score] = nums;
      else if (nums.length === 2) [weight, score] = nums;
      // a figure after the 得分 stands where the reason, in words, belongs ("0")
      const extra = nums.length > 4 ? nums.slice(4) : [];
      const reason = [...extra, ...words].map((v) => v.text).join(' ');
      if (nums.length >= 2) row([[level1, null], [level2, null], [t.text, t.item], slot(target), slot(actual), slot(weight), slot(score), [reason, (extra[0] ?? words[0])?.item ?? null]]);
      i += 1 + vals.length;
      continue;
    }
    i++;
  }
  if (!fundHeader && !indicatorHeader) return null;
  const items = blocks.map((b) => b.item);
  return { from: Math.min(...items), to: Math.max(...items), rows, sources };
}

/**
 * A reader's items with the forms written as text rebuilt as tables. `origin[i]` is the item the new
 * item i stands for (a rebuilt table: its first block), `cells[i]` for a rebuilt table the original
 * item of each of its cells (by src).
 */
export function withForms<T extends { readonly type: 'block'; readonly text: string } | { readonly type: 'table'; readonly rows: RawRow[] }>(
  items: readonly T[],
): { items: Array<T | { type: 'table'; rows: RawRow[]; rebuilt: true }>; origin: number[]; cells: Map<number, number[]> } {
  const blocks: FormBlock[] = [];
  items.forEach((it, i) => {
    if (it.type === 'block') blocks.push({ item: i, text: (it as { text: string }).text });
  });
  const forms = rebuildForms(blocks);
  if (forms.length === 0) return { items: [...items], origin: items.map((_, i) => i), cells: new Map() };
  const out: Array<T | { type: 'table'; rows: RawRow[]; rebuilt: true }> = [];
  const origin: number[] = [];
  const cells = new Map<number, number[]>();
  let f = 0;
  for (let i = 0; i < items.length; i++) {
    const form = forms[f];
    if (form && i === form.from) {
      cells.set(out.length, form.sources);
      out.push({ type: 'table', rows: form.rows, rebuilt: true });
      origin.push(i);
      // the form's blocks are its cells now; anything else in its span (a table) is kept
      for (let k = form.from; k <= form.to; k++) {
        const it = items[k] as T;
        if (it.type !== 'block') {
          out.push(it);
          origin.push(k);
        }
      }
      i = form.to;
      f++;
      continue;
    }
    out.push(items[i] as T);
    origin.push(i);
  }
  return { items: out, origin, cells };
}
