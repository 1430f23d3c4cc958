/**
 * Random budget tables for property tests: a 支出决算表 whose every total is the exact sum of its
 * parts (类 = Σ款 = Σ项, 合计 = Σ类, 本年支出合计 = 基本支出 + 项目支出), printed as reports print it.
 */
import fc from 'fast-check';
import type { CaseTable } from './rule-tester.js';

export interface Line {
  readonly code: string;
  readonly name: string;
  readonly basic: bigint;
  readonly project: bigint;
}

export interface RandomTable {
  readonly table: CaseTable;
  /** Grid rows of the data lines and columns of the amounts (for mutations). */
  readonly amountCells: Array<{ row: number; col: number }>;
}

const CLASSES = ['201', '205', '208', '210', '213', '221'];
const NAMES = ['一般公共服务支出', '教育支出', '社会保障和就业支出', '卫生健康支出', '农林水支出', '住房保障支出'];

/** Cents as printed: 2 decimals, sometimes grouped, zero sometimes blank. */
function printCents(cents: bigint, grouped: boolean, blankZero: boolean): string {
  if (cents === 0n && blankZero) return '';
  const int = (cents / 100n).toString();
  const frac = (cents % 100n).toString().padStart(2, '0');
  return `${grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int}.${frac}`;
}

const leaf = fc.record({ basic: fc.bigInt({ min: 0n, max: 5_000_000n }), project: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 5_000_000n })) });

/** A consistent 支出决算表 with 1–3 classes, 1–3 款 each, 1–3 项 each. */
export const consistentTable: fc.Arbitrary<RandomTable> = fc
  .record({
    classes: fc.uniqueArray(fc.integer({ min: 0, max: CLASSES.length - 1 }), { minLength: 1, maxLength: 3 }),
    kuan: fc.array(fc.array(fc.array(leaf, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
    grouped: fc.boolean(),
    blankZero: fc.boolean(),
    indexRow: fc.boolean(),
  })
  .map(({ classes, kuan, grouped, blankZero, indexRow }) => {
    const lines: Line[] = [];
    const sorted = [...classes].sort((a, b) => a - b);
    sorted.forEach((ci, k) => {
      const cls = CLASSES[ci] as string;
      const kuans = kuan[k] ?? [];
      const classLines: Line[] = [];
      const kuanLines: Line[][] = kuans.map((items, ki) => {
        const kc = `${cls}${String(ki + 1).padStart(2, '0')}`;
        const itemLines = items.map((it, ii) => ({ code: `${kc}${String(ii + 1).padStart(2, '0')}`, name: `项${kc}${ii + 1}`, basic: it.basic, project: it.project }));
        const sum = (f: 'basic' | 'project'): bigint => itemLines.reduce((a, l) => a + l[f], 0n);
        return [{ code: kc, name: `款${kc}`, basic: sum('basic'), project: sum('project') }, ...itemLines];
      });
      const kuanHeads = kuanLines.map((l) => l[0] as Line);
      classLines.push({ code: cls, name: NAMES[ci] as string, basic: kuanHeads.reduce((a, l) => a + l.basic, 0n), project: kuanHeads.reduce((a, l) => a + l.project, 0n) });
      for (const l of kuanLines) classLines.push(...l);
      lines.push(...classLines);
    });
    const top = lines.filter((l) => l.code.length === 3);
    const total = { basic: top.reduce((a, l) => a + l.basic, 0n), project: top.reduce((a, l) => a + l.project, 0n) };
    const row = (code: string, name: string, basic: bigint, project: bigint): string[] => [
      code,
      name,
      printCents(basic + project, grouped, false),
      printCents(basic, grouped, blankZero),
      printCents(project, grouped, blankZero),
    ];
    const header = [['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'], ...(indexRow ? [['栏次', '', '1', '2', '3']] : [])];
    const rows = [...header, row('', '合计', total.basic, total.project), ...lines.map((l) => row(l.code, l.name, l.basic, l.project))];
    const amountCells: Array<{ row: number; col: number }> = [];
    for (let r = header.length; r < rows.length; r++) for (let c = 2; c < 5; c++) if ((rows[r]?.[c] ?? '') !== '') amountCells.push({ row: r, col: c });
    return { table: { title: '支出决算表', rows }, amountCells };
  });

/** The table with one digit of one cell changed; the change in cents. */
export function changeDigit(t: RandomTable, pick: number, position: number, to: number): { table: CaseTable; cell: { row: number; col: number }; delta: bigint } | null {
  const cell = t.amountCells[pick % t.amountCells.length];
  if (!cell) return null;
  const text = t.table.rows[cell.row]?.[cell.col] ?? '';
  const digits = [...text].map((ch, i) => (/\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
  const at = digits[position % digits.length];
  if (at === undefined) return null;
  const old = Number(text[at]);
  const digit = (old + 1 + (to % 9)) % 10;
  const changed = `${text.slice(0, at)}${digit}${text.slice(at + 1)}`;
  const cents = (s: string): bigint => BigInt(s.replace(/[,.]/g, ''));
  const rows = t.table.rows.map((r, i) => (i === cell.row ? r.map((c, j) => (j === cell.col ? changed : c)) : r));
  return { table: { ...t.table, rows }, cell, delta: cents(changed) - cents(text) };
}
