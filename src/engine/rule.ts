/**
 * Rules: one per file, `{ meta, applies, run }`. A rule selects its tables through recognition
 * (`applies`) and only does arithmetic in `run`, reporting through its context. Wording lives in
 * the i18n catalogues under the message ids the rule declares.
 */
import type { RecognisedTable } from '../recognise/index.js';
import type { ReadDocument } from '../narrative/document.js';
import type { Steps } from '../model/steps.js';
import type { DocumentContext, TableContext } from './context.js';

export type { RuleMeta } from './rule-meta.js';
import type { RuleMeta } from './rule-meta.js';

export interface TableRule {
  readonly scope: 'table';
  readonly meta: RuleMeta;
  applies(table: RecognisedTable, doc: ReadDocument): boolean;
  /** A rule over many rows may be a generator: it yields every few hundred rows so that the page gets turns. */
  run(ctx: TableContext): void | Steps<void>;
}

export interface DocumentRule {
  readonly scope: 'document';
  readonly meta: RuleMeta;
  /** A rule over many tables may be a generator: it yields between tables so that the page gets turns. */
  run(ctx: DocumentContext): void | Steps<void>;
}

export type Rule = TableRule | DocumentRule;

export function defineTableRule(rule: Omit<TableRule, 'scope'>): TableRule {
  return { scope: 'table', ...rule };
}

export function defineDocumentRule(rule: Omit<DocumentRule, 'scope'>): DocumentRule {
  return { scope: 'document', ...rule };
}
