/**
 * Achievement figures in prose ("机要交换单位满意度达98%", "报送动态信息 2000 余条", "开展招商和推介活动8次"):
 * the noun phrase, the figure with its unit, and whether the figure is approximate (余, 近, 约, 以上).
 * Changes ("提升20%", "降低至0.1%") are not levels and are left out.
 */
import type { Decimal } from '../model/decimal.js';
import { keyText } from '../model/text.js';
import { mentionsOf } from './mentions.js';

export interface QuantityClaim {
  /** What is counted or measured, as written before the figure ("机要交换单位满意度"). */
  readonly phrase: string;
  readonly value: Decimal;
  readonly scale: number;
  readonly unit: string;
  readonly approx: boolean;
  /** Offsets of the phrase start and the figure end in the text. */
  readonly start: number;
  readonly end: number;
}

const UNITS = new Set(['%', '条', '次', '家', '个', '人', '人次', '份', '册', '项', '台', '场', '批次', '余条', '余次', '余家', '余人']);
const CHANGE = /(?:提升|提高|降低|下降|增长|增加|减少|缩短|压减|节约|上升)(?:了|至|到)?$/u;
const VERBS = /(?:达到|达|为|共计|共|累计|完成|实现|超过|约|近|计|全年)$/u;

export function quantityClaims(text: string): QuantityClaim[] {
  const out: QuantityClaim[] = [];
  for (const m of mentionsOf(text)) {
    const unit = m.unit;
    if (!UNITS.has(unit)) continue;
    // the phrase: back to the previous clause mark
    let start = m.start;
    while (start > 0 && !/[，,。；;：:！!？?\n（(]/u.test(text[start - 1] ?? '')) start--;
    const before = text.slice(start, m.start).trim();
    if (CHANGE.test(before.replace(/\s+/gu, ''))) continue;
    const after = text.slice(m.end, m.end + 2);
    const approx = /^余|^多|^以上|^左右/u.test(after) || /(?:近|约|超过|逾)\s*$/u.test(before) || unit.startsWith('余');
    let phrase = keyText(before);
    for (let i = 0; i < 3; i++) phrase = phrase.replace(VERBS, '');
    phrase = phrase.replace(/(?:反馈|显示|调查显示|测评显示)/gu, '');
    if (phrase.length < 2) continue;
    out.push({ phrase, value: m.value, scale: m.scale, unit: unit.replace(/^余/u, ''), approx, start, end: m.end });
  }
  return out;
}
