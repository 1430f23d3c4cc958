import { describe, expect, it } from 'vitest';
import { parseCellValue, parseQuantity } from './number.js';

function num(text: string): { value: string; scale: number } | string {
  const v = parseCellValue(text);
  if (v.type === 'number' || v.type === 'percent') return { value: v.value.toFixed(), scale: v.scale };
  return v.type;
}

describe('parseCellValue', () => {
  const cases: Array<[string, ReturnType<typeof num>]> = [
    ['1,234.56', { value: '1234.56', scale: 2 }],
    ['1234.56', { value: '1234.56', scale: 2 }],
    ['５，１６８．１２', { value: '5168.12', scale: 2 }],
    ['(12.30)', { value: '-12.3', scale: 2 }],
    ['（12.30）', { value: '-12.3', scale: 2 }],
    ['-12.30', { value: '-12.3', scale: 2 }],
    ['−12.30', { value: '-12.3', scale: 2 }],
    ['0.00', { value: '0', scale: 2 }],
    ['0', { value: '0', scale: 0 }],
    ['17,946.59', { value: '17946.59', scale: 2 }],
    ['1 434.34', { value: '1434.34', scale: 2 }],
    ['\u00a05,168.12\u00a0', { value: '5168.12', scale: 2 }],
    ['+3.5', { value: '3.5', scale: 1 }],
  ];
  it.each(cases)('reads %j', (text, expected) => {
    expect(num(text)).toEqual(expected);
  });

  it.each(['', ' ', '-', '—', '——', '－', '/', '无', '\u00a0'])('treats %j as empty', (text) => {
    expect(parseCellValue(text).type).toBe('empty');
  });

  it.each(['85.29%', '100%', '4.2%', '（3.5%）'])('reads percentages %j', (text) => {
    expect(parseCellValue(text).type).toBe('percent');
  });

  it('keeps the printed precision of a percentage', () => {
    const v = parseCellValue('85.290%');
    expect(v.type === 'percent' && v.scale).toBe(3);
  });

  it.each(['单位不需填列', '9,9,9', '1e309', '1.2.3', '12,34.5', 'abc', '1,2345', '(1', '--5', '((5))', '5-', '2024年', '1' + '0'.repeat(40), '无此项支出', '——%', 'NaN', 'Infinity'])(
    'reads garbage %j as text',
    (text) => {
      expect(parseCellValue(text).type).toBe('text');
    },
  );
});

describe('parseQuantity', () => {
  it.each([
    ['>=40个', '>=', '40', '个'],
    ['≥90%', '>=', '90', '%'],
    ['<=6秒', '<=', '6', '秒'],
    ['=1次', '=', '1', '次'],
    ['>1份', '>', '1', '份'],
    ['21万元', null, '21', '万元'],
    ['0.0594万元', null, '0.0594', '万元'],
    ['1,000册', null, '1000', '册'],
  ])('reads %j', (text, op, value, unit) => {
    const q = parseQuantity(text);
    expect(q && { op: q.op, value: q.value.toFixed(), unit: q.unit }).toEqual({ op, value, unit });
  });
  it.each(['完成', '2024年12月底前', '满意', '制度健全管理规范'])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });
});
