/**
 * 项目支出绩效自评表: a form, not a grid. Two blocks matter: the funds block (年初预算数 | 全年预算数 |
 * 全年执行数 | 执行率 | 分值 | 得分, one row per source of funds) and the indicator block (一级/二级/三级
 * 指标 | 年度指标值 | 实际完成值 | 权重 | 自评得分), closed by 总分. Both the Anhui/central and the
 * Sichuan layouts are read. Rows shifted by a column against their header (PDF extractions) are
 * realigned on the numeric cells they hold.
 */
import type { Cell, Table, Pos } from '../model/table.js';
import { displayText, keyText } from '../model/text.js';
import { isNumeric, parseQuantity, type Quantity } from '../model/number.js';

export type FundColumn = 'initial' | 'annual' | 'executed' | 'rate' | 'weight' | 'score';

export interface FundRow {
  readonly row: number;
  readonly label: string;
  readonly labelPos: Pos;
  readonly total: boolean;
  readonly cells: Partial<Record<FundColumn, Pos>>;
}

export interface Indicator {
  readonly row: number;
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly namePos: Pos | null;
  readonly target: { readonly text: string; readonly pos: Pos; readonly quantity: Quantity | null } | null;
  readonly actual: { readonly text: string; readonly pos: Pos; readonly quantity: Quantity | null } | null;
  readonly weight: Pos | null;
  readonly score: Pos | null;
  readonly reason: Pos | null;
}

export interface PerformanceTable {
  readonly project: string | null;
  /** The 实施单位 line (the body that carried the project out), when the form prints one. */
  readonly implementer: string | null;
  readonly fundHeaderRow: number | null;
  readonly fundColumns: Partial<Record<FundColumn, number>>;
  readonly funds: FundRow[];
  readonly indicatorHeaderRow: number | null;
  readonly indicators: Indicator[];
  /** The 实际完成情况 text of the 年度总体目标 block (what the project achieved, in words). */
  readonly outcome: { readonly text: string; readonly pos: Pos } | null;
  /** The 总分 figure. */
  readonly total: Pos | null;
  readonly totalRow: number | null;
}

const FUND_HEADERS: Array<[FundColumn, RegExp]> = [
  ['initial', /^年初预算(?:数)?$/u],
  ['annual', /^(?:全年预算(?:数)?|调整后预算(?:数)?|全年预算数)$/u],
  ['executed', /^(?:全年执行(?:数)?|预算执行(?:数)?|执行数|实际执行数)$/u],
  ['rate', /^(?:预算)?执行率(?:\(%\)|%)?$/u],
  ['weight', /^(?:分值|权重)(?:\(\d+\))?$/u],
  ['score', /^得分$/u],
];

const TOTAL_FUNDS = /^(?:年度资金总额|资金总额|总额|合计|项目资金总额)$/u;
const HEADER_WORDS = /^(?:项目资金|资金情况|年初预算数|全年预算数|全年执行数|执行率|得分|分值)/u;

function text(table: Table, r: number, c: number): string {
  const cell = table.grid[r]?.[c];
  return cell && !cell.merged ? cell.text : '';
}

/** A cell that holds a figure (an amount or a percentage) at its own position. */
function holdsFigure(cell: Cell | undefined): boolean {
  return !!cell && !cell.merged && isNumeric(cell.value);
}

function rowKeys(table: Table, r: number): string[] {
  return (table.grid[r] ?? []).map((c) => (c.merged ? '' : keyText(c.text)));
}

function findFundHeader(table: Table): { row: number; cols: Partial<Record<FundColumn, number>> } | null {
  for (let r = 0; r < Math.min(table.rows, 12); r++) {
    const keys = rowKeys(table, r);
    const cols: Partial<Record<FundColumn, number>> = {};
    keys.forEach((k, c) => {
      const clean = k.replace(/[(（]万元[)）]/u, '');
      for (const [name, re] of FUND_HEADERS) if (re.test(clean) && cols[name] === undefined) cols[name] = c;
    });
    if (Object.keys(cols).length >= 3 && cols.executed !== undefined) return { row: r, cols };
  }
  return null;
}

