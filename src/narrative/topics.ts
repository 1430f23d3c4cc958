/**
 * What a section of the 情况说明 is about, from its heading words (the template's section titles,
 * in 决算 and 预算 documents alike), never from its number.
 */
import { keyText } from '../model/text.js';

export type Topic =
  | 'summary' // 收入支出决算总体情况 / 收支预算总体情况
  | 'income' // 收入决算情况
  | 'expenditure' // 支出决算情况
  | 'fiscal' // 财政拨款收入支出决算总体情况
  | 'general' // 一般公共预算财政拨款支出决算情况
  | 'basic' // 一般公共预算财政拨款基本支出决算情况
  | 'fund' // 政府性基金
  | 'capital' // 国有资本经营
  | 'three' // 三公
  | 'performance' // 绩效评价
  | 'operation' // 机关运行经费
  | 'procurement' // 政府采购
  | 'assets' // 国有资产占用
  | 'other';

const RULES: Array<[RegExp, Topic]> = [
  [/三公/u, 'three'],
  [/绩效/u, 'performance'],
  [/机关运行经费/u, 'operation'],
  [/政府采购/u, 'procurement'],
  [/国有资产/u, 'assets'],
  [/政府性基金/u, 'fund'],
  [/国有资本经营/u, 'capital'],
  [/基本支出/u, 'basic'],
  [/一般公共预算/u, 'general'],
  [/财政拨款收(?:入)?支(?:出)?/u, 'fiscal'],
  [/收(?:入)?支(?:出)?(?:决算|预算)?总体|收支总体|收支(?:决算|预算)情况/u, 'summary'],
  [/收入(?:决算|预算)/u, 'income'],
  [/支出(?:决算|预算)/u, 'expenditure'],
];

/** The topic of the nearest heading that names one. */
export function topicOf(headings: readonly string[]): Topic {
  for (let i = headings.length - 1; i >= 0; i--) {
    const k = keyText(headings[i] ?? '');
    for (const [re, topic] of RULES) if (re.test(k)) return topic;
  }
  return 'other';
}
