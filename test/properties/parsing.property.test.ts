/**
 * Properties of the readers: the number parser, span expansion and header understanding never
 * throw or hang on random and adversarial input, and keep their invariants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellValue, parseQuantity } from '../../src/model/number.js';
import { buildGrid, GRID_LIMITS, type RawRow } from '../../src/extract/grid.js';
import { analyseLayout } from '../../src/recognise/layout.js';
import { documentOf } from '../support/rule-tester.js';
import { params, seedNote } from '../support/property.js';

const FULL_WIDTH: Record<string, string> = { '0': '０', '1': '１', '2': '２', '3': '３', '4': '４', '5': '５', '6': '６', '7': '７', '8': '８', '9': '９', ',': '，', '.': '．' };

/** Ways reports print one amount: grouped or not, full-width, parenthesised or signed, padded. */
function printings(cents: bigint, scale: 0 | 1 | 2): fc.Arbitrary<{ text: string; value: string }> {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const unit = 10n ** BigInt(2 - scale);
  const scaled = abs / unit;
  const int = (scaled / 10n ** BigInt(scale)).toString();
  const frac = scale > 0 ? (scaled % 10n ** BigInt(scale)).toString().padStart(scale, '0') : '';
  const plain = frac ? `${int}.${frac}` : int;
  const grouped = `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
  const value = `${neg && scaled !== 0n ? '-' : ''}${plain}`;
  return fc
    .record({
      body: fc.constantFrom(plain, grouped, [...grouped].map((c) => FULL_WIDTH[c] ?? c).join('')),
      sign: fc.constantFrom('paren', 'minus'),
      pad: fc.constantFrom('', ' ', '\u00a0', '\u3000', '\n'),
    })
    .map(({ body, sign, pad }) => ({ text: `${pad}${neg ? (sign === 'paren' ? `(${body})` : `-${body}`) : body}${pad}`, value }));
}

describe(`the number parser (${seedNote()})`, () => {
  it('reads every way an amount is printed to the same value and precision', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).chain((cents) => fc.constantFrom<0 | 1 | 2>(0, 1, 2).chain((scale) => printings(cents, scale).map((p) => ({ ...p, scale })))),
        ({ text, value, scale }) => {
          const v = parseCellValue(text);
          expect(v.type).toBe('number');
          if (v.type !== 'number') return;
          expect(v.value.toFixed(scale)).toBe(Number(value) === 0 ? (0).toFixed(scale) : value);
          expect(v.scale).toBe(scale);
        },
      ),
      params(400),
    );
  });

  it('never throws on any string, and gives a finite value when it gives one', () => {
    const adversarial = fc.constantFrom(
      '1e309',
      '9,9,9',
      '1,23,456',
      '((1))',
      '--1',
      '1..2',
      '１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０',
      'NaN',
      'Infinity',
      '-Infinity',
      '0x10',
      '1_000',
      '١٢٣',
      '12.5%%',
      '(12.30)%',
      '−0.00',
      '+-1',
      '.5',
      '5.',
      '∞',
      '\u0000',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.stringMatching(/^[\d,.，．()%\-−\s]{0,30}$/), adversarial), (s) => {
        const v = parseCellValue(s);
        expect(['empty', 'number', 'percent', 'text']).toContain(v.type);
        if (v.type === 'number' || v.type === 'percent') {
          expect(v.value.isFinite()).toBe(true);
          expect(v.scale).toBeGreaterThanOrEqual(0);
        }
        parseQuantity(s); // never throws either
      }),
      params(2000),
    );
  });

  it('leaves 1e309, 9,9,9 and numbers of more than 24 digits as text', () => {
    for (const s of ['1e309', '9,9,9', '1234567890123456789012345']) expect(parseCellValue(s).type, s).toBe('text');
  });
});

/** Random raw rows: spans anywhere, including 0, negative, huge and fractional ones. */
const rawRows: fc.Arbitrary<RawRow[]> = fc.array(
  fc.record({
    spacer: fc.boolean(),
    cells: fc.array(
      fc.record({
        text: fc.oneof(fc.constant(''), fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 99999 }).map(String)),
        rowSpan: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constantFrom(0, 1000, 65534, 1e9, Number.NaN, 1.5)),
        colSpan: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constantFrom(0, 1000, 5000, Number.POSITIVE_INFINITY, 2.7)),
        th: fc.boolean(),
        src: fc.nat(50),
      }),
      { maxLength: 8 },
    ),
  }),
  { maxLength: 12 },
);

describe(`span expansion (${seedNote()})`, () => {
  it('gives a rectangular grid whose every slot knows a real origin, within the limits', () => {
    fc.assert(
      fc.property(rawRows, (rows) => {
        const g = buildGrid(rows);
        expect(g.grid).toHaveLength(g.rows);
        expect(g.cols).toBeLessThanOrEqual(GRID_LIMITS.maxCols);
        expect(g.rows * g.cols).toBeLessThanOrEqual(GRID_LIMITS.maxCells);
        // plain checks in the loop (hundreds of thousands of slots), one assertion at the end
        const bad: string[] = [];
        for (const [r, row] of g.grid.entries()) {
          if (row.length !== g.cols) bad.push(`row ${r} has ${row.length} slots`);
          for (const [c, cell] of row.entries()) {
            const origin = g.grid[cell.origin.row]?.[cell.origin.col];
            if (cell.row !== r || cell.col !== c) bad.push(`${r},${c} says it is ${cell.row},${cell.col}`);
            if (!origin || origin.merged) bad.push(`${r},${c} has no real origin`);
            if (cell.merged !== (cell.origin.row !== r || cell.origin.col !== c)) bad.push(`${r},${c} merged flag`);
            if (cell.merged && cell.text !== origin?.text) bad.push(`${r},${c} text differs from its origin`);
            if (bad.length > 5) break;
          }
        }
        expect(bad).toEqual([]);
      }),
      params(500),
    );
  });
});

const HEADER_WORDS = [
  '项目',
  '科目编码',
  '科目名称',
  '合计',
  '小计',
  '基本支出',
  '项目支出',
  '人员经费',
  '公用经费',
  '本年支出',
  '栏次',
  '1',
  '2',
  '3',
  '年初预算数',
  '决算数',
  '完成%',
  '',
  '金额',
  '收入',
  '支出',
];

describe(`header understanding (${seedNote()})`, () => {
  it('gives every column one role and a path, whatever the header rows say', () => {
    const table = fc.record({
      header: fc.array(fc.array(fc.constantFrom(...HEADER_WORDS), { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 4 }),
      data: fc.array(
        fc.array(
          fc.oneof(
            fc.constantFrom('', '行政运行', '2010301', '合计'),
            fc.integer({ min: 0, max: 100000 }).map((n) => (n / 100).toFixed(2)),
          ),
          { minLength: 1, maxLength: 7 },
        ),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(table, ({ header, data }) => {
        const doc = documentOf([{ title: '支出决算表', rows: [...header, ...data] }]);
        const t = doc.tables[0];
        if (!t) return;
        const layout = analyseLayout(t);
        expect(layout.columns).toHaveLength(t.cols);
        expect(layout.headerRows).toBeGreaterThanOrEqual(0);
        expect(layout.headerRows).toBeLessThanOrEqual(t.rows);
        // a column number names one column of its block (side-by-side blocks each count from 1)
        for (const block of layout.blocks) {
          const indexed = block.cols.map((c) => layout.columns[c]?.index ?? null).filter((i): i is number => i !== null);
          expect(new Set(indexed).size).toBe(indexed.length);
        }
        for (const c of layout.columns) expect(c.keys).toHaveLength(c.path.length);
      }),
      params(300),
    );
  });
});
