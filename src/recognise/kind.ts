/**
 * Table kinds, recognised from the title (or the heading above the table) by aliases, and from the
 * header when there is no title. Never from the printed table number: 公开07表 is the 三公 table in
 * some provinces and the 政府性基金 table in others.
 */
import type { ReportDocument } from '../model/document.js';
import type { Table } from '../model/table.js';
import { keyText, stripOrdinal } from '../model/text.js';
import type { Layout } from './layout.js';

/** D01–D09: 部门决算 公开表; B01–B09: 部门预算 tables; PERF: 项目支出绩效自评表; GENERIC: any other numeric table. */
export const TABLE_KINDS = ['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08', 'D09', 'B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'PERF', 'GENERIC'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

type Family = 'final' | 'budget';

interface Alias {
  readonly test: RegExp;
  readonly final: TableKind;
  readonly budget: TableKind;
}

/** Most specific first. */
const ALIASES: readonly Alias[] = [
  { test: /绩效自评|自评表|绩效评价表|绩效自评价/u, final: 'PERF', budget: 'PERF' },
  { test: /三公/u, final: 'D09', budget: 'B07' },
  { test: /政府性基金/u, final: 'D07', budget: 'B08' },
  { test: /国有资本经营/u, final: 'D08', budget: 'B09' },
  { test: /一般公共预算.*基本支出|基本支出.*(?:明细|经济分类)/u, final: 'D06', budget: 'B06' },
  { test: /一般公共预算(?:财政拨款)?(?:支出|项目支出)?(?:功能分类)?(?:决算|预算)?(?:明细)?表$/u, final: 'D05', budget: 'B05' },
  { test: /财政拨款收(?:入)?支(?:出)?(?:决算|预算)?总?表$/u, final: 'D04', budget: 'B04' },
  { test: /收(?:入)?支(?:出)?(?:决算|预算)?总表$|收入支出决算表$|^(?:部门)?收支(?:决算|预算)表$|财务收支预算总表$/u, final: 'D01', budget: 'B01' },
  { test: /收入(?:决算|预算)?(?:总)?表$/u, final: 'D02', budget: 'B02' },
  { test: /支出(?:决算|预算)?(?:总)?表$/u, final: 'D03', budget: 'B03' },
];

function cleanTitle(text: string): string {
  return keyText(stripOrdinal(text))
    .replace(/[(（][^()（）]*(?:年度?|单位)[^()（）]*[)）]$/u, '')
    .replace(/^\d{4}年度?/u, '')
    .replace(/^(?:部门|单位)/u, '');
}

function familyOf(text: string): Family | null {
  if (/决算/u.test(text)) return 'final';
  if (/预算(?:表|总表)$|预算$/u.test(text) && !/决算/u.test(text)) return 'budget';
  return null;
}

/** Whether the whole document is a 决算 or a 预算 report, from its title and first lines. */
export function documentFamily(doc: ReportDocument): Family {
  let final = 0;
  let budget = 0;
  const texts = [doc.title ?? '', ...doc.blocks.slice(0, 60).map((b) => b.text)];
  for (const t of texts) {
    final += (t.match(/决算/gu) ?? []).length;
    budget += (t.match(/部门预算|单位预算|预算公开|收支预算/gu) ?? []).length;
  }
  return budget > final ? 'budget' : 'final';
}

function headerText(table: Table, layout: Layout): string {
  let out = '';
  for (let r = 0; r < Math.min(layout.headerRows, table.rows); r++) {
    for (const cell of table.grid[r] ?? []) if (!cell.merged) out += keyText(cell.text) + '|';
  }
  return out;
}

function gridText(table: Table, rows: number): string {
  let out = '';
  for (let r = 0; r < Math.min(rows, table.rows); r++) for (const cell of table.grid[r] ?? []) if (!cell.merged) out += keyText(cell.text) + '|';
  return out;
}

export interface KindResult {
  readonly kind: TableKind;
  /** Where the kind came from. */
  readonly by: 'title' | 'heading' | 'header' | 'generic';
}

/** Recognises a table's kind. */
export function recogniseKind(table: Table, layout: Layout, doc: ReportDocument): KindResult {
  const docFamily = documentFamily(doc);
  const candidates: Array<{ text: string; by: KindResult['by'] }> = [];
  if (table.meta.title) candidates.push({ text: table.meta.title, by: 'title' });
  for (const h of [...table.meta.headings].reverse()) candidates.push({ text: h, by: 'heading' });

  for (const c of candidates) {
    const key = cleanTitle(c.text);
    if (!/表$/u.test(key) && c.by === 'heading' && !/表[)）]?$/u.test(key)) continue;
    const alias = ALIASES.find((a) => a.test.test(key));
    if (alias) {
      const family = familyOf(key) ?? docFamily;
      return { kind: family === 'budget' ? alias.budget : alias.final, by: c.by };
    }
  }

  // no usable title: the header and the first rows tell
  const head = headerText(table, layout);
  const top = gridText(table, Math.min(table.rows, layout.headerRows + 4));
  const pick = (final: TableKind, budget: TableKind): KindResult => ({ kind: docFamily === 'budget' ? budget : final, by: 'header' });
  if (/绩效指标|年度资金总额|项目资金/u.test(gridText(table, table.rows)) && /项目名称|资金情况/u.test(top)) return { kind: 'PERF', by: 'header' };
  if (/因公出国/u.test(head)) return pick('D09', 'B07');
  const twoSided = layout.blocks.length === 2 && /收/u.test(head) && /支/u.test(head) && /行次/u.test(head);
  if (twoSided) return /一般公共预算财政拨款/u.test(head) ? pick('D04', 'B04') : pick('D01', 'B01');
  if (layout.blocks.length >= 3 && /人员经费|公用经费/u.test(top) && /30[1-3]/u.test(gridText(table, table.rows))) return pick('D06', 'B06');
  if (/人员经费/u.test(head) && /公用经费/u.test(head)) return pick('D05', 'B05');
  if (/本年收入合计|收入合计/u.test(head)) return pick('D02', 'B02');
  if (/本年支出合计|支出合计/u.test(head) && /基本支出/u.test(head)) return pick('D03', 'B03');
  return { kind: 'GENERIC', by: 'generic' };
}
