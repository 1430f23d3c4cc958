/**
 * The text the narrative is read from, made from a block's display text: traditional characters
 * folded to simplified (決算 → 决算), pinyin glosses that mirror sites insert after characters
 * removed (經(jīng)費 → 經費 → 经费), the letter spacing of PDF-to-HTML text closed up (同 比 增 加 →
 * 同比增加), full-width digits made ASCII. Each character of the reading text knows the offset of the
 * character of the page it was made from, so quotes and marks keep the page's own text.
 */
import { foldVariants } from '../model/variants.js';

export interface Reading {
  readonly text: string;
  /** map[i]: offset in the source of reading character i; map[text.length] = source length. */
  readonly map: readonly number[];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** "經(jīng)": a parenthesised pinyin syllable right after a character. */
const PINYIN = /^\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\)/u;

export function readingOf(source: string): Reading {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '(' && i > 0 && CJK.test(source[i - 1] as string)) {
      const m = PINYIN.exec(source.slice(i, i + 10));
      if (m) {
        i += m[0].length - 1;
        continue;
      }
    }
    // letter-spaced text: a space between two characters of Chinese carries nothing
    if (ch === ' ' && text.length > 0 && CJK.test(text[text.length - 1] as string) && CJK.test(source[i + 1] ?? '')) continue;
    const code = ch.charCodeAt(0);
    text += code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : ch;
    map.push(i);
  }
  map.push(source.length);
  return { text: foldVariants(text), map };
}
