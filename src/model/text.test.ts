import { describe, expect, it } from 'vitest';
import { displayText, foldCompatIdeographs, keyText } from './text.js';

describe('displayText', () => {
  const cases: Array<[string, string, string]> = [
    ['Kangxi radicals from a Chromium-printed PDF', '收⼊⽀出决算总表', '收入支出决算总表'],
    ['simplified radicals of the supplement', '部⻔：⻓春市', '部门：长春市'],
    ['a radical drawn as the whole ideograph', '30106 伙⻝补助费', '30106 伙食补助费'],
    ['a compatibility ideograph', '\uf9dc', '\u9686'],
    ['ordinary text is left as it is', '一般公共服务支出 1,336.60', '一般公共服务支出 1,336.60'],
    ['white space folded, invisible characters dropped', ' 合\u200b计\u00a0 2.00 ', '合计 2.00'],
  ];
  for (const [name, input, expected] of cases) it(name, () => expect(displayText(input)).toBe(expected));

  it('keeps one character for one (offsets into the text stay valid)', () => {
    const s = '⼀般公共预算⽀出⻔';
    expect(foldCompatIdeographs(s)).toHaveLength(s.length);
    expect(keyText(s)).toBe(keyText('一般公共预算支出门'));
  });
});
