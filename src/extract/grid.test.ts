import { describe, expect, it } from 'vitest';
import { buildGrid, type RawRow } from './grid.js';

let src = 0;
const row = (...cells: Array<string | [string, number, number]>): RawRow => ({
  spacer: false,
  cells: cells.map((c) => (typeof c === 'string' ? { text: c, rowSpan: 1, colSpan: 1, th: false, src: src++ } : { text: c[0], rowSpan: c[1], colSpan: c[2], th: false, src: src++ })),
});
const texts = (g: ReturnType<typeof buildGrid>): string[][] => g.grid.map((r) => r.map((c) => (c.merged ? `^${c.text}` : c.text)));

describe('buildGrid', () => {
  it('expands colspan and rowspan and remembers the origin', () => {
    const g = buildGrid([row(['项目', 1, 2], ['本年支出', 1, 3]), row('科目代码', '科目名称', ['合计', 2, 1], ['基本支出', 1, 2]), row('', '', '人员经费', '公用经费')]);
    expect(texts(g)).toEqual([
      ['项目', '^项目', '本年支出', '^本年支出', '^本年支出'],
      ['科目代码', '科目名称', '合计', '基本支出', '^基本支出'],
      ['', '', '^合计', '人员经费', '公用经费'],
    ]);
    expect(g.grid[2]?.[2]?.origin).toEqual({ row: 1, col: 2 });
    expect(g.grid[0]?.[4]?.span).toEqual({ rows: 1, cols: 3 });
  });

  it('pads ragged rows to a rectangle', () => {
    const g = buildGrid([row('a', 'b', 'c'), row('d'), row('e', 'f', 'g', 'h')]);
    expect(g.cols).toBe(4);
    expect(texts(g)).toEqual([
      ['a', 'b', 'c', ''],
      ['d', '', '', ''],
      ['e', 'f', 'g', 'h'],
    ]);
    expect(g.grid[1]?.[3]?.src).toBe(-1);
  });

  it('runs rowspan=0 to the last row', () => {
    const g = buildGrid([row(['x', 0, 1], 'a'), row('b'), row('c')]);
    expect(texts(g).map((r) => r[0])).toEqual(['x', '^x', '^x']);
  });

  it('drops empty spacer rows but keeps spacer rows with content', () => {
    const spacer: RawRow = { spacer: true, cells: [{ text: ' ', rowSpan: 1, colSpan: 1, th: false, src: 99 }] };
    const kept: RawRow = { spacer: true, cells: [{ text: '1.00', rowSpan: 1, colSpan: 1, th: false, src: 98 }] };
    expect(buildGrid([row('a'), spacer, row('b')]).rows).toBe(2);
    expect(buildGrid([row('a'), kept]).rows).toBe(2);
  });

  it('caps absurd spans instead of allocating them', () => {
    const g = buildGrid([row(['wide', 1, 100000]), row('x')]);
    expect(g.cols).toBe(1000);
    const tall = buildGrid([row(['tall', 100000, 1])]);
    expect(tall.rows).toBe(1);
  });

  it('parses every value once per merged cell', () => {
    const g = buildGrid([row(['1,234.50', 2, 2]), row()]);
    const v = g.grid[1]?.[1]?.value;
    expect(v?.type === 'number' && v.value.toFixed(2)).toBe('1234.50');
  });
});
