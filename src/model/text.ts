/**
 * Text normalisation shared by every reader (DOM, plain text) and by the rules.
 *
 * Two forms are used everywhere:
 * - display text: what the page shows, with &nbsp;, line breaks and runs of white space folded
 *   into one space and the ends trimmed. Cells keep this form so users recognise it.
 * - key text: a canonical form for matching labels (NFKC-folded, so full-width digits and
 *   punctuation become ASCII; all white space removed; quotes and brackets unified).
 */

import { foldVariants } from './variants.js';

const WHITESPACE = /[\s\u00a0\u3000\u2002-\u200a]+/gu;

/**
 * Characters that print nothing, or that change how the rest prints, and so can hide a figure from
 * the reader while the page shows it (or the reverse): zero-width spaces and joiners, soft hyphens
 * (Word exports them), word joiners, bidi marks, embeddings, overrides and isolates, the BOM, and
 * C0/C1 control characters other than white space (an ESC or BEL in a title must not reach a
 * terminal). They are removed before anything is read; positions in the page skip them too.
 */
export const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/u;
export const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** Removes the characters of INVISIBLE. */
export function stripInvisible(input: string): string {
  return INVISIBLE.test(input) ? input.replace(INVISIBLE_ALL, '') : input;
}

/**
 * Radicals some fonts map ideographs to (PDFs printed by Chromium, and others, carry ⼊ U+2F0A for
 * 入, ⽀ U+2F40 for 支, ⻔ U+2ED4 for 门), and the CJK compatibility ideographs: read as the
 * ideographs they print. The Kangxi radicals and compatibility ideographs fold by NFKC; the
 * simplified radicals of the supplement have no decomposition and are mapped here.
 */
const COMPAT_IDEOGRAPH = /[\u2e80-\u2fdf\uf900-\ufaff]/u;
const COMPAT_IDEOGRAPHS = /[\u2e80-\u2fdf\uf900-\ufaff]/gu;
const SIMPLIFIED_RADICALS: Readonly<Record<string, string>> = {
  '\u2e8c': '小',
  '\u2e97': '心',
  '\u2ea0': '民',
  '\u2ea1': '水',
  '\u2ea3': '火',
  '\u2eae': '竹',
  '\u2eb6': '羊',
  '\u2ec2': '衣',
  '\u2eca': '足',
  '\u2ee4': '鬼',
  '\u2eb0': '纟',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec8': '讠',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed0': '钅',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2ee0': '饣',
  '\u2ee2': '马',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
  // radicals drawn as the whole ideograph (伙⻝ for 伙食 in Chromium-printed PDFs)
  '\u2e81': '厂',
  '\u2e8a': '卜',
  '\u2e8e': '兀',
  '\u2e92': '巳',
  '\u2e93': '幺',
  '\u2e9b': '无',
  '\u2e9d': '月',
  '\u2ea7': '牛',
  '\u2ea9': '王',
  '\u2eab': '目',
  '\u2eac': '示',
  '\u2eb1': '网',
  '\u2eb5': '网',
  '\u2eb7': '羊',
  '\u2eb9': '老',
  '\u2ebb': '聿',
  '\u2ebc': '月',
  '\u2ebd': '臼',
  '\u2ec1': '虎',
  '\u2ec4': '西',
  '\u2ed1': '长',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2edd': '食',
  '\u2ee1': '首',
  '\u2ee3': '骨',
  '\u2eeb': '齐',
  '\u2ef1': '龟',
};

/** Radicals and compatibility ideographs as the ideographs they stand for. */
export function foldCompatIdeographs(input: string): string {
  return COMPAT_IDEOGRAPH.test(input) ? input.replace(COMPAT_IDEOGRAPHS, (ch) => SIMPLIFIED_RADICALS[ch] ?? ch.normalize('NFKC')) : input;
}

/** Folds white space (including &nbsp; and the ideographic space) and trims; invisible characters are dropped, radicals read as ideographs. */
export function displayText(input: string): string {
  return foldCompatIdeographs(stripInvisible(input)).replace(WHITESPACE, ' ').trim();
}

const QUOTES = /[“”"‘’'「」『』〝〞]/gu;
const DASHES = /[‐‑‒–—―−﹣－]/gu;

/**
 * Canonical key for label matching: NFKC, no white space, unified quotes/brackets/dashes.
 * "财政拨款“三公”经费" and "财政拨款\"三公\"经费" give the same key; so do "（款）" and "(款)".
 */
export function keyText(input: string): string {
  // labels and headers recur across tables and rules: keep the keys of short strings
  if (input.length > 64) return makeKey(input);
  let key = keys.get(input);
  if (key === undefined) {
    if (keys.size >= 20_000) keys.clear();
    key = makeKey(input);
    keys.set(input, key);
  }
  return key;
}

const keys = new Map<string, string>();

/** "經(jīng)": the pinyin glosses mirror sites put after characters. */
const PINYIN_GLOSS = /(?<=[\u3400-\u9fff])\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\)/gu;

function makeKey(input: string): string {
  return foldVariants(foldCompatIdeographs(input.replace(PINYIN_GLOSS, '')).normalize('NFKC'))
    .replace(WHITESPACE, '')
    .replace(QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/[【〔［]/gu, '[')
    .replace(/[】〕］]/gu, ']');
}

/** Removes markup that plain-text extractions carry (markdown emphasis, stray HTML tags). */
export function stripInlineMarkup(input: string): string {
  return input
    .replace(/<br\s*\/?>|<\/?(?:p|div|li)\b[^<>]*>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/^#{1,6}\s+/, '');
}

const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');

/**
 * Header labels are often broken by line breaks inside narrow cells ("政府 性基 金预 算财 政拨 款").
 * This joins pieces separated by white space when both sides are CJK, and folds the rest.
 */
export function joinCjk(input: string): string {
  return displayText(input).replace(SPACE_BETWEEN_CJK, '');
}

/** Leading ordinal like "一、", "（二）", "3.", "(4)" that templates put before row labels. */
const ORDINAL = /^(?:[一二三四五六七八九十百零〇]+[、.．]|[(（][一二三四五六七八九十百零〇]+[)）][、.．]?|[(（][0-9０-９]+[)）][、.．]?|[0-9０-９]+[、.．](?![0-9０-９]))\s*/u;

/** Drops a leading ordinal ("一、一般公共服务支出" → "一般公共服务支出"). */
export function stripOrdinal(label: string): string {
  return label.replace(ORDINAL, '');
}

/** Key form of a row label: ordinal removed, canonical characters. */
export function labelKey(label: string): string {
  return keyText(stripOrdinal(displayText(label))).replace(/^其中[:：]?/u, '其中');
}