function fundRows(table: Table, header: { row: number; cols: Partial<Record<FundColumn, number>> }): FundRow[] {
  const out: FundRow[] = [];
  const order = (Object.entries(header.cols) as Array<[FundColumn, number]>).sort((a, b) => a[1] - b[1]);
  const firstValueCol = Math.min(...order.map(([, c]) => c));
  for (let r = header.row + 1; r < table.rows; r++) {
    const keys = rowKeys(table, r);
    if (keys.some((k) => /年度总体目标|绩效指标|预期目标|总体目标/u.test(k))) break;
    // the row label: the last text cell before the first value column
    let labelCol = -1;
    for (let c = 0; c < firstValueCol; c++) if (keys[c] && !/^资金情况/u.test(keys[c] as string)) labelCol = c;
    if (labelCol < 0) {
      const c = keys.findIndex((k, i) => k !== '' && !holdsFigure(table.grid[r]?.[i]));
      if (c < 0) continue;
      labelCol = c;
    }
    const label = displayText(text(table, r, labelCol));
    const lk = keyText(label);
    if (HEADER_WORDS.test(lk)) continue;
    const cells: Partial<Record<FundColumn, Pos>> = {};
    const aligned = order.every(([, c]) => {
      const cell = table.grid[r]?.[c];
      return !cell || cell.value.type !== 'text';
    });
    if (aligned) {
      for (const [name, c] of order) cells[name] = { row: r, col: c };
    } else {
      // shifted: the values in order after the label
      const vals: number[] = [];
      for (let c = labelCol + 1; c < (table.grid[r]?.length ?? 0); c++) {
        const cell = table.grid[r]?.[c];
        if (cell && !cell.merged && cell.text !== '') vals.push(c);
      }
      order.forEach(([name], i) => {
        const c = vals[i];
        if (c !== undefined) cells[name] = { row: r, col: c };
      });
    }
    out.push({ row: r, label, labelPos: { row: r, col: labelCol }, total: TOTAL_FUNDS.test(lk.replace(/^其中[:：]?/u, '').replace(/[:：]$/u, '')), cells });
  }
  return out;
}

interface IndicatorHeader {
  readonly row: number;
  readonly level1: number;
  readonly level2: number;
  readonly name: number;
  readonly target: number;
  readonly actual: number;
  readonly weight: number;
  readonly score: number;
  readonly reason: number;
}

const LEVEL1 = /^(?:产出指标|效益指标|成本指标|满意度指标)$/u;
const LEVEL2 = /^(?:数量|质量|时效|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|经济成本|社会成本|生态环境成本)指标$/u;

function findIndicatorHeader(table: Table, from: number): IndicatorHeader | null {
  for (let r = from; r < table.rows; r++) {
    const keys = rowKeys(table, r);
    const find = (re: RegExp): number => keys.findIndex((k) => re.test(k));
    const level1 = find(/^一级指标$/u);
    const target = find(/^(?:年度)?指标值$|^目标值$|^年度目标值$/u);
    const weight = find(/^(?:权重|分值)(?:\(\d+\))?$/u);
    const score = find(/^(?:自评)?得分$/u);
    if (level1 >= 0 && target >= 0 && weight >= 0 && score >= 0) {
      return {
        row: r,
        level1,
        level2: find(/^二级指标$/u),
        name: find(/^三级指标$/u),
        target,
        actual: find(/^实际完成值$|^完成值$|^实际值$/u),
        weight,
        score,
        reason: find(/偏差原因|原因分析/u),
      };
    }
  }
  return null;
}

function quantity(t: string): Quantity | null {
  return parseQuantity(t);
}

