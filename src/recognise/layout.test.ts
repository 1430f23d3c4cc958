import { describe, expect, it } from 'vitest';
import { documentOf } from '../../test/support/rule-tester.js';
import { analyseLayout } from './layout.js';
import { columnIdentities } from './column-groups.js';

function layoutOf(rows: string[][], title = '支出决算表') {
  const doc = documentOf([{ title, rows }]);
  const table = doc.tables[0];
  if (!table) throw new Error('no table');
  return analyseLayout(table);
}

const paths = (l: ReturnType<typeof layoutOf>): string[] => l.columns.map((c) => `${c.role}${c.index !== null ? `#${c.index}` : ''}:${c.path.join('/')}`);

describe('header understanding', () => {
  // found by npm run fuzz (seed 999453275): a 栏次 row that repeats a number gave two columns one index
  it('gives no two columns of a block the same column number when the 栏次 row repeats one', () => {
    for (const index of [
      ['1', '栏次', '栏次', '1'],
      ['1', '1', '1'],
      ['栏次', '1', '2', '1', '2'],
    ]) {
      const l = layoutOf([['人员经费', '收入', '决算数', '支出', '项目', '收入', '收入'], index, ['2010301', '696.02', '2010301'], ['392.17', '682.91', '147.77', '', '344.55', '557.63']]);
      for (const block of l.blocks) {
        const numbers = block.cols.map((c) => l.columns[c]?.index ?? null).filter((n) => n !== null);
        expect(new Set(numbers).size, index.join(' ')).toBe(numbers.length);
      }
    }
  });

  it('reads a multi-row header with merged cells into column paths', () => {
    const l = layoutOf([
      ['项目|2', '本年支出|5'],
      ['科目代码', '科目名称', '合计^2', '基本支出|3', '项目支出^2'],
      ['', '', '小计', '人员经费', '公用经费'],
      ['栏次', '', '1', '2', '3', '4', '5'],
      ['2010301', '行政运行', '10.00', '10.00', '8.00', '2.00', ''],
    ]);
    expect(l.indexRow).toBe(3);
    expect(l.alignment).toBe('aligned');
    expect(paths(l)).toEqual([
      'code:',
      'label:',
      'value#1:本年支出/合计',
      'value#2:本年支出/基本支出/小计',
      'value#3:本年支出/基本支出/人员经费',
      'value#4:本年支出/基本支出/公用经费',
      'value#5:本年支出/项目支出',
    ]);
    expect(columnIdentities(l, 0)).toEqual([
      { total: 2, parts: [3, 6] },
      { total: 3, parts: [4, 5] },
    ]);
  });

  it('reads a header that starts with 合计 and has no 栏次 row or stub (the 预算 三公 table)', () => {
    const l = layoutOf(
      [
        ['合计^2', '因公出国（境）费^2', '公务用车购置及运行费|3', '公务接待费^2'],
        ['小计', '公务用车购置费', '公务用车运行费'],
        ['30.00', '10.00', '10.00', '', '10.00', '10.00'],
      ],
      '一般公共预算“三公”经费支出表',
    );
    expect(l.headerRows).toBe(2);
    expect(paths(l)).toEqual([
      'value:合计',
      'value:因公出国（境）费',
      'value:公务用车购置及运行费/小计',
      'value:公务用车购置及运行费/公务用车购置费',
      'value:公务用车购置及运行费/公务用车运行费',
      'value:公务接待费',
    ]);
  });

  it('infers spans of plain-text headers (no colspan) from the labels below them', () => {
    const l = layoutOf([
      ['项目', '', '本年支出', '', '', '', ''],
      ['科目代码', '科目名称', '合计', '基本支出', '', '', '项目支出'],
      ['', '', '', '小计', '人员经费', '公用经费', ''],
      ['2010301', '行政运行', '10.00', '10.00', '8.00', '2.00', ''],
    ]);
    expect(paths(l).slice(2)).toEqual(['value:本年支出/合计', 'value:本年支出/基本支出/小计', 'value:本年支出/基本支出/人员经费', 'value:本年支出/基本支出/公用经费', 'value:本年支出/项目支出']);
  });

  it('realigns header names shifted against the data by the 栏次 row (001 公开02表)', () => {
    const l = layoutOf(
      [
        ['科目代码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入', ''],
        ['类', '款', '项', '1', '2', '3'],
        ['', '', '合计', '1,434.77', '1,433.26', '1.52'],
        ['201', '', '一般公共服务支出', '1,338.53', '1,337.02', '1.52'],
      ],
      '收入决算表',
    );
    expect(l.alignment).toBe('realigned');
    expect(paths(l)).toEqual(['code:', 'label:', 'label:', 'value#1:本年收入合计', 'value#2:财政拨款收入', 'value#3:其他收入']);
  });

  it('realigns a header cell that slipped to the next row and keeps a repeated block structure (000 三公)', () => {
    const l = layoutOf(
      [
        ['预算数', '', '', '', '', '', '', '', '', '', '', '', ''],
        ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', ''],
        ['', '', '小计', '公务用车购置费', '公务用车运行维护费', '', '', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费'],
        ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', ''],
        ['11.08', '', '11.08', '', '11.08', '', '11.08', '', '11.08', '', '11.08', '', ''],
      ],
      '财政拨款“三公”经费支出决算表',
    );
    expect(l.alignment).toBe('realigned');
    expect(l.columns[5]?.path.at(-1)).toBe('公务接待费');
    expect(l.columns[11]?.path.at(-1)).toBe('公务接待费');
    expect(columnIdentities(l, 0)).toEqual([
      { total: 0, parts: [1, 2, 5] },
      { total: 2, parts: [3, 4] },
      { total: 6, parts: [7, 8, 11] },
      { total: 8, parts: [9, 10] },
    ]);
  });

  it('splits side-by-side layouts into blocks (收入 | 支出; three code/name/amount blocks)', () => {
    const l = layoutOf(
      [
        ['项目', '行次', '金额', '项目', '行次', '金额'],
        ['栏次', '', '1', '栏次', '', '2'],
        ['一、一般公共预算财政拨款收入', '1', '100.00', '一、一般公共服务支出', '4', '90.00'],
        ['二、其他收入', '2', '', '二、住房保障支出', '5', '10.00'],
      ],
      '收入支出决算总表',
    );
    expect(l.blocks.map((b) => b.cols)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(l.columns.map((c) => c.role)).toEqual(['label', 'line-no', 'value', 'label', 'line-no', 'value']);
  });

  it('reports a header it cannot align as partial (the rules then say what was not checked)', () => {
    const l = layoutOf([
      ['科目代码', '科目名称', '年初结转和结余', '本年收入', '本年支出', ''],
      ['', '', '', '', '小计', ''],
      ['栏次', '', '1', '2', '3', '4'],
      ['合计', '', '1.00', '2.00', '3.00', '4.00'],
    ]);
    expect(l.alignment).toBe('partial');
  });

  it('keeps an amount typed into the 栏次 row as a stray, not as a column number', () => {
    const l = layoutOf([
      ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['栏次', '', '1', '1,434.34', '3'],
      ['合计', '', '1,434.34', '', '942.48'],
    ]);
    expect(l.indexRow).toBe(1);
    expect(l.strays).toEqual([3]);
  });
});
