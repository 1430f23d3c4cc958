/**
 * What a rule works with: printed values by cell, names for cells, and the comparisons that turn
 * arithmetic into findings (with tolerance, formula and likely cause) or into recorded passes.
 */
import { Decimal } from '../model/decimal.js';
import type { CellRef, Pos } from '../model/table.js';
import type { RecognisedTable, RowInfo } from '../recognise/index.js';
import type { ReadDocument } from '../narrative/document.js';
import { BLANK, formatAmount, formatSigned } from '../i18n/format.js';
import { likelyCause, type Participant } from './cause.js';
import type { RuleMeta } from './rule-meta.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './settings.js';
import { judgeSum, printedAt, type Printed, type SumJudgement } from './tolerance.js';
import type { Category, Finding, MessageData, NotChecked, Passed, Severity } from '../contract/types.js';
import { quantities, type Checked, type Identity, type Quantity } from './evidence.js';
import { TableLabels } from '../recognise/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { fig } from '../contract/figure.js';

/** An arithmetic check behind a finding, kept so that later passes can re-attribute it. */
export interface SumCheck {
  readonly table: number;
  readonly target: CellRef;
  readonly plus: CellRef[];
  readonly minus: CellRef[];
}

/** A finding plus the checks behind it (not part of the public report). */
export interface EngineFinding extends Finding {
  checks: SumCheck[];
}

export class Sink {
  readonly findings: EngineFinding[] = [];
  readonly notChecked: NotChecked[] = [];
  readonly passed: Passed[] = [];
  /** Every identity checked, with its outcome and finding: the evidence blame is decided on (evidence.ts). */
  readonly checks: Checked[] = [];
}

export interface SumSpec {
  readonly target: Pos;
  readonly plus: readonly Pos[];
  readonly minus?: readonly Pos[];
  /** A message of the catalogues (the compiler refuses an id they lack). */
  readonly messageId: MessageKey;
  readonly category?: Category;
  /** Extra message parameters (names of the total and its parts…). */
  readonly data?: MessageData;
  /** Structure not certain (generic tables): a contradiction is reported as review, not error. */
  readonly uncertain?: boolean;
  /** Names for the parts (plus, then minus), when the table's own labels do not say it well (form tables). */
  readonly names?: readonly string[];
  /** Leave the likely-cause analysis out (scores, where "one part equals the difference" means nothing). */
  readonly noCause?: boolean;
}

const MAX_TERMS = 10;
/** Sums of more parts than this get no likely-cause analysis (naming each part costs; a cause among thousands says little). */
const MAX_CAUSE_TERMS = 500;

export class TableContext {
  private readonly labels: TableLabels;
  private readonly cutNoted = new Set<number>();

  constructor(
    readonly rt: RecognisedTable,
    readonly doc: ReadDocument,
    readonly rule: RuleMeta,
    private readonly sink: Sink,
    readonly thresholds: Thresholds = DEFAULT_THRESHOLDS,
  ) {
    this.labels = new TableLabels(rt);
  }

  get table(): RecognisedTable['table'] {
    return this.rt.table;
  }

  ref(pos: Pos): CellRef {
    return { table: this.rt.table.index, row: pos.row, col: pos.col };
  }

  /** The printed figure of a cell; blank cells are exact zeros; null for text and percentages. */
  printed(pos: Pos): Printed | null {
    return printedAt(this.rt.table, pos);
  }

  /** Row label of a cell's row within the block of its column ("2010301 行政运行"). */
  rowName(pos: Pos): string {
    return this.labels.rowName(pos);
  }

  rowInfo(pos: Pos): RowInfo | undefined {
    return this.labels.rowInfo(pos);
  }

  /** Column name from its header path ("基本支出·小计"); repeated names get their 栏次. */
  colName(col: number): string {
    return this.labels.colName(col);
  }

  cellName(pos: Pos): string {
    return this.labels.cellName(pos);
  }

  /** Records a passing check (used to tell which cell of a failing identity is the likely culprit). */
  pass(cells: readonly Pos[], kind: Passed['kind'] = 'sum'): void {
    this.sink.passed.push({ rule: this.rule.id, cells: cells.map((c) => this.ref(c)), kind });
  }

  notChecked(reason: string, data: MessageData = {}): void {
    const dup = this.sink.notChecked.some((n) => n.rule === this.rule.id && n.table === this.rt.table.index && n.reason === reason);
    if (!dup) this.sink.notChecked.push({ rule: this.rule.id, table: this.rt.table.index, reason, data });
  }

