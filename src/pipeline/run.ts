/**
 * Runs the rules over a document and returns findings as data, with what could not be checked.
 */
import type { ReportDocument } from '../model/document.js';
import type { CellRef } from '../model/table.js';
import { recogniseDocumentSteps, type RecognisedDocument } from '../recognise/index.js';
import { runSync, type Steps } from '../model/steps.js';
import { RULES } from '../rules/index.js';
import { attributeCulpritsSteps, foldEchoesSteps } from '../engine/attribute.js';
import { applyEvidenceSteps } from '../engine/blame.js';
import { DocumentContext, Sink, TableContext, type EngineFinding } from '../engine/context.js';
import type { Thresholds } from '../engine/settings.js';
import type { Rule, RuleMeta } from '../engine/rule.js';
import type { Finding, NotChecked, Passed } from '../contract/types.js';
import { printedOf } from '../engine/tolerance.js';
import { LIMITS } from '../model/limits.js';
import { readDocumentSteps } from '../narrative/document.js';
import { narrativeContent, type NarrativeContent } from '../narrative/content.js';

const NAMING: RuleMeta = { id: 'naming', category: 'table-sum', description: { zh: '', en: '' }, basis: '', messages: [] };

export interface EngineResult {
  readonly recognised: RecognisedDocument;
  readonly findings: Finding[];
  readonly notChecked: NotChecked[];
  /** Checks that held, with their cells (which cells take part in an identity: mutation tests use it). */
  readonly passed: Passed[];
  /** What the narrative holds: budget figures stated, and whether it is budget content. */
  readonly narrative: NarrativeContent;
}

export interface EngineOptions {
  readonly rules?: readonly Rule[];
  /** Thresholds of the rate-anomaly checks (defaults: DEFAULT_THRESHOLDS). */
  readonly thresholds?: Thresholds;
}

function firstCell(f: Finding): CellRef | undefined {
  return f.cells[0];
}

/** Orders findings by table, then row and column of their first cell, then rule. */
function compareFindings(a: Finding, b: Finding): number {
  const ta = a.table ?? Number.MAX_SAFE_INTEGER;
  const tb = b.table ?? Number.MAX_SAFE_INTEGER;
  if (ta !== tb) return ta - tb;
  const ca = firstCell(a);
  const cb = firstCell(b);
  if (ca && cb && (ca.row !== cb.row || ca.col !== cb.col)) return ca.row - cb.row || ca.col - cb.col;
  if (a.quote && b.quote) return a.quote.block - b.quote.block || a.quote.start - b.quote.start;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}

const RANK: Record<Finding['severity'], number> = { error: 0, review: 1, rounding: 2 };

/** At most LIMITS.findings per text block and per document (errors first); what is dropped is said. */
function boundFindings(findings: EngineFinding[], sink: Sink): EngineFinding[] {
  const { perDocument, perBlock } = LIMITS.findings;
  const perQuote = new Map<number, number>();
  let blockDropped = false;
  let out = findings.filter((f) => {
    if (!f.quote) return true;
    const n = (perQuote.get(f.quote.block) ?? 0) + 1;
    perQuote.set(f.quote.block, n);
    if (n <= perBlock) return true;
    blockDropped = true;
    return false;
  });
  if (blockDropped) sink.notChecked.push({ rule: 'reader', table: null, reason: 'block-findings-limit', data: { limit: perBlock } });
  if (out.length > perDocument) {
    sink.notChecked.push({ rule: 'reader', table: null, reason: 'findings-limit', data: { limit: perDocument, found: out.length } });
    out = out
      .map((f, i) => ({ f, i }))
      .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
      .slice(0, perDocument)
      .map((x) => x.f);
  }
  return out;
}

export function runEngine(doc: ReportDocument, options: EngineOptions = {}): EngineResult {
  return runSync(runEngineSteps(doc, options));
}

/** runEngine in steps: a table recognised, a rule run on one table, a document rule. */
export function* runEngineSteps(doc: ReportDocument, options: EngineOptions = {}): Steps<EngineResult> {
  const tables = yield* recogniseDocumentSteps(doc);
  yield 'narrative';
  const recognised = yield* readDocumentSteps(tables);
  const narrative = narrativeContent(recognised, recognised.narrative);
  const sink = new Sink();
  // what the reader could not take in is said, never silently dropped
  for (const t of doc.tables) {
    if (t.truncated) sink.notChecked.push({ rule: 'reader', table: t.index, reason: `truncated-${t.truncated.what}`, data: { limit: t.truncated.limit, found: t.truncated.found ?? '?' } });
  }
  for (const n of doc.notes ?? []) sink.notChecked.push({ rule: 'reader', table: null, reason: n.reason, data: n.data });
  for (const rule of options.rules ?? RULES) {
    yield rule.meta.id;
    if (rule.scope === 'table') {
      for (const rt of recognised.tables) {
        if (!rule.applies(rt, recognised)) continue;
        yield;
        try {
          const steps = rule.run(new TableContext(rt, recognised, rule.meta, sink, options.thresholds));
          if (steps) yield* steps;
        } catch (e) {
          sink.notChecked.push({ rule: rule.meta.id, table: rt.table.index, reason: 'internal-error', data: { message: e instanceof Error ? e.message : String(e) } });
        }
      }
    } else {
      try {
        const steps = rule.run(new DocumentContext(recognised, rule.meta, sink, options.thresholds));
        if (steps) yield* steps;
      } catch (e) {
        sink.notChecked.push({ rule: rule.meta.id, table: null, reason: 'internal-error', data: { message: e instanceof Error ? e.message : String(e) } });
      }
    }
  }

  const byIndex = new Map(recognised.tables.map((t) => [t.table.index, t]));
  const cellOf = (r: CellRef) => byIndex.get(r.table)?.table.grid[r.row]?.[r.col];
  const valueText = (r: CellRef): string => {
    const v = cellOf(r)?.value;
    return v && v.type === 'number' ? v.value.toFixed() : (v?.type ?? '?');
  };
  yield 'evidence';
  yield* applyEvidenceSteps(sink);
  yield 'fold-echoes';
  let findings: EngineFinding[] = yield* foldEchoesSteps(sink.findings, valueText);
  yield 'attribute';
  yield* attributeCulpritsSteps(sink, findings, {
    value: (r) => printedOf(cellOf(r)?.value),
    name(r, rel) {
      const rt = byIndex.get(r.table);
      if (!rt) return '';
      const ctx = new TableContext(rt, recognised, NAMING, new Sink());
      return r.row === rel.row && r.col === rel.col ? ctx.cellName(r) : ctx.termName(rel, r);
    },
  });
  yield;
  findings = boundFindings(findings, sink);
  findings = findings.sort(compareFindings);
  yield;
  const used = new Map<string, number>();
  const out: Finding[] = findings.map((f) => {
    const cell = firstCell(f);
    const table = f.table !== null ? (byIndex.get(f.table)?.table.id ?? `t${f.table + 1}`) : 'doc';
    const base = cell ? `${table}-r${cell.row}c${cell.col}-${f.rule}` : `${table}-${f.quote ? `b${f.quote.block}s${f.quote.start}` : 'x'}-${f.rule}`;
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    const { checks: _checks, ...rest } = f;
    return { ...rest, id: n === 0 ? base : `${base}-${n + 1}` };
  });
  return { recognised, findings: out, notChecked: sink.notChecked, passed: sink.passed, narrative };
}
