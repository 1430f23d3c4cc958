/**
 * What recognition makes of a document: each table with its kind, layout and rows, and what the
 * document as a whole says (its year, its sets of tables, the figures they share, how its forms
 * score). Built once by recogniseDocument (index.ts); rules read these fields.
 */
import type { ReportDocument } from '../model/document.js';
import type { Pos, Table } from '../model/table.js';
import type { MoneyUnit } from '../model/units.js';
import type { TableKind } from './kind.js';
import type { Layout } from './layout.js';
import type { RowInfo } from './rows.js';
import type { PerformanceTable } from './performance.js';
import type { Scoring } from './scoring.js';

export interface RecognisedTable {
  readonly table: Table;
  readonly kind: TableKind;
  readonly kindBy: 'title' | 'heading' | 'header' | 'generic';
  readonly layout: Layout;
  /** Rows per column block (side-by-side layouts have several blocks). */
  readonly rows: RowInfo[][];
  /** The table's money unit: its own 单位 line, else the unit most tables of the document print. */
  readonly unit: MoneyUnit | null;
  readonly unitInferred: boolean;
  /** True when the table has at least one numeric cell outside its header. */
  readonly numeric: boolean;
  /** The form read of a 绩效自评表 (null for other kinds). */
  readonly performance: PerformanceTable | null;
}

export interface RecognisedDocument {
  readonly document: ReportDocument;
  readonly tables: RecognisedTable[];
  /** The year the report is about (its title, else its first headings), null when none says. */
  readonly year: number | null;
  /** How the document's 绩效自评表 score, judged from all of them. */
  readonly scoring: Scoring;
  /** The set of tables each table belongs to (one department's 决算 or 预算 tables each; families.ts). */
  readonly sets: ReadonlyMap<RecognisedTable, number>;
  /** The figures its 决算 and 预算 tables share, by measure, scope and subject (figures.ts). */
  readonly figures: readonly Figure[];
}

/** Whether a figure belongs to a 决算 or to a 预算. */
export type Family = 'final' | 'budget';

/** Over which funds a figure runs: all of them, 财政拨款, 一般公共预算, 政府性基金, 国有资本经营. */
export type Scope = 'all' | 'fiscal' | 'general' | 'fund' | 'capital';
export type Measure = 'income' | 'expenditure' | 'basic' | 'project' | 'personnel' | 'public' | 'carry-in' | 'carry-out';

/** A figure the tables of a set share: what a printed cell measures, over which funds, for what subject (figures.ts). */
export interface Figure {
  readonly rt: RecognisedTable;
  /** Which set of tables (one department's 决算 or 预算) the figure belongs to; see tableSets. */
  readonly set: number;
  readonly family: Family;
  readonly measure: Measure;
  readonly scope: Scope;
  /** 'total' (the department), 'class:201' (a functional class), 'code:2010301' (a 款 or 项). */
  readonly subject: string;
  /** The printed cell, or the cells whose sum is the figure (a class that has no line of its own). */
  readonly cells: Pos[];
  /** Row name for messages ("一、一般公共服务支出", "201 类（由 4 个项合计）"). */
  readonly row: string;
  /** Column name for messages ("一般公共预算财政拨款"). */
  readonly column: string;
}