  /**
   * Checks `target = Σ plus − Σ minus` within the rounding band. Reports a rounding or error
   * finding, or records a pass. Returns null when the check cannot run (a text cell among them,
   * or nothing printed at all).
   */
  checkSum(spec: SumSpec): SumJudgement | null {
    // a table the reader cut short: a total over its rows may count lines that were never read
    const cut = this.rt.table.truncated;
    if (cut && cut.what !== 'text' && [...spec.plus, ...(spec.minus ?? [])].some((p) => p.row !== spec.target.row)) {
      if (!this.cutNoted.has(this.rt.table.index)) {
        this.cutNoted.add(this.rt.table.index);
        this.sink.notChecked.push({ rule: this.rule.id, table: this.rt.table.index, reason: 'truncated-totals', data: {} });
      }
      return null;
    }
    const target = this.printed(spec.target);
    const plus = spec.plus.map((p) => this.printed(p));
    const minus = (spec.minus ?? []).map((p) => this.printed(p));
    if (!target || plus.some((p) => p === null) || minus.some((p) => p === null)) return null;
    const plusP = plus as Printed[];
    const minusP = minus as Printed[];
    if (target.empty && plusP.every((p) => p.empty) && minusP.every((p) => p.empty)) return null;
    const j = judgeSum(target, plusP, minusP);
    const cells = [spec.target, ...spec.plus, ...(spec.minus ?? [])];
    // the identity, as evidence for blame across every rule (an uncertain one that fails is no evidence)
    const identity: Identity = {
      kind: 'sum',
      target: this.quantity(spec.target, target),
      plus: spec.plus.map((p, i) => this.quantity(p, plusP[i] as Printed)),
      minus: (spec.minus ?? []).map((p, i) => this.quantity(p, minusP[i] as Printed)),
    };
    if (j.outcome === 'pass') {
      this.pass(cells);
      this.sink.checks.push({ identity, outcome: 'pass', finding: null });
      return j;
    }
    const severity: Severity = j.outcome === 'rounding' ? 'rounding' : spec.uncertain ? 'review' : 'error';
    const terms = this.terms(spec, plusP, minusP);
    const participants: Participant[] = spec.plus.slice(0, MAX_CAUSE_TERMS + 1).map((p, i) => ({
      ref: this.ref(p),
      label: this.termName(spec.target, p),
      value: (plusP[i] as Printed).value,
      scale: (plusP[i] as Printed).scale,
    }));
    const cause = severity === 'rounding' || spec.noCause || participants.length > MAX_CAUSE_TERMS ? null : likelyCause(target.value, j.expected, j.scale, participants);
    this.report({
      severity,
      category: spec.category ?? this.rule.category,
      cells: [this.ref(spec.target)],
      related: [...spec.plus, ...(spec.minus ?? [])].map((p) => this.ref(p)),
      stated: target.empty ? null : fig(target.value, j.scale),
      expected: fig(j.expected, j.scale),
      difference: fig(j.difference, j.scale),
      messageId: spec.messageId,
      data: {
        target: this.cellName(spec.target),
        row: this.rowName(spec.target),
        column: this.colName(spec.target.col),
        stated: target.empty ? BLANK : formatAmount(target.value, j.scale),
        expected: formatAmount(j.expected, j.scale),
        difference: formatSigned(j.difference, j.scale),
        band: formatAmount(j.band, j.scale + 1),
        terms,
        count: spec.plus.length + (spec.minus?.length ?? 0),
        ...spec.data,
      },
      cause,
      checks: [{ table: this.rt.table.index, target: this.ref(spec.target), plus: spec.plus.map((p) => this.ref(p)), minus: (spec.minus ?? []).map((p) => this.ref(p)) }],
    });
    if (!spec.uncertain) this.sink.checks.push({ identity, outcome: severity === 'rounding' ? 'rounding' : 'error', finding: this.sink.findings[this.sink.findings.length - 1] ?? null });
    return j;
  }

  /**
   * Records an identity of this table as evidence for blame: a pass, or a failure with the finding
   * just reported for it.
   */
  evidence(identity: Identity, outcome: 'pass' | 'rounding' | 'error'): void {
    this.sink.checks.push({ identity, outcome, finding: outcome === 'pass' ? null : (this.sink.findings[this.sink.findings.length - 1] ?? null) });
  }

  /** A cell as a quantity of an identity; its name is worked out only when a message needs it. */
  quantity(pos: Pos, p: Printed, percent = false): Quantity {
    const ref = this.ref(pos);
    const nameOf = (): string => this.cellName(pos);
    return {
      id: `c:${ref.table}:${ref.row}:${ref.col}`,
      value: p.value,
      scale: p.scale,
      empty: p.empty,
      cell: ref,
      percent,
      get name(): string {
        return nameOf();
      },
    };
  }

