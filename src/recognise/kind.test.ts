import { describe, expect, it } from 'vitest';
import { documentOf } from '../../test/support/rule-tester.js';
import { recogniseDocument } from './index.js';

function kindOf(title: string | undefined, rows: string[][], docTitle = '2024年度部门决算'): string {
  const doc = documentOf([{ ...(title ? { title } : {}), rows }], [], docTitle);
  return recogniseDocument(doc).tables[0]?.kind ?? 'none';
}

const CODE_TABLE = [
  ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
  ['栏次', '', '1', '2', '3'],
  ['合计', '', '1.00', '1.00', ''],
];

describe('table kinds from titles and headers, never from the printed number', () => {
  it.each([
    ['收入支出决算总表', 'D01'],
    ['收入支出决算表', 'D01'],
    ['收入决算表', 'D02'],
    ['支出决算表', 'D03'],
    ['财政拨款收入支出决算总表', 'D04'],
    ['一般公共预算财政拨款支出决算表', 'D05'],
    ['一般公共预算财政拨款基本支出决算明细表', 'D06'],
    ['一般公共预算财政拨款基本支出决算表', 'D06'],
    ['政府性基金预算财政拨款收入支出决算表', 'D07'],
    ['国有资本经营预算财政拨款支出决算表', 'D08'],
    ['国有资本经营预算财政拨款收入支出决算表', 'D08'],
    ['财政拨款“三公”经费支出决算表', 'D09'],
    ['财政拨款"三公"经费及会议费、培训费支出决算表', 'D09'],
    ['项目支出绩效自评表（2024年度）', 'PERF'],
    ['部门整体支出绩效自评表', 'PERF'],
    ['部门收支总表', 'B01'],
    ['部门收入总表', 'B02'],
    ['部门支出总表', 'B03'],
    ['财政拨款收支总表', 'B04'],
    ['一般公共预算支出表', 'B05'],
    ['一般公共预算基本支出表', 'B06'],
    ['一般公共预算“三公”经费支出表', 'B07'],
    ['政府性基金预算支出表', 'B08'],
    ['国有资本经营预算支出表', 'B09'],
  ])('%s → %s', (title, kind) => {
    const docTitle = kind.startsWith('B') ? '2025年部门预算' : '2024年度部门决算';
    expect(kindOf(title, CODE_TABLE, docTitle)).toBe(kind);
  });

  it('a numbered heading above the table stands in for a missing title', () => {
    const doc = documentOf([], [], '2024年度部门决算');
    expect(doc).toBeTruthy();
    expect(
      kindOf('四、财政拨款收入支出决算总表', [
        ['收 入|3', '支 出|4'],
        ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款'],
        ['栏次', '', '1', '栏次', '', '2', '3'],
        ['一、一般公共预算财政拨款', '1', '1.00', '一、一般公共服务支出', '2', '1.00', '1.00'],
      ]),
    ).toBe('D04');
  });

  it('without any title, the header tells the kind', () => {
    expect(
      kindOf(undefined, [
        ['合计', '因公出国（境）费', '公务接待费'],
        ['1', '2', '3'],
        ['1.00', '', '1.00'],
      ]),
    ).toBe('D09');
    expect(
      kindOf(undefined, [
        ['科目代码', '科目名称', '本年收入合计', '财政拨款收入'],
        ['栏次', '', '1', '2'],
        ['合计', '', '1.00', '1.00'],
      ]),
    ).toBe('D02');
  });

  it('any other table with figures is generic', () => {
    expect(
      kindOf('人员情况统计表', [
        ['项目', '2023年', '2024年'],
        ['在职人员', '10', '12'],
      ]),
    ).toBe('GENERIC');
  });
});
