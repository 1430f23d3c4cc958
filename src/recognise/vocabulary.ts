/**
 * Words of the templates. Matching is done on key text (see model/text.ts keyText), so full-width
 * and half-width forms, spaces and quotes do not matter.
 */

/** Header labels of stub columns (they describe rows, they are not values). */
export const STUB_HEADER =
  /^(?:项目|项目栏次|栏次|行次|科目|科目编码|科目代码|科目名称|功能分类科目编码|功能分类科目名称|经济分类科目编码|经济分类科目名称|支出功能分类科目编码|支出功能分类科目名称|支出经济分类科目编码|支出经济分类科目名称|编码|代码|名称|类|款|项|单位名称|单位编码|部门名称|项目名称|科目代码科目名称|项目(?:\(|（)?科目(?:\)|）)?)$/u;

/** Words an index (栏次) row may hold besides its numbers. */
export const INDEX_WORDS = /^(?:栏次|栏号|行次|按次|列次|类|款|项|项目|项目栏次|金额|科目|科目编码|科目代码|科目名称|编码|名称|功能分类科目编码|[甲乙丙丁])$/u;

/** A row label that totals the rows of its table or section. */
export const TOTAL_LABEL = /^(?:合计|总计|小计|共计|累计|合\s*计|总\s*计)$/u;

export type TotalKind = 'grand' | 'total' | 'subtotal';

/** Classifies a total label: 总计 (grand), 合计 (total), 小计 (subtotal). */
export function totalKind(key: string): TotalKind | null {
  if (/^(?:总计|共计)$/u.test(key)) return 'grand';
  if (/^(?:合计|累计)$/u.test(key)) return 'total';
  if (/^小计$/u.test(key)) return 'subtotal';
  return null;
}

/** A column whose header marks it as the total of its siblings. */
export function isTotalColumn(leafKey: string): boolean {
  return /(?:合计|总计|小计|共计)$/u.test(leafKey) || /^(?:合计|总计|小计|总额)/u.test(leafKey);
}

/** Headers of rate columns and what kind of rate they are. */
export type RateKind = 'growth' | 'completion' | 'execution' | 'share';

export function rateKindOf(key: string): RateKind | null {
  if (!/(?:%|％|率|比重|占比|百分比)/u.test(key)) return null;
  if (/执行率|执行进度/u.test(key)) return 'execution';
  if (/完成(?:预算|年初预算|调整预算)?(?:的)?(?:%|比例|率|百分比)|决算数?为预算数?的|预算完成/u.test(key)) return 'completion';
  if (/增长|增减|增幅|变动|同比|比上年|较上年|上升|下降/u.test(key)) return 'growth';
  if (/占|比重|构成|结构/u.test(key)) return 'share';
  return null;
}

/** Words printed in a figure's place where no figure can be given ("无可比性" over a zero base, "不适用"). */
export const NO_FIGURE = /^(?:无可比性?|不具(?:有)?可比性|不可比|不适用|无法计算)$/u;
