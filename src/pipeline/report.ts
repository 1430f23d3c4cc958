/**
 * Builds the report (crossfoot.report/1, src/contract/report.ts) from an engine run, and runs the
 * whole of it for a document: what every front end calls.
 */
import { figureText } from '../contract/figure.js';
import type { ReportDocument } from '../model/document.js';
import type { CellRef } from '../model/table.js';
import type { RecognisedTable } from '../recognise/index.js';
import { localisedFinding, localisedReason, causeMessage, message } from '../i18n/index.js';
import { runEngine, type EngineOptions, type EngineResult } from './run.js';
import { runSync, type Steps } from '../model/steps.js';
import { isAnomaly, REPORT_SCHEMA, GENERATOR, type Report, type ReportFinding, type ReportPlace, type ReportQuote, type ReportTable, type ReportCell } from '../contract/report.js';
import type { Severity } from '../contract/types.js';
import { TableLabels } from '../recognise/labels.js';
import { fingerprint, uniqueFingerprints } from '../engine/fingerprint.js';

function tableJson(rt: RecognisedTable): ReportTable {
  const t = rt.table;
  return {
    id: t.id,
    index: t.index,
    kind: rt.kind,
    kindName: { zh: message('zh-CN', `kind.${rt.kind}`), en: message('en', `kind.${rt.kind}`) },
    title: t.meta.title ?? t.meta.headings[t.meta.headings.length - 1] ?? null,
    name: rt.performance?.project ?? null,
    code: t.meta.code,
    unit: rt.unit,
    unitInferred: rt.unitInferred,
    department: t.meta.department,
    rows: t.rows,
    cols: t.cols,
    headerRows: rt.layout.headerRows,
    alignment: rt.layout.alignment,
  };
}

/** Characters of context on each side of a phrase the narrative holds more than once. */
const CONTEXT = 8;
/** Above this much narrative × phrases, repeated phrases are not counted: every phrase gets its context. */
const COUNT_BUDGET = 20_000_000;

/** Report quotes of a document's phrases, with context where a phrase is not unique in its narrative. */
function quoteMaker(doc: ReportDocument): (q: { block: number; start: number; end: number; text: string }) => ReportQuote {
  let joined: string | null = null;
  const repeated = new Map<string, boolean>();
  let budget = COUNT_BUDGET;
  const isRepeated = (text: string): boolean => {
    let r = repeated.get(text);
    if (r === undefined) {
      // the narrative is joined on the first phrase asked about, not for every report
      joined ??= doc.blocks.map((b) => b.text).join('\n');
      budget -= joined.length;
      const first = joined.indexOf(text);
      r = budget < 0 || (first >= 0 && joined.indexOf(text, first + 1) >= 0);
      repeated.set(text, r);
    }
    return r;
  };
  return (q) => {
    const base = { block: q.block, start: q.start, end: q.end, text: q.text };
    const block = doc.blocks[q.block]?.text;
    if (block === undefined || block.slice(q.start, q.end) !== q.text || !isRepeated(q.text)) return base;
    return { ...base, context: { before: block.slice(Math.max(0, q.start - CONTEXT), q.start).trimStart(), after: block.slice(q.end, q.end + CONTEXT).trimEnd() } };
  };
}

/** Builds the report from an engine result. */
export function buildReport(result: EngineResult, source: string): Report {
  return runSync(buildReportSteps(result, source));
}

