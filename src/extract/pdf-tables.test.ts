import { describe, expect, it } from 'vitest';
import { columnMap, remapRows, tablesOfPage, type PositionedRun, type Rule } from './pdf-tables.js';
import { layoutPdfText, type PdfPageText } from './pdf-layout.js';

const h = (y: number, x1: number, x2: number): Rule => ({ x1, y1: y, x2, y2: y });
const v = (x: number, y1: number, y2: number): Rule => ({ x1: x, y1, x2: x, y2 });
/** A run of text whose middle is (x, y): 10 pt, 5 pt per character. */
const run = (x: number, y: number, str: string): PositionedRun => ({ str, x: x - (str.length * 5) / 2, y: y - 10 / 3, width: str.length * 5, size: 10 });

/** The grid's cells as "text[rowspan×colspan]" rows. */
const shape = (rows: ReturnType<typeof tablesOfPage>['tables'][number]['rows']): string[][] =>
  rows.map((r) => r.cells.map((c) => `${c.text}${c.rowSpan > 1 || c.colSpan > 1 ? `[${c.rowSpan}x${c.colSpan}]` : ''}`));

describe('tablesOfPage', () => {
  // a 3-column table, rows at y 300/280/260/240; the header's first cell spans two rows (no rule
  // under it in column 0) and "金额" spans two columns (no rule between columns 1 and 2 in row 0)
  const rules: Rule[] = [h(300, 100, 400), h(280, 200, 400), h(260, 100, 400), h(240, 100, 400), v(100, 240, 300), v(200, 240, 300), v(300, 240, 280), v(400, 240, 300)];
  const runs = [
    run(150, 280, '项目'),
    run(300, 290, '金额'),
    run(250, 270, '年初'),
    run(350, 270, '全年'),
    run(150, 250, '合计'),
    run(250, 250, '1,511.90'),
    run(350, 250, '16.19'),
    run(150, 500, '表外的字'),
  ];

  const cases: Array<{ name: string; rules: Rule[]; runs: PositionedRun[]; expected: string[][] | null }> = [
    {
      name: 'merged cells from missing inner rules',
      rules,
      runs,
      expected: [
        ['项目[2x1]', '金额[1x2]'],
        ['年初', '全年'],
        ['合计', '1,511.90', '16.19'],
      ],
    },
    {
      name: 'a double rule is one line',
      rules: [...rules, h(299, 100, 400), h(241, 100, 400)],
      runs,
      expected: [
        ['项目[2x1]', '金额[1x2]'],
        ['年初', '全年'],
        ['合计', '1,511.90', '16.19'],
      ],
    },
    {
      name: 'a cell of two lines reads top to bottom',
      rules: [h(300, 100, 300), h(260, 100, 300), v(100, 260, 300), v(200, 260, 300), v(300, 260, 300)],
      runs: [run(150, 290, '本年收入'), run(150, 275, '合计'), run(250, 280, '7.00')],
      expected: [['本年收入合计', '7.00']],
    },
    { name: 'lines that do not cross are no table', rules: [h(300, 100, 400), h(280, 100, 400)], runs, expected: null },
    { name: 'an underline is no table', rules: [h(300, 100, 140), v(100, 296, 300)], runs, expected: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { tables, outside } = tablesOfPage(c.rules, c.runs, 0);
      if (c.expected === null) {
        expect(tables).toEqual([]);
        expect(outside).toHaveLength(c.runs.length);
        return;
      }
      expect(tables).toHaveLength(1);
      expect(shape(tables[0]?.rows ?? [])).toEqual(c.expected);
      // text outside the table stays for the narrative; every cell has its box on the page
      expect(outside.map((i) => c.runs[i]?.str)).toEqual(c.runs === runs ? ['表外的字'] : []);
      const t = tables[0];
      expect(t?.boxes).toHaveLength(t?.rows.reduce((n, r) => n + r.cells.length, 0) ?? -1);
    });
  }
});

describe('tables continued on the next page', () => {
  it('maps a continuation without the header-only boundaries onto the first page columns', () => {
    expect(columnMap([100, 120, 140, 200, 300], [100, 200, 300])).toEqual([0, 3, 4]);
    expect(columnMap([100, 200, 300], [100, 250, 300])).toBeNull();
    expect(columnMap([100, 200, 300], [100, 200])).toBeNull();
    const rows = remapRows(
      [
        {
          cells: [
            { text: '2060201', rowSpan: 1, colSpan: 1, th: false, src: 0 },
            { text: '828.72', rowSpan: 1, colSpan: 1, th: false, src: 1 },
          ],
          spacer: false,
        },
      ],
      [0, 3, 4],
    );
    expect(rows[0]?.cells.map((c) => c.colSpan)).toEqual([3, 1]);
  });

  const page = (top: number, rows: Array<[string, string]>, title: string | null): PdfPageText => {
    const rules: Rule[] = [v(100, top - rows.length * 20, top), v(200, top - rows.length * 20, top), v(300, top - rows.length * 20, top)];
    const runs: PositionedRun[] = [];
    rows.forEach(([a, b], i) => {
      runs.push(run(150, top - i * 20 - 10, a), run(250, top - i * 20 - 10, b));
    });
    for (let i = 0; i <= rows.length; i++) rules.push(h(top - i * 20, 100, 300));
    if (title) runs.push({ str: title, x: 120, y: top + 30, width: 100, size: 12 });
    runs.push({ str: '7', x: 200, y: 30, width: 5, size: 10 }); // the page number
    return { width: 595, height: 842, runs, rules };
  };
  const tables = (pages: PdfPageText[]): string[][][] => layoutPdfText(pages).items.flatMap((i) => (i.type === 'table' ? [i.rows.map((r) => r.cells.map((c) => c.text))] : []));

  it('joins a table continued on the next page, dropping a repeated header and never the page number', () => {
    const first = page(
      700,
      [
        ['项目', '金额'],
        ['201', '10.00'],
      ],
      '支出决算表',
    );
    const second = page(
      780,
      [
        ['项目', '金额'],
        ['208', '5.00'],
        ['合计', '15.00'],
      ],
      null,
    );
    expect(tables([first, second])).toEqual([
      [
        ['项目', '金额'],
        ['201', '10.00'],
        ['208', '5.00'],
        ['合计', '15.00'],
      ],
    ]);
  });

  it('keeps two tables apart when the second has a title of its own', () => {
    const first = page(
      700,
      [
        ['项目', '金额'],
        ['201', '10.00'],
      ],
      '支出决算表',
    );
    const second = page(
      700,
      [
        ['项目', '金额'],
        ['301', '5.00'],
      ],
      '基本支出决算表',
    );
    expect(tables([first, second])).toHaveLength(2);
  });
});
