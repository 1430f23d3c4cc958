import { describe, expect, it } from 'vitest';
import { readTextReport } from './text-report.js';

const texts = (rows: string[][] | undefined): string[][] => (rows ?? []).map((r) => r.map((c) => c));

describe('plain-text reports', () => {
  it('reads tab-separated tables with their title, number, unit and department rows lifted out', () => {
    const doc = readTextReport(
      [
        '## 三、支出决算表',
        '',
        '支出决算表\t\t\t',
        '部门：某局\t\t\t公开03表',
        '\t\t\t金额单位：万元',
        '科目代码\t科目名称\t本年支出合计\t基本支出',
        '栏次\t\t1\t2',
        '合计\t\t10.00\t10.00',
        '',
        '注：本表反映部门本年度各项支出情况。',
      ].join('\n'),
      't.txt',
    ).document;
    const t = doc.tables[0];
    expect(t?.meta).toMatchObject({ title: '支出决算表', code: '公开03表', unit: '万元', department: '某局', headings: ['三、支出决算表'] });
    expect(t?.meta.notes).toEqual(['注：本表反映部门本年度各项支出情况。']);
    expect(texts(t?.grid.map((r) => r.map((c) => c.text)))).toEqual([
      ['科目代码', '科目名称', '本年支出合计', '基本支出'],
      ['栏次', '', '1', '2'],
      ['合计', '', '10.00', '10.00'],
    ]);
  });

  it('reads markdown pipe tables and skips their separator lines', () => {
    const doc = readTextReport(['收入决算表', '', '| 科目代码 | 科目名称 | 本年收入合计 |', '|---|---|---|', '| 201 | 一般公共服务支出 | 1,338.53 |'].join('\n'), 't.md').document;
    expect(doc.tables[0]?.grid.map((r) => r.map((c) => c.text))).toEqual([
      ['科目代码', '科目名称', '本年收入合计'],
      ['201', '一般公共服务支出', '1,338.53'],
    ]);
    expect(doc.tables[0]?.meta.title).toBe('收入决算表');
  });

  it('joins a table broken by a page break back together', () => {
    const doc = readTextReport(['科目代码\t科目名称\t金额', '20808\t抚恤\t267.25', '', '2080801\t死亡抚恤\t267.25', '210\t卫生健康支出\t714.94'].join('\n'), 't.txt').document;
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]?.rows).toBe(4);
  });

  it('does not join two tables separated by a title', () => {
    const doc = readTextReport(['科目代码\t科目名称\t金额', '201\t一般\t1.00', '', '支出决算表\t\t', '科目代码\t科目名称\t金额', '201\t一般\t1.00'].join('\n'), 't.txt').document;
    expect(doc.tables).toHaveLength(2);
  });

  it('strips inline markup in cells and keeps text blocks in reading order', () => {
    const doc = readTextReport(['# 第一部分', '**一、收入支出决算总体情况说明**', '项目\t金额', '<b>本年收入合计</b>\t5,168.12', '2024 年度收入总计 5168.13 万元。'].join('\n'), 't.txt').document;
    expect(doc.tables[0]?.grid[1]?.[0]?.text).toBe('本年收入合计');
    expect(doc.blocks.map((b) => b.text)).toEqual(['第一部分', '一、收入支出决算总体情况说明', '2024 年度收入总计 5168.13 万元。']);
    expect(doc.blocks[0]?.kind).toBe('heading');
    expect(doc.order.map((o) => o.type)).toEqual(['block', 'block', 'table', 'block']);
  });
});