/** buildReport, a hundred findings at a time. */
export function* buildReportSteps(result: EngineResult, source: string): Steps<Report> {
  const tables = result.recognised.tables;
  const byIndex = new Map(tables.map((t) => [t.table.index, t]));
  const doc = result.recognised.document;
  const cell = (r: CellRef): ReportCell => {
    const t = byIndex.get(r.table)?.table ?? doc.tables[r.table];
    return { table: t?.id ?? `t${r.table + 1}`, row: r.row, col: r.col, text: t?.grid[r.row]?.[r.col]?.text ?? '' };
  };
  const tableId = (i: number | null): string | null => (i === null ? null : (byIndex.get(i)?.table.id ?? doc.tables[i]?.id ?? `t${i + 1}`));
  const labels = new Map<number, TableLabels>();
  const labelsOf = (i: number): TableLabels | null => {
    const rt = byIndex.get(i);
    if (!rt) return null;
    let l = labels.get(i);
    if (!l) labels.set(i, (l = new TableLabels(rt)));
    return l;
  };
  const tableKey = (i: number | null): string | null => {
    const rt = i === null ? undefined : byIndex.get(i);
    if (i === null) return null;
    if (!rt) return 'table';
    const named = rt.kind === 'PERF' || rt.kind === 'GENERIC';
    return named ? `${rt.kind}:${rt.performance?.project ?? rt.table.meta.title ?? ''}` : rt.kind;
  };
  const quoteOf = quoteMaker(doc);
  const findings: ReportFinding[] = [];
  const prints: string[] = [];
  for (const [i, f] of result.findings.entries()) {
    if (i % 100 === 99) yield;
    const first = f.cells[0];
    const tl = first ? labelsOf(first.table) : null;
    const place: ReportPlace | null = first && tl ? { row: tl.rowName(first), column: tl.colName(first.col) } : null;
    prints.push(
      fingerprint({
        rule: f.rule,
        table: tableKey(f.table ?? first?.table ?? null),
        // the row, not the column: a column's name depends on how a skin merges its header cells
        // ("决算数" in one, "人员经费·决算数（C3）" in another); the row's label, the rule and the
        // figure name the finding, and the rare twins in one row are told apart by their order
        place: place ? { row: place.row, column: '' } : null,
        quote: place ? null : (f.quote?.text ?? null),
        stated: figureText(f.stated),
        extra: place || f.quote ? undefined : `${f.messageId}|${figureText(f.expected) ?? ''}`,
      }),
    );
    findings.push({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      category: f.category,
      table: tableId(f.table),
      cells: f.cells.map(cell),
      related: f.related.map(cell),
      quote: f.quote ? quoteOf(f.quote) : null,
      stated: figureText(f.stated),
      expected: figureText(f.expected),
      difference: figureText(f.difference),
      messageId: f.messageId,
      message: localisedFinding(f),
      cause: f.cause ? { kind: f.cause.kind, message: { zh: causeMessage('zh-CN', f.cause), en: causeMessage('en', f.cause) } } : null,
      reason: typeof f.data.reason === 'string' ? { given: f.data.reason !== '', text: f.data.reason } : null,
      consequences: (f.consequences ?? []).map((c) => ({
        rule: c.rule,
        category: c.category,
        severity: c.severity,
        cells: c.cells.map(cell),
        quote: c.quote ? { block: c.quote.block, start: c.quote.start, end: c.quote.end, text: c.quote.text } : null,
        stated: figureText(c.stated),
        expected: figureText(c.expected),
        difference: figureText(c.difference),
        messageId: c.messageId,
        message: localisedFinding(c),
      })),
      place,
      fingerprint: '',
    });
  }
  const unique = uniqueFingerprints(prints);
  for (const [i, f] of findings.entries()) (f as { fingerprint: string }).fingerprint = unique[i] ?? '';
  const count = (s: Severity): number => findings.filter((f) => f.severity === s && !isAnomaly(f)).length;
  return {
    schema: REPORT_SCHEMA,
    generator: { ...GENERATOR },
    source,
    title: doc.title,
    summary: {
      tables: tables.length,
      findings: { error: count('error'), review: count('review'), rounding: count('rounding') },
      anomalies: findings.filter(isAnomaly).length,
      notChecked: result.notChecked.length,
      passed: result.passed.filter((p) => p.kind !== 'form').length,
      narrative: { figures: result.narrative.figures, statements: result.narrative.statements, budget: result.narrative.budget },
    },
    tables: tables.map(tableJson),
    findings,
    notChecked: result.notChecked.map((n) => ({ rule: n.rule, table: tableId(n.table), reason: n.reason, message: localisedReason(n) })),
  };
}

/** Runs the engine on a document and builds its report. */
export function checkDocument(doc: ReportDocument, source: string = doc.source, options: EngineOptions = {}): Report {
  return buildReport(runEngine(doc, options), source);
}
