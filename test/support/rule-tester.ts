/**
 * Table-driven rule tests (after ESLint's RuleTester): a rule, `valid` cases that must produce no
 * finding of that rule, and `invalid` cases whose findings are matched on message id, severity,
 * target cells ("r3c2" in the expanded grid of the case's first table), stated and expected.
 */
import { describe, expect, it } from 'vitest';
import { assemble, type ReaderItem } from '../../src/extract/assemble.js';
import type { RawRow } from '../../src/extract/grid.js';
import type { ReportDocument } from '../../src/model/document.js';
import { runEngine } from '../../src/pipeline/run.js';
import { figureText } from '../../src/contract/figure.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Finding, NotChecked, Severity } from '../../src/contract/types.js';
import { thresholds, type Thresholds } from '../../src/engine/settings.js';

export interface CaseTable {
  /** Title line above the table ("支出决算表"); it decides the table's kind. */
  readonly title?: string;
  readonly unit?: string;
  /** The 部门 line above the table. */
  readonly department?: string;
  /** Rows of cells; a cell "a|2" spans two columns, "a^2" two rows. */
  readonly rows: readonly (readonly string[])[];
}

/** A table that is no budget table, for cases about the narrative alone (a page of a report holds some table). */
export const NON_BUDGET_TABLE: CaseTable = {
  title: '人员情况表',
  rows: [
    ['项目', '人数'],
    ['在职', '1'],
  ],
};

export interface ValidCase {
  readonly description: string;
  /**
   * Why the rule has nothing to check here (a template row of zeros, a table kind it does not
   * read). Without it a valid case must show the check ran and held: the rule records at least one
   * pass, so a rule that selects nothing cannot pass its valid cases.
   */
  readonly inapplicable?: string;
  readonly tables: readonly CaseTable[];
  readonly text?: readonly string[];
  /** User settings for the case (rate-anomaly thresholds). */
  readonly thresholds?: Partial<Thresholds>;
  /** The page's title (default "2024年度部门决算"; a 部门预算 title makes the tables 预算 kinds). */
  readonly documentTitle?: string;
}

export interface ExpectedFinding {
  readonly messageId?: string;
  readonly severity: Severity;
  readonly category?: string;
  /** Target cells as "r<row>c<col>" (table 0) or "t<n>r<row>c<col>". */
  readonly cells?: readonly string[];
  readonly stated?: string | null;
  readonly expected?: string | null;
  readonly difference?: string | null;
  /** Message parameters to check (only the keys given). */
  readonly data?: Readonly<Record<string, string | number>>;
}

export interface InvalidCase extends ValidCase {
  readonly findings: readonly ExpectedFinding[];
}

let src = 0;

function rawRows(rows: CaseTable['rows']): RawRow[] {
  return rows.map((cells) => ({
    spacer: false,
    cells: cells.map((text) => {
      const col = /\|(\d+)$/.exec(text);
      const row = /\^(\d+)$/.exec(text);
      const clean = text.replace(/[|^]\d+$/, '');
      return { text: clean, colSpan: col ? Number(col[1]) : 1, rowSpan: row ? Number(row[1]) : 1, th: false, src: src++ };
    }),
  }));
}

/** Builds a document the way the readers do: title and unit lines, then the table, then text. */
export function documentOf(tables: readonly CaseTable[], text: readonly string[] = [], title = '2024年度部门决算'): ReportDocument {
  const items: ReaderItem[] = [{ type: 'block', text: title, heading: 1 }];
  for (const t of tables) {
    if (t.title) items.push({ type: 'block', text: t.title, heading: null });
    items.push({ type: 'block', text: `单位：${t.unit ?? '万元'}`, heading: null });
    if (t.department) items.push({ type: 'block', text: `部门：${t.department}`, heading: null });
    items.push({ type: 'table', rows: rawRows(t.rows) });
  }
  for (const line of text) items.push({ type: 'block', text: line, heading: null });
  return assemble(items, 'test', title).document;
}

function refText(f: Finding, i: number): string {
  const c = f.cells[i];
  if (!c) return '';
  return c.table === 0 ? `r${c.row}c${c.col}` : `t${c.table}r${c.row}c${c.col}`;
}

export function run(
  rule: Rule,
  tables: readonly CaseTable[],
  text: readonly string[] = [],
  settings: Partial<Thresholds> = {},
  title?: string,
): { findings: Finding[]; notChecked: NotChecked[]; passed: number } {
  const result = runEngine(documentOf(tables, text, title), { rules: [rule], thresholds: thresholds(settings) });
  return { findings: result.findings.filter((f) => f.rule === rule.meta.id), notChecked: result.notChecked, passed: result.passed.filter((p) => p.rule === rule.meta.id).length };
}

export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.description, () => {
          const { findings, notChecked, passed } = run(rule, c.tables, c.text, c.thresholds, c.documentTitle);
          expect(notChecked.filter((n) => n.reason === 'internal-error')).toEqual([]);
          expect(findings.map((f) => `${f.severity} ${f.messageId} ${refText(f, 0)} ${figureText(f.stated)}→${figureText(f.expected)}`)).toEqual([]);
          if (c.inapplicable === undefined) expect(passed, 'the check ran and held (or the case says why it is inapplicable)').toBeGreaterThan(0);
          else expect(passed, 'an inapplicable case records no pass').toBe(0);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.description, () => {
          const { findings, notChecked } = run(rule, c.tables, c.text, c.thresholds, c.documentTitle);
          expect(notChecked.filter((n) => n.reason === 'internal-error')).toEqual([]);
          const actual = findings.map((f, i) => {
            const e = c.findings[i];
            const out: Record<string, unknown> = { severity: f.severity };
            if (e?.messageId !== undefined) out.messageId = f.messageId;
            if (e?.category !== undefined) out.category = f.category;
            if (e?.cells !== undefined) out.cells = f.cells.map((_, k) => refText(f, k));
            if (e?.stated !== undefined) out.stated = figureText(f.stated);
            if (e?.expected !== undefined) out.expected = figureText(f.expected);
            if (e?.difference !== undefined) out.difference = figureText(f.difference);
            if (e?.data !== undefined) out.data = Object.fromEntries(Object.keys(e.data).map((k) => [k, f.data[k]]));
            return out;
          });
          expect(actual).toEqual(c.findings.map((e) => ({ ...e })));
          for (const f of findings) {
            expect(f.data).toBeTypeOf('object');
            expect(f.cells.length > 0 || f.quote !== null, 'a finding points at cells or quotes the text').toBe(true);
          }
        });
      }
    });
  });
}
