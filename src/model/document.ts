import type { Table } from './table.js';

/** A run of text outside tables: a heading, a paragraph or a list item. */
export interface TextBlock {
  readonly index: number;
  readonly text: string;
  readonly kind: 'heading' | 'paragraph';
  /** Heading level 1–6 where known. */
  readonly level: number | null;
  /** Index of the first table that comes after this block in reading order (tables.length if none). */
  readonly beforeTable: number;
  /** The element that holds the block (readers number them): a sentence broken over lines is joined back only within one. */
  readonly container?: number;
  /** Part of the site around the report (navigation, breadcrumb, footer), not of the report. */
  readonly chrome?: boolean;
}

/**
 * Something a reader left out of the document or had to change in it (a bound reached, scripts not
 * run, a frame it may not read, invisible characters removed from figures). The engine reports each
 * as not checked, with its reason (`reason.<reason>` in the catalogues), so that nothing is hidden.
 */
export interface ReaderNote {
  readonly reason: string;
  readonly data: Readonly<Record<string, string | number>>;
}

/** A report as the engine sees it: tables and text blocks in reading order. No DOM inside. */
export interface ReportDocument {
  readonly source: string;
  readonly title: string | null;
  readonly tables: Table[];
  readonly blocks: TextBlock[];
  /** Reading order of tables and blocks. */
  readonly order: ReadonlyArray<{ readonly type: 'table' | 'block'; readonly index: number }>;
  /** What the reader left out or changed (absent: nothing). */
  readonly notes?: readonly ReaderNote[];
}