  /** Name of a part relative to the target: the column name for same-row parts, the row name for same-column parts. */
  termName(target: Pos, part: Pos): string {
    if (part.row === target.row) return this.colName(part.col);
    if (part.col === target.col) return this.rowName(part);
    return this.cellName(part);
  }

  private terms(spec: SumSpec, plus: Printed[], minus: Printed[]): string {
    const fmt = (p: Printed): string => (p.empty ? BLANK : formatAmount(p.value, p.scale));
    const name = (i: number, pos: Pos): string => spec.names?.[i] ?? this.termName(spec.target, pos);
    const parts: string[] = [];
    // blank lines add nothing: leave them out of the formula unless every part is blank
    const showAll = plus.every((p) => p.empty) && minus.every((p) => p.empty);
    spec.plus.forEach((pos, i) => {
      const p = plus[i] as Printed;
      if (p.empty && !showAll) return;
      parts.push(`${parts.length ? '+ ' : ''}${name(i, pos)} ${fmt(p)}`);
    });
    (spec.minus ?? []).forEach((pos, i) => {
      const p = minus[i] as Printed;
      if (p.empty && !showAll) return;
      parts.push(`− ${name(spec.plus.length + i, pos)} ${fmt(p)}`);
    });
    if (parts.length > MAX_TERMS) {
      const shown = parts.slice(0, MAX_TERMS - 1);
      return `${shown.join(' ')} + …`;
    }
    return parts.join(' ');
  }

  /** Reports a finding of this rule. */
  report(
    f: Omit<EngineFinding, 'id' | 'rule' | 'table' | 'quote' | 'checks' | 'cause' | 'category' | 'messageId'> & {
      messageId: MessageKey;
      category?: Category;
      cause?: EngineFinding['cause'];
      checks?: SumCheck[];
    },
  ): void {
    this.sink.findings.push({
      ...f,
      id: '',
      rule: this.rule.id,
      table: this.rt.table.index,
      quote: null,
      category: f.category ?? this.rule.category,
      cause: f.cause ?? null,
      checks: f.checks ?? [],
    });
  }
}

/** Context of a rule that looks at the whole document (cross-table and narrative rules). */
export class DocumentContext {
  constructor(
    readonly doc: ReadDocument,
    readonly rule: RuleMeta,
    private readonly sink: Sink,
    readonly thresholds: Thresholds = DEFAULT_THRESHOLDS,
  ) {}

  forTable(rt: RecognisedTable): TableContext {
    return new TableContext(rt, this.doc, this.rule, this.sink, this.thresholds);
  }

  report(f: Omit<EngineFinding, 'id' | 'rule' | 'checks' | 'cause' | 'messageId'> & { messageId: MessageKey; cause?: EngineFinding['cause'] }): EngineFinding {
    const finding: EngineFinding = { id: '', rule: this.rule.id, cause: f.cause ?? null, checks: [], ...f };
    this.sink.findings.push(finding);
    return finding;
  }

  /** Records an identity checked, its outcome and the finding reported for it (if any), as evidence for blame. */
  evidence(identity: Identity, outcome: 'pass' | 'rounding' | 'error', finding: EngineFinding | null = null): void {
    this.sink.checks.push({ identity, outcome, finding });
    // an identity that held is a check that held
    if (outcome === 'pass')
      this.pass(
        quantities(identity).flatMap((q) => (q.cell ? [q.cell] : [])),
        PASS_KIND[identity.kind],
      );
  }

  /**
   * Records a check that held: cells of tables it was computed from, where it was (a narrative check
   * compares sentences and names none). "Checked and held" is counted, so a clean report never looks
   * like one where nothing could be checked.
   */
  pass(cells: readonly CellRef[] = [], kind: Passed['kind'] = 'sum'): void {
    this.sink.passed.push({ rule: this.rule.id, cells, kind });
  }

  notChecked(table: number | null, reason: string, data: MessageData = {}): void {
    const same = JSON.stringify(data);
    const dup = this.sink.notChecked.some((n) => n.rule === this.rule.id && n.table === table && n.reason === reason && JSON.stringify(n.data) === same);
    if (!dup) this.sink.notChecked.push({ rule: this.rule.id, table, reason, data });
  }
}

const PASS_KIND: Record<Identity['kind'], Passed['kind']> = { sum: 'sum', ratio: 'rate', growth: 'rate', change: 'rate', equal: 'exact', bound: 'bound' };

export { Decimal };