function indicators(table: Table, h: IndicatorHeader): { list: Indicator[]; total: Pos | null; totalRow: number | null } {
  const list: Indicator[] = [];
  let level1 = '';
  let level2 = '';
  for (let r = h.row + 1; r < table.rows; r++) {
    const keys = rowKeys(table, r);
    const totalAt = keys.findIndex((k) => /^总分$|^总分值$|^合计$/u.test(k));
    if (totalAt >= 0) {
      let pos: Pos | null = null;
      for (let c = (table.grid[r]?.length ?? 0) - 1; c > totalAt; c--) {
        if (holdsFigure(table.grid[r]?.[c])) {
          pos = { row: r, col: c };
          break;
        }
      }
      return { list, total: pos, totalRow: r };
    }
    if (keys.every((k) => k === '')) continue;
    if (keys.some((k) => /^偏差率|^复核/u.test(k))) break;
    // find the shift that puts numbers under 权重 and 得分
    let shift: number | null = null;
    // in place when the 权重 is where the header says (an unscored row leaves its 得分 blank)
    const blankScore = (table.grid[r]?.[h.score]?.value.type ?? 'empty') === 'empty';
    // a form rebuilt from text (extract/forms.ts) has its cells in the template's columns already
    if (table.meta.rebuilt && blankScore && holdsFigure(table.grid[r]?.[h.weight])) shift = 0;
    // a shift that puts an indicator level's label in another level's column is wrong (a 二级
    // label under 一级 is read in place only when the 二级 column is empty beside it)
    const label = (c: number, s: number): string => (c >= 0 ? keyText(text(table, r, c + s)) : '');
    const plausible = (s: number): boolean =>
      !(LEVEL2.test(label(h.level1, s)) && label(h.level2, s) !== '') && !LEVEL1.test(label(h.name, s)) && !LEVEL2.test(label(h.name, s)) && !LEVEL2.test(label(h.target, s));
    for (const s of shift === null ? [0, 1, -1, 2, -2] : []) {
      if (plausible(s) && holdsFigure(table.grid[r]?.[h.weight + s]) && holdsFigure(table.grid[r]?.[h.score + s])) {
        shift = s;
        break;
      }
    }
    // an unscored indicator in place: its 权重 where the header says, its 得分 blank
    if (shift === null && blankScore && plausible(0) && holdsFigure(table.grid[r]?.[h.weight])) shift = 0;
    if (shift === null) continue;
    const at = (c: number): Pos | null => (c >= 0 ? { row: r, col: c + (shift as number) } : null);
    const t = (c: number): string => (c >= 0 ? displayText(text(table, r, c + (shift as number))) : '');
    if (h.level1 >= 0 && t(h.level1) && !/^绩效指标$/u.test(keyText(t(h.level1)))) level1 = t(h.level1);
    if (h.level2 >= 0 && t(h.level2)) level2 = t(h.level2);
    const nameCol = h.name >= 0 ? h.name : h.target - 1;
    const targetText = t(h.target);
    const actualText = h.actual >= 0 ? t(h.actual) : '';
    list.push({
      row: r,
      level1,
      level2,
      name: t(nameCol),
      namePos: at(nameCol),
      target: targetText ? { text: targetText, pos: at(h.target) as Pos, quantity: quantity(targetText) } : null,
      actual: actualText ? { text: actualText, pos: at(h.actual) as Pos, quantity: quantity(actualText) } : null,
      weight: at(h.weight),
      score: at(h.score),
      reason: at(h.reason),
    });
  }
  return { list, total: null, totalRow: null };
}

/** The value written after a label in the form's head lines (项目名称, 实施单位 …). */
function headValue(table: Table, label: RegExp): string | null {
  for (let r = 0; r < Math.min(table.rows, 8); r++) {
    const row = table.grid[r] ?? [];
    const keys = rowKeys(table, r);
    const at = keys.findIndex((k) => label.test(k));
    if (at < 0) continue;
    const next = row.slice(at + 1).find((c) => !c.merged && c.text !== '');
    return next ? displayText(next.text) : null;
  }
  return null;
}

/** The 实际完成情况 text: under its header, above the indicator block. */
function outcomeText(table: Table, before: number): { text: string; pos: Pos } | null {
  for (let r = 0; r < Math.min(table.rows, before); r++) {
    const col = rowKeys(table, r).findIndex((k) => /^(?:全年)?实际完成情况$/u.test(k));
    if (col < 0) continue;
    for (let below = r + 1; below < before; below++) {
      const cell = table.grid[below]?.[col];
      if (!cell || cell.text === '') continue;
      const origin = cell.merged ? cell.origin : { row: below, col };
      const text = table.grid[origin.row]?.[origin.col]?.text ?? '';
      if (text.length >= 8) return { text, pos: origin };
    }
  }
  return null;
}

/** Reads a 绩效自评表; null when the table does not have the form's blocks. */
export function readPerformance(table: Table): PerformanceTable | null {
  const fund = findFundHeader(table);
  const ih = findIndicatorHeader(table, fund ? fund.row + 1 : 0);
  if (!fund && !ih) return null;
  const project = headValue(table, /^项目名称$/u);
  const implementer = headValue(table, /^实施单位$/u);
  const ind = ih ? indicators(table, ih) : { list: [], total: null, totalRow: null };
  return {
    project,
    implementer,
    fundHeaderRow: fund?.row ?? null,
    fundColumns: fund?.cols ?? {},
    funds: fund ? fundRows(table, fund) : [],
    indicatorHeaderRow: ih?.row ?? null,
    indicators: ind.list,
    outcome: outcomeText(table, ih?.row ?? table.rows),
    total: ind.total,
    totalRow: ind.totalRow,
  };
}
